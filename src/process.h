/* tasksrv: forking children that cannot outlive their parent. */
#ifndef TASKSRV_PROCESS_H
#define TASKSRV_PROCESS_H

#include <sys/types.h>

/* fork(); the child gets SIGKILL when the parent dies (even by SIGKILL), so no
 * orphan ever keeps the port. Returns the pid in the parent, 0 in the child, -1 on error. */
pid_t tasksrv_process_fork(void);
/* Splits a waitpid() status into an exit code and a signal number. */
void tasksrv_process_exit_info(int status, int *exit_code, int *signo);
/* Raises the soft RLIMIT_NOFILE to the hard limit: the channel matrix needs fds. */
void tasksrv_process_raise_fd_limit(void);

#endif
