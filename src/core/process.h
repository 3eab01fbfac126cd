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

/* daemonize: forks, the parent _exit(0)s; the child starts a new session, moves to
 * "/", reads /dev/null and writes stdout/stderr to out_path (NULL: /dev/null).
 * Returns 0 in the child, -1 (errno) when nothing was forked. */
int tasksrv_process_daemonize(const char *out_path);
/* pid_file: opened (created) before start, so that an unwritable path is an error
 * at once; written with the pid of the process that takes signals; removed at a
 * normal end when it still holds our pid. */
int tasksrv_process_pid_file_open(const char *path);
int tasksrv_process_pid_file_write(int fd);
void tasksrv_process_pid_file_remove(const char *path);

#endif
