/* tasksrv: the outcome ledger (ledger.c): the life of the task a task worker holds
 * (taken, ended, sent), who may book its outcome, and the counters. */
#ifndef TASKSRV_LEDGER_H
#define TASKSRV_LEDGER_H

#include "failure.h"
#include "state.h"

/* One reading of the ledger, server-wide: accepted = done + failed + queued + running
 * holds in every reading. */
typedef struct {
	int64_t accepted, done, failed, queued, running;
	int64_t by_reason[TASKSRV_FAIL_REASON_MAX + 1]; /* failed, by enum tasksrv_failure_reason */
} tasksrv_ledger_t;

/* Reads the ledger at once (the stats() of any process). */
void tasksrv_ledger_read(const tasksrv_server_t *s, tasksrv_ledger_t *l);

/* Bookkeeping in a task worker around one task: take it when it starts (0: do not
 * run it, its sender gave it up); end it after onTask with 0 (done) or a failure
 * reason. end returns 1 when this process still owned the outcome (the manager may
 * have claimed it at a deadline): only then may the task's last frame be sent. */
int tasksrv_ledger_take(tasksrv_server_t *s, const tasksrv_frame_t *f, int peer);
int tasksrv_ledger_end(tasksrv_server_t *s, int fail_reason);
/* After the last frame of the task is written (or when there is none to write). */
void tasksrv_ledger_sent(tasksrv_server_t *s);
int tasksrv_ledger_owned(tasksrv_server_t *s);
/* The manager took the task in hand at its deadline: this process is being stopped. */
int tasksrv_ledger_timed_out(tasksrv_server_t *s);
/* A draining worker gives up on its outstanding tasks: task workers will skip the
 * ones not started; claim_abandoned fails one being run (1) or finds none (0). */
void tasksrv_ledger_abandon_all(tasksrv_server_t *s);
int tasksrv_ledger_claim_abandoned(tasksrv_server_t *s, int64_t task_id);
/* Tasks of this worker whose last frame a task worker is writing right now. */
int tasksrv_ledger_answers_in_flight(tasksrv_server_t *s);
/* Manager: claims the outcome of the task task worker worker_id holds, as failed
 * for reason (1), or finds it claimed already (0). */
int tasksrv_ledger_claim_lost(tasksrv_server_t *s, int worker_id, int reason);
/* The same for a task whose sender books its outcome itself (a front's own task worker
 * on the Redis queue): the task leaves `running`, nothing is booked. 1 when claimed. */
int tasksrv_ledger_claim_unbooked(tasksrv_server_t *s, int worker_id);
/* A task that reached this task worker (len bytes of payload) and never started (its
 * predecessor died receiving it, or it is too large to take) leaves the queue as
 * failed for reason. */
void tasksrv_ledger_unstarted(tasksrv_server_t *s, uint32_t len, int reason);
/* Tasks sent to task worker worker_id (len payload bytes, 0 when not known) that
 * never reached it (a broken channel lost them) leave its queue as failed for reason. */
void tasksrv_ledger_lost(tasksrv_server_t *s, int worker_id, int64_t n, int64_t len, int reason);
/* A task booked as done turned out failed for reason on its sender's side (its last
 * result could not be taken or decoded there). */
void tasksrv_ledger_rebook_failed(tasksrv_server_t *s, int reason);
/* Backpressure (task_queue_max): the tasks accepted and not started yet, server-wide
 * (the task workers' queues and the task_ipc_mode 3 backlogs); a task() or a wait
 * refused because the queue is full ("reject": never accepted, so not in the balance). */
int64_t tasksrv_ledger_waiting(const tasksrv_server_t *s);
void tasksrv_ledger_rejected(tasksrv_server_t *s);
/* Manager, reaping worker_id (or a user process's endpoint): the tasks it had accepted but not put on the wire
 * (frames in its output buffer, the one it was cut writing, its task_ipc_mode 3
 * backlog) fail with `reason`; nobody can be told, their caller is gone. Returns
 * how many. */
int64_t tasksrv_ledger_book_unsent(tasksrv_server_t *s, int worker_id, int reason);

#endif
