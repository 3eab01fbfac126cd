/* tasksrv: the master of SWOOLE_PROCESS mode.
 *
 * The script's own process listens, accepts and owns every client connection: it
 * reads client bytes in its epoll loop, cuts them into packets and hands each to the
 * event worker dispatch_mode picks, as a frame on the channel matrix. Workers (and
 * task workers) send()/close() by sending frames back; the master writes to the
 * client, buffering what the socket refuses, and never blocks. Its only child is the
 * manager, which forks the workers as in BASE mode; since the manager keeps every
 * worker's end of every channel, a respawned or reloaded worker takes over its
 * predecessor's channel to the master, and no client notices.
 *
 * The worker side of those frames (onConnect/onReceive/onClose from a frame, and
 * send()/close() as a frame) is at the end of this file. */
#include "server.h"
#include "io.h"
#include "log.h"
#include "process.h"
#include "signals.h"

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
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

#define READ_CHUNK 65536
#define ACCEPT_BATCH 64
/* The master's reactor: one, as tasksrv has no reactor threads. */
#define MASTER_REACTOR_ID 0

struct tasksrv_master_conn {
	tasksrv_loop_handler_t h;
	tasksrv_server_t *srv;
	int64_t session;
	int fd;               /* -1: slot unused */
	int worker;           /* dispatch modes 2 and 4: the worker of all its events */
	int port;             /* index of the listener that accepted it */
	int closing;          /* close() asked: input ignored, output drained, then released */
	int paused;           /* pause(): not read until resume() */
	int full;             /* its worker was told BufferFull; BufferEmpty is due */
	tasksrv_protocol_state_t framing; /* progress on the packet being received */
	tasksrv_buffer_t in;
	tasksrv_buffer_t out;
};

static void conn_on_event(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, uint32_t events);

/* The epoll interest of a client socket: reading unless paused, writing while output
 * is queued. (A paused socket still reports HUP/ERR: it is read then.) */
static void conn_watch(tasksrv_server_t *s, tasksrv_master_conn_t *c)
{
	uint32_t ev = c->paused ? 0 : EPOLLIN | EPOLLRDHUP;

	if (tasksrv_buffer_size(&c->out) > 0) {
		ev |= EPOLLOUT;
	}
	tasksrv_loop_mod(&s->loop, &c->h, ev);
}

/* {{{ the connection table, by OS fd */
static tasksrv_master_conn_t *conn_slot(tasksrv_server_t *s, int fd)
{
	if (fd >= s->mconns_cap) {
		int cap = s->mconns_cap ? s->mconns_cap : 64;
		tasksrv_master_conn_t **c;
		while (cap <= fd) {
			cap *= 2;
		}
		c = realloc(s->mconns, sizeof(*c) * cap);
		if (c == NULL) {
			return NULL;
		}
		memset(c + s->mconns_cap, 0, sizeof(*c) * (cap - s->mconns_cap));
		s->mconns = c;
		s->mconns_cap = cap;
	}
	/* Never freed while the loop runs: an event already fetched for a closed
	 * connection must still point at valid memory. */
	if (s->mconns[fd] == NULL) {
		s->mconns[fd] = calloc(1, sizeof(tasksrv_master_conn_t));
	}
	return s->mconns[fd];
}

void tasksrv_master_free_conns(tasksrv_server_t *s)
{
	int i;

	for (i = 0; i < s->mconns_cap; i++) {
		if (s->mconns[i]) {
			tasksrv_buffer_free(&s->mconns[i]->in);
			tasksrv_buffer_free(&s->mconns[i]->out);
			free(s->mconns[i]);
		}
	}
	free(s->mconns);
	s->mconns = NULL;
	s->mconns_cap = 0;
}

/* The open connection of a session, or NULL (gone, or being closed). A frame names
 * the socket too: its sender may have ended the session in shm already (close()),
 * and what it sent before must still go out. Session ids are never reused. */
static tasksrv_master_conn_t *conn_find(tasksrv_server_t *s, int64_t session, int os_fd)
{
	tasksrv_master_conn_t *c;

	if (os_fd < 0 || os_fd >= s->mconns_cap) {
		return NULL;
	}
	c = s->mconns[os_fd];
	return c && c->fd >= 0 && c->session == session && !c->closing ? c : NULL;
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

/* The worker for the next packet of c. Mode 3 takes a worker that is idle with
 * nothing dispatched to it still unread (its slot's `queued`), scanning from a
 * rotating start as Swoole does; when all are busy, round robin. */
static int pick_worker(tasksrv_server_t *s, const tasksrv_master_conn_t *c)
{
	uint32_t w = (uint32_t) s->cfg.worker_num, start, i;

	switch (s->cfg.dispatch_mode) {
		case TASKSRV_DISPATCH_ROUND_ROBIN:
			return (int) (s->dispatch_rr++ % w);
		case TASKSRV_DISPATCH_IDLE:
			start = s->dispatch_rr++;
			for (i = 0; i < w; i++) {
				tasksrv_worker_slot_t *slot = &s->shm->workers[(start + i) % w];
				if (TASKSRV_ATOMIC_LOAD(&slot->status) == TASKSRV_WORKER_IDLE && TASKSRV_ATOMIC_LOAD(&slot->queued) <= 0) {
					return (int) ((start + i) % w);
				}
			}
			return (int) (start % w);
		default:
			return c->worker;
	}
}

/* Queues a frame to a worker without blocking: a slow worker costs memory here,
 * never the other connections' latency. A dead worker's frames wait in the
 * socket for its successor. */
static int to_worker(tasksrv_server_t *s, int worker, int type, const tasksrv_master_conn_t *c, int64_t session,
	int reactor_id, const char *data, size_t len)
{
	tasksrv_frame_t f;

	memset(&f, 0, sizeof(f));
	f.version = TASKSRV_FRAME_VERSION;
	f.type = (uint8_t) type;
	f.len = (uint32_t) len;
	f.task_id = session;
	f.src_worker = reactor_id;
	f.origin_gen = (uint32_t) c->port; /* the worker fires that port's callbacks */
	f.time = tasksrv_io_unix_time();
	if (tasksrv_server_send_async(s, worker, &f, data ? data : "") < 0) {
		tasksrv_log(TASKSRV_LOG_WARNING, "dispatch to worker #%d failed: %s", worker, strerror(errno));
		return -1;
	}
	return 0;
}

static void dispatch_packet(tasksrv_server_t *s, tasksrv_master_conn_t *c, const char *data, size_t len)
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
	if (to_worker(s, worker, TASKSRV_FRAME_RECEIVE, c, c->session, MASTER_REACTOR_ID, data, len) < 0) {
		TASKSRV_ATOMIC_ADD(&slot->queued, -1);
		TASKSRV_ATOMIC_ADD(&slot->dispatch_count, -1);
		TASKSRV_ATOMIC_ADD(&s->shm->dispatch_count, -1);
	}
}
/* }}} */

/* {{{ connections */
static void conn_release(tasksrv_server_t *s, tasksrv_master_conn_t *c)
{
	tasksrv_loop_del(&s->loop, &c->h);
	close(c->fd);
	c->fd = -1;
	c->h.fd = -1;
	c->session = 0;
	c->closing = 0;
	c->paused = 0;
	c->full = 0;
	tasksrv_buffer_free(&c->in);
	tasksrv_buffer_free(&c->out);
	TASKSRV_ATOMIC_ADD(&s->shm->connection_num, -1);
	TASKSRV_ATOMIC_ADD(&s->shm->close_count, 1);
}

/* Ends a connection: the session id dies first (exists() is false in onClose, as
 * in BASE mode), then its worker hears of it (reactor -1: the server closed it). */
static void conn_end(tasksrv_server_t *s, tasksrv_master_conn_t *c, int reactor_id)
{
	tasksrv_shm_session_close(s->shm, c->session);
	if (conn_events(s)) {
		to_worker(s, c->worker, TASKSRV_FRAME_CLOSE, c, c->session, reactor_id, NULL, 0);
	}
	if (reactor_id >= 0 || tasksrv_buffer_size(&c->out) == 0) {
		conn_release(s, c);
		return;
	}
	/* close() from a worker: what it sent before still reaches the client. */
	c->closing = 1;
	tasksrv_loop_mod(&s->loop, &c->h, EPOLLOUT);
}

/* The framing error that closes a connection, in Swoole's warning shape. */
static void log_framing_error(tasksrv_server_t *s, const tasksrv_protocol_t *proto, int64_t session,
	const tasksrv_protocol_result_t *r)
{
	tasksrv_session_t *sess = tasksrv_shm_session_get(s->shm, session);
	char why[160];

	tasksrv_protocol_describe(proto, r, why, sizeof(why));
	tasksrv_log(TASKSRV_LOG_WARNING, "Server::onReceive(): session#%ld from %s:%d: %s, connection closed",
		(long) session, sess ? sess->remote_ip : "?", sess ? sess->remote_port : 0, why);
}

static void conn_read(tasksrv_server_t *s, tasksrv_master_conn_t *c)
{
	char *dst = tasksrv_buffer_reserve(&c->in, READ_CHUNK);
	tasksrv_session_t *sess;
	tasksrv_protocol_result_t r;
	ssize_t n;
	int rc;

	if (dst == NULL) {
		conn_end(s, c, MASTER_REACTOR_ID);
		return;
	}
	do {
		n = read(c->fd, dst, READ_CHUNK);
	} while (n < 0 && errno == EINTR);
	if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
		return;
	}
	if (n <= 0) {
		conn_end(s, c, MASTER_REACTOR_ID);
		return;
	}
	c->in.len += (size_t) n;
	TASKSRV_ATOMIC_ADD(&s->shm->total_recv_bytes, n);
	if ((sess = tasksrv_shm_session_get(s->shm, c->session)) != NULL) {
		sess->last_recv_time = sess->active_time = tasksrv_io_unix_time();
		sess->last_time = (int64_t) sess->last_recv_time;
	}
	/* Packets as src/protocol.c cuts them; no callback runs here, so none can close
	 * the connection in between. */
	while ((rc = tasksrv_protocol_next(&s->listeners[c->port]->protocol, &c->framing, tasksrv_buffer_head(&c->in),
			tasksrv_buffer_size(&c->in), &r)) == TASKSRV_PROTOCOL_PACKET) {
		if (r.length > 0) {
			dispatch_packet(s, c, tasksrv_buffer_head(&c->in), r.length);
		}
		tasksrv_buffer_consume(&c->in, r.length);
		if (r.length == 0) {
			break;
		}
	}
	if (rc == TASKSRV_PROTOCOL_ERROR) {
		log_framing_error(s, &s->listeners[c->port]->protocol, c->session, &r);
		conn_end(s, c, MASTER_REACTOR_ID);
	}
}

/* The output watermarks: the connection's worker hears when its queued output
 * crosses the high one and when it drains to the low one after that. */
static void conn_watermarks(tasksrv_server_t *s, tasksrv_master_conn_t *c)
{
	size_t queued = tasksrv_buffer_size(&c->out);
	int type = 0;

	if (!c->full && queued > 0 && queued >= s->cfg.buffer_high_watermark) {
		c->full = 1;
		type = TASKSRV_FRAME_BUFFER_FULL;
	} else if (c->full && queued <= s->cfg.buffer_low_watermark) {
		c->full = 0;
		type = TASKSRV_FRAME_BUFFER_EMPTY;
	}
	if (type && conn_events(s)) {
		to_worker(s, c->worker, type, c, c->session, MASTER_REACTOR_ID, NULL, 0);
	}
}

static void conn_flush(tasksrv_server_t *s, tasksrv_master_conn_t *c)
{
	ssize_t w;

	while (tasksrv_buffer_size(&c->out) > 0) {
		do {
			w = write(c->fd, tasksrv_buffer_head(&c->out), tasksrv_buffer_size(&c->out));
		} while (w < 0 && errno == EINTR);
		if (w < 0) {
			if (errno == EAGAIN || errno == EWOULDBLOCK) {
				return;
			}
			tasksrv_buffer_consume(&c->out, tasksrv_buffer_size(&c->out));
			break;
		}
		tasksrv_buffer_consume(&c->out, (size_t) w);
	}
	if (c->closing) {
		conn_release(s, c);
	} else {
		conn_watch(s, c);
		conn_watermarks(s, c);
	}
}

static void conn_on_event(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, uint32_t events)
{
	tasksrv_master_conn_t *c = h->ctx;
	tasksrv_server_t *s = c->srv;

	(void) loop;
	if (c->fd < 0) {
		return;
	}
	if (events & EPOLLOUT) {
		conn_flush(s, c);
		if (c->fd < 0) {
			return;
		}
	}
	if (!c->closing && (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))) {
		conn_read(s, c);
	}
}

static void on_accept(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, uint32_t events)
{
	tasksrv_listener_t *l = h->ctx;
	tasksrv_server_t *s = l->srv;
	struct sockaddr_storage ss;
	socklen_t len;
	int i, fd, one = 1;

	(void) loop;
	(void) events;
	for (i = 0; i < ACCEPT_BATCH && !s->exiting && !s->stopping; i++) {
		tasksrv_master_conn_t *c;
		tasksrv_session_t *sess;
		int64_t session;

		len = sizeof(ss);
		/* An unbound Unix client's address is only its family: no path bytes are written. */
		memset(&ss, 0, sizeof(ss));
		fd = accept4(l->fd, (struct sockaddr *) &ss, &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
		if (fd < 0) {
			if (errno == EINTR || errno == ECONNABORTED) {
				continue;
			}
			if (errno != EAGAIN && errno != EWOULDBLOCK) {
				tasksrv_log(TASKSRV_LOG_WARNING, "accept() failed: %s", strerror(errno));
			}
			return;
		}
		/* No worker owns a session in PROCESS mode: the master does (worker_id -1).
		 * Beyond max_conn, as Swoole: accepted, then closed at once, and counted. */
		session = TASKSRV_ATOMIC_LOAD(&s->shm->connection_num) >= s->cfg.max_conn ? 0
			: tasksrv_shm_session_open(s->shm, -1, fd);
		c = session ? conn_slot(s, fd) : NULL;
		if (c == NULL) {
			TASKSRV_ATOMIC_ADD(&s->shm->abort_count, 1);
			tasksrv_log(TASKSRV_LOG_WARNING, "Too many connections [now: %ld]",
				(long) TASKSRV_ATOMIC_LOAD(&s->shm->connection_num));
			if (session) {
				tasksrv_shm_session_close(s->shm, session);
			}
			close(fd);
			continue;
		}
		sess = tasksrv_shm_session_get(s->shm, session);
		sess->remote_port = tasksrv_listener_peer(&ss, sess->remote_ip, sizeof(sess->remote_ip));
		sess->server_port = l->port;
		sess->server_fd = l->fd;
		sess->socket_type = l->type;
		sess->active_time = tasksrv_io_unix_time();
		sess->connect_time = sess->last_time = (int64_t) sess->active_time;
		if (l->open_tcp_nodelay && l->family != AF_UNIX) {
			setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		}
		c->srv = s;
		c->fd = fd;
		c->session = session;
		c->port = l->index;
		c->closing = 0;
		c->paused = 0;
		c->full = 0;
		memset(&c->framing, 0, sizeof(c->framing));
		c->worker = fixed_worker(s, fd, sess->remote_ip);
		c->h.fn = conn_on_event;
		c->h.ctx = c;
		tasksrv_loop_add(&s->loop, &c->h, fd, EPOLLIN | EPOLLRDHUP);
		TASKSRV_ATOMIC_ADD(&s->shm->accept_count, 1);
		TASKSRV_ATOMIC_ADD(&s->shm->connection_num, 1);
		if (conn_events(s)) {
			to_worker(s, c->worker, TASKSRV_FRAME_CONNECT, c, session, MASTER_REACTOR_ID, NULL, 0);
		}
	}
}

/* send() of any process: written now as far as the socket takes it, the rest
 * buffered and written as the client reads. */
static int master_send(tasksrv_server_t *s, int64_t session, int os_fd, const char *data, size_t len)
{
	tasksrv_master_conn_t *c = conn_find(s, session, os_fd);
	size_t queued;
	ssize_t w = 0;

	if (c == NULL) {
		return -1;
	}
	/* No cap here: the worker's send() returned true already, so dropping bytes past
	 * socket_buffer_size would lose them silently; the watermarks tell the worker. */
	queued = tasksrv_buffer_size(&c->out);
	if (queued == 0) {
		do {
			w = write(c->fd, data, len);
		} while (w < 0 && errno == EINTR);
		if (w < 0) {
			if (errno != EAGAIN && errno != EWOULDBLOCK) {
				return -1;
			}
			w = 0;
		}
	}
	if ((size_t) w < len) {
		if (tasksrv_buffer_append(&c->out, data + w, len - w) < 0) {
			return -1;
		}
		conn_watch(s, c);
		conn_watermarks(s, c);
	}
	return 0;
}

static int master_close(tasksrv_server_t *s, int64_t session, int os_fd)
{
	tasksrv_master_conn_t *c = conn_find(s, session, os_fd);

	if (c == NULL) {
		return -1;
	}
	conn_end(s, c, -1);
	return 0;
}

/* At the end: whatever is still queued gets one last try, then every socket closes
 * (the workers are gone, so there is nobody left for onClose). */
static void close_all(tasksrv_server_t *s)
{
	int i;

	for (i = 0; i < s->mconns_cap; i++) {
		tasksrv_master_conn_t *c = s->mconns[i];
		if (c && c->fd >= 0) {
			tasksrv_shm_session_close(s->shm, c->session);
			c->closing = 1;
			conn_flush(s, c);
			if (c->fd >= 0) {
				conn_release(s, c);
			}
		}
	}
}
/* }}} */

/* {{{ the master's life */
static void stop_timeout(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_server_t *s = ctx;

	(void) loop;
	if (s->manager_pid > 0) {
		tasksrv_log(TASKSRV_LOG_WARNING, "manager(pid=%d) did not stop in time, killed", (int) s->manager_pid);
		kill(s->manager_pid, SIGKILL);
	}
}

/* The stream ports the master accepts on (datagram ports are the workers'). */
static void start_accepting(tasksrv_server_t *s)
{
	int i;

	for (i = 0; i < s->nlisteners; i++) {
		tasksrv_listener_t *l = s->listeners[i];
		if (!tasksrv_listener_is_dgram(l)) {
			l->h.fn = on_accept;
			l->h.ctx = l;
			tasksrv_loop_add(&s->loop, &l->h, l->fd, EPOLLIN);
		}
	}
}

static void stop_accepting(tasksrv_server_t *s)
{
	int i;

	for (i = 0; i < s->nlisteners; i++) {
		if (s->listeners[i]->h.fd >= 0) {
			tasksrv_loop_del(&s->loop, &s->listeners[i]->h);
		}
	}
}

/* SIGTERM: onBeforeShutdown here, no more accepting, then the manager stops the
 * workers; the loop goes on writing what they send until the manager is gone. */
static void begin_stop(tasksrv_server_t *s)
{
	if (s->stopping) {
		return;
	}
	s->stopping = 1;
	TASKSRV_ATOMIC_STORE(&s->shm->shutting_down, 1);
	if (s->hooks->on_before_shutdown && !s->exiting) {
		s->hooks->on_before_shutdown(s);
	}
	stop_accepting(s);
	if (s->manager_pid <= 0) {
		tasksrv_loop_stop(&s->loop);
		return;
	}
	kill(s->manager_pid, SIGTERM);
	/* The manager gives workers max_wait_time + 1 s, then task workers max_wait_time. */
	tasksrv_loop_timer_add(&s->loop, 2 * (int64_t) s->cfg.max_wait_time_ms + 3000, stop_timeout, s);
}

static void reap_manager(tasksrv_server_t *s)
{
	int status, code, signo;
	char sig[64];

	if (s->manager_pid <= 0 || waitpid(s->manager_pid, &status, WNOHANG) != s->manager_pid) {
		return;
	}
	s->manager_pid = 0;
	if (!s->stopping) {
		tasksrv_process_exit_info(status, &code, &signo);
		snprintf(sig, sizeof(sig), "%s: %d", strsignal(signo), signo);
		tasksrv_log(TASKSRV_LOG_WARNING, "Fatal Error: manager process exit. status=%d, signal=[%s]", code, sig);
		/* Its workers died with it (their parent-death signal): nothing serves any more. */
		s->stopping = 1;
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
	while ((signo = tasksrv_signals_next()) != 0) {
		if (signo == SIGRTMIN || signo == SIGWINCH) {
			/* logrotate: the manager passes it on to the workers. */
			if (tasksrv_log_reopen() == 0 && tasksrv_log_has_file() && s->manager_pid > 0) {
				kill(s->manager_pid, SIGRTMIN);
			}
			continue;
		}
		switch (signo) {
			case SIGTERM:
			case SIGINT:
				begin_stop(s);
				break;
			case SIGUSR1:
			case SIGUSR2:
				/* Reloads are the manager's work. */
				if (!s->stopping && s->manager_pid > 0) {
					kill(s->manager_pid, signo);
				}
				break;
			case SIGCHLD:
				reap_manager(s);
				break;
		}
	}
}

/* heartbeat_check_interval: the master holds the sockets, so it closes the idle
 * ones (not protected); their worker's onClose gets the master's reactor id. */
static void heartbeat_tick(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_server_t *s = ctx;
	double limit = tasksrv_io_unix_time() - (double) s->cfg.heartbeat_idle_ms / 1000.0;
	int i;

	for (i = 0; i < s->mconns_cap && !s->exiting; i++) {
		tasksrv_master_conn_t *c = s->mconns[i];
		tasksrv_session_t *sess = c && c->fd >= 0 && !c->closing ? tasksrv_shm_session_get(s->shm, c->session) : NULL;
		if (sess && !(TASKSRV_ATOMIC_LOAD(&sess->flags) & TASKSRV_SESSION_PROTECTED) && sess->active_time < limit) {
			conn_end(s, c, MASTER_REACTOR_ID);
		}
	}
	tasksrv_loop_timer_add(loop, s->cfg.heartbeat_check_interval_ms, heartbeat_tick, s);
}

static int master_main(tasksrv_server_t *s)
{
	int i;

	if (tasksrv_loop_init(&s->loop) < 0) {
		return -1;
	}
	s->loop.idle = tasksrv_server_run_deferred;
	s->loop.idle_ctx = s;
	s->sig_h.fn = on_signal;
	s->sig_h.ctx = s;
	tasksrv_loop_add(&s->loop, &s->sig_h, tasksrv_signals_fd(), EPOLLIN);
	start_accepting(s);
	if (s->cfg.heartbeat_check_interval_ms > 0) {
		tasksrv_loop_timer_add(&s->loop, s->cfg.heartbeat_check_interval_ms, heartbeat_tick, s);
	}
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
	if (s->manager_pid > 0) {
		/* exit() in a master callback, or a broken loop: the tree goes with us. */
		kill(s->manager_pid, SIGKILL);
		while (waitpid(s->manager_pid, NULL, 0) < 0 && errno == EINTR) {
		}
		s->manager_pid = 0;
	}
	close_all(s);
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
	int master = tasksrv_server_endpoint_master(s), n = s->nendpoints, i, rc;

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
	tasksrv_server_close_listeners(s, 1);
	rc = tasksrv_server_run_manager(s, err, errlen);
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
	s->manager_pid = pid;
	s->shm->manager_pid = pid;
	tasksrv_peers_open(s, tasksrv_server_endpoint_master(s), 1);
	return master_main(s);
}
/* }}} */

/* {{{ frames: both sides */
static void worker_conn_frame(tasksrv_server_t *s, const tasksrv_frame_t *f, const char *data, size_t len)
{
	tasksrv_worker_slot_t *slot = &s->shm->workers[s->worker_id];
	int prev = s->cur_port;

	/* The callbacks of the port the connection came in on (the master says which). */
	s->cur_port = f->origin_gen < (uint32_t) s->nlisteners ? (int) f->origin_gen : 0;
	switch (f->type) {
		case TASKSRV_FRAME_CONNECT:
			if (s->hooks->on_connect) {
				s->hooks->on_connect(s, f->task_id, f->src_worker);
			}
			break;
		case TASKSRV_FRAME_RECEIVE:
			/* Taken off the dispatch count first: the worker shows BUSY from here on. */
			TASKSRV_ATOMIC_ADD(&slot->queued, -1);
			TASKSRV_ATOMIC_ADD(&s->shm->concurrency, 1);
			TASKSRV_ATOMIC_ADD(&slot->concurrency, 1);
			if (s->hooks->on_receive) {
				s->hooks->on_receive(s, f->task_id, f->src_worker, data, len);
			}
			TASKSRV_ATOMIC_ADD(&slot->concurrency, -1);
			TASKSRV_ATOMIC_ADD(&s->shm->concurrency, -1);
			TASKSRV_ATOMIC_ADD(&s->shm->request_count, 1);
			TASKSRV_ATOMIC_ADD(&slot->request_count, 1);
			break;
		case TASKSRV_FRAME_CLOSE:
			if (s->hooks->on_close) {
				s->hooks->on_close(s, f->task_id, f->src_worker);
			}
			break;
		case TASKSRV_FRAME_BUFFER_FULL:
			if (s->hooks->on_buffer_full) {
				s->hooks->on_buffer_full(s, f->task_id);
			}
			break;
		case TASKSRV_FRAME_BUFFER_EMPTY:
			if (s->hooks->on_buffer_empty) {
				s->hooks->on_buffer_empty(s, f->task_id);
			}
			break;
		default:
			tasksrv_log(TASKSRV_LOG_WARNING, "unexpected connection frame of type %d dropped", f->type);
	}
	s->cur_port = prev;
}

void tasksrv_server_conn_frame(tasksrv_server_t *s, const tasksrv_frame_t *f, int peer, const char *data, size_t len)
{
	if (s->role == TASKSRV_ROLE_WORKER && (f->type <= TASKSRV_FRAME_CLOSE || f->type == TASKSRV_FRAME_BUFFER_FULL
			|| f->type == TASKSRV_FRAME_BUFFER_EMPTY) && !s->exiting) {
		worker_conn_frame(s, f, data, len);
	} else if (s->role == TASKSRV_ROLE_MASTER && f->type == TASKSRV_FRAME_SEND) {
		/* The sender was told yes: the session existed. Gone since: dropped. */
		master_send(s, f->task_id, (int) f->origin_gen, data, len);
	} else if (s->role == TASKSRV_ROLE_MASTER && f->type == TASKSRV_FRAME_DISCONNECT) {
		master_close(s, f->task_id, (int) f->origin_gen);
	} else {
		tasksrv_log(TASKSRV_LOG_WARNING, "unexpected frame of type %d from endpoint %d dropped", f->type, peer);
	}
}

int tasksrv_master_forward(tasksrv_server_t *s, int type, int64_t session, const char *data, size_t len)
{
	int master = tasksrv_server_endpoint_master(s), os_fd = session_fd(s, session), rc;
	tasksrv_frame_t f;

	if (os_fd < 0) {
		return -1;
	}
	if (s->role == TASKSRV_ROLE_MASTER) {
		rc = type == TASKSRV_FRAME_SEND ? master_send(s, session, os_fd, data, len) : master_close(s, session, os_fd);
	} else {
		if (master < 0 || s->peers == NULL || s->peers[master].h.fd < 0) {
			return -1;
		}
		/* close() takes effect here and now: exists() is false and send() fails at
		 * once in every process; the master closes the socket when the frame comes. */
		if (type == TASKSRV_FRAME_DISCONNECT) {
			tasksrv_shm_session_close(s->shm, session);
		}
		memset(&f, 0, sizeof(f));
		f.version = TASKSRV_FRAME_VERSION;
		f.type = (uint8_t) type;
		f.len = (uint32_t) len;
		f.task_id = session;
		f.origin_gen = (uint32_t) os_fd;   /* to the master: the socket (see conn_find) */
		f.src_worker = s->worker_id;
		f.time = tasksrv_io_unix_time();
		/* Blocking is safe (the master reads its channels at all times and never
		 * blocks on us), keeps send() order, and records its progress: a successor
		 * completes a frame this process died writing. */
		rc = tasksrv_server_send_blocking(s, master, &f, data ? data : "");
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
 * process the request travels as a CONN frame (src/forward.c's frame type). */
int tasksrv_master_conn_op(tasksrv_server_t *s, int64_t session, int op)
{
	int master = tasksrv_server_endpoint_master(s), os_fd = session_fd(s, session);
	tasksrv_master_conn_t *c;
	tasksrv_frame_t f;

	if (os_fd < 0 || (op != TASKSRV_CONN_PAUSE && op != TASKSRV_CONN_RESUME)) {
		return -1;
	}
	if (s->role == TASKSRV_ROLE_MASTER) {
		if ((c = conn_find(s, session, os_fd)) == NULL) {
			return -1;
		}
		c->paused = op == TASKSRV_CONN_PAUSE;
		conn_watch(s, c);
		return 0;
	}
	if (master < 0 || s->peers == NULL || s->peers[master].h.fd < 0) {
		return -1;
	}
	memset(&f, 0, sizeof(f));
	f.version = TASKSRV_FRAME_VERSION;
	f.type = TASKSRV_FRAME_CONN;
	f.flags = (uint16_t) op;
	f.task_id = session;
	f.src_worker = s->worker_id;
	f.time = tasksrv_io_unix_time();
	return tasksrv_server_send_blocking(s, master, &f, "");
}
/* }}} */
