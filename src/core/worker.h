/* tasksrv: the event worker (worker.c). */
#ifndef TASKSRV_WORKER_H
#define TASKSRV_WORKER_H

#include "state.h"

/* Runs an event worker until it stops; returns its exit code. */
int tasksrv_worker_main(tasksrv_server_t *s);
/* An event worker leaves its loop to drain and exit (max_request), as on SIGTERM. */
void tasksrv_worker_stop(tasksrv_server_t *s);
/* An operation on one of this worker's own connections; -1 when it is not one. */
int tasksrv_worker_conn_op(tasksrv_server_t *s, int64_t session, int op, const char *data, size_t len);
/* sendwait(): in a SWOOLE_BASE event worker, sends on one of its own connections and
 * returns once the socket took every queued byte. -1: not its connection, closing,
 * refused as send() refuses, or the socket failed. */
int tasksrv_worker_send_wait(tasksrv_server_t *s, int64_t session, const char *data, size_t len);

#endif
