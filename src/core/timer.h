/* tasksrv: the user timers of this process (Swoole\Timer). One set per process,
 * run by whichever loop the process runs: loop.c asks it for the next deadline and
 * runs what is due after each round of events, so a timer never fires inside another
 * callback. Ids count from 1 in each process; a fork leaves the child an empty set
 * (timers belong to the process that set them). A binary heap orders the deadlines,
 * a hash table finds a timer by id. */
#ifndef TASKSRV_TIMER_H
#define TASKSRV_TIMER_H

#include <stdint.h>

/* Runs timer id (its ctx as given to add). */
typedef void (*tasksrv_timer_run_fn)(int64_t id, void *ctx);
/* Releases a timer's ctx: after its last run, when it is cleared, or in a forked child. */
typedef void (*tasksrv_timer_free_fn)(void *ctx);

typedef struct {
	int64_t exec_ms;     /* its next run, in ms since the set was first used */
	int64_t exec_count;  /* runs finished */
	int64_t interval_ms; /* tick's interval; after()'s delay */
	int64_t round;       /* the round of runs it was added in */
	int removed;         /* cleared while its callback runs */
} tasksrv_timer_info_t;

/* The glue's pair, once per process (before the first add). */
void tasksrv_timer_setup(tasksrv_timer_run_fn run, tasksrv_timer_free_fn free_ctx);
/* A timer due in after_ms (at least 1), again every after_ms when repeat. Returns
 * its id (> 0), or -1 when memory runs out. */
int64_t tasksrv_timer_add(int64_t after_ms, int repeat, void *ctx);
/* Returns 1 if the timer existed (its ctx is released now, or after its callback
 * returns when it is the one running), 0 if not. */
int tasksrv_timer_clear(int64_t id);
void tasksrv_timer_clear_all(void);
/* Clears every timer and starts afresh: ids from 1, not initialized (the script's loop ended). */
void tasksrv_timer_reset(void);
/* A timer that exists (a cleared one whose callback is still running does not). */
int tasksrv_timer_exists(int64_t id);
/* 1 with *info filled (also for a cleared timer whose callback is still running), 0 if none. */
int tasksrv_timer_info(int64_t id, tasksrv_timer_info_t *info);
/* How many timers exist, and up to max of their ids (in ascending order). */
int tasksrv_timer_count(void);
int tasksrv_timer_list(int64_t *ids, int max);
/* Whether a timer was ever added in this process, and how many rounds of runs there were. */
int tasksrv_timer_initialized(void);
int64_t tasksrv_timer_round(void);
/* The loop's side: ms until the first deadline (0: due now, -1: no timer), and
 * running every timer due now (one round). */
int tasksrv_timer_next_ms(void);
void tasksrv_timer_run_due(void);

#endif
