/* tasksrv: the task worker. It waits on its channels from every worker and the
 * manager, takes one task at a time and runs it to the end (onTask is synchronous). */
#include "task_worker.h"
#include "channel.h"
#include "ledger.h"
#include "failure.h"
#include "log.h"
#include "signals.h"

#include <errno.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

static void task_worker_on_signal(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, uint32_t events)
{
	int signo;

	(void) events;
	while ((signo = tasksrv_signals_next()) != 0) {
		if (signo == SIGTERM && tasksrv_signals_stop_signal(h->ctx, signo)) {
			/* Delivered between tasks: the task in hand has already finished. */
			tasksrv_loop_stop(loop);
		} else if (signo == SIGRTMIN) {
			tasksrv_log_reopen();
		}
	}
}

/* The server is stopping and no task worker will follow this one: the tasks still
 * queued to it will never run. Given-up ones are skipped (and booked) by the read;
 * any other (a one-way task) fails as "shutdown" here, so the ledger balances. */
static void fail_left_over(tasksrv_server_t *s)
{
	tasksrv_frame_t f;
	void *handle;
	int i, r, n = 0;

	for (i = 0; i < s->nendpoints; i++) {
		if (s->peers[i].h.fd < 0) {
			continue;
		}
		while ((r = tasksrv_channel_read_frame(s, i, &f, &handle)) > 0) {
			/* Given-up tasks are booked by task_take; one-way ones fail here. */
			if (f.type == TASKSRV_FRAME_TASK && tasksrv_ledger_take(s, &f, i)) {
				tasksrv_ledger_end(s, TASKSRV_FAIL_SHUTDOWN);
				tasksrv_ledger_sent(s);
				n++;
			}
			s->hooks->payload_free(s, handle);
		}
	}
	if (n > 0) {
		tasksrv_log(TASKSRV_LOG_WARNING, "%d queued task(s) failed as shutdown: the server stopped before they started", n);
	}
}

static int task_worker_idle(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_server_t *s = ctx;
	int more = tasksrv_channel_run_deferred(loop, s);

	/* A task backend (a TaskNode): the answers of this turn leave, fetched tasks run. */
	if (loop->running && tasksrv_transport_flush(&s->transport)) {
		more = 1;
	}
	if (!more && loop->running && tasksrv_channel_prepare_sleep(s)) {
		more = 1;
	}
	return more;
}

int tasksrv_task_worker_main(tasksrv_server_t *s)
{
	const int sigs[] = {SIGTERM, SIGRTMIN};
	int i;

	if (tasksrv_loop_init(&s->loop) < 0) {
		return 1;
	}
	s->loop.idle = task_worker_idle;
	s->loop.idle_ctx = s;
	tasksrv_signals_install(sigs, 2);
	tasksrv_signals_ignore(SIGINT);
	tasksrv_signals_ignore(SIGPIPE);
	s->sig_h.fn = task_worker_on_signal;
	s->sig_h.ctx = s;
	tasksrv_loop_add(&s->loop, &s->sig_h, tasksrv_signals_fd(), EPOLLIN);
	for (i = 0; i < s->nendpoints; i++) {
		if (s->peers[i].h.fd >= 0) {
			s->peers[i].registered = tasksrv_loop_add(&s->loop, &s->peers[i].h, s->peers[i].h.fd, EPOLLIN) == 0;
		}
	}
	if (tasksrv_channel_watch_rings(s) < 0) {
		tasksrv_log(TASKSRV_LOG_ERROR, "cannot watch the channel rings: %s", strerror(errno));
		return 1;
	}
	tasksrv_log_set_process('^', s->worker_id);
	TASKSRV_ATOMIC_STORE(&s->shm->workers[s->worker_id].status, TASKSRV_WORKER_IDLE);
	if (s->hooks->on_worker_start) {
		s->hooks->on_worker_start(s, s->worker_id);
	}
	/* A task backend (a TaskNode): tasks come from outside the process tree. */
	tasksrv_transport_watch(&s->transport, &s->loop);
	if (!s->exiting && tasksrv_loop_run(&s->loop) < 0) {
		tasksrv_log(TASKSRV_LOG_ERROR, "event loop failed: %s", strerror(errno));
	}
	if (s->exiting) {
		return 0;
	}
	if (TASKSRV_ATOMIC_LOAD(&s->shm->shutting_down)) {
		tasksrv_channel_run_deferred(&s->loop, s);
		fail_left_over(s);
	}
	TASKSRV_ATOMIC_STORE(&s->shm->workers[s->worker_id].status, TASKSRV_WORKER_EXIT);
	if (s->hooks->on_worker_stop) {
		s->hooks->on_worker_stop(s, s->worker_id);
	}
	return 0;
}
