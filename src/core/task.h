/* tasksrv: task dispatch and waiting (task.c). */
#ifndef TASKSRV_TASK_H
#define TASKSRV_TASK_H

#include "state.h"

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
/* The frames still in the task_ipc_mode 3 backlog, dropped (they fail as shutdown). */
int64_t tasksrv_task_drop_backlog(tasksrv_server_t *s);
/* Manager: fails the task a task worker holds (reason from failure.h) and tells
 * its sender. Returns 1 if a task was failed, 0 if none was held (or already told). */
int tasksrv_task_report_lost(tasksrv_server_t *s, int worker_id, int reason, int signo, int exit_status);
/* A task worker's successor found a task its predecessor died receiving: it fails
 * as worker_died and its sender is told. */
void tasksrv_task_report_cut(tasksrv_server_t *s, int peer, const tasksrv_frame_t *hdr);

#endif
