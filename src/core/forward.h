/* tasksrv: connection operations from any process (forward.c). An operation on a
 * session this process owns is done at once; one owned by another process is
 * forwarded to it as a CONN frame. */
#ifndef TASKSRV_FORWARD_H
#define TASKSRV_FORWARD_H

#include "state.h"

/* Return 0 (done, or handed to the live owner), -1 when the session is gone or its
 * owner is not running, -2 when the data does not fit (send: output buffer caps). */
int tasksrv_forward_send(tasksrv_server_t *s, int64_t session, const char *data, size_t len);
int tasksrv_forward_close(tasksrv_server_t *s, int64_t session);
int tasksrv_forward_conn_op(tasksrv_server_t *s, int64_t session, int op, const char *data, size_t len);
/* The process a session's operations go to (its owner endpoint), or -1 when gone. */
int tasksrv_forward_session_owner(tasksrv_server_t *s, int64_t session);
/* The owner's side: a CONN frame from another process. */
void tasksrv_forward_on_frame(tasksrv_server_t *s, const tasksrv_frame_t *f, const char *data);
/* Idle sessions (no bytes received for idle_ms, not protected), server-wide: calls
 * fn for each; returns how many. */
int tasksrv_forward_idle_sessions(tasksrv_server_t *s, int64_t idle_ms, void (*fn)(void *ctx, int64_t session), void *ctx);

#endif
