/* tasksrv: what one run of the server holds in a process, and its release. */
#ifndef TASKSRV_RUN_H
#define TASKSRV_RUN_H

#include "state.h"

/* The manager's own bookkeeping (pid tables, reload state): freed at the end of a
 * run, and by every child, which must not keep its parent's. */
void tasksrv_run_free_manager(tasksrv_server_t *s);
/* Everything a run holds in this process (idempotent). */
void tasksrv_run_free(tasksrv_server_t *s);

#endif
