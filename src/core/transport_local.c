/* tasksrv: the local task transport. Task worker index i is endpoint W+i of the
 * channel matrix; answers go back on the channel the task came in on (reply_to is
 * the sender's endpoint); a waiter reads the channels of the task workers and of
 * the manager (which reports the failures of tasks it saw die). The channels exist
 * for every frame of the server (connections, messages), so opening and closing
 * them is the process tree's business (server.c, manager.c): open/close do nothing. */
#include "transport_local.h"
#include "channel.h"
#include "io.h"

#include <errno.h>

static int local_open(tasksrv_transport_t *t)
{
	(void) t;
	return 0;
}

static void local_close(tasksrv_transport_t *t)
{
	(void) t;
}

static int local_send_async(tasksrv_transport_t *t, tasksrv_dest_t dst, tasksrv_frame_t *f, const char *payload)
{
	return tasksrv_channel_send_async(t->srv, t->srv->cfg.worker_num + dst.index, f, payload);
}

static int local_send_blocking(tasksrv_transport_t *t, tasksrv_dest_t dst, tasksrv_frame_t *f, const char *payload)
{
	return tasksrv_channel_send_blocking(t->srv, t->srv->cfg.worker_num + dst.index, f, payload);
}

static int local_reply(tasksrv_transport_t *t, int reply_to, tasksrv_frame_t *f, const char *payload, int blocking)
{
	return blocking ? tasksrv_channel_send_blocking(t->srv, reply_to, f, payload)
		: tasksrv_channel_send_async(t->srv, reply_to, f, payload);
}

static int local_next_frame(tasksrv_transport_t *t, int64_t deadline_ms, tasksrv_frame_t *f, int *src, void **handle)
{
	tasksrv_server_t *s = t->srv;
	/* Task workers send answers; the manager sends failures of tasks it saw die. */
	int from = s->cfg.worker_num, to = tasksrv_state_endpoint_manager(s) + 1, ready[64], nready, i, r, timeout, broken;

	for (;;) {
		/* Frames already in a ring first: the wait cannot see them. On shared-memory
		 * channels, writers ring this process's eventfd from now on. */
		if (s->shm_reader) {
			tasksrv_ring_set_sleep_begin(s->rings, s->self_endpoint);
		}
		broken = 0;
		for (i = from; i < to; i++) {
			/* A broken channel is emptied once its writer gave up: looked at each time. */
			int b = tasksrv_channel_input_broken(s, i);
			broken |= b;
			if ((b || tasksrv_channel_has_input(s, i)) && (r = tasksrv_channel_read_frame(s, i, f, handle)) != 0) {
				*src = i;
				return r;
			}
		}
		/* A broken channel's failures were made while reading (tasksrv_task_fail_lost):
		 * the caller looks for its own among them before anything waits. */
		if (s->tasks.lost_deferred) {
			if (s->shm_reader) {
				tasksrv_ring_set_sleep_end(s->rings, s->self_endpoint);
			}
			return 0;
		}
		timeout = (int) (deadline_ms - tasksrv_io_now_ms());
		if (timeout < 0) {
			timeout = 0;
		}
		if (broken && timeout > 20) {
			/* The byte that wakes us when its writer gives up may have come already. */
			timeout = 20;
		}
		r = tasksrv_channel_wait_input(s, from, to, timeout, ready, 64, &nready);
		if (r < 0) {
			if (errno == EINTR) {
				continue;
			}
			return -1;
		}
		if (r == 0) {
			return 0;
		}
		/* A ring's wake-up puts nothing in ready: the rings are looked at at the top. */
		for (i = 0; i < nready; i++) {
			if ((r = tasksrv_channel_read_frame(s, ready[i], f, handle)) != 0) {
				*src = ready[i];
				return r;
			}
		}
	}
}

static int local_event_fd(tasksrv_transport_t *t)
{
	(void) t;
	return -1;
}

static const tasksrv_transport_ops_t local_ops = {
	.name = "local",
	.open = local_open,
	.close = local_close,
	.send_async = local_send_async,
	.send_blocking = local_send_blocking,
	.reply = local_reply,
	.next_frame = local_next_frame,
	.event_fd = local_event_fd,
	.watch = NULL,
};

const tasksrv_transport_ops_t *tasksrv_transport_local_ops(void)
{
	return &local_ops;
}
