/* tasksrv: user processes. A pipe is a socketpair that every process of a server
 * inherits (a worker writes into the parent's end, the user process reads its own);
 * the manager forks the processes added to the server after the workers, restarts
 * one that exits, and stops them last (see manager.c). */
#include "userproc.h"
#include "state.h"
#include "channel.h"
#include "io.h"
#include "ledger.h"
#include "log.h"
#include "process.h"
#include "signals.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
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

/* The server whose user processes these are, in every process of its tree (one
 * server per process, as in Swoole): set by tasksrv_userproc_add. */
static tasksrv_server_t *pipes_server;

/* The server, when fd is the parent's end of the pipe of one of its user processes
 * and this process reads channels a user process writes to (an event worker, a task
 * worker, the PROCESS master); else NULL. */
static tasksrv_server_t *draining_server(int fd)
{
	tasksrv_server_t *s = pipes_server;
	int i;

	if (s == NULL || s->peers == NULL || s->manager.userprocs == NULL || (s->role != TASKSRV_ROLE_WORKER
			&& s->role != TASKSRV_ROLE_TASK_WORKER && s->role != TASKSRV_ROLE_MASTER)) {
		return NULL;
	}
	for (i = 0; i < s->manager.userprocs->n; i++) {
		if (s->manager.userprocs->procs[i].fds[0] == fd) {
			return s;
		}
	}
	return NULL;
}

/* What this process holds of what the user processes sent it, read early and not
 * handed to its loop yet (bytes of payload). */
static size_t held_from_userprocs(tasksrv_server_t *s)
{
	int first = tasksrv_state_endpoint_userproc(s, 0), i;
	size_t held = 0;

	for (i = s->deferred_pos; i < s->ndeferred; i++) {
		if (s->deferred[i].peer >= first) {
			held += sizeof(tasksrv_frame_t) + s->deferred[i].f.len;
		}
	}
	return held;
}

/* Reads what the user processes sent this process and keeps it for the loop, up to
 * socket_buffer_size held in all (a user process writing as fast as this reads would
 * keep a plain sweep going). Returns what is held then. */
static size_t take_from_userprocs(tasksrv_server_t *s, int first)
{
	size_t held = held_from_userprocs(s);
	tasksrv_frame_t f;
	void *handle;
	int i;

	for (i = first; i < s->nendpoints && held < s->cfg.socket_buffer_size; i++) {
		while (s->peers[i].h.fd >= 0 && held < s->cfg.socket_buffer_size
				&& tasksrv_channel_read_frame(s, i, &f, &handle) > 0) {
			tasksrv_channel_defer(s, &f, i, handle);
			held += sizeof(f) + f.len;
		}
	}
	return held;
}

/* A full pipe, written blocking by a process that reads the user processes'
 * channels: the user process may itself be blocked writing to this process (a
 * send() to one of its connections, a sendMessage()), and would never read its pipe
 * again. So while it waits, this process reads what the user processes sent it and
 * keeps it for its loop (handed out in order at its next turn), in slices of a few
 * milliseconds, until the pipe takes more or the send timeout (SO_SNDTIMEO,
 * setTimeout()) passes: then EAGAIN, as a plain blocking send. What it keeps is
 * capped at socket_buffer_size (one message to many connections is many frames):
 * with that much kept, the write gives up at once (EAGAIN, logged), until the loop
 * has handed it out. */
#define DRAIN_SLICE_MS 5

static int wait_draining(tasksrv_server_t *s, int fd, int64_t deadline_ms)
{
	static tasksrv_log_limit_t lim;
	struct pollfd pfd = {.fd = fd, .events = POLLOUT};
	int first = tasksrv_state_endpoint_userproc(s, 0), r;
	size_t held;

	for (;;) {
		if ((held = take_from_userprocs(s, first)) >= s->cfg.socket_buffer_size) {
			tasksrv_log_limited(&lim, TASKSRV_LOG_WARNING, "Process::write(): a user process's pipe is full and this "
				"process holds %zu bytes the user processes sent it (socket_buffer_size %zu): write() gives up",
				held, s->cfg.socket_buffer_size);
			errno = EAGAIN;
			return -1;
		}
		r = poll(&pfd, 1, DRAIN_SLICE_MS);
		if (r > 0 || (r < 0 && errno == EINTR)) {
			return 0; /* writable, or a signal: the caller tries again */
		}
		if (r < 0) {
			return -1;
		}
		if (deadline_ms > 0 && tasksrv_io_now_ms() >= deadline_ms) {
			errno = EAGAIN;
			return -1;
		}
	}
}

/* The send timeout of fd as a deadline from now (0: none). */
static int64_t send_deadline(int fd)
{
	struct timeval tv = {0, 0};
	socklen_t l = sizeof(tv);

	if (getsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, &l) < 0 || (tv.tv_sec == 0 && tv.tv_usec == 0)) {
		return 0;
	}
	return tasksrv_io_now_ms() + (int64_t) tv.tv_sec * 1000 + tv.tv_usec / 1000 + 1;
}

ssize_t tasksrv_userproc_pipe_write(int fd, const char *data, size_t len)
{
	tasksrv_server_t *s = draining_server(fd);
	size_t done = 0;
	int type = SOCK_STREAM, fl = fcntl(fd, F_GETFL);
	int64_t deadline = 0;
	socklen_t tl = sizeof(type);

	getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &tl);
	if (s != NULL && fl >= 0 && (fl & O_NONBLOCK)) {
		s = NULL; /* setBlocking(false): a full pipe is EAGAIN at once */
	}
	if (s != NULL) {
		deadline = send_deadline(fd);
	}
	do {
		/* MSG_NOSIGNAL: a closed end is an error to report, not a SIGPIPE. */
		ssize_t n = send(fd, data + done, len - done, MSG_NOSIGNAL | (s != NULL ? MSG_DONTWAIT : 0));
		if (n < 0) {
			if (errno == EINTR) {
				continue;
			}
			if (s != NULL && (errno == EAGAIN || errno == EWOULDBLOCK) && wait_draining(s, fd, deadline) == 0) {
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
	pipes_server = s;
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
	if (pipes_server == s) {
		pipes_server = NULL;
	}
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
	int64_t wait_ms, lost;

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
	/* Its task() calls are one-way and written whole; a frame its death cut is booked
	 * here, as for a worker. */
	if ((lost = tasksrv_ledger_book_unsent(s, tasksrv_state_endpoint_userproc(s, i),
			code != 0 || signo != 0 ? TASKSRV_FAIL_WORKER_DIED : TASKSRV_FAIL_SHUTDOWN)) > 0) {
		tasksrv_log(TASKSRV_LOG_WARNING, "user process(pid=%d, id=%d) left %ld task(s) it had accepted but not sent",
			(int) pid, id, (long) lost);
	}
	if (code != 0 || signo != 0) {
		TASKSRV_ATOMIC_ADD(&s->shm->abnormal_exits[TASKSRV_SHM_USER_PROCESS], 1);
		tasksrv_log(TASKSRV_LOG_WARNING, "Worker::report_error(): worker(pid=%d, id=%d) abnormal exit, status=%d, signal=%d",
			(int) pid, id, code, signo);
		if (s->hooks->on_worker_error) {
			s->hooks->on_worker_error(s, id, pid, code, signo);
		}
	}
	/* Restarted whatever the reason, as Swoole does: a user process is meant to live
	 * as long as the server. */
	TASKSRV_ATOMIC_ADD(&s->shm->respawns[TASKSRV_SHM_USER_PROCESS], 1);
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
