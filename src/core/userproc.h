/* tasksrv: user processes (Swoole's Process and Server::addProcess), the part that
 * knows no PHP: their pipes, and the manager's bookkeeping of the ones added to a
 * server (fork with the server, restart when one exits, stop last at shutdown). */
#ifndef TASKSRV_USERPROC_H
#define TASKSRV_USERPROC_H

#include <stddef.h>
#include <sys/types.h>

/* Pipe types, Swoole's numbers. */
#define TASKSRV_USERPROC_PIPE_NONE 0
#define TASKSRV_USERPROC_PIPE_STREAM 1
#define TASKSRV_USERPROC_PIPE_DGRAM 2

struct tasksrv_server;
typedef struct tasksrv_userprocs tasksrv_userprocs_t;

/* {{{ pipes: a socketpair; fds[0] is the parent's end, fds[1] the process's own. */
/* Opens a pipe of type STREAM or DGRAM (close-on-exec, buffers as large as the
 * system lets us make them). Returns 0 or -1 with errno. */
int tasksrv_userproc_pipe_open(int type, int fds[2]);
/* Writes all of data (STREAM: through short writes; DGRAM: one message). EINTR is
 * retried; EAGAIN (non-blocking, or the send timeout) ends it. Returns the bytes
 * written, or -1 with errno when none were. */
ssize_t tasksrv_userproc_pipe_write(int fd, const char *data, size_t len);
/* One read (DGRAM: one message). Returns what read(2) returns; EINTR is left to
 * the caller, which may have signal callbacks to run before it reads again. */
ssize_t tasksrv_userproc_pipe_read(int fd, char *buf, size_t len);
/* SO_RCVTIMEO and SO_SNDTIMEO (seconds <= 0: none). Returns 0 or -1. */
int tasksrv_userproc_pipe_timeout(int fd, double seconds);
int tasksrv_userproc_pipe_blocking(int fd, int blocking);
/* }}} */

/* {{{ user processes of a server */
/* Runs user process `index` in its freshly forked process; returns its exit code. */
typedef int (*tasksrv_userproc_main_t)(struct tasksrv_server *s, int index, void *ctx);

/* Before start: adds a process whose pipe ends are fds (-1, -1: none; the caller
 * keeps owning them). Returns its index (0, 1, ...), or -1 (ENOMEM). */
int tasksrv_userproc_add(struct tasksrv_server *s, const int fds[2], tasksrv_userproc_main_t main, void *ctx);
int tasksrv_userproc_count(const struct tasksrv_server *s);
/* The worker id Swoole gives it: worker_num + task_worker_num + index. */
int tasksrv_userproc_worker_id(const struct tasksrv_server *s, int index);
/* Its pid now, from any process of the server (0: not running). */
pid_t tasksrv_userproc_pid(const struct tasksrv_server *s, int index);
/* At start, before the first fork: the pid table every process reads. Returns 0 or -1. */
int tasksrv_userproc_prepare(struct tasksrv_server *s);
/* Manager: forks every user process. Returns 0, 1 in a child whose work is done
 * (its exit code in s->exit_code), -1 when a fork failed. */
int tasksrv_userproc_spawn_all(struct tasksrv_server *s);
/* Manager: a child was reaped. Returns -1 when it is no user process, 0 when it was
 * (and is restarted unless the server stops), 1 in the restarted child, its work done. */
int tasksrv_userproc_reap(struct tasksrv_server *s, pid_t pid, int status);
/* Manager: signals every live user process; returns how many there are (signo 0: counts). */
int tasksrv_userproc_signal_all(struct tasksrv_server *s, int signo);
/* End of a run (and in every child): the pid table goes. */
void tasksrv_userproc_release(struct tasksrv_server *s);
/* With the server: the list goes too. */
void tasksrv_userproc_free(struct tasksrv_server *s);
/* }}} */

#endif
