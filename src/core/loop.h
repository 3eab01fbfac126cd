/* tasksrv: the event loop. One epoll set per process, level-triggered,
 * plus a short list of one-shot timers. Handlers are caller-owned structs, so the
 * loop allocates nothing per event. */
#ifndef TASKSRV_LOOP_H
#define TASKSRV_LOOP_H

#include <stdint.h>

typedef struct tasksrv_loop tasksrv_loop_t;
typedef struct tasksrv_loop_handler tasksrv_loop_handler_t;

typedef void (*tasksrv_loop_fn)(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, uint32_t events);
typedef void (*tasksrv_timer_fn)(tasksrv_loop_t *loop, void *ctx);
/* Called before each wait; returns non-zero when work is queued, so the wait must not block. */
typedef int (*tasksrv_loop_idle_fn)(tasksrv_loop_t *loop, void *ctx);

struct tasksrv_loop_handler {
	tasksrv_loop_fn fn;
	int fd;
	uint32_t events; /* current interest set */
	void *ctx;
};

struct tasksrv_loop {
	int epfd;
	int running;
	struct tasksrv_timer *timers;
	int ntimers, timers_cap;
	uint64_t next_timer_id;
	tasksrv_loop_idle_fn idle;
	void *idle_ctx;
};

int tasksrv_loop_init(tasksrv_loop_t *loop);
void tasksrv_loop_free(tasksrv_loop_t *loop);
int tasksrv_loop_add(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, int fd, uint32_t events);
int tasksrv_loop_mod(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, uint32_t events);
void tasksrv_loop_del(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h);
/* Returns a timer id (>0), or 0 when memory runs out. */
uint64_t tasksrv_loop_timer_add(tasksrv_loop_t *loop, int64_t after_ms, tasksrv_timer_fn fn, void *ctx);
void tasksrv_loop_timer_del(tasksrv_loop_t *loop, uint64_t id);
/* Runs until tasksrv_loop_stop(). Returns 0, or -1 when epoll fails. */
int tasksrv_loop_run(tasksrv_loop_t *loop);
void tasksrv_loop_stop(tasksrv_loop_t *loop);
/* The loop this process last initialised and has not freed, NULL when none. Every
 * loop also runs the process's user timers (timer.h) and, once per turn before it
 * waits, the hook set here (non-zero: work is queued, do not block). */
tasksrv_loop_t *tasksrv_loop_current(void);
void tasksrv_loop_set_turn(tasksrv_loop_idle_fn fn, void *ctx);

#endif
