/* tasksrv: task dispatch and waiting (task.c). */
#ifndef TASKSRV_TASK_H
#define TASKSRV_TASK_H

#include "state.h"

/* How a task is sent, and where its outcome goes. */
enum tasksrv_task_mode {
	TASKSRV_TASK_ASYNC = 0,   /* task(): the outcome goes to onFinish / onTaskFailure */
	TASKSRV_TASK_CALLBACK,    /* task() with a per-task callback */
	TASKSRV_TASK_WAIT,        /* taskwait(): its sender waits for it (tasksrv_task_wait_result) */
	TASKSRV_TASK_WAIT_ALL     /* taskWaitMulti(), taskCo(): one of several waited for */
};

/* What a frame answering a task carries back to its sender. */
enum tasksrv_task_answer {
	TASKSRV_ANSWER_RESULT = 0, /* finish(): a result; more may follow */
	TASKSRV_ANSWER_LAST,       /* onTask's return value: the last result */
	TASKSRV_ANSWER_END,        /* the task ended without a value */
	TASKSRV_ANSWER_FAILURE     /* the task failed: the payload is a failure record (failure.h) */
};

/* Whether this process takes results (the manager's and the master's tasks are one-way). */
int tasksrv_task_takes_results(const tasksrv_server_t *s);
/* Sends a task (its payload serialized or a raw string) to task worker index dst
 * (tasksrv_task_pick_worker) in mode (enum tasksrv_task_mode): the async modes
 * without blocking, the waited ones blocking until the channel took it. Returns the
 * task id (the sender's counter), or -1 with errno. */
int64_t tasksrv_task_submit(tasksrv_server_t *s, int dst, int mode, int serialized, const char *data, size_t len);
/* A task worker answers task (a TASK frame it got from peer) with answer (enum
 * tasksrv_task_answer), blocking until the channel took it. Returns 0 or -1. */
int tasksrv_task_answer(tasksrv_server_t *s, const tasksrv_frame_t *task, int peer, int answer, int serialized,
	const char *data, size_t len);
/* sendMessage(): whether worker dst can be written to from here, and the message
 * (async from an event worker, blocking from a task worker). Returns 0 or -1. */
int tasksrv_task_can_message(const tasksrv_server_t *s, int dst);
int tasksrv_task_send_message(tasksrv_server_t *s, int dst, int serialized, const char *data, size_t len);

/* A draining worker that gave up on its tasks: waits up to max_ms for the answers
 * task workers are writing right now, then hands out (on_frame) every frame already
 * in its channels from task workers and the manager. */
void tasksrv_task_collect_answers(tasksrv_server_t *s, int max_ms);

/* {{{ Reading a task's frames (TASK, RESULT, PIPE) as the glue gets them */
/* The payload is serialize()d (else a raw string). */
static inline int tasksrv_task_is_serialized(const tasksrv_frame_t *f)
{
	return (f->flags & TASKSRV_FLAG_SERIALIZED) != 0;
}

/* A task nobody takes results of (sent by the manager or the master). */
static inline int tasksrv_task_is_one_way(const tasksrv_frame_t *f)
{
	return (f->flags & TASKSRV_FLAG_NOREPLY) != 0;
}

/* A result for task() (async), not for a waiter. */
static inline int tasksrv_task_is_async(const tasksrv_frame_t *f)
{
	return (f->flags & TASKSRV_FLAG_NONBLOCK) != 0;
}

/* The task's last frame: its outcome is known. */
static inline int tasksrv_task_is_last(const tasksrv_frame_t *f)
{
	return (f->flags & TASKSRV_FLAG_FINAL) != 0;
}

/* The task ended without a value (no payload to decode). */
static inline int tasksrv_task_is_end(const tasksrv_frame_t *f)
{
	return (f->flags & TASKSRV_FLAG_NODATA) != 0;
}

/* The task failed: the payload is a failure record (failure.h). */
static inline int tasksrv_task_is_failure(const tasksrv_frame_t *f)
{
	return (f->flags & TASKSRV_FLAG_FAILURE) != 0;
}

/* Swoole's task flags (Server\Task::$flags). */
static inline int tasksrv_task_swoole_flags(const tasksrv_frame_t *f)
{
	return f->flags & 0xff;
}

/* A result for an earlier incarnation of this worker id: nobody here waits for it. */
static inline int tasksrv_task_is_stale(const tasksrv_server_t *s, const tasksrv_frame_t *f)
{
	return f->origin_gen != s->gen;
}

/* Whether two frames are of the same task of the same sender incarnation. */
static inline int tasksrv_task_same(const tasksrv_frame_t *a, const tasksrv_frame_t *b)
{
	return a->task_id == b->task_id && a->origin_gen == b->origin_gen;
}
/* }}} */

/* The task worker index (0..T-1) a task goes to: an idle one round robin, else the
 * one with the shortest queue. */
int tasksrv_task_pick_worker(tasksrv_server_t *s);
/* Sends a task to task worker index dst without blocking, with the queue accounting
 * (task_ipc_mode 3: to whichever task worker is free, else into the backlog). */
int tasksrv_task_send(tasksrv_server_t *s, int dst, tasksrv_frame_t *f, const char *payload);
/* Sends a task for a waiter (taskwait, taskWaitMulti), blocking until the socket took it. */
int tasksrv_task_send_wait(tasksrv_server_t *s, int dst, tasksrv_frame_t *f, const char *payload);
/* Waits until deadline_ms for the next result addressed to a waiter of this process.
 * Returns 1 with *result and *handle set, 0 at the deadline, -1 on error. Other frames
 * met meanwhile are kept for the loop; results for an earlier incarnation are dropped. */
int tasksrv_task_wait_result(tasksrv_server_t *s, int64_t deadline_ms, tasksrv_frame_t *result, void **handle);
/* A frame this process cannot take (the glue's payload_alloc refused its size; its
 * payload is being skipped): a task fails as too_large and its sender is told; a
 * task's last result becomes the caller's too_large failure, returned in f/handle
 * (1) for the loop to deliver; any other frame (sendMessage) is dropped, logged and
 * counted (0). The channels call it through s->refuse_frame. */
int tasksrv_task_refuse_frame(tasksrv_server_t *s, int peer, const tasksrv_frame_t *hdr, tasksrv_frame_t *f, void **handle);
/* The channel to task worker (or any endpoint) peer was found corrupt, and task (a
 * TASK frame this process put on it) was lost with it: it fails as channel_corrupt and
 * its caller is told (a failure handed out through the deferred queue; one-way: the
 * log). task NULL: `unknown` tasks an earlier incarnation of this process lost there
 * are booked (counted only). */
void tasksrv_task_fail_lost(tasksrv_server_t *s, int peer, const tasksrv_frame_t *task, uint64_t unknown);
/* A task worker's last answer to a task of peer (f, and payload when it is a failure
 * record) was lost on a broken channel, or could not be sent on one: a result's task is
 * rebooked as failed (channel_corrupt; it ran); the failure goes to its caller once the
 * channel is in use again (a failure record is sent again as it was). */
void tasksrv_task_answer_lost(tasksrv_server_t *s, int peer, const tasksrv_frame_t *f, const char *payload);
/* The frames still in the task_ipc_mode 3 backlog, dropped (they fail as shutdown). */
int64_t tasksrv_task_drop_backlog(tasksrv_server_t *s);
/* Manager: fails the task a task worker holds (reason from failure.h) and tells
 * its sender. Returns 1 if a task was failed, 0 if none was held (or already told). */
int tasksrv_task_report_lost(tasksrv_server_t *s, int worker_id, int reason, int signo, int exit_status);
/* A task worker's successor found a task its predecessor died receiving: it fails
 * as worker_died and its sender is told. */
void tasksrv_task_report_cut(tasksrv_server_t *s, int peer, const tasksrv_frame_t *hdr);

#endif
