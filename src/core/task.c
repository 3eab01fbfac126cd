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
#include "transport_redis.h"

#include <errno.h>
#include <poll.h>
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
		if (tasksrv_channel_is_broken(s, w + j)) {
			/* Found corrupt, being reset: a task sent there now would fail. */
			continue;
		}
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
	/* A remote task has no local task worker slot: it counts as queued (accepted and
	 * no outcome yet) until its last frame comes back (transport_redis.c books that). */
	if (!tasksrv_transport_is_remote(&s->transport)) {
		TASKSRV_ATOMIC_ADD(&s->shm->workers[s->cfg.worker_num + dst].queued, delta);
		TASKSRV_ATOMIC_ADD(&s->shm->task_queue_bytes, (int64_t) delta * f->len);
	}
	TASKSRV_ATOMIC_ADD(&s->shm->task_count, delta);
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

/* An async task's send: a user process has no loop to finish it later, so it
 * writes the whole frame now. */
static int send_task(tasksrv_server_t *s, int dst, tasksrv_frame_t *f, const char *payload)
{
	if (s->role == TASKSRV_ROLE_USER) {
		return tasksrv_transport_send_blocking(&s->transport, tasksrv_transport_dest(dst), f, payload);
	}
	return tasksrv_transport_send_async(&s->transport, tasksrv_transport_dest(dst), f, payload);
}

/* Sends a claimed task; the claim already counted it as queued. */
static int send_claimed(tasksrv_server_t *s, int dst, tasksrv_frame_t *f, const char *payload)
{
	TASKSRV_ATOMIC_ADD(&s->shm->task_queue_bytes, (int64_t) f->len);
	if (send_task(s, dst, f, payload) < 0) {
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
	if (s->tasks.backlog_timer) {
		tasksrv_loop_timer_del(loop, s->tasks.backlog_timer);
		s->tasks.backlog_timer = 0;
	}
	while (tasksrv_buffer_size(&s->tasks.backlog) >= sizeof(f) && (dst = claim_free_task_worker(s)) >= 0) {
		memcpy(&f, tasksrv_buffer_head(&s->tasks.backlog), sizeof(f));
		if (send_claimed(s, dst, &f, tasksrv_buffer_head(&s->tasks.backlog) + sizeof(f)) < 0) {
			tasksrv_log(TASKSRV_LOG_WARNING, "send of task %ld to task worker #%d failed: %s",
				(long) f.task_id, dst, strerror(errno));
			break;
		}
		tasksrv_buffer_consume(&s->tasks.backlog, sizeof(f) + f.len);
		backlog_counted(s, -1);
	}
	if (tasksrv_buffer_size(&s->tasks.backlog) > 0 && loop->epfd >= 0) {
		s->tasks.backlog_timer = tasksrv_loop_timer_add(loop, 1, backlog_pump, s);
	}
}

int tasksrv_task_send(tasksrv_server_t *s, int dst, tasksrv_frame_t *f, const char *payload)
{
	if (s->cfg.shared_task_queue && !tasksrv_transport_is_remote(&s->transport)) {
		TASKSRV_ATOMIC_ADD(&s->shm->task_count, 1);
		TASKSRV_ATOMIC_ADD(&s->shm->task_accepted, 1);
		/* A user process has no loop to pump a backlog: it waits for a free task worker. */
		while (s->role == TASKSRV_ROLE_USER && (dst = claim_free_task_worker(s)) < 0) {
			poll(NULL, 0, 1);
		}
		if (s->role == TASKSRV_ROLE_USER || (tasksrv_buffer_size(&s->tasks.backlog) == 0
				&& (dst = claim_free_task_worker(s)) >= 0)) {
			if (send_claimed(s, dst, f, payload) == 0) {
				return 0;
			}
			TASKSRV_ATOMIC_ADD(&s->shm->task_count, -1);
			TASKSRV_ATOMIC_ADD(&s->shm->task_accepted, -1);
			return -1;
		}
		/* Every task worker is busy: the task waits here, not behind a long task. */
		if (tasksrv_buffer_append(&s->tasks.backlog, f, sizeof(*f)) < 0
				|| tasksrv_buffer_append(&s->tasks.backlog, payload, f->len) < 0) {
			return -1;
		}
		backlog_counted(s, 1);
		if (!s->tasks.backlog_timer && s->loop.epfd >= 0) {
			s->tasks.backlog_timer = tasksrv_loop_timer_add(&s->loop, 1, backlog_pump, s);
		}
		return 0;
	}
	task_accounted(s, dst, f, 1);
	if (send_task(s, dst, f, payload) < 0) {
		task_accounted(s, dst, f, -1);
		return -1;
	}
	return 0;
}

int tasksrv_task_send_wait(tasksrv_server_t *s, int dst, tasksrv_frame_t *f, const char *payload)
{
	if (s->cfg.shared_task_queue && !tasksrv_transport_is_remote(&s->transport)) {
		/* Into the shared queue like any task: the wait for its result (and its
		 * timeout) covers the wait for a free task worker. */
		return tasksrv_task_send(s, dst, f, payload);
	}
	task_accounted(s, dst, f, 1);
	if (tasksrv_transport_send_blocking(&s->transport, tasksrv_transport_dest(dst), f, payload) < 0) {
		task_accounted(s, dst, f, -1);
		return -1;
	}
	return 0;
}

/* Whether a frame met by a waiter is its own: 1 (a result for a waiter of this
 * incarnation); 0 after it went to the loop (not for a waiter: handed out later, in
 * arrival order) or was dropped (for a waiter of an earlier incarnation). */
static int waiter_frame(tasksrv_server_t *s, const tasksrv_frame_t *f, int src, void *handle)
{
	if (f->type != TASKSRV_FRAME_RESULT || (f->flags & TASKSRV_FLAG_NONBLOCK)) {
		tasksrv_channel_defer(s, f, src, handle);
		return 0;
	}
	if (f->origin_gen != s->gen) {
		s->hooks->payload_free(s, handle);
		return 0;
	}
	return 1;
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
	int64_t until;
	int src, r;

	*handle = NULL;
	tasksrv_channel_uncork(s);
	if (take_deferred_waiter_frame(s, result, handle)) {
		return 1;
	}
	for (;;) {
		/* A broken channel's failures are made here and deferred (tasksrv_task_fail_lost). */
		if (s->tasks.lost_deferred) {
			s->tasks.lost_deferred = 0;
			if (take_deferred_waiter_frame(s, result, handle)) {
				return 1;
			}
		}
		until = deadline_ms;
		/* task_ipc_mode 3: the loop is not turning, so the shared queue is pumped here. */
		if (tasksrv_buffer_size(&s->tasks.backlog) > 0) {
			backlog_pump(&s->loop, s);
			if (tasksrv_buffer_size(&s->tasks.backlog) > 0 && until > tasksrv_io_now_ms() + 1) {
				until = tasksrv_io_now_ms() + 1;
			}
		}
		r = tasksrv_transport_next_frame(&s->transport, until, result, &src, handle);
		if (r < 0) {
			return -1;
		}
		if (r == 0) {
			if (tasksrv_io_now_ms() < deadline_ms) {
				continue;
			}
			return 0;
		}
		if (waiter_frame(s, result, src, *handle)) {
			return 1;
		}
		*handle = NULL;
	}
}

static int send_failure(tasksrv_server_t *s, int peer, const tasksrv_frame_t *task, const tasksrv_failure_t *fail,
	int blocking);

int tasksrv_task_report_lost(tasksrv_server_t *s, int worker_id, int reason, int signo, int exit_status)
{
	tasksrv_worker_slot_t *slot = &s->shm->workers[worker_id];
	tasksrv_frame_t task;
	tasksrv_failure_t fail;
	char msg[160];
	int peer;

	/* A front's own task from the Redis queue: its sender books the failure the
	 * reclaim writes once the dead task worker's lease runs out. */
	if (slot->cur_src == TASKSRV_REDIS_PEER_OWN) {
		if (tasksrv_ledger_claim_unbooked(s, worker_id)) {
			tasksrv_log(TASKSRV_LOG_WARNING, "task %ld from the task backend: task worker #%d (pid %d) died running "
				"it; it fails (or runs again) once its lease runs out", (long) slot->cur_task_id, worker_id,
				(int) slot->pid);
			return 1;
		}
		return 0;
	}
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
	/* The task as its sender knows it: its id, incarnation and delivery flags. */
	tasksrv_frame_task(&task, slot->cur_task_id, 0, slot->cur_gen, slot->cur_flags, 0);
	return send_failure(s, peer, &task, &fail, 0) < 0 ? -1 : 1;
}

/* Writes a task's failure to the worker that sent it (its last frame). */
static int send_failure(tasksrv_server_t *s, int peer, const tasksrv_frame_t *task, const tasksrv_failure_t *fail,
	int blocking)
{
	tasksrv_buffer_t buf = {0};
	tasksrv_frame_t f;
	int rc;

	if (tasksrv_failure_encode(fail, &buf) < 0) {
		return -1;
	}
	tasksrv_frame_result(&f, task, fail->worker_id, TASKSRV_FLAG_FAILURE | TASKSRV_FLAG_FINAL,
		(uint32_t) tasksrv_buffer_size(&buf));
	rc = tasksrv_transport_reply(&s->transport, peer, &f, tasksrv_buffer_head(&buf), blocking);
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
	if (send_failure(s, peer, hdr, &fail, 1) < 0) {
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
	tasksrv_frame_result(f, hdr, hdr->src_worker, TASKSRV_FLAG_FAILURE | TASKSRV_FLAG_FINAL,
		(uint32_t) tasksrv_buffer_size(&buf));
	f->time = hdr->time;
	tasksrv_buffer_free(&buf);
	/* The task worker booked it as done. */
	tasksrv_ledger_rebook_failed(s, TASKSRV_FAIL_TOO_LARGE);
	return 1;
}

void tasksrv_task_fail_lost(tasksrv_server_t *s, int peer, const tasksrv_frame_t *task, uint64_t unknown)
{
	tasksrv_buffer_t buf = {0};
	tasksrv_failure_t fail;
	tasksrv_frame_t f;
	void *handle;
	char msg[200], *dst;

	if (task == NULL) {
		if (peer < s->cfg.worker_num || peer >= s->cfg.worker_num + s->cfg.task_worker_num) {
			/* Answers an earlier process of this task worker wrote: their callers are
			 * told nothing more (their outcomes stay booked as they were). */
			tasksrv_log(TASKSRV_LOG_WARNING, "%lu answer(s) of an earlier process of worker #%d were lost on the "
				"corrupt channel to endpoint %d", (unsigned long) unknown, s->worker_id, peer);
			return;
		}
		tasksrv_ledger_lost(s, peer, (int64_t) unknown, 0, TASKSRV_FAIL_CHANNEL_CORRUPT);
		tasksrv_log(TASKSRV_LOG_WARNING, "%lu task(s) sent to task worker #%d by an earlier process of worker #%d "
			"were lost on the corrupt channel: failed as channel_corrupt, nobody is told (their caller is gone)",
			(unsigned long) unknown, peer, s->worker_id);
		return;
	}
	tasksrv_ledger_lost(s, peer, 1, task->len, TASKSRV_FAIL_CHANNEL_CORRUPT);
	snprintf(msg, sizeof(msg), "task %ld was lost on the way to task worker #%d: the channel to it was found corrupt "
		"(its reader met a frame header it cannot trust); the task did not run", (long) task->task_id, peer);
	if ((task->flags & TASKSRV_FLAG_NOREPLY) || !tasksrv_task_takes_results(s) || task->origin_gen != s->gen) {
		tasksrv_log(TASKSRV_LOG_WARNING, "one-way task %ld failed (channel_corrupt): %s", (long) task->task_id, msg);
		return;
	}
	memset(&fail, 0, sizeof(fail));
	fail.reason = TASKSRV_FAIL_CHANNEL_CORRUPT;
	fail.worker_id = peer;
	fail.exit_status = -1;
	fail.message = msg;
	fail.message_len = strlen(msg);
	/* Its caller is this process: the failure is handed out here, as if it had come. */
	if (tasksrv_failure_encode(&fail, &buf) < 0
			|| (dst = s->hooks->payload_alloc(s, tasksrv_buffer_size(&buf), &handle)) == NULL) {
		tasksrv_buffer_free(&buf);
		tasksrv_log(TASKSRV_LOG_ERROR, "out of memory: the failure of task %ld (channel_corrupt) cannot be delivered",
			(long) task->task_id);
		return;
	}
	memcpy(dst, tasksrv_buffer_head(&buf), tasksrv_buffer_size(&buf));
	tasksrv_frame_result(&f, task, peer, TASKSRV_FLAG_FAILURE | TASKSRV_FLAG_FINAL, (uint32_t) tasksrv_buffer_size(&buf));
	tasksrv_buffer_free(&buf);
	tasksrv_channel_defer(s, &f, peer, handle);
	s->tasks.lost_deferred = 1;
}

/* {{{ Answers a broken channel lost: their failures wait here (s->tasks.resend: a
 * resend_head_t, then the record) until the channel is in use again. */
typedef struct {
	int32_t peer;
	int32_t pad;
	tasksrv_frame_t f;
} resend_head_t;

#define RESEND_POLL_MS 20

static void resend_pump(tasksrv_loop_t *loop, void *ctx);

static void resend_later(tasksrv_server_t *s, int peer, const tasksrv_frame_t *f, const char *payload)
{
	resend_head_t h;

	memset(&h, 0, sizeof(h));
	h.peer = peer;
	h.f = *f;
	if (tasksrv_buffer_append(&s->tasks.resend, &h, sizeof(h)) < 0
			|| tasksrv_buffer_append(&s->tasks.resend, payload, f->len) < 0) {
		tasksrv_log(TASKSRV_LOG_ERROR, "out of memory: worker #%d is not told that task %ld failed", peer, (long) f->task_id);
		return;
	}
	if (!s->tasks.resend_timer && s->loop.epfd >= 0) {
		s->tasks.resend_timer = tasksrv_loop_timer_add(&s->loop, RESEND_POLL_MS, resend_pump, s);
	}
}

static void resend_pump(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_server_t *s = ctx;
	tasksrv_buffer_t todo = s->tasks.resend;
	resend_head_t h;
	size_t off;

	(void) loop;
	s->tasks.resend_timer = 0;
	memset(&s->tasks.resend, 0, sizeof(s->tasks.resend));
	for (off = 0; off + sizeof(h) <= tasksrv_buffer_size(&todo); off += sizeof(h) + h.f.len) {
		const char *payload = tasksrv_buffer_head(&todo) + off + sizeof(h);
		memcpy(&h, tasksrv_buffer_head(&todo) + off, sizeof(h));
		if (tasksrv_channel_is_broken(s, h.peer)) {
			resend_later(s, h.peer, &h.f, payload);
		} else if (tasksrv_transport_reply(&s->transport, h.peer, &h.f, payload, 1) < 0) {
			if (errno == EBADMSG) {
				resend_later(s, h.peer, &h.f, payload);
			} else {
				tasksrv_log(TASKSRV_LOG_WARNING, "cannot tell worker #%d that task %ld failed: %s", h.peer,
					(long) h.f.task_id, strerror(errno));
			}
		}
	}
	tasksrv_buffer_free(&todo);
	if (tasksrv_buffer_size(&s->tasks.resend) > 0 && !s->tasks.resend_timer && s->loop.epfd >= 0) {
		s->tasks.resend_timer = tasksrv_loop_timer_add(&s->loop, RESEND_POLL_MS, resend_pump, s);
	}
}

void tasksrv_task_answer_lost(tasksrv_server_t *s, int peer, const tasksrv_frame_t *f, const char *payload)
{
	tasksrv_buffer_t rec = {0};
	tasksrv_failure_t fail;
	tasksrv_frame_t out;
	char msg[220];

	if ((f->flags & TASKSRV_FLAG_FAILURE) && payload != NULL) {
		/* Booked under its own reason already: the record goes again as it was. */
		resend_later(s, peer, f, payload);
		return;
	}
	/* Booked done: it ran, but its caller will only learn that it failed. */
	tasksrv_ledger_rebook_failed(s, TASKSRV_FAIL_CHANNEL_CORRUPT);
	snprintf(msg, sizeof(msg), "the result of task %ld was lost on the way to worker #%d: the channel to it was found "
		"corrupt (its reader met a frame header it cannot trust); task worker #%d ran the task",
		(long) f->task_id, peer, s->worker_id);
	memset(&fail, 0, sizeof(fail));
	fail.reason = TASKSRV_FAIL_CHANNEL_CORRUPT;
	fail.worker_id = s->worker_id;
	fail.exit_status = -1;
	fail.message = msg;
	fail.message_len = strlen(msg);
	if (tasksrv_failure_encode(&fail, &rec) < 0) {
		tasksrv_buffer_free(&rec);
		return;
	}
	tasksrv_frame_result(&out, f, s->worker_id, TASKSRV_FLAG_FAILURE | TASKSRV_FLAG_FINAL, (uint32_t) tasksrv_buffer_size(&rec));
	resend_later(s, peer, &out, tasksrv_buffer_head(&rec));
	tasksrv_buffer_free(&rec);
}
/* }}} */

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

	while (tasksrv_buffer_size(&s->tasks.backlog) >= sizeof(f)) {
		memcpy(&f, tasksrv_buffer_head(&s->tasks.backlog), sizeof(f));
		tasksrv_buffer_consume(&s->tasks.backlog, sizeof(f) + f.len);
		n++;
	}
	backlog_counted(s, -n);
	TASKSRV_ATOMIC_ADD(&s->shm->task_failed_by_reason[TASKSRV_FAIL_SHUTDOWN], n);
	return n;
}

/* {{{ The task API the glue calls: submit, answer, messages */
int tasksrv_task_takes_results(const tasksrv_server_t *s)
{
	return s->role != TASKSRV_ROLE_MANAGER && s->role != TASKSRV_ROLE_MASTER && s->role != TASKSRV_ROLE_USER;
}

/* The frame flags of a task sent in mode, as Swoole's task flags say it. */
static uint16_t mode_flags(const tasksrv_server_t *s, int mode, int serialized)
{
	uint16_t flags = serialized ? TASKSRV_FLAG_SERIALIZED : 0;

	switch (mode) {
		case TASKSRV_TASK_WAIT:
			return flags;
		case TASKSRV_TASK_WAIT_ALL:
			return flags | TASKSRV_FLAG_WAITALL;
		default:
			/* The manager, the master and user processes take no results: their tasks are one-way. */
			if (!tasksrv_task_takes_results(s)) {
				return flags | TASKSRV_FLAG_NONBLOCK | TASKSRV_FLAG_NOREPLY;
			}
			return flags | TASKSRV_FLAG_NONBLOCK | (mode == TASKSRV_TASK_CALLBACK ? TASKSRV_FLAG_CALLBACK : 0);
	}
}

int64_t tasksrv_task_submit(tasksrv_server_t *s, int dst, int mode, int serialized, const char *data, size_t len)
{
	tasksrv_frame_t f;
	int rc;

	/* As Swoole: tasks from the manager report worker 0 as their source, a user
	 * process's its own worker id. */
	tasksrv_frame_task(&f, s->tasks.next_task_id++, tasksrv_state_sender_id(s), s->gen,
		mode_flags(s, mode, serialized), (uint32_t) len);
	rc = mode == TASKSRV_TASK_WAIT || mode == TASKSRV_TASK_WAIT_ALL
		? tasksrv_task_send_wait(s, dst, &f, data) : tasksrv_task_send(s, dst, &f, data);
	return rc < 0 ? -1 : f.task_id;
}

int tasksrv_task_answer(tasksrv_server_t *s, const tasksrv_frame_t *task, int peer, int answer, int serialized,
	const char *data, size_t len)
{
	static const uint16_t answer_flags[] = {
		[TASKSRV_ANSWER_RESULT] = 0,
		[TASKSRV_ANSWER_LAST] = TASKSRV_FLAG_FINAL,
		[TASKSRV_ANSWER_END] = TASKSRV_FLAG_NODATA | TASKSRV_FLAG_FINAL,
		[TASKSRV_ANSWER_FAILURE] = TASKSRV_FLAG_FAILURE | TASKSRV_FLAG_FINAL,
	};
	tasksrv_frame_t f;

	tasksrv_frame_result(&f, task, s->worker_id, answer_flags[answer] | (serialized ? TASKSRV_FLAG_SERIALIZED : 0),
		(uint32_t) len);
	if (tasksrv_transport_reply(&s->transport, peer, &f, data, 1) == 0) {
		return 0;
	}
	if (errno == EBADMSG && answer != TASKSRV_ANSWER_RESULT) {
		/* The channel to its caller is broken: the outcome goes once it is in use again
		 * (a result as a channel_corrupt failure: the caller cannot have it). */
		tasksrv_task_answer_lost(s, peer, &f, data);
		return 0;
	}
	return -1;
}

int tasksrv_task_can_message(const tasksrv_server_t *s, int dst)
{
	return !s->single && s->peers != NULL && dst >= 0 && dst < s->nendpoints && s->peers[dst].h.fd >= 0;
}

int tasksrv_task_send_message(tasksrv_server_t *s, int dst, int serialized, const char *data, size_t len)
{
	tasksrv_frame_t f;

	/* A message takes an id from the task counter too (the next task() shows it). */
	tasksrv_frame_pipe(&f, s->tasks.next_task_id++, tasksrv_state_sender_id(s), s->gen,
		serialized ? TASKSRV_FLAG_SERIALIZED : 0, (uint32_t) len);
	/* A task worker has no loop turn while it runs PHP, a user process no loop at
	 * all: they write at once. */
	return s->role == TASKSRV_ROLE_TASK_WORKER || s->role == TASKSRV_ROLE_USER
		? tasksrv_channel_send_blocking(s, dst, &f, data) : tasksrv_channel_send_async(s, dst, &f, data);
}
void tasksrv_task_collect_answers(tasksrv_server_t *s, int max_ms)
{
	int64_t until = tasksrv_io_now_ms() + max_ms;
	int from = s->cfg.worker_num, to = tasksrv_state_endpoint_manager(s) + 1;

	while (tasksrv_ledger_answers_in_flight(s) > 0 && tasksrv_io_now_ms() < until) {
		tasksrv_channel_sweep(s, from, to);
		tasksrv_channel_run_deferred(&s->loop, s);
		poll(NULL, 0, 1);
	}
	tasksrv_channel_sweep(s, from, to);
	tasksrv_channel_run_deferred(&s->loop, s);
}
/* }}} */
