/* tasksrv: the server's lifecycle, as the glue drives it. The glue fills a
 * tasksrv_hooks_t (state.h) and is called back with bytes, ids and fds. */
#ifndef TASKSRV_SERVER_H
#define TASKSRV_SERVER_H

#include "ledger.h"
#include "state.h"

void tasksrv_server_init(tasksrv_server_t *s, const tasksrv_hooks_t *hooks, void *user);
void tasksrv_server_free(tasksrv_server_t *s);
/* Runs the server. Returns 0 in the original process after shutdown, 1 in a child
 * whose work is done (the glue then exits it with s->exit_code), -1 on a start error. */
int tasksrv_server_run(tasksrv_server_t *s, char *err, size_t errlen);
/* Asks the whole server to stop gracefully (any process). */
int tasksrv_server_shutdown(tasksrv_server_t *s);
/* Reloads every worker and task worker, or the task workers only (any process of a
 * multi-process server). Returns 0, or -1: a reload is already running (errno
 * EALREADY), the server has no manager (ENOTSUP) or no task workers to reload (ESRCH). */
int tasksrv_server_reload(tasksrv_server_t *s, int task_workers_only);
/* Stops one worker or task worker gracefully; the manager starts the same id again.
 * Returns 0, or -1 with errno (EINVAL: no such id; ESRCH: not running now). */
int tasksrv_server_stop_one(tasksrv_server_t *s, int worker_id);
/* Leaves the loop now: PHP's exit() is unwinding this process. */
void tasksrv_server_abort(tasksrv_server_t *s);

/* stats(): one reading of the server's counters, from any process. */
typedef struct {
	int64_t start_time, connection_num, abort_count, accept_count, close_count;
	int worker_num, task_worker_num, idle_worker_num, task_idle_worker_num;
	int64_t dispatch_count, request_count, response_count, total_recv_bytes, total_send_bytes;
	int64_t pipe_packet_msg_id, concurrency, session_round;
	int64_t min_fd, max_fd;        /* of the live connections (0 when none) */
	int has_worker;                /* this process is a worker: its own counters follow */
	int64_t worker_request_count, worker_response_count, worker_dispatch_count, worker_concurrency;
	int64_t tasking_num;           /* Swoole's: what the task workers' queues (and the backlog) hold */
	int64_t task_count, task_rejected, task_queue_bytes;
	/* task_backend (docs/distributed.md): this server's own, and the queue's across hosts */
	int64_t task_late_results;
	int64_t backend_stream_length, backend_pending, backend_waiting, backend_consumers, backend_late_results;
	int64_t backend_retried;
	tasksrv_ledger_t ledger;
} tasksrv_stats_t;

/* Fills st; -1 when the server is not running. */
int tasksrv_server_stats(const tasksrv_server_t *s, tasksrv_stats_t *st);

/* Ports: binds a new one (s->ports) and returns its index, or -1 with errno. */
int tasksrv_server_add_listener(tasksrv_server_t *s, const char *host, int port, int type);
/* Sends one datagram from port l without blocking, counted in the stats. Returns 0
 * or -1 with errno. */
int tasksrv_server_sendto(tasksrv_server_t *s, tasksrv_listener_t *l, const char *host, int port,
	const char *data, size_t len);

#endif
