/* tasksrv: the manager (manager.c), the top process of a multi-process server. */
#ifndef TASKSRV_MANAGER_H
#define TASKSRV_MANAGER_H

#include "state.h"

/* The manager's part of start(): forks every worker and runs the manager loop.
 * Returns 0 in the manager once stopped, 1 in a child whose work is done, -1 on error. */
int tasksrv_manager_run(tasksrv_server_t *s, char *err, size_t errlen);
/* A reload asked of the manager itself (see tasksrv_server_reload). */
int tasksrv_manager_reload(tasksrv_server_t *s, int task_workers_only);

#endif
