/* tasksrv: the server's lifecycle, as the glue drives it. The glue fills a
 * tasksrv_hooks_t (state.h) and is called back with bytes, ids and fds. */
#ifndef TASKSRV_SERVER_H
#define TASKSRV_SERVER_H

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

/* Ports: binds a new one (s->ports) and returns its index, or -1 with errno. */
int tasksrv_server_add_listener(tasksrv_server_t *s, const char *host, int port, int type);
/* Sends one datagram from port l without blocking, counted in the stats. Returns 0
 * or -1 with errno. */
int tasksrv_server_sendto(tasksrv_server_t *s, tasksrv_listener_t *l, const char *host, int port,
	const char *data, size_t len);

#endif
