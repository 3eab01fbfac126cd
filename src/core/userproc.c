/* tasksrv: user processes. A pipe is a socketpair that every process of a server
 * inherits (a worker writes into the parent's end, the user process reads its own);
 * the manager forks the processes added to the server after the workers, restarts
 * one that exits, and stops them last (see manager.c). */
#include "userproc.h"
#include "state.h"
#include "channel.h"
#include "io.h"
#include "log.h"
#include "process.h"
#include "signals.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

/* A DGRAM pipe carries a message whole or not at all: its send buffer bounds the
 * largest message, so ask for much (the kernel caps it at wmem_max, or not for root). */
#define PIPE_BUFFER (8 * 1024 * 1024)

/* A process that ends sooner than this after its start is started again only this
 * long after its start: a callback that fails at once costs a fork a second, not
 * thousands. */
#define RESPAWN_MIN_MS 1000

typedef struct {
	pid_t pid;                /* 0 when not running (manager's view) */
	int fds[2];
	void *ctx;
	tasksrv_server_t *srv;
	int index;
	int64_t started_ms;
	uint64_t respawn_timer;
} userproc_t;

struct tasksrv_userprocs {
	userproc_t *procs;
	int n, cap;
	tasksrv_userproc_main_t main;
	pid_t *shared_pids;       /* MAP_SHARED, by index: getWorkerPid() in every process */
};

/* {{{ pipes */
static void pipe_buffers(int fd)
{
	int size = PIPE_BUFFER;

	if (setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &size, sizeof(size)) < 0) {
		setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof(size));
	}
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size)) < 0) {
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
	}
}

int tasksrv_userproc_pipe_open(int type, int fds[2])
{
	int st = type == TASKSRV_USERPROC_PIPE_DGRAM ? SOCK_DGRAM : SOCK_STREAM, sv[2];

	if (socketpair(AF_UNIX, st | SOCK_CLOEXEC, 0, sv) < 0) {
		return -1;
	}
	/* The parent gets the higher fd, as in Swoole (a script may print $process->pipe). */
	fds[0] = sv[1];
	fds[1] = sv[0];
	pipe_buffers(fds[0]);
	pipe_buffers(fds[1]);
	return 0;
}

ssize_t tasksrv_userproc_pipe_write(int fd, const char *data, size_t len)
{
	size_t done = 0;
	int type = SOCK_STREAM;
	socklen_t tl = sizeof(type);

	getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &tl);
	do {
		/* MSG_NOSIGNAL: a closed end is an error to report, not a SIGPIPE. */
		ssize_t n = send(fd, data + done, len - done, MSG_NOSIGNAL);
		if (n < 0) {
			if (errno == EINTR) {
				continue;
			}
			return done > 0 ? (ssize_t) done : -1;
		}
		done += (size_t) n;
	} while (type == SOCK_STREAM && done < len);
	return (ssize_t) done;
}

ssize_t tasksrv_userproc_pipe_read(int fd, char *buf, size_t len)
{
	return recv(fd, buf, len, 0);
}

int tasksrv_userproc_pipe_timeout(int fd, double seconds)
{
	struct timeval tv = {0, 0};

	if (seconds > 0) {
		tv.tv_sec = (time_t) seconds;
		tv.tv_usec = (suseconds_t) ((seconds - (double) tv.tv_sec) * 1e6);
		if (tv.tv_sec == 0 && tv.tv_usec == 0) {
			tv.tv_usec = 1; /* a zero timeval would mean "wait for ever" */
		}
	}
	if (setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) < 0) {
		return -1;
	}
	return setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
}

int tasksrv_userproc_pipe_blocking(int fd, int blocking)
{
	int fl = fcntl(fd, F_GETFL);

	if (fl < 0) {
		return -1;
	}
	fl = blocking ? fl & ~O_NONBLOCK : fl | O_NONBLOCK;
	return fcntl(fd, F_SETFL, fl);
}
/* }}} */

/* {{{ the server's user processes */
int tasksrv_userproc_add(tasksrv_server_t *s, const int fds[2], tasksrv_userproc_main_t main, void *ctx)
{
	tasksrv_userprocs_t *u = s->manager.userprocs;

	if (u == NULL) {
		u = s->manager.userprocs = calloc(1, sizeof(*u));
		if (u == NULL) {
			return -1;
		}
	}
	if (u->n == u->cap) {
		int cap = u->cap ? u->cap * 2 : 4;
		userproc_t *p = realloc(u->procs, cap * sizeof(*p));
		if (p == NULL) {
			return -1;
		}
		u->procs = p;
		u->cap = cap;
	}
	u->main = main;
	u->procs[u->n] = (userproc_t) {.pid = 0, .fds = {fds[0], fds[1]}, .ctx = ctx, .srv = s, .index = u->n};
	return u->n++;
}

int tasksrv_userproc_count(const tasksrv_server_t *s)
{
	return s->manager.userprocs ? s->manager.userprocs->n : 0;
}

int tasksrv_userproc_worker_id(const tasksrv_server_t *s, int index)
{
	return s->cfg.worker_num + s->cfg.task_worker_num + index;
}

pid_t tasksrv_userproc_pid(const tasksrv_server_t *s, int index)
{
	tasksrv_userprocs_t *u = s->manager.userprocs;

	if (u == NULL || u->shared_pids == NULL || index < 0 || index >= u->n) {
		return 0;
	}
	return __atomic_load_n(&u->shared_pids[index], __ATOMIC_ACQUIRE);
}

int tasksrv_userproc_prepare(tasksrv_server_t *s)
{
	tasksrv_userprocs_t *u = s->manager.userprocs;
	void *m;

	if (u == NULL || u->n == 0 || u->shared_pids != NULL) {
		return 0;
	}
	m = mmap(NULL, u->n * sizeof(pid_t), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED) {
		return -1;
	}
	u->shared_pids = m;
	return 0;
}

void tasksrv_userproc_release(tasksrv_server_t *s)
{
	tasksrv_userprocs_t *u = s->manager.userprocs;
	int i;

	if (u == NULL) {
		return;
	}
	if (u->shared_pids) {
		munmap(u->shared_pids, u->n * sizeof(pid_t));
		u->shared_pids = NULL;
	}
	for (i = 0; i < u->n; i++) {
		u->procs[i].pid = 0;
		u->procs[i].respawn_timer = 0;
	}
}

void tasksrv_userproc_free(tasksrv_server_t *s)
{
	tasksrv_userproc_release(s);
	if (s->manager.userprocs) {
		free(s->manager.userprocs->procs);
		free(s->manager.userprocs);
		s->manager.userprocs = NULL;
	}
}

static void set_pid(tasksrv_userprocs_t *u, int index, pid_t pid)
{
	if (u->shared_pids) {
		__atomic_store_n(&u->shared_pids[index], pid, __ATOMIC_RELEASE);
	}
}

/* In the new process: what belonged to the manager goes (its loop, its
 * signal handlers, the other rows of the channel matrix and the ports). It keeps its
 * own endpoint's row: it writes there, blocking as it has no loop, what send(),
 * close() and sendMessage() ask (to the connection's owner, the master or a worker);
 * nobody writes to it. The shared memory stays, for the session table, stats() and
 * getWorkerPid(). */
static void become_user_process(tasksrv_server_t *s, int index)
{
	s->role = TASKSRV_ROLE_USER;
	s->worker_id = -1;
	tasksrv_loop_stop(&s->loop);
	tasksrv_loop_free(&s->loop);
	/* Default dispositions: SIGTERM ends the process unless its code says otherwise. */
	tasksrv_signals_restore();
	tasksrv_channel_close(s);
	tasksrv_channel_open(s, tasksrv_state_endpoint_userproc(s, index), 1);
	/* A predecessor killed while writing a frame: this one completes it, so that the
	 * reader's stream goes on. */
	tasksrv_channel_resume(s, s->report_cut);
	tasksrv_listener_set_close(&s->ports, 0);
	tasksrv_log_set_process('@', 0);
}

/* Returns 0 in the manager, 1 in the child once its work is done, -1 on error. */
static int spawn(tasksrv_server_t *s, int index)
{
	tasksrv_userprocs_t *u = s->manager.userprocs;
	pid_t pid = tasksrv_process_fork();

	if (pid < 0) {
		tasksrv_log(TASKSRV_LOG_ERROR, "fork() for user process #%d failed: %s",
			tasksrv_userproc_worker_id(s, index), strerror(errno));
		return -1;
	}
	if (pid > 0) {
		u->procs[index].pid = pid;
		u->procs[index].started_ms = tasksrv_io_now_ms();
		set_pid(u, index, pid);
		return 0;
	}
	set_pid(u, index, getpid());
	become_user_process(s, index);
	s->exit_code = u->main(s, index, u->procs[index].ctx);
	return 1;
}

int tasksrv_userproc_spawn_all(tasksrv_server_t *s)
{
	int i, n = tasksrv_userproc_count(s), rc;

	for (i = 0; i < n; i++) {
		rc = spawn(s, i);
		if (rc != 0) {
			return rc;
		}
	}
	return 0;
}

/* The delayed restart (manager's loop). In the new process the loop is stopped by
 * then, so the manager's code unwinds to tasksrv_manager_main, which returns 1. */
static void respawn_later(tasksrv_loop_t *loop, void *ctx)
{
	userproc_t *p = ctx;

	(void) loop;
	p->respawn_timer = 0;
	if (!p->srv->manager.stopping && p->pid == 0) {
		spawn(p->srv, p->index);
	}
}

int tasksrv_userproc_reap(tasksrv_server_t *s, pid_t pid, int status)
{
	tasksrv_userprocs_t *u = s->manager.userprocs;
	int i, n = tasksrv_userproc_count(s), code, signo, id;
	int64_t wait_ms;

	for (i = 0; i < n && u->procs[i].pid != pid; i++) {
	}
	if (i == n) {
		return -1;
	}
	u->procs[i].pid = 0;
	set_pid(u, i, 0);
	if (s->manager.stopping) {
		return 0; /* stopped by us: no error to report, nothing to restart */
	}
	tasksrv_process_exit_info(status, &code, &signo);
	id = tasksrv_userproc_worker_id(s, i);
	if (code != 0 || signo != 0) {
		tasksrv_log(TASKSRV_LOG_WARNING, "Worker::report_error(): worker(pid=%d, id=%d) abnormal exit, status=%d, signal=%d",
			(int) pid, id, code, signo);
		if (s->hooks->on_worker_error) {
			s->hooks->on_worker_error(s, id, pid, code, signo);
		}
	}
	/* Restarted whatever the reason, as Swoole does: a user process is meant to live
	 * as long as the server. */
	wait_ms = u->procs[i].started_ms + RESPAWN_MIN_MS - tasksrv_io_now_ms();
	if (wait_ms > 0) {
		u->procs[i].respawn_timer = tasksrv_loop_timer_add(&s->loop, wait_ms, respawn_later, &u->procs[i]);
		return 0;
	}
	return spawn(s, i) == 1 ? 1 : 0;
}

int tasksrv_userproc_signal_all(tasksrv_server_t *s, int signo)
{
	int i, live = 0, n = tasksrv_userproc_count(s);

	for (i = 0; i < n; i++) {
		pid_t pid = s->manager.userprocs->procs[i].pid;
		if (pid > 0) {
			if (signo == SIGKILL && s->manager.stopping) {
				tasksrv_log(TASKSRV_LOG_WARNING, "user process(pid=%d, id=%d) did not stop within max_wait_time, killed",
					(int) pid, tasksrv_userproc_worker_id(s, i));
			}
			if (signo != 0) {
				kill(pid, signo);
			}
			live++;
		}
	}
	return live;
}
/* }}} */
