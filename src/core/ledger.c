/* tasksrv: the outcome ledger. Every task accepted (task() returned an id) ends
 * exactly once as done or failed (by reason), whoever books it: the task worker at
 * the end of onTask, the manager at a deadline or a death, a successor that finds a
 * task cut on the wire. The counters live in shared memory, so that
 *   task_accepted = task_done + sum(task_failed) + queued + running
 * holds server-wide at every moment; tasksrv_ledger_read() reads them at once. */
#include "ledger.h"
#include "failure.h"
#include "io.h"

#include <string.h>

/* Claims the outcome of the held task for whoever calls first (the task worker at
 * the end of onTask, or the manager at a deadline or death) and books it. */
static int claim_outcome(tasksrv_shm_t *shm, tasksrv_worker_slot_t *slot, int to_state, int fail_reason)
{
	int32_t expect = TASKSRV_TASK_RUNNING;

	if (!__atomic_compare_exchange_n(&slot->cur_state, &expect, to_state, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
		return 0;
	}
	TASKSRV_ATOMIC_ADD(&shm->task_running, -1);
	if (fail_reason) {
		TASKSRV_ATOMIC_ADD(&shm->task_failed_by_reason[fail_reason], 1);
	} else {
		TASKSRV_ATOMIC_ADD(&shm->task_done, 1);
	}
	return 1;
}

static int origin_abandoned(tasksrv_server_t *s, const tasksrv_frame_t *f, int peer)
{
	return peer < s->cfg.worker_num && f->origin_gen <= __atomic_load_n(&s->shm->workers[peer].abandoned_gen, __ATOMIC_SEQ_CST);
}


/* A task worker starts a task: from now on the manager knows which task it holds,
 * and the task counts as running, not queued. Returns 0 when the task must not run
 * because its sender gave it up. */
int tasksrv_ledger_take(tasksrv_server_t *s, const tasksrv_frame_t *f, int peer)
{
	tasksrv_worker_slot_t *slot = &s->shm->workers[s->worker_id];

	/* Busy before the queue drops: a task_ipc_mode 3 sender that sees the queue empty
	 * must not take this task worker for idle (claim_free_task_worker). */
	TASKSRV_ATOMIC_STORE(&slot->status, TASKSRV_WORKER_BUSY);
	__atomic_sub_fetch(&slot->queued, 1, __ATOMIC_RELEASE);
	TASKSRV_ATOMIC_ADD(&s->shm->task_queue_bytes, -(int64_t) f->len);
	if (origin_abandoned(s, f, peer)) {
		TASKSRV_ATOMIC_ADD(&s->shm->task_failed_by_reason[TASKSRV_FAIL_SHUTDOWN], 1);
		TASKSRV_ATOMIC_STORE(&slot->status, TASKSRV_WORKER_IDLE);
		return 0;
	}
	slot->cur_src = peer;
	slot->cur_gen = f->origin_gen;
	slot->cur_task_id = f->task_id;
	slot->cur_flags = f->flags;
	slot->cur_start_ms = tasksrv_io_now_ms();
	TASKSRV_ATOMIC_ADD(&s->shm->task_running, 1);
	__atomic_store_n(&slot->cur_state, TASKSRV_TASK_RUNNING, __ATOMIC_SEQ_CST);
	TASKSRV_ATOMIC_ADD(&slot->request_count, 1);
	/* The sender may have given up between the check and now: whoever claims wins. */
	if (origin_abandoned(s, f, peer)) {
		claim_outcome(s->shm, slot, TASKSRV_TASK_NONE, TASKSRV_FAIL_SHUTDOWN);
		TASKSRV_ATOMIC_STORE(&slot->status, TASKSRV_WORKER_IDLE);
		return 0;
	}
	return 1;
}

void tasksrv_ledger_abandon_all(tasksrv_server_t *s)
{
	__atomic_store_n(&s->shm->workers[s->worker_id].abandoned_gen, s->gen, __ATOMIC_SEQ_CST);
}

int tasksrv_ledger_claim_abandoned(tasksrv_server_t *s, int64_t task_id)
{
	int w = s->cfg.worker_num, t = s->cfg.task_worker_num, i;

	for (i = w; i < w + t; i++) {
		tasksrv_worker_slot_t *slot = &s->shm->workers[i];
		if (__atomic_load_n(&slot->cur_state, __ATOMIC_SEQ_CST) == TASKSRV_TASK_RUNNING
				&& slot->cur_src == s->worker_id && slot->cur_gen == s->gen && slot->cur_task_id == task_id) {
			return claim_outcome(s->shm, slot, TASKSRV_TASK_ABANDONED, TASKSRV_FAIL_SHUTDOWN);
		}
	}
	return 0;
}

int tasksrv_ledger_answers_in_flight(tasksrv_server_t *s)
{
	int w = s->cfg.worker_num, t = s->cfg.task_worker_num, i, n = 0;

	for (i = w; i < w + t; i++) {
		tasksrv_worker_slot_t *slot = &s->shm->workers[i];
		n += __atomic_load_n(&slot->cur_state, __ATOMIC_SEQ_CST) == TASKSRV_TASK_SENDING
			&& slot->cur_src == s->worker_id && slot->cur_gen == s->gen;
	}
	return n;
}

int tasksrv_ledger_end(tasksrv_server_t *s, int fail_reason)
{
	tasksrv_worker_slot_t *slot = &s->shm->workers[s->worker_id];

	/* SENDING until tasksrv_ledger_sent(): a draining sender waits for the frame. */
	return claim_outcome(s->shm, slot, TASKSRV_TASK_SENDING, fail_reason);
}

void tasksrv_ledger_sent(tasksrv_server_t *s)
{
	tasksrv_worker_slot_t *slot = &s->shm->workers[s->worker_id];
	int32_t expect = TASKSRV_TASK_SENDING;

	__atomic_compare_exchange_n(&slot->cur_state, &expect, TASKSRV_TASK_NONE, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
	TASKSRV_ATOMIC_STORE(&slot->cur_task_id, -1);
	TASKSRV_ATOMIC_STORE(&slot->status, TASKSRV_WORKER_IDLE);
}

int tasksrv_ledger_timed_out(tasksrv_server_t *s)
{
	return __atomic_load_n(&s->shm->workers[s->worker_id].cur_state, __ATOMIC_ACQUIRE) == TASKSRV_TASK_TAKEN;
}

int tasksrv_ledger_owned(tasksrv_server_t *s)
{
	return __atomic_load_n(&s->shm->workers[s->worker_id].cur_state, __ATOMIC_ACQUIRE) == TASKSRV_TASK_RUNNING;
}

/* The tasks a dead process had accepted (task() returned an id) whose frames never
 * reached the wire: in its output buffer, or cut by its death (its successor
 * completes that frame with padding, which the task worker drops). They leave the
 * queue as failures; only the counters and the log can tell, their caller died. */
static int64_t book_unsent_to(tasksrv_server_t *s, int worker_id, int dst, uint64_t *bytes)
{
	tasksrv_chan_track_t *t = tasksrv_shm_track(s->shm, s->nendpoints, dst, worker_id);
	tasksrv_frame_t hdr;
	int64_t n;

	if (t == NULL) {
		return 0;
	}
	n = t->w_pend_tasks;
	*bytes = t->w_pend_bytes;
	t->w_pend_tasks = 0;
	t->w_pend_bytes = 0;
	memcpy(&hdr, t->w_hdr, sizeof(hdr));
	if (t->w_total > 0 && t->w_sent < t->w_total && !t->w_booked && hdr.type == TASKSRV_FRAME_TASK) {
		t->w_booked = 1;
		n++;
		*bytes += hdr.len;
	}
	return n;
}

int64_t tasksrv_ledger_book_unsent(tasksrv_server_t *s, int worker_id, int reason)
{
	int w = s->cfg.worker_num, t = s->cfg.task_worker_num, j;
	/* A user process (an endpoint past the workers) has no slot and no backlog. */
	tasksrv_worker_slot_t *slot = (uint32_t) worker_id < s->shm->nworkers ? &s->shm->workers[worker_id] : NULL;
	int64_t lost = 0, n;
	uint64_t bytes;

	for (j = w; j < w + t; j++) {
		if (j == worker_id || (n = book_unsent_to(s, worker_id, j, &bytes)) == 0) {
			continue;
		}
		TASKSRV_ATOMIC_ADD(&s->shm->workers[j].queued, (int32_t) -n);
		TASKSRV_ATOMIC_ADD(&s->shm->task_queue_bytes, -(int64_t) bytes);
		lost += n;
	}
	if (slot != NULL && (n = TASKSRV_ATOMIC_LOAD(&slot->backlog)) > 0) {
		TASKSRV_ATOMIC_ADD(&s->shm->task_backlog, -n);
		TASKSRV_ATOMIC_STORE(&slot->backlog, 0);
		lost += n;
	}
	if (lost > 0) {
		TASKSRV_ATOMIC_ADD(&s->shm->task_failed_by_reason[reason], lost);
	}
	return lost;
}

int tasksrv_ledger_claim_unbooked(tasksrv_server_t *s, int worker_id)
{
	int32_t expect = TASKSRV_TASK_RUNNING;

	if (!__atomic_compare_exchange_n(&s->shm->workers[worker_id].cur_state, &expect, TASKSRV_TASK_TAKEN, 0,
			__ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
		return 0;
	}
	TASKSRV_ATOMIC_ADD(&s->shm->task_running, -1);
	return 1;
}

int tasksrv_ledger_claim_lost(tasksrv_server_t *s, int worker_id, int reason)
{
	return claim_outcome(s->shm, &s->shm->workers[worker_id], TASKSRV_TASK_TAKEN, reason);
}

void tasksrv_ledger_unstarted(tasksrv_server_t *s, uint32_t len, int reason)
{
	/* It was accepted and never started: it leaves the queue as a failure. */
	TASKSRV_ATOMIC_ADD(&s->shm->workers[s->worker_id].queued, -1);
	TASKSRV_ATOMIC_ADD(&s->shm->task_queue_bytes, -(int64_t) len);
	TASKSRV_ATOMIC_ADD(&s->shm->task_failed_by_reason[reason], 1);
}

void tasksrv_ledger_lost(tasksrv_server_t *s, int worker_id, int64_t n, int64_t len, int reason)
{
	if (worker_id >= s->cfg.worker_num && worker_id < s->cfg.worker_num + s->cfg.task_worker_num) {
		TASKSRV_ATOMIC_ADD(&s->shm->workers[worker_id].queued, (int32_t) -n);
	}
	TASKSRV_ATOMIC_ADD(&s->shm->task_queue_bytes, -len);
	TASKSRV_ATOMIC_ADD(&s->shm->task_failed_by_reason[reason], n);
}

void tasksrv_ledger_rebook_failed(tasksrv_server_t *s, int reason)
{
	TASKSRV_ATOMIC_ADD(&s->shm->task_done, -1);
	TASKSRV_ATOMIC_ADD(&s->shm->task_failed_by_reason[reason], 1);
}


/* The counters are events (accepted, done, failed by reason) and one gauge
 * (running); the queue is what is left: queued = accepted - done - failed - running,
 * so the balance holds in every reading by construction. Writers move a task out of
 * `running` before they count it done or failed, and count it accepted before it can
 * start; reading in the opposite order (outcomes, then running, then accepted) never
 * yields a negative queue: a task caught in mid-step shows for an instant as queued. */
void tasksrv_ledger_read(const tasksrv_server_t *s, tasksrv_ledger_t *l)
{
	tasksrv_shm_t *shm = s->shm;
	int i;

	memset(l, 0, sizeof(*l));
	for (i = 1; i <= TASKSRV_FAIL_REASON_MAX; i++) {
		l->by_reason[i] = __atomic_load_n(&shm->task_failed_by_reason[i], __ATOMIC_SEQ_CST);
		l->failed += l->by_reason[i];
	}
	l->done = __atomic_load_n(&shm->task_done, __ATOMIC_SEQ_CST);
	l->running = __atomic_load_n(&shm->task_running, __ATOMIC_SEQ_CST);
	l->accepted = __atomic_load_n(&shm->task_accepted, __ATOMIC_SEQ_CST);
	l->queued = l->accepted - l->done - l->failed - l->running;
}

int64_t tasksrv_ledger_waiting(const tasksrv_server_t *s)
{
	tasksrv_shm_t *shm = s->shm;
	int64_t queued = 0, backlog;
	int i;

	for (i = s->cfg.worker_num; i < (int) shm->nworkers; i++) {
		int32_t q = TASKSRV_ATOMIC_LOAD(&shm->workers[i].queued);
		queued += q > 0 ? q : 0;
	}
	backlog = TASKSRV_ATOMIC_LOAD(&shm->task_backlog);
	return queued + (backlog > 0 ? backlog : 0);
}

void tasksrv_ledger_rejected(tasksrv_server_t *s)
{
	TASKSRV_ATOMIC_ADD(&s->shm->task_rejected, 1);
}
