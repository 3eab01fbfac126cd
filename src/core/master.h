/* tasksrv: the SWOOLE_PROCESS master (master.c), owner of every connection. */
#ifndef TASKSRV_MASTER_H
#define TASKSRV_MASTER_H

#include "state.h"

/* Forks the manager and runs the master; returns like tasksrv_server_run. */
int tasksrv_master_run(tasksrv_server_t *s, char *err, size_t errlen);
/* A connection frame (CONNECT..DISCONNECT) with its payload: the master writes or
 * closes, a worker fires its events. */
void tasksrv_master_conn_frame(tasksrv_server_t *s, const tasksrv_frame_t *f, int peer, const char *data, size_t len);
/* The channel to worker was found corrupt and the frames on it lost: the connections
 * it had events of are closed (their clients see the end of the stream). */
void tasksrv_master_worker_lost(tasksrv_server_t *s, int worker);
/* send()/close() outside the master: the bytes or the request go to the master. */
int tasksrv_master_forward(tasksrv_server_t *s, int type, int64_t session, const char *data, size_t len);
/* pause()/resume() (TASKSRV_CONN_PAUSE/RESUME) of a connection the master holds, from any process. */
int tasksrv_master_conn_op(tasksrv_server_t *s, int64_t session, int op);

#endif
