/* tasksrv: the task worker (task_worker.c). */
#ifndef TASKSRV_TASK_WORKER_H
#define TASKSRV_TASK_WORKER_H

#include "state.h"

/* Runs a task worker until it stops; returns its exit code. */
int tasksrv_task_worker_main(tasksrv_server_t *s);

#endif
