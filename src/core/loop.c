#include "loop.h"
#include "io.h"
#include "timer.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

struct tasksrv_timer {
	uint64_t id;
	int64_t deadline;
	tasksrv_timer_fn fn;
	void *ctx;
};

/* The loop this process runs (or is about to run), for what the user adds to it
 * (Swoole\Event), and the glue's hook at every turn of it (Event::defer, cycle). */
static tasksrv_loop_t *current;
static pid_t current_pid;    /* a forked child has no loop until it makes its own */
static tasksrv_loop_idle_fn user_turn;
static void *user_turn_ctx;

int tasksrv_loop_init(tasksrv_loop_t *loop)
{
	memset(loop, 0, sizeof(*loop));
	loop->epfd = epoll_create1(EPOLL_CLOEXEC);
	if (loop->epfd < 0) {
		return -1;
	}
	current = loop;
	current_pid = getpid();
	return 0;
}

void tasksrv_loop_free(tasksrv_loop_t *loop)
{
	if (current == loop) {
		current = NULL;
	}
	if (loop->epfd >= 0) {
		close(loop->epfd);
	}
	free(loop->timers);
	memset(loop, 0, sizeof(*loop));
	loop->epfd = -1;
}

int tasksrv_loop_add(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, int fd, uint32_t events)
{
	struct epoll_event ev;

	h->fd = fd;
	h->events = events;
	ev.events = events;
	ev.data.ptr = h;
	return epoll_ctl(loop->epfd, EPOLL_CTL_ADD, fd, &ev);
}

int tasksrv_loop_mod(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, uint32_t events)
{
	struct epoll_event ev;

	if (h->events == events) {
		return 0;
	}
	h->events = events;
	ev.events = events;
	ev.data.ptr = h;
	return epoll_ctl(loop->epfd, EPOLL_CTL_MOD, h->fd, &ev);
}

void tasksrv_loop_del(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h)
{
	if (h->fd >= 0) {
		epoll_ctl(loop->epfd, EPOLL_CTL_DEL, h->fd, NULL);
	}
}

uint64_t tasksrv_loop_timer_add(tasksrv_loop_t *loop, int64_t after_ms, tasksrv_timer_fn fn, void *ctx)
{
	struct tasksrv_timer *t;

	if (loop->ntimers == loop->timers_cap) {
		int cap = loop->timers_cap ? loop->timers_cap * 2 : 8;
		t = realloc(loop->timers, sizeof(*t) * cap);
		if (t == NULL) {
			return 0;
		}
		loop->timers = t;
		loop->timers_cap = cap;
	}
	t = &loop->timers[loop->ntimers++];
	t->id = ++loop->next_timer_id;
	t->deadline = tasksrv_io_now_ms() + after_ms;
	t->fn = fn;
	t->ctx = ctx;
	return t->id;
}

void tasksrv_loop_timer_del(tasksrv_loop_t *loop, uint64_t id)
{
	int i;

	for (i = 0; i < loop->ntimers; i++) {
		if (loop->timers[i].id == id) {
			loop->timers[i] = loop->timers[--loop->ntimers];
			return;
		}
	}
}

tasksrv_loop_t *tasksrv_loop_current(void)
{
	return current && current_pid == getpid() ? current : NULL;
}

void tasksrv_loop_set_turn(tasksrv_loop_idle_fn fn, void *ctx)
{
	user_turn = fn;
	user_turn_ctx = ctx;
}

static int next_timeout(tasksrv_loop_t *loop)
{
	int64_t now, first = -1;
	int i, user = tasksrv_timer_next_ms();

	if (loop->ntimers == 0) {
		return user;
	}
	for (i = 0; i < loop->ntimers; i++) {
		if (first < 0 || loop->timers[i].deadline < first) {
			first = loop->timers[i].deadline;
		}
	}
	now = tasksrv_io_now_ms();
	i = first <= now ? 0 : (int) (first - now);
	return user >= 0 && user < i ? user : i;
}

/* Fires due timers one at a time: a timer callback may add or delete timers. */
static void run_timers(tasksrv_loop_t *loop)
{
	int64_t now = tasksrv_io_now_ms();
	int i;

	for (i = 0; i < loop->ntimers; i++) {
		if (loop->timers[i].deadline <= now) {
			struct tasksrv_timer t = loop->timers[i];
			loop->timers[i] = loop->timers[--loop->ntimers];
			t.fn(loop, t.ctx);
			i = -1;
			if (!loop->running) {
				return;
			}
		}
	}
}

int tasksrv_loop_run(tasksrv_loop_t *loop)
{
	struct epoll_event evs[64];
	int n, i, timeout, busy;

	loop->running = 1;
	while (loop->running) {
		busy = loop->idle && loop->idle(loop, loop->idle_ctx);
		if (user_turn && loop->running && user_turn(loop, user_turn_ctx)) {
			busy = 1;
		}
		if (!loop->running) {
			break;
		}
		/* After the hooks: what they ran may have added timers. */
		timeout = busy ? 0 : next_timeout(loop);
		n = epoll_wait(loop->epfd, evs, 64, timeout);
		if (n < 0) {
			if (errno == EINTR) {
				continue;
			}
			return -1;
		}
		for (i = 0; i < n && loop->running; i++) {
			tasksrv_loop_handler_t *h = evs[i].data.ptr;
			h->fn(loop, h, evs[i].events);
		}
		if (loop->running) {
			run_timers(loop);
		}
		if (loop->running) {
			tasksrv_timer_run_due();
		}
	}
	return 0;
}

void tasksrv_loop_stop(tasksrv_loop_t *loop)
{
	loop->running = 0;
}
