/* tasksrv: task dispatch and waiting. An event worker (or any process that sends
 * tasks) picks a task worker, sends the task without blocking or for a waiter
 * (task_ipc_mode 3: through the shared queue, a backlog pumped as task workers free
 * up), and waits for results addressed to its waiters; the failures of tasks lost on
 * the way (a task worker killed while running one, or while receiving one) are
 * written to their senders from here. The counters are the ledger's (ledger.c). */
#include "task.h"
#include "channel.h"
#include "failure.h"
#include "io.h"
#include "ledger.h"
#include "log.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

int tasksrv_task_pick_worker(tasksrv_server_t *s)
{
	int w = s->cfg.worker_num, t = s->cfg.task_worker_num, i, best = 0, best_q = -1;
	uint32_t start = __atomic_fetch_add(&s->shm->task_rr, 1, __ATOMIC_RELAXED);

	/* Round robin over idle task workers; when all are busy, the shortest queue. */
	for (i = 0; i < t; i++) {
		int j = (int) ((start + i) % (uint32_t) t);
		tasksrv_worker_slot_t *slot = &s->shm->workers[w + j];
		int q = TASKSRV_ATOMIC_LOAD(&slot->queued);
		if (TASKSRV_ATOMIC_LOAD(&slot->status) == TASKSRV_WORKER_IDLE && q <= 0) {
			return j;
		}
		if (best_q < 0 || q < best_q) {
			best_q = q;
			best = j;
		}
	}
	return best;
}

static void task_accounted(tasksrv_server_t *s, int dst, const tasksrv_frame_t *f, int delta)
{
	TASKSRV_ATOMIC_ADD(&s->shm->workers[s->cfg.worker_num + dst].queued, delta);
	TASKSRV_ATOMIC_ADD(&s->shm->task_count, delta);
	TASKSRV_ATOMIC_ADD(&s->shm->task_queue_bytes, (int64_t) delta * f->len);
	TASKSRV_ATOMIC_ADD(&s->shm->task_accepted, delta);
}

/* task_ipc_mode 3: a task goes only to a task worker that is idle with nothing
 * queued, claimed by a compare-and-swap on its queue length; so tasks wait in one
 * place (the sender's backlog) and whichever task worker frees first takes the next. */
static int claim_free_task_worker(tasksrv_server_t *s)
{
	int w = s->cfg.worker_num, t = s->cfg.task_worker_num, i;
	uint32_t start = __atomic_fetch_add(&s->shm->task_rr, 1, __ATOMIC_RELAXED);

	for (i = 0; i < t; i++) {
		int j = (int) ((start + i) % (uint32_t) t);
		tasksrv_worker_slot_t *slot = &s->shm->workers[w + j];
		int32_t expect = 0;
		if (TASKSRV_ATOMIC_LOAD(&slot->status) == TASKSRV_WORKER_IDLE
				&& __atomic_compare_exchange_n(&slot->queued, &expect, 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED)) {
			/* Its queue may have emptied because it is taking a task (task_take marks
			 * it busy first): then the claim is given back. */
			if (__atomic_load_n(&slot->status, __ATOMIC_ACQUIRE) == TASKSRV_WORKER_IDLE) {
				return j;
			}
			__atomic_sub_fetch(&slot->queued, 1, __ATOMIC_RELEASE);
		}
	}
	return -1;
}

/* Sends a claimed task; the claim already counted it as queued. */
static int send_claimed(tasksrv_server_t *s, int dst, tasksrv_frame_t *f, const char *payload)
{
	TASKSRV_ATOMIC_ADD(&s->shm->task_queue_bytes, (int64_t) f->len);
	if (tasksrv_channel_send_async(s, s->cfg.worker_num + dst, f, payload) < 0) {
		TASKSRV_ATOMIC_ADD(&s->shm->workers[s->cfg.worker_num + dst].queued, -1);
		TASKSRV_ATOMIC_ADD(&s->shm->task_queue_bytes, -(int64_t) f->len);
		return -1;
	}
	return 0;
}

/* The backlog's length, server-wide and per worker (the manager books a dead
 * worker's backlog: tasksrv_ledger_book_unsent). */
static void backlog_counted(tasksrv_server_t *s, int64_t delta)
{
	TASKSRV_ATOMIC_ADD(&s->shm->task_backlog, delta);
	if (s->role == TASKSRV_ROLE_WORKER) {
		TASKSRV_ATOMIC_ADD(&s->shm->workers[s->worker_id].backlog, (int32_t) delta);
	}
}

static void backlog_pump(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_server_t *s = ctx;
	tasksrv_frame_t f;
	int dst;

	/* Called by its timer (already off the list) or directly: one timer at most. */
	if (s->backlog_timer) {
		tasksrv_loop_timer_del(loop, s->backlog_timer);
		s->backlog_timer = 0;
	}
	while (tasksrv_buffer_size(&s->backlog) >= sizeof(f) && (dst = claim_free_task_worker(s)) >= 0) {
		memcpy(&f, tasksrv_buffer_head(&s->backlog), sizeof(f));
		if (send_claimed(s, dst, &f, tasksrv_buffer_head(&s->backlog) + sizeof(f)) < 0) {
			tasksrv_log(TASKSRV_LOG_WARNING, "send of task %ld to task worker #%d failed: %s",
				(long) f.task_id, dst, strerror(errno));
			break;
		}
		tasksrv_buffer_consume(&s->backlog, sizeof(f) + f.len);
		backlog_counted(s, -1);
	}
	if (tasksrv_buffer_size(&s->backlog) > 0 && loop->epfd >= 0) {
		s->backlog_timer = tasksrv_loop_timer_add(loop, 1, backlog_pump, s);
	}
}

int tasksrv_task_send(tasksrv_server_t *s, int dst, tasksrv_frame_t *f, const char *payload)
{
	if (s->cfg.shared_task_queue) {
		TASKSRV_ATOMIC_ADD(&s->shm->task_count, 1);
		TASKSRV_ATOMIC_ADD(&s->shm->task_accepted, 1);
		if (tasksrv_buffer_size(&s->backlog) == 0 && (dst = claim_free_task_worker(s)) >= 0) {
			if (send_claimed(s, dst, f, payload) == 0) {
				return 0;
			}
			TASKSRV_ATOMIC_ADD(&s->shm->task_count, -1);
			TASKSRV_ATOMIC_ADD(&s->shm->task_accepted, -1);
			return -1;
		}
		/* Every task worker is busy: the task waits here, not behind a long task. */
		if (tasksrv_buffer_append(&s->backlog, f, sizeof(*f)) < 0
				|| tasksrv_buffer_append(&s->backlog, payload, f->len) < 0) {
			return -1;
		}
		backlog_counted(s, 1);
		if (!s->backlog_timer && s->loop.epfd >= 0) {
			s->backlog_timer = tasksrv_loop_timer_add(&s->loop, 1, backlog_pump, s);
		}
		return 0;
	}
	task_accounted(s, dst, f, 1);
	if (tasksrv_channel_send_async(s, s->cfg.worker_num + dst, f, payload) < 0) {
		task_accounted(s, dst, f, -1);
		return -1;
	}
	return 0;
}

int tasksrv_task_send_wait(tasksrv_server_t *s, int dst, tasksrv_frame_t *f, const char *payload)
{
	if (s->cfg.shared_task_queue) {
		/* Into the shared queue like any task: the wait for its result (and its
		 * timeout) covers the wait for a free task worker. */
		return tasksrv_task_send(s, dst, f, payload);
	}
	task_accounted(s, dst, f, 1);
	if (tasksrv_channel_send_blocking(s, s->cfg.worker_num + dst, f, payload) < 0) {
		task_accounted(s, dst, f, -1);
		return -1;
	}
	return 0;
}

/* Returns 1 when a frame for a waiter was taken, 0 when none is waiting, -1 on error. */
static int take_waiter_frame(tasksrv_server_t *s, int peer, tasksrv_frame_t *result, void **handle)
{
	int r;

	for (;;) {
		r = tasksrv_channel_read_frame(s, peer, result, handle);
		if (r <= 0) {
			return r;
		}
		if (result->type != TASKSRV_FRAME_RESULT || (result->flags & TASKSRV_FLAG_NONBLOCK)) {
			/* Not for a waiter: the loop hands it out later, in arrival order. */
			tasksrv_channel_defer(s, result, peer, *handle);
		} else if (result->origin_gen != s->gen) {
			/* For a waiter of an earlier incarnation of this worker id. */
			s->hooks->payload_free(s, *handle);
		} else {
			return 1;
		}
		*handle = NULL;
	}
}

/* A waiter's frame may have been read earlier, while a blocking send drained the
 * channel into the deferred queue: take it from there first. */
static int take_deferred_waiter_frame(tasksrv_server_t *s, tasksrv_frame_t *result, void **handle)
{
	int i;

	for (i = s->deferred_pos; i < s->ndeferred; i++) {
		tasksrv_deferred_t *d = &s->deferred[i];
		if (d->f.type == TASKSRV_FRAME_RESULT && !(d->f.flags & TASKSRV_FLAG_NONBLOCK)) {
			*result = d->f;
			*handle = d->handle;
			memmove(d, d + 1, sizeof(*d) * (s->ndeferred - i - 1));
			s->ndeferred--;
			if (result->origin_gen == s->gen) {
				return 1;
			}
			s->hooks->payload_free(s, *handle);
			*handle = NULL;
			i--;
		}
	}
	return 0;
}

int tasksrv_task_wait_result(tasksrv_server_t *s, int64_t deadline_ms, tasksrv_frame_t *result, void **handle)
{
	int w = s->cfg.worker_num, t = s->cfg.task_worker_num, ready[64], nready, i, r, timeout;

	*handle = NULL;
	tasksrv_channel_uncork(s);
	if (take_deferred_waiter_frame(s, result, handle)) {
		return 1;
	}
	for (;;) {
		/* Frames already in a ring first: the wait cannot see them. On shared-memory
		 * channels, writers ring this process's eventfd from now on. */
		if (s->shm_reader) {
			tasksrv_ring_set_sleep_begin(s->rings, s->self_endpoint);
		}
		for (i = 0; i <= t; i++) {
			if (tasksrv_channel_has_input(s, w + i) && (r = take_waiter_frame(s, w + i, result, handle)) != 0) {
				return r;
			}
		}
		timeout = (int) (deadline_ms - tasksrv_io_now_ms());
		if (timeout < 0) {
			timeout = 0;
		}
		/* task_ipc_mode 3: the loop is not turning, so the shared queue is pumped here. */
		if (tasksrv_buffer_size(&s->backlog) > 0) {
			backlog_pump(&s->loop, s);
			if (tasksrv_buffer_size(&s->backlog) > 0 && timeout > 1) {
				timeout = 1;
			}
		}
		/* Task workers send results; the manager sends failures of tasks it saw die. */
		r = tasksrv_channel_wait_input(s, w, w + t + 1, timeout, ready, 64, &nready);
		if (r < 0) {
			if (errno == EINTR) {
				continue;
			}
			return -1;
		}
		if (r == 0) {
			if (tasksrv_io_now_ms() < deadline_ms) {
				continue;
			}
			return 0;
		}
		/* A ring's wake-up puts nothing in ready: the rings are looked at at the top. */
		for (i = 0; i < nready; i++) {
			r = take_waiter_frame(s, ready[i], result, handle);
			if (r != 0) {
				return r;
			}
		}
	}
}

static int send_failure(tasksrv_server_t *s, int peer, int64_t task_id, uint32_t origin_gen, uint16_t task_flags,
	const tasksrv_failure_t *fail, int blocking);

int tasksrv_task_report_lost(tasksrv_server_t *s, int worker_id, int reason, int signo, int exit_status)
{
	tasksrv_worker_slot_t *slot = &s->shm->workers[worker_id];
	tasksrv_failure_t fail;
	char msg[160];
	int peer;

	if (!tasksrv_ledger_claim_lost(s, worker_id, reason)) {
		return 0;
	}
	peer = slot->cur_src;
	memset(&fail, 0, sizeof(fail));
	fail.reason = reason;
	fail.worker_id = worker_id;
	fail.signo = signo;
	fail.exit_status = exit_status;
	if (reason == TASKSRV_FAIL_TIMEOUT) {
		snprintf(msg, sizeof(msg), "task %ld ran longer than task_timeout (%.3f s); task worker #%d is being stopped",
			(long) slot->cur_task_id, s->cfg.task_timeout_ms / 1000.0, worker_id);
	} else if (signo) {
		snprintf(msg, sizeof(msg), "task worker #%d (pid %d) was killed by signal %d while running task %ld",
			worker_id, (int) slot->pid, signo, (long) slot->cur_task_id);
	} else {
		snprintf(msg, sizeof(msg), "task worker #%d (pid %d) exited with status %d while running task %ld",
			worker_id, (int) slot->pid, exit_status, (long) slot->cur_task_id);
	}
	fail.message = msg;
	fail.message_len = strlen(msg);
	if ((slot->cur_flags & TASKSRV_FLAG_NOREPLY) || peer == tasksrv_state_endpoint_manager(s)) {
		/* A one-way task: nobody waits for it, so the log is where it is told. */
		tasksrv_log(TASKSRV_LOG_WARNING, "one-way task %ld failed (%s): %s", (long) slot->cur_task_id,
			tasksrv_failure_reason_name(reason), msg);
		return 1;
	}
	return send_failure(s, peer, slot->cur_task_id, slot->cur_gen, slot->cur_flags, &fail, 0) < 0 ? -1 : 1;
}

/* Writes a task's failure to the worker that sent it (its last frame). */
static int send_failure(tasksrv_server_t *s, int peer, int64_t task_id, uint32_t origin_gen, uint16_t task_flags,
	const tasksrv_failure_t *fail, int blocking)
{
	tasksrv_buffer_t buf = {0};
	tasksrv_frame_t f;
	int rc;

	if (tasksrv_failure_encode(fail, &buf) < 0) {
		return -1;
	}
	memset(&f, 0, sizeof(f));
	f.version = TASKSRV_FRAME_VERSION;
	f.type = TASKSRV_FRAME_RESULT;
	f.flags = TASKSRV_FLAG_FAILURE | TASKSRV_FLAG_FINAL
		| (task_flags & (TASKSRV_FLAG_NONBLOCK | TASKSRV_FLAG_CALLBACK | TASKSRV_FLAG_WAITALL));
	f.len = (uint32_t) tasksrv_buffer_size(&buf);
	f.task_id = task_id;
	f.src_worker = fail->worker_id;
	f.origin_gen = origin_gen;
	f.time = tasksrv_io_unix_time();
	rc = blocking ? tasksrv_channel_send_blocking(s, peer, &f, tasksrv_buffer_head(&buf))
		: tasksrv_channel_send_async(s, peer, &f, tasksrv_buffer_head(&buf));
	tasksrv_buffer_free(&buf);
	return rc;
}

/* A task that reached this task worker and never started fails with `reason`: it
 * leaves the queue as a failure and its sender is told. */
static void fail_unstarted_task(tasksrv_server_t *s, int peer, const tasksrv_frame_t *hdr, int reason, const char *msg)
{
	tasksrv_failure_t fail;

	tasksrv_ledger_unstarted(s, hdr->len, reason);
	memset(&fail, 0, sizeof(fail));
	fail.reason = reason;
	fail.worker_id = s->worker_id;
	fail.exit_status = -1;
	fail.message = msg;
	fail.message_len = strlen(msg);
	if ((hdr->flags & TASKSRV_FLAG_NOREPLY) || peer == tasksrv_state_endpoint_manager(s)) {
		tasksrv_log(TASKSRV_LOG_WARNING, "one-way task %ld failed (%s): %s", (long) hdr->task_id,
			tasksrv_failure_reason_name(reason), msg);
		return;
	}
	if (send_failure(s, peer, hdr->task_id, hdr->origin_gen, hdr->flags, &fail, 1) < 0) {
		tasksrv_log(TASKSRV_LOG_WARNING, "cannot tell worker #%d that task %ld failed: %s", peer,
			(long) hdr->task_id, strerror(errno));
	}
}

void tasksrv_task_report_cut(tasksrv_server_t *s, int peer, const tasksrv_frame_t *hdr)
{
	char msg[160];

	if (hdr->type != TASKSRV_FRAME_TASK || tasksrv_frame_check(hdr) != NULL) {
		return;
	}
	snprintf(msg, sizeof(msg), "task worker #%d died while receiving task %ld (%u bytes of data)",
		s->worker_id, (long) hdr->task_id, hdr->len);
	fail_unstarted_task(s, peer, hdr, TASKSRV_FAIL_WORKER_DIED, msg);
}

/* A task's last result that its worker cannot take becomes the caller's failure,
 * made here as the task worker would have sent it (too_large instead of done). */
static int refused_result(tasksrv_server_t *s, const tasksrv_frame_t *hdr, tasksrv_frame_t *f, void **handle)
{
	tasksrv_buffer_t buf = {0};
	tasksrv_failure_t fail;
	char msg[200], *dst;

	snprintf(msg, sizeof(msg), "the result of task %ld (%u bytes) is more than worker #%d can take "
		"(memory_limit); task worker #%d ran the task", (long) hdr->task_id, hdr->len, s->worker_id, hdr->src_worker);
	memset(&fail, 0, sizeof(fail));
	fail.reason = TASKSRV_FAIL_TOO_LARGE;
	fail.worker_id = hdr->src_worker;
	fail.exit_status = -1;
	fail.message = msg;
	fail.message_len = strlen(msg);
	if (tasksrv_failure_encode(&fail, &buf) < 0
			|| (dst = s->hooks->payload_alloc(s, tasksrv_buffer_size(&buf), handle)) == NULL) {
		tasksrv_buffer_free(&buf);
		return 0;
	}
	memcpy(dst, tasksrv_buffer_head(&buf), tasksrv_buffer_size(&buf));
	*f = *hdr;
	f->flags = TASKSRV_FLAG_FAILURE | TASKSRV_FLAG_FINAL
		| (hdr->flags & (TASKSRV_FLAG_NONBLOCK | TASKSRV_FLAG_CALLBACK | TASKSRV_FLAG_WAITALL));
	f->len = (uint32_t) tasksrv_buffer_size(&buf);
	tasksrv_buffer_free(&buf);
	/* The task worker booked it as done. */
	tasksrv_ledger_rebook_failed(s, TASKSRV_FAIL_TOO_LARGE);
	return 1;
}

int tasksrv_task_refuse_frame(tasksrv_server_t *s, int peer, const tasksrv_frame_t *hdr, tasksrv_frame_t *f, void **handle)
{
	char msg[200];

	*handle = NULL;
	if (hdr->type == TASKSRV_FRAME_TASK && s->role == TASKSRV_ROLE_TASK_WORKER) {
		snprintf(msg, sizeof(msg), "the data of task %ld (%u bytes) is more than task worker #%d can take "
			"(memory_limit); the task was not run", (long) hdr->task_id, hdr->len, s->worker_id);
		tasksrv_log(TASKSRV_LOG_WARNING, "%s", msg);
		fail_unstarted_task(s, peer, hdr, TASKSRV_FAIL_TOO_LARGE, msg);
		return 0;
	}
	if (hdr->type == TASKSRV_FRAME_RESULT && (hdr->flags & TASKSRV_FLAG_FINAL)
			&& !(hdr->flags & TASKSRV_FLAG_FAILURE) && refused_result(s, hdr, f, handle)) {
		tasksrv_log(TASKSRV_LOG_WARNING, "the result of task %ld (%u bytes) is more than worker #%d can take "
			"(memory_limit): the task fails as too_large", (long) hdr->task_id, hdr->len, s->worker_id);
		return 1;
	}
	TASKSRV_ATOMIC_ADD(&s->shm->frames_refused, 1);
	tasksrv_log(TASKSRV_LOG_WARNING, "dropped a message of %u bytes from endpoint %d (frame type %d): "
		"more than this process can take (memory_limit)", hdr->len, peer, hdr->type);
	return 0;
}

int64_t tasksrv_task_drop_backlog(tasksrv_server_t *s)
{
	int64_t n = 0;
	tasksrv_frame_t f;

	while (tasksrv_buffer_size(&s->backlog) >= sizeof(f)) {
		memcpy(&f, tasksrv_buffer_head(&s->backlog), sizeof(f));
		tasksrv_buffer_consume(&s->backlog, sizeof(f) + f.len);
		n++;
	}
	backlog_counted(s, -n);
	TASKSRV_ATOMIC_ADD(&s->shm->task_failed_by_reason[TASKSRV_FAIL_SHUTDOWN], n);
	return n;
}
