/* tasksrv: the master of SWOOLE_PROCESS mode.
 *
 * The script's own process listens, accepts and owns every client connection: it
 * reads client bytes in its epoll loop, cuts them into packets and hands each to the
 * event worker dispatch_mode picks, as a frame on the channel matrix. Workers (and
 * task workers) send()/close() by sending frames back; the master writes to the
 * client, buffering what the socket refuses, and never blocks. The connection table
 * and its mechanics are src/core/conn.c's, as in a BASE event worker; this file says
 * where packets, closes and watermarks go (master_conn_ops). Its only child is the
 * manager, which forks the workers as in BASE mode; since the manager keeps every
 * worker's end of every channel, a respawned or reloaded worker takes over its
 * predecessor's channel to the master, and no client notices.
 *
 * The worker side of those frames (onConnect/onReceive/onClose from a frame, and
 * send()/close() as a frame) is at the end of this file. */
#include "master.h"
#include "channel.h"
#include "conn.h"
#include "manager.h"
#include "io.h"
#include "log.h"
#include "metrics_listen.h"
#include "process.h"
#include "signals.h"
#include "userproc.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The master's reactor: one, as tasksrv has no reactor threads. */
#define MASTER_REACTOR_ID 0

/* {{{ sessions */
/* The open connection of a session, or NULL (gone, or being closed). A frame names
 * the socket too: its sender may have ended the session in shm already (close()),
 * and what it sent before must still go out. */
static tasksrv_conn_t *conn_find(tasksrv_server_t *s, int64_t session, int os_fd)
{
	tasksrv_conn_t *c = tasksrv_conn_find(s, session, os_fd);

	return c && !c->closing ? c : NULL;
}

/* send() bytes on their way to the master, for the output cap of every process. */
static void pending_add(tasksrv_server_t *s, int64_t session, int64_t n)
{
	tasksrv_session_t *sess = tasksrv_shm_session_get(s->shm, session);

	if (sess) {
		TASKSRV_ATOMIC_ADD(&sess->send_pending_bytes, n);
	}
}

static int session_fd(tasksrv_server_t *s, int64_t session)
{
	tasksrv_session_t *sess = tasksrv_shm_session_get(s->shm, session);

	return sess ? sess->os_fd : -1;
}
/* }}} */

/* {{{ dispatch */
/* onConnect/onClose go to a worker only when the connection has one (modes 2, 4). */
static int conn_events(const tasksrv_server_t *s)
{
	return s->cfg.dispatch_mode == TASKSRV_DISPATCH_FD || s->cfg.dispatch_mode == TASKSRV_DISPATCH_IP;
}

/* FNV-1a of the address text: the same client address, the same worker. */
static uint32_t ip_hash(const char *ip)
{
	uint32_t h = 2166136261u;

	while (*ip) {
		h = (h ^ (unsigned char) *ip++) * 16777619u;
	}
	return h;
}

static int fixed_worker(tasksrv_server_t *s, int fd, const char *ip)
{
	uint32_t w = (uint32_t) s->cfg.worker_num;

	return (int) (s->cfg.dispatch_mode == TASKSRV_DISPATCH_IP ? ip_hash(ip) % w : (uint32_t) fd % w);
}

/* {{{ back-pressure: a worker slower than its clients must not grow the master. A
 * connection whose packet finds its worker's channel backed up past BACKLOG_HIGH
 * (bytes the socket has not taken) is not read again until that backlog is down
 * to BACKLOG_LOW; its client's own socket buffers fill, and TCP slows it down.
 * The master's memory is then bounded by BACKLOG_HIGH per worker plus one read
 * and one packet per connection. */
#define BACKLOG_HIGH (4u << 20)
#define BACKLOG_LOW (1u << 20)
#define HOLD_CHECK_MS 5

static void hold_check(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_server_t *s = ctx;
	int i, left = 0;

	(void) loop;
	for (i = 0; i < s->conns_cap; i++) {
		tasksrv_conn_t *c = s->conns[i];
		if (c == NULL || c->fd < 0 || !c->held) {
			continue;
		}
		if (tasksrv_channel_backlog(s, c->held - 1) <= BACKLOG_LOW) {
			tasksrv_conn_hold(s, c, 0);
		} else {
			left++;
		}
	}
	s->master.hold_timer = left ? tasksrv_loop_timer_add(&s->loop, HOLD_CHECK_MS, hold_check, s) : 0;
}

static void hold_if_backed_up(tasksrv_server_t *s, tasksrv_conn_t *c, int worker)
{
	if (tasksrv_channel_backlog(s, worker) <= BACKLOG_HIGH) {
		return;
	}
	tasksrv_conn_hold(s, c, worker + 1); /* the worker it waits for, + 1 (conn_watch reads a flag) */
	if (!s->master.hold_timer) {
		s->master.hold_timer = tasksrv_loop_timer_add(&s->loop, HOLD_CHECK_MS, hold_check, s);
	}
}
/* }}} */

/* The worker for the next packet of c. Mode 3 takes a worker that is idle with
 * nothing dispatched to it still unread (its slot's `queued`), scanning from a
 * rotating start as Swoole does; when all are busy, round robin. */
static int pick_worker(tasksrv_server_t *s, const tasksrv_conn_t *c)
{
	uint32_t w = (uint32_t) s->cfg.worker_num, start, i;

	switch (s->cfg.dispatch_mode) {
		case TASKSRV_DISPATCH_ROUND_ROBIN:
			/* Past a worker whose channel is backed up, if another's is not. */
			start = s->master.dispatch_rr++ % w;
			for (i = 1; i < w && tasksrv_channel_backlog(s, (int) start) > BACKLOG_HIGH; i++) {
				start = s->master.dispatch_rr++ % w;
			}
			return (int) start;
		case TASKSRV_DISPATCH_IDLE:
			start = s->master.dispatch_rr++;
			for (i = 0; i < w; i++) {
				tasksrv_worker_slot_t *slot = &s->shm->workers[(start + i) % w];
				if (TASKSRV_ATOMIC_LOAD(&slot->status) == TASKSRV_WORKER_IDLE && TASKSRV_ATOMIC_LOAD(&slot->queued) <= 0) {
					return (int) ((start + i) % w);
				}
			}
			return (int) (start % w);
		case TASKSRV_DISPATCH_UID: {
			tasksrv_session_t *sess = tasksrv_shm_session_get(s->shm, c->session);
			uint32_t uid = sess ? __atomic_load_n(&sess->uid, __ATOMIC_ACQUIRE) : 0;

			return uid ? (int) (uid % w) : c->worker;
		}
		default:
			return c->worker;
	}
}

/* Queues a frame to a worker without blocking: a slow worker costs memory here,
 * never the other connections' latency. A dead worker's frames wait in the
 * socket for its successor. */
static int to_worker(tasksrv_server_t *s, int worker, int type, const tasksrv_conn_t *c, int64_t session,
	int reactor_id, const char *data, size_t len)
{
	tasksrv_frame_t f;

	/* The worker fires the callbacks of the port that accepted it. */
	tasksrv_frame_conn_event(&f, type, session, reactor_id, c->port, (uint32_t) len);
	if (tasksrv_channel_send_async(s, worker, &f, data ? data : "") < 0) {
		static tasksrv_log_limit_t lim;
		tasksrv_log_limited(&lim, TASKSRV_LOG_WARNING, "dispatch to worker #%d failed: %s%s", worker, strerror(errno),
			errno == EBADMSG ? " (the channel to it was found corrupt and is being reset)" : "");
		return -1;
	}
	return 0;
}

/* A connection whose event could not reach its worker because the channel to it is
 * broken: it ends, so its client sees the end of the stream rather than silence. */
static void end_if_broken(tasksrv_server_t *s, tasksrv_conn_t *c)
{
	if (errno == EBADMSG && !c->closing) {
		tasksrv_conn_end(s, c, MASTER_REACTOR_ID);
	}
}

void tasksrv_master_worker_lost(tasksrv_server_t *s, int worker)
{
	int fd, n = 0;

	/* Its packets on the channel are gone with it: none is waiting any more. */
	TASKSRV_ATOMIC_STORE(&s->shm->workers[worker].queued, 0);
	for (fd = 0; fd < s->conns_cap; fd++) {
		tasksrv_conn_t *c = s->conns[fd];
		if (c != NULL && c->fd >= 0 && !c->closing && (c->worker == worker
				|| (c->dispatched & ((uint64_t) 1 << (worker % 64))))) {
			tasksrv_conn_end(s, c, MASTER_REACTOR_ID);
			n++;
		}
	}
	if (n > 0) {
		tasksrv_log(TASKSRV_LOG_WARNING, "%d connection(s) whose events were on the corrupt channel to worker #%d closed",
			n, worker);
	}
}


/* The next packet of c (len bytes at data) to a worker. */
static void dispatch_packet(tasksrv_server_t *s, tasksrv_conn_t *c, const char *data, size_t len)
{
	int worker = pick_worker(s, c);
	tasksrv_worker_slot_t *slot = &s->shm->workers[worker];
	tasksrv_session_t *sess = tasksrv_shm_session_get(s->shm, c->session);

	/* stats(): dispatch_count here, before the worker can see the packet;
	 * request_count when its onReceive is over. */
	if (sess) {
		sess->last_dispatch_time = tasksrv_io_unix_time();
	}
	TASKSRV_ATOMIC_ADD(&s->shm->dispatch_count, 1);
	TASKSRV_ATOMIC_ADD(&slot->dispatch_count, 1);
	TASKSRV_ATOMIC_ADD(&slot->queued, 1);
	c->dispatched |= (uint64_t) 1 << (worker % 64);
	if (to_worker(s, worker, TASKSRV_FRAME_RECEIVE, c, c->session, MASTER_REACTOR_ID, data, len) < 0) {
		TASKSRV_ATOMIC_ADD(&slot->queued, -1);
		TASKSRV_ATOMIC_ADD(&slot->dispatch_count, -1);
		TASKSRV_ATOMIC_ADD(&s->shm->dispatch_count, -1);
		end_if_broken(s, c);
		return;
	}
	hold_if_backed_up(s, c, worker);
}
/* }}} */

/* {{{ connections: the master's part (src/core/conn.c) */
/* The worker of a connection in modes 2 and 4 hears of it (CONNECT). */
static void conn_accepted(tasksrv_server_t *s, tasksrv_conn_t *c)
{
	tasksrv_session_t *sess = tasksrv_shm_session_get(s->shm, c->session);

	c->worker = fixed_worker(s, c->fd, sess->remote_ip);
	if (conn_events(s) && to_worker(s, c->worker, TASKSRV_FRAME_CONNECT, c, c->session, MASTER_REACTOR_ID, NULL, 0) < 0) {
		end_if_broken(s, c);
	}
}

/* Its worker's onClose (reactor -1: the server closed it) comes from a frame. */
static void conn_closed(tasksrv_server_t *s, tasksrv_conn_t *c, int64_t session, int reactor_id)
{
	if (conn_events(s)) {
		to_worker(s, c->worker, TASKSRV_FRAME_CLOSE, c, session, reactor_id, NULL, 0);
	}
}

/* The output watermarks: the connection's worker hears when its queued output
 * crosses the high one and when it drains to the low one after that. */
static void conn_watermark(tasksrv_server_t *s, tasksrv_conn_t *c, int full)
{
	if (conn_events(s)) {
		to_worker(s, c->worker, full ? TASKSRV_FRAME_BUFFER_FULL : TASKSRV_FRAME_BUFFER_EMPTY, c, c->session,
			MASTER_REACTOR_ID, NULL, 0);
	}
}

/* The client half-closed (shutdown(SHUT_WR), as `nc -N` and many HTTP clients do):
 * its packets may still be in workers, whose replies must reach it. Every worker that
 * got one is sent an EOF behind them; the connection ends when all have answered. */
static int conn_half_closed(tasksrv_server_t *s, tasksrv_conn_t *c)
{
	int w;

	c->eof_wait = 0;
	for (w = 0; w < s->cfg.worker_num; w++) {
		if ((c->dispatched & ((uint64_t) 1 << (w % 64)))
				&& to_worker(s, w, TASKSRV_FRAME_EOF, c, c->session, MASTER_REACTOR_ID, NULL, 0) == 0) {
			c->eof_wait++;
		}
	}
	return c->eof_wait > 0;
}

static void master_eof_ack(tasksrv_server_t *s, int64_t session, int os_fd)
{
	tasksrv_conn_t *c = conn_find(s, session, os_fd);

	if (c && c->rd_closed && c->eof_wait > 0 && --c->eof_wait == 0) {
		tasksrv_conn_end(s, c, MASTER_REACTOR_ID);
	}
}

/* Every event goes to a worker as a frame; no PHP runs here. */
static const tasksrv_conn_ops_t master_conn_ops = {
	.accepted = conn_accepted,
	.packet = dispatch_packet,
	.closed = conn_closed,
	.watermark = conn_watermark,
	.half_closed = conn_half_closed,
};

/* send() of any process: written now as far as the socket takes it, the rest
 * buffered and written as the client reads. */
static int master_send(tasksrv_server_t *s, int64_t session, int os_fd, const char *data, size_t len)
{
	tasksrv_conn_t *c = conn_find(s, session, os_fd);
	int rc;

	if (c == NULL) {
		return -1;
	}
	/* No cap here: the worker's send() returned true already, so dropping bytes past
	 * socket_buffer_size would lose them silently; the watermarks tell the worker. */
	if ((rc = tasksrv_conn_write(s, c, data, len)) > 0) {
		tasksrv_conn_watermarks(s, c, 1);
	}
	tasksrv_conn_queued(s, c);
	return rc < 0 ? -1 : 0;
}

static int master_close(tasksrv_server_t *s, int64_t session, int os_fd)
{
	tasksrv_conn_t *c = conn_find(s, session, os_fd);

	if (c == NULL) {
		return -1;
	}
	tasksrv_conn_end(s, c, -1);
	return 0;
}
/* }}} */

/* {{{ the master's life */
static void stop_timeout(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_server_t *s = ctx;

	(void) loop;
	if (s->master.manager_pid > 0) {
		tasksrv_log(TASKSRV_LOG_WARNING, "manager(pid=%d) did not stop in time, killed", (int) s->master.manager_pid);
		kill(s->master.manager_pid, SIGKILL);
	}
}

/* The stream ports the master accepts on (datagram ports are the workers'). */
static void start_accepting(tasksrv_server_t *s)
{
	int i;

	for (i = 0; i < s->ports.n; i++) {
		tasksrv_listener_t *l = s->ports.items[i];
		if (!tasksrv_listener_is_dgram(l)) {
			l->h.fn = tasksrv_conn_on_accept;
			l->h.ctx = l;
			tasksrv_loop_add(&s->loop, &l->h, l->fd, EPOLLIN);
		}
	}
}

static void stop_accepting(tasksrv_server_t *s)
{
	int i;

	for (i = 0; i < s->ports.n; i++) {
		if (s->ports.items[i]->h.fd >= 0) {
			tasksrv_loop_del(&s->loop, &s->ports.items[i]->h);
		}
	}
}

/* SIGTERM: onBeforeShutdown here, no more accepting, then the manager stops the
 * workers; the loop goes on writing what they send until the manager is gone. */
static void begin_stop(tasksrv_server_t *s)
{
	if (s->manager.stopping) {
		return;
	}
	s->manager.stopping = 1;
	TASKSRV_ATOMIC_STORE(&s->shm->shutting_down, 1);
	if (s->hooks->on_before_shutdown && !s->exiting) {
		s->hooks->on_before_shutdown(s);
	}
	stop_accepting(s);
	if (s->master.manager_pid <= 0) {
		tasksrv_loop_stop(&s->loop);
		return;
	}
	kill(s->master.manager_pid, SIGTERM);
	/* The manager gives workers max_wait_time + 1 s, then task workers max_wait_time,
	 * then user processes (addProcess) max_wait_time. */
	tasksrv_loop_timer_add(&s->loop, (2 + (tasksrv_userproc_count(s) > 0)) * (int64_t) s->cfg.max_wait_time_ms + 3000,
		stop_timeout, s);
}

static void reap_manager(tasksrv_server_t *s)
{
	int status, code, signo;
	char sig[64];

	if (s->master.manager_pid <= 0 || waitpid(s->master.manager_pid, &status, WNOHANG) != s->master.manager_pid) {
		return;
	}
	s->master.manager_pid = 0;
	if (!s->manager.stopping) {
		tasksrv_process_exit_info(status, &code, &signo);
		snprintf(sig, sizeof(sig), "%s: %d", strsignal(signo), signo);
		tasksrv_log(TASKSRV_LOG_WARNING, "Fatal Error: manager process exit. status=%d, signal=[%s]", code, sig);
		/* Its workers died with it (their parent-death signal): nothing serves any more. */
		s->manager.stopping = 1;
		TASKSRV_ATOMIC_STORE(&s->shm->shutting_down, 1);
		stop_accepting(s);
	}
	tasksrv_loop_stop(&s->loop);
}

static void on_signal(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, uint32_t events)
{
	tasksrv_server_t *s = h->ctx;
	int signo;

	(void) loop;
	(void) events;
	while ((signo = tasksrv_signals_next_for(&s->master.manager_pid, 1)) != 0) {
		switch (signo) {
			case SIGTERM:
			case SIGINT:
				begin_stop(s);
				break;
			case SIGUSR1:
			case SIGUSR2:
				/* Reloads are the manager's work. */
				if (!s->manager.stopping && s->master.manager_pid > 0) {
					kill(s->master.manager_pid, signo);
				}
				break;
			case SIGCHLD:
				reap_manager(s);
				break;
		}
	}
}

static int master_main(tasksrv_server_t *s)
{
	int i;

	if (tasksrv_loop_init(&s->loop) < 0) {
		return -1;
	}
	s->loop.idle = tasksrv_channel_run_deferred;
	s->loop.idle_ctx = s;
	s->conn_ops = &master_conn_ops;
	s->sig_h.fn = on_signal;
	s->sig_h.ctx = s;
	tasksrv_loop_add(&s->loop, &s->sig_h, tasksrv_signals_fd(), EPOLLIN);
	start_accepting(s);
	tasksrv_metrics_listen_watch(&s->loop);
	/* The master holds the sockets, so it closes the idle ones; their worker's
	 * onClose gets the master's reactor id. */
	tasksrv_conn_heartbeat_start(s);
	for (i = 0; i < s->nendpoints; i++) {
		if (s->peers[i].h.fd >= 0) {
			s->peers[i].registered = tasksrv_loop_add(&s->loop, &s->peers[i].h, s->peers[i].h.fd, EPOLLIN) == 0;
		}
	}
	if (s->hooks->on_start) {
		s->hooks->on_start(s);
	}
	/* A manager that died before the loop ran was recorded by the handler already. */
	if (!s->exiting && tasksrv_loop_run(&s->loop) < 0) {
		tasksrv_log(TASKSRV_LOG_ERROR, "event loop failed: %s", strerror(errno));
	}
	if (s->master.manager_pid > 0) {
		/* exit() in a master callback, or a broken loop: the tree goes with us. */
		kill(s->master.manager_pid, SIGKILL);
		while (waitpid(s->master.manager_pid, NULL, 0) < 0 && errno == EINTR) {
		}
		s->master.manager_pid = 0;
	}
	/* Whatever is still queued gets one last try; the workers are gone, so nobody
	 * is left for onClose. */
	tasksrv_conn_close_all(s, 0);
	if (!s->exiting && s->hooks->on_shutdown) {
		s->hooks->on_shutdown(s);
	}
	return 0;
}

/* The manager's side of the fork: the master's channel ends and the listening
 * socket are not its to keep. If the master dies, the kernel sends SIGTERM and the
 * manager stops the workers gracefully. */
static int manager_child(tasksrv_server_t *s, char *err, size_t errlen)
{
	int master = tasksrv_state_endpoint_master(s), n = s->nendpoints, i, rc;

	prctl(PR_SET_PDEATHSIG, SIGTERM);
	if (getppid() != s->shm->master_pid) {
		s->exit_code = 0;
		return 1;
	}
	for (i = 0; i < n; i++) {
		if (s->chan[master * n + i] >= 0) {
			close(s->chan[master * n + i]);
			s->chan[master * n + i] = -1;
		}
	}
	/* The datagram ports stay: event workers read them in PROCESS mode too. */
	tasksrv_listener_set_close(&s->ports, 1);
	rc = tasksrv_manager_run(s, err, errlen);
	if (rc == 1) {
		return 1;
	}
	if (rc < 0) {
		tasksrv_log(TASKSRV_LOG_ERROR, "manager failed to start: %s", err);
	}
	s->exit_code = rc < 0 ? 1 : 0;
	return 1;
}

int tasksrv_master_run(tasksrv_server_t *s, char *err, size_t errlen)
{
	/* SIGRTMIN is not a constant (glibc keeps the first ones for itself). */
	const int master_signals[] = {SIGTERM, SIGINT, SIGCHLD, SIGUSR1, SIGUSR2, SIGRTMIN, SIGWINCH};
	pid_t pid;

	s->role = TASKSRV_ROLE_MASTER;
	s->shm->master_pid = getpid();
	tasksrv_log_set_process('#', 0);
	/* Installed before the fork: the manager's death is never missed. */
	tasksrv_signals_install(master_signals, sizeof(master_signals) / sizeof(master_signals[0]));
	tasksrv_signals_ignore(SIGPIPE);
	pid = tasksrv_process_fork();
	if (pid < 0) {
		snprintf(err, errlen, "cannot fork the manager: %s", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		return manager_child(s, err, errlen);
	}
	s->master.manager_pid = pid;
	s->shm->manager_pid = pid;
	tasksrv_channel_open(s, tasksrv_state_endpoint_master(s), 1);
	return master_main(s);
}
/* }}} */

/* {{{ frames: both sides */
static void worker_conn_frame(tasksrv_server_t *s, const tasksrv_frame_t *f, const char *data, size_t len)
{
	tasksrv_worker_slot_t *slot = &s->shm->workers[s->worker_id];
	int prev = s->cur_port;

	/* The callbacks of the port the connection came in on (the master says which). */
	s->cur_port = f->port < (uint32_t) s->ports.n ? (int) f->port : 0;
	switch (f->type) {
		case TASKSRV_FRAME_CONNECT:
			if (s->hooks->on_connect) {
				s->hooks->on_connect(s, f->session, f->reactor_id);
			}
			break;
		case TASKSRV_FRAME_RECEIVE:
			/* Taken off the dispatch count first: the worker shows BUSY from here on. */
			TASKSRV_ATOMIC_ADD(&slot->queued, -1);
			TASKSRV_ATOMIC_ADD(&s->shm->concurrency, 1);
			TASKSRV_ATOMIC_ADD(&slot->concurrency, 1);
			if (s->hooks->on_receive) {
				s->hooks->on_receive(s, f->session, f->reactor_id, data, len);
			}
			TASKSRV_ATOMIC_ADD(&slot->concurrency, -1);
			TASKSRV_ATOMIC_ADD(&s->shm->concurrency, -1);
			TASKSRV_ATOMIC_ADD(&s->shm->request_count, 1);
			TASKSRV_ATOMIC_ADD(&slot->request_count, 1);
			break;
		case TASKSRV_FRAME_CLOSE:
			if (s->hooks->on_close) {
				s->hooks->on_close(s, f->session, f->reactor_id);
			}
			break;
		case TASKSRV_FRAME_BUFFER_FULL:
			if (s->hooks->on_buffer_full) {
				s->hooks->on_buffer_full(s, f->session);
			}
			break;
		case TASKSRV_FRAME_BUFFER_EMPTY:
			if (s->hooks->on_buffer_empty) {
				s->hooks->on_buffer_empty(s, f->session);
			}
			break;
		case TASKSRV_FRAME_EOF:
			/* Behind the replies to the packets before it, on the same channel. */
			if (tasksrv_master_forward(s, TASKSRV_FRAME_EOF_ACK, f->session, NULL, 0) < 0) {
				tasksrv_log(TASKSRV_LOG_DEBUG, "connection#%ld: half-close not answered", (long) f->session);
			}
			break;
		default:
			tasksrv_log(TASKSRV_LOG_WARNING, "unexpected connection frame of type %d dropped", f->type);
	}
	s->cur_port = prev;
}

void tasksrv_master_conn_frame(tasksrv_server_t *s, const tasksrv_frame_t *f, int peer, const char *data, size_t len)
{
	if (s->role == TASKSRV_ROLE_WORKER && (f->type <= TASKSRV_FRAME_CLOSE || f->type == TASKSRV_FRAME_BUFFER_FULL
			|| f->type == TASKSRV_FRAME_BUFFER_EMPTY || f->type == TASKSRV_FRAME_EOF) && !s->exiting) {
		worker_conn_frame(s, f, data, len);
	} else if (s->role == TASKSRV_ROLE_MASTER && f->type == TASKSRV_FRAME_SEND) {
		/* The sender was told yes: the session existed. Gone since: dropped. */
		master_send(s, f->session, f->os_fd, data, len);
		pending_add(s, f->session, -(int64_t) len);
	} else if (s->role == TASKSRV_ROLE_MASTER && f->type == TASKSRV_FRAME_DISCONNECT) {
		master_close(s, f->session, f->os_fd);
	} else if (s->role == TASKSRV_ROLE_MASTER && f->type == TASKSRV_FRAME_EOF_ACK) {
		master_eof_ack(s, f->session, f->os_fd);
	} else {
		tasksrv_log(TASKSRV_LOG_WARNING, "unexpected frame of type %d from endpoint %d dropped", f->type, peer);
	}
}

int tasksrv_master_forward(tasksrv_server_t *s, int type, int64_t session, const char *data, size_t len)
{
	int master = tasksrv_state_endpoint_master(s), os_fd = session_fd(s, session), rc;
	tasksrv_frame_t f;

	if (os_fd < 0) {
		return -1;
	}
	if (s->role == TASKSRV_ROLE_MASTER) {
		rc = type == TASKSRV_FRAME_SEND ? master_send(s, session, os_fd, data, len) : master_close(s, session, os_fd);
	} else {
		if (len > TASKSRV_FRAME_MAX_LEN) {
			errno = EMSGSIZE;
			return -1;
		}
		if (master < 0 || s->peers == NULL || s->peers[master].h.fd < 0) {
			return -1;
		}
		/* close() takes effect here and now: exists() is false and send() fails at
		 * once in every process; the master closes the socket when the frame comes. */
		if (type == TASKSRV_FRAME_DISCONNECT) {
			tasksrv_shm_session_close(s->shm, session);
		}
		/* To the master: the socket too (see conn_find). */
		tasksrv_frame_to_master(&f, type, session, s->worker_id, os_fd, (uint32_t) len);
		if (type == TASKSRV_FRAME_SEND) {
			pending_add(s, session, (int64_t) len);
		}
		/* Blocking is safe (the master reads its channels at all times and never
		 * blocks on us), keeps send() order, and records its progress: a successor
		 * completes a frame this process died writing. */
		rc = tasksrv_channel_send_blocking(s, master, &f, data ? data : "");
		if (rc < 0 && type == TASKSRV_FRAME_SEND) {
			pending_add(s, session, -(int64_t) len);
		}
	}
	if (rc >= 0 && type == TASKSRV_FRAME_SEND) {
		tasksrv_session_t *sess = tasksrv_shm_session_get(s->shm, session);
		TASKSRV_ATOMIC_ADD(&s->shm->total_send_bytes, (int64_t) len);
		TASKSRV_ATOMIC_ADD(&s->shm->response_count, 1);
		if (s->worker_id >= 0 && s->role == TASKSRV_ROLE_WORKER) {
			TASKSRV_ATOMIC_ADD(&s->shm->workers[s->worker_id].response_count, 1);
		}
		if (sess) {
			sess->last_send_time = tasksrv_io_unix_time();
		}
	}
	return rc;
}

/* pause()/resume(): the master stops or starts reading the socket; from another
 * process the request travels as a CONN frame (src/core/forward.c's frame type). */
int tasksrv_master_conn_op(tasksrv_server_t *s, int64_t session, int op)
{
	int master = tasksrv_state_endpoint_master(s), os_fd = session_fd(s, session);
	tasksrv_conn_t *c;
	tasksrv_frame_t f;

	if (os_fd < 0 || (op != TASKSRV_CONN_PAUSE && op != TASKSRV_CONN_RESUME)) {
		return -1;
	}
	if (s->role == TASKSRV_ROLE_MASTER) {
		if ((c = conn_find(s, session, os_fd)) == NULL) {
			return -1;
		}
		tasksrv_conn_pause(s, c, op == TASKSRV_CONN_PAUSE);
		return 0;
	}
	if (master < 0 || s->peers == NULL || s->peers[master].h.fd < 0) {
		return -1;
	}
	tasksrv_frame_conn_op(&f, session, op, s->worker_id, 0);
	return tasksrv_channel_send_blocking(s, master, &f, "");
}
/* }}} */
