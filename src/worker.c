/* tasksrv: the event worker. It accepts connections on the shared listening
 * sockets, reads client bytes into per-connection buffers, frames them with the
 * settings of the port they came in on, and hands them to onReceive; it reads
 * datagrams of UDP and Unix datagram ports for onPacket; it also receives task
 * results from the task workers. */
#include "server.h"
#include "io.h"
#include "log.h"
#include "signals.h"

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define READ_CHUNK 65536
#define ACCEPT_BATCH 64
#define DGRAM_BATCH 64
#define DGRAM_MAX 65536

struct tasksrv_conn {
	tasksrv_loop_handler_t h;
	tasksrv_server_t *srv;
	int64_t session;
	int fd;               /* -1: slot unused */
	int port;             /* index of the listener it was accepted on */
	int closing;          /* closed by the server, waiting for its output to drain */
	int paused;           /* pause(): not reading */
	int full;             /* onBufferFull fired; onBufferEmpty is due when the output drains */
	tasksrv_buffer_t in;
	tasksrv_buffer_t out;
	tasksrv_protocol_state_t framing; /* progress on the packet being received */
};

static void conn_on_event(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, uint32_t events);
static void conn_check_low(tasksrv_server_t *s, tasksrv_conn_t *c);

/* The epoll interest of a connection: reading unless paused or closing, writing
 * while output is queued. (A paused socket still reports HUP/ERR: it is read then.) */
static void conn_watch(tasksrv_server_t *s, tasksrv_conn_t *c)
{
	uint32_t ev = c->paused || c->closing ? 0 : EPOLLIN | EPOLLRDHUP;

	if (tasksrv_buffer_size(&c->out) > 0) {
		ev |= EPOLLOUT;
	}
	if (ev != c->h.events) {
		tasksrv_loop_mod(&s->loop, &c->h, ev);
	}
}

static void session_flag(tasksrv_server_t *s, int64_t session, int32_t flag, int on)
{
	tasksrv_session_t *sess = tasksrv_shm_session_get(s->shm, session);

	if (sess && on) {
		__atomic_or_fetch(&sess->flags, flag, __ATOMIC_RELAXED);
	} else if (sess) {
		__atomic_and_fetch(&sess->flags, ~flag, __ATOMIC_RELAXED);
	}
}

static tasksrv_conn_t *conn_slot(tasksrv_server_t *s, int fd)
{
	if (fd >= s->conns_cap) {
		int cap = s->conns_cap ? s->conns_cap : 64;
		tasksrv_conn_t **c;
		while (cap <= fd) {
			cap *= 2;
		}
		c = realloc(s->conns, sizeof(*c) * cap);
		if (c == NULL) {
			return NULL;
		}
		memset(c + s->conns_cap, 0, sizeof(*c) * (cap - s->conns_cap));
		s->conns = c;
		s->conns_cap = cap;
	}
	/* Slots are reused, never freed while the loop runs: an event already fetched
	 * for a closed connection must still point at valid memory. */
	if (s->conns[fd] == NULL) {
		s->conns[fd] = calloc(1, sizeof(tasksrv_conn_t));
	}
	return s->conns[fd];
}

void tasksrv_worker_free_conns(tasksrv_server_t *s)
{
	int i;

	for (i = 0; i < s->conns_cap; i++) {
		if (s->conns[i]) {
			tasksrv_buffer_free(&s->conns[i]->in);
			tasksrv_buffer_free(&s->conns[i]->out);
			free(s->conns[i]);
		}
	}
	free(s->conns);
	s->conns = NULL;
	s->conns_cap = 0;
}

static tasksrv_conn_t *conn_find(tasksrv_server_t *s, int64_t session)
{
	tasksrv_session_t *sess = tasksrv_shm_session_get(s->shm, session);
	tasksrv_conn_t *c;

	if (sess == NULL || sess->worker_id != s->worker_id || sess->os_fd >= s->conns_cap) {
		return NULL;
	}
	c = s->conns[sess->os_fd];
	return c && c->fd >= 0 && c->session == session ? c : NULL;
}

/* Releases the socket; the session id is already gone from the table. */
static void conn_release(tasksrv_server_t *s, tasksrv_conn_t *c)
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

/* Marks whose port's callbacks the next event uses; returns the previous mark (a
 * callback of one connection may close another: the marks nest). */
static int port_enter(tasksrv_server_t *s, int port)
{
	int prev = s->cur_port;

	s->cur_port = port;
	return prev;
}

/* Ends a connection: the session id dies first, so onClose sees exists() false
 * for a re-entrant close(), then the callback, then the socket. */
static void conn_end(tasksrv_server_t *s, tasksrv_conn_t *c, int reactor_id)
{
	int64_t session = c->session;

	tasksrv_shm_session_close(s->shm, session);
	c->closing = 1;
	if (s->hooks->on_close && !s->exiting) {
		int prev = port_enter(s, c->port);
		s->hooks->on_close(s, session, reactor_id);
		s->cur_port = prev;
	}
	if (c->fd >= 0 && c->session == session) {
		if (reactor_id >= 0 || tasksrv_buffer_size(&c->out) == 0) {
			conn_release(s, c);
		} else {
			conn_watch(s, c);
		}
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
	for (i = 0; i < ACCEPT_BATCH && !s->exiting; i++) {
		tasksrv_conn_t *c;
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
		/* max_conn, as Swoole: accepted, then closed at once, and counted. */
		if (TASKSRV_ATOMIC_LOAD(&s->shm->connection_num) >= s->cfg.max_conn) {
			session = 0;
		} else {
			session = tasksrv_shm_session_open(s->shm, s->worker_id, fd);
		}
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
		memset(&c->framing, 0, sizeof(c->framing));
		c->paused = 0;
		c->full = 0;
		c->h.fn = conn_on_event;
		c->h.ctx = c;
		tasksrv_loop_add(&s->loop, &c->h, fd, EPOLLIN | EPOLLRDHUP);
		TASKSRV_ATOMIC_ADD(&s->shm->accept_count, 1);
		TASKSRV_ATOMIC_ADD(&s->shm->connection_num, 1);
		if (s->hooks->on_connect) {
			int prev = port_enter(s, l->index);
			s->hooks->on_connect(s, session, s->worker_id);
			s->cur_port = prev;
		}
	}
}

/* Every event worker watches a datagram port (EPOLLEXCLUSIVE: one wakes per
 * readiness); a datagram another worker took first leaves us EAGAIN. */
static void on_datagram(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, uint32_t events)
{
	static char buf[DGRAM_MAX];
	tasksrv_listener_t *l = h->ctx;
	tasksrv_server_t *s = l->srv;
	struct sockaddr_storage ss;
	char addr[TASKSRV_UNIX_PATH_MAX];
	socklen_t len;
	ssize_t n;
	int i, port, prev;

	(void) loop;
	(void) events;
	for (i = 0; i < DGRAM_BATCH && !s->exiting && l->fd >= 0; i++) {
		len = sizeof(ss);
		memset(&ss, 0, sizeof(ss));
		n = recvfrom(l->fd, buf, sizeof(buf), MSG_DONTWAIT, (struct sockaddr *) &ss, &len);
		if (n < 0) {
			if (errno == EINTR) {
				continue;
			}
			if (errno != EAGAIN && errno != EWOULDBLOCK) {
				tasksrv_log(TASKSRV_LOG_WARNING, "recvfrom() failed: %s", strerror(errno));
			}
			return;
		}
		addr[0] = '\0';
		port = len > 0 ? tasksrv_listener_peer(&ss, addr, sizeof(addr)) : 0;
		TASKSRV_ATOMIC_ADD(&s->shm->total_recv_bytes, n);
		TASKSRV_ATOMIC_ADD(&s->shm->request_count, 1);
		TASKSRV_ATOMIC_ADD(&s->shm->workers[s->worker_id].request_count, 1);
		if (s->hooks->on_packet) {
			prev = port_enter(s, l->index);
			s->hooks->on_packet(s, l, buf, (size_t) n, addr, port);
			s->cur_port = prev;
		}
	}
}

/* One packet to onReceive. As Swoole counts them: dispatch_count when it is handed
 * over, request_count when the call is over; concurrency while it runs. */
static void deliver(tasksrv_server_t *s, tasksrv_conn_t *c, size_t n)
{
	tasksrv_worker_slot_t *slot = &s->shm->workers[s->worker_id];
	tasksrv_session_t *sess = tasksrv_shm_session_get(s->shm, c->session);

	if (sess) {
		sess->last_dispatch_time = tasksrv_io_unix_time();
		sess->recv_queued_bytes = (int64_t) (tasksrv_buffer_size(&c->in) - n);
	}
	TASKSRV_ATOMIC_ADD(&s->shm->dispatch_count, 1);
	TASKSRV_ATOMIC_ADD(&slot->dispatch_count, 1);
	TASKSRV_ATOMIC_ADD(&s->shm->concurrency, 1);
	TASKSRV_ATOMIC_ADD(&slot->concurrency, 1);
	if (s->hooks->on_receive) {
		int prev = port_enter(s, c->port);
		s->hooks->on_receive(s, c->session, s->worker_id, tasksrv_buffer_head(&c->in), n);
		s->cur_port = prev;
	}
	TASKSRV_ATOMIC_ADD(&slot->concurrency, -1);
	TASKSRV_ATOMIC_ADD(&s->shm->concurrency, -1);
	TASKSRV_ATOMIC_ADD(&s->shm->request_count, 1);
	TASKSRV_ATOMIC_ADD(&slot->request_count, 1);
}

static int conn_gone(const tasksrv_server_t *s, const tasksrv_conn_t *c, int64_t session)
{
	return s->exiting || c->fd < 0 || c->session != session || c->closing;
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

/* Hands every complete packet (src/protocol.c decides) to onReceive. Returns -1
 * when the connection must close. A callback may close the connection (or exit):
 * then the rest of its input is left alone. */
static int frame_input(tasksrv_server_t *s, tasksrv_conn_t *c)
{
	int64_t session = c->session;
	const tasksrv_protocol_t *proto = &s->listeners[c->port]->protocol;
	tasksrv_protocol_result_t r;
	int rc;

	for (;;) {
		rc = tasksrv_protocol_next(proto, &c->framing, tasksrv_buffer_head(&c->in),
			tasksrv_buffer_size(&c->in), &r);
		if (conn_gone(s, c, session)) {
			return 0;
		}
		if (rc != TASKSRV_PROTOCOL_PACKET) {
			break;
		}
		deliver(s, c, r.length);
		if (conn_gone(s, c, session)) {
			return 0;
		}
		tasksrv_buffer_consume(&c->in, r.length);
	}
	if (rc == TASKSRV_PROTOCOL_ERROR) {
		log_framing_error(s, proto, session, &r);
		return -1;
	}
	return 0;
}

static void conn_set_errno(tasksrv_server_t *s, tasksrv_conn_t *c, int err)
{
	tasksrv_session_t *sess = tasksrv_shm_session_get(s->shm, c->session);

	if (sess) {
		sess->close_errno = err;
	}
}

/* Bytes arrived: the heartbeat's clock and getClientInfo()'s times. */
static void conn_touch(tasksrv_server_t *s, tasksrv_conn_t *c)
{
	tasksrv_session_t *sess = tasksrv_shm_session_get(s->shm, c->session);

	if (sess) {
		sess->last_recv_time = sess->active_time = tasksrv_io_unix_time();
		sess->last_time = (int64_t) sess->last_recv_time;
	}
}

/* Publishes the queue sizes for getClientInfo() in other processes. */
static void conn_queued(tasksrv_server_t *s, tasksrv_conn_t *c)
{
	tasksrv_session_t *sess = c->fd >= 0 ? tasksrv_shm_session_get(s->shm, c->session) : NULL;

	if (sess) {
		sess->recv_queued_bytes = (int64_t) tasksrv_buffer_size(&c->in);
		sess->send_queued_bytes = (int64_t) tasksrv_buffer_size(&c->out);
	}
}

static void conn_read(tasksrv_server_t *s, tasksrv_conn_t *c)
{
	char *dst = tasksrv_buffer_reserve(&c->in, READ_CHUNK);
	ssize_t n;

	if (dst == NULL) {
		conn_end(s, c, s->worker_id);
		return;
	}
	do {
		n = read(c->fd, dst, READ_CHUNK);
	} while (n < 0 && errno == EINTR);
	if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
		return;
	}
	if (n <= 0) {
		conn_set_errno(s, c, n < 0 ? errno : 0);
		conn_end(s, c, s->worker_id);
		return;
	}
	c->in.len += (size_t) n;
	TASKSRV_ATOMIC_ADD(&s->shm->total_recv_bytes, n);
	conn_touch(s, c);
	if (frame_input(s, c) < 0 && c->fd >= 0 && !c->closing) {
		conn_end(s, c, s->worker_id);
		return;
	} else if (c->fd >= 0 && tasksrv_buffer_size(&c->in) == 0 && c->in.cap > 4 * READ_CHUNK) {
		/* A connection that once received a big packet does not keep its room. */
		tasksrv_buffer_free(&c->in);
	}
	conn_queued(s, c);
}

static void conn_flush(tasksrv_server_t *s, tasksrv_conn_t *c)
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
	conn_queued(s, c);
	if (c->closing) {
		conn_release(s, c);
		return;
	}
	conn_watch(s, c);
	conn_check_low(s, c);
}

static void conn_on_event(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, uint32_t events)
{
	tasksrv_conn_t *c = h->ctx;
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

/* send() on an own connection: write at once when nothing is queued, queue the rest
 * (up to socket_buffer_size), fire onBufferFull past the high water mark. */
static int conn_send(tasksrv_server_t *s, tasksrv_conn_t *c, const char *data, size_t len)
{
	int64_t session = c->session;
	tasksrv_session_t *sess;
	size_t queued = tasksrv_buffer_size(&c->out);
	ssize_t w = 0;

	if (len > s->cfg.output_buffer_size) {
		tasksrv_log(TASKSRV_LOG_WARNING, "The length of data [%zu] exceeds the output buffer size[%zu], please use "
			"the sendfile, chunked transfer mode or adjust the output_buffer_size", len, s->cfg.output_buffer_size);
		return -2;
	}
	if (queued > 0 && queued + len > s->cfg.socket_buffer_size) {
		tasksrv_log(TASKSRV_LOG_WARNING, "connection#%ld output buffer overflow (%zu bytes queued, socket_buffer_size %zu)",
			(long) session, queued, s->cfg.socket_buffer_size);
		return -2;
	}
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
	}
	TASKSRV_ATOMIC_ADD(&s->shm->total_send_bytes, (int64_t) len);
	TASKSRV_ATOMIC_ADD(&s->shm->response_count, 1);
	TASKSRV_ATOMIC_ADD(&s->shm->workers[s->worker_id].response_count, 1);
	sess = tasksrv_shm_session_get(s->shm, session);
	if (sess) {
		sess->last_send_time = tasksrv_io_unix_time();
	}
	conn_queued(s, c);
	if (!c->full && tasksrv_buffer_size(&c->out) >= s->cfg.buffer_high_watermark && tasksrv_buffer_size(&c->out) > 0) {
		c->full = 1;
		if (s->hooks->on_buffer_full) {
			int prev = port_enter(s, c->port);
			s->hooks->on_buffer_full(s, session);
			s->cur_port = prev;
		}
	}
	return 0;
}

/* Output drained below the low water mark after onBufferFull: onBufferEmpty. */
static void conn_check_low(tasksrv_server_t *s, tasksrv_conn_t *c)
{
	if (c->full && tasksrv_buffer_size(&c->out) <= s->cfg.buffer_low_watermark) {
		c->full = 0;
		if (s->hooks->on_buffer_empty) {
			int prev = port_enter(s, c->port);
			s->hooks->on_buffer_empty(s, c->session);
			s->cur_port = prev;
		}
	}
}

static void conn_pause(tasksrv_server_t *s, tasksrv_conn_t *c, int paused)
{
	c->paused = paused;
	session_flag(s, c->session, TASKSRV_SESSION_PAUSED, paused);
	conn_watch(s, c);
}

int tasksrv_worker_conn_op(tasksrv_server_t *s, int64_t session, int op, const char *data, size_t len)
{
	tasksrv_conn_t *c = conn_find(s, session);

	if (c == NULL || c->closing) {
		return -1;
	}
	switch (op) {
		case TASKSRV_CONN_SEND:
			return conn_send(s, c, data, len);
		case TASKSRV_CONN_CLOSE_RESET:
		case TASKSRV_CONN_CLOSE:
			if (op == TASKSRV_CONN_CLOSE_RESET) {
				tasksrv_buffer_consume(&c->out, tasksrv_buffer_size(&c->out));
			}
			conn_end(s, c, -1);
			return 0;
		case TASKSRV_CONN_PAUSE:
		case TASKSRV_CONN_RESUME:
			conn_pause(s, c, op == TASKSRV_CONN_PAUSE);
			return 0;
	}
	return -1;
}

/* heartbeat_check_interval: closes this worker's connections idle for longer than
 * heartbeat_idle_time (not protected); onClose gets this worker's id as reactor id. */
static void heartbeat_tick(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_server_t *s = ctx;
	double limit = tasksrv_io_unix_time() - (double) s->cfg.heartbeat_idle_ms / 1000.0;
	int i;

	for (i = 0; i < s->conns_cap && !s->exiting; i++) {
		tasksrv_conn_t *c = s->conns[i];
		tasksrv_session_t *sess = c && c->fd >= 0 && !c->closing ? tasksrv_shm_session_get(s->shm, c->session) : NULL;
		if (sess && !(TASKSRV_ATOMIC_LOAD(&sess->flags) & TASKSRV_SESSION_PROTECTED) && sess->active_time < limit) {
			conn_end(s, c, s->worker_id);
		}
	}
	tasksrv_loop_timer_add(loop, s->cfg.heartbeat_check_interval_ms, heartbeat_tick, s);
}

static void close_all(tasksrv_server_t *s)
{
	int i;

	for (i = 0; i < s->conns_cap; i++) {
		tasksrv_conn_t *c = s->conns[i];
		if (c && c->fd >= 0) {
			if (!c->closing) {
				conn_end(s, c, -1);
			}
			if (c->fd >= 0) {
				/* Last chance for queued output: the socket is going away. */
				conn_flush(s, c);
				if (c->fd >= 0) {
					conn_release(s, c);
				}
			}
		}
	}
}

static void worker_on_signal(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, uint32_t events)
{
	int signo;

	(void) h;
	(void) events;
	while ((signo = tasksrv_signals_next()) != 0) {
		if (signo == SIGTERM || signo == SIGINT) {
			tasksrv_loop_stop(loop);
		} else if (signo == SIGRTMIN || signo == SIGWINCH) {
			tasksrv_log_reopen();
		}
	}
}

/* Connections whose output has not all reached the socket yet. */
static int conns_unsent(tasksrv_server_t *s)
{
	int i, n = 0;

	for (i = 0; i < s->conns_cap; i++) {
		tasksrv_conn_t *c = s->conns[i];
		n += c && c->fd >= 0 && tasksrv_buffer_size(&c->out) > 0;
	}
	return n;
}

/* What keeps a stopping worker's loop non-empty: tasks it awaits an outcome for,
 * and connections with unsent output. (tasksrv has no PHP timers.) */
static int pending_work(tasksrv_server_t *s)
{
	return (s->hooks->outstanding ? s->hooks->outstanding(s) : 0) + conns_unsent(s);
}

static int worker_idle(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_server_t *s = ctx;
	int more = tasksrv_server_run_deferred(loop, s);

	if (s->draining && loop->running) {
		if (pending_work(s) == 0) {
			tasksrv_loop_stop(loop);
		} else if (s->hooks->on_worker_exit && !s->exiting) {
			/* As Swoole: onWorkerExit at every turn of the loop while work is left. */
			s->hooks->on_worker_exit(s, s->worker_id);
		}
	}
	return more;
}

static void drain_timeout(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_server_t *s = ctx;

	s->drain_expired = 1;
	tasksrv_loop_stop(loop);
}

/* Stopping keeps the loop turning (without accepting) until every task this worker
 * sent has its outcome and every connection's output is written, or max_wait_time
 * is over; then the tasks left fail as "shutdown" and the output left is dropped. */
static void drain(tasksrv_server_t *s)
{
	if (s->exiting || pending_work(s) == 0) {
		return;
	}
	s->draining = 1;
	s->drain_expired = 0;
	TASKSRV_ATOMIC_STORE(&s->shm->workers[s->worker_id].status, TASKSRV_WORKER_EXIT);
	tasksrv_loop_timer_add(&s->loop, s->cfg.max_wait_time_ms, drain_timeout, s);
	tasksrv_loop_run(&s->loop);
	s->draining = 0;
	if (s->drain_expired && !s->exiting) {
		tasksrv_log(TASKSRV_LOG_WARNING, "Worker::drain() (ERRNO 9101): worker exit timeout, forced termination");
	}
	if (!s->exiting && s->hooks->outstanding(s) > 0) {
		s->hooks->on_drain_expired(s);
	}
}

void tasksrv_server_stop_worker(tasksrv_server_t *s)
{
	tasksrv_loop_stop(&s->loop);
}

int tasksrv_worker_main(tasksrv_server_t *s)
{
	/* SIGWINCH only where there is no manager to forward it: a terminal resize
	 * reaches the whole group, and a signal cuts a sleep() in a callback short. */
	const int sigs[] = {SIGTERM, SIGRTMIN, SIGINT, SIGWINCH};
	int i;

	if (tasksrv_loop_init(&s->loop) < 0) {
		return 1;
	}
	s->loop.idle = worker_idle;
	s->loop.idle_ctx = s;
	/* In the multi-process form Ctrl-C reaches the whole group; the manager alone
	 * turns it into an orderly stop. */
	tasksrv_signals_install(sigs, s->single ? 4 : 2);
	if (!s->single) {
		tasksrv_signals_ignore(SIGINT);
	}
	tasksrv_signals_ignore(SIGPIPE);
	s->sig_h.fn = worker_on_signal;
	s->sig_h.ctx = s;
	tasksrv_loop_add(&s->loop, &s->sig_h, tasksrv_signals_fd(), EPOLLIN);
	/* EPOLLEXCLUSIVE: one worker wakes per new connection or datagram, not all of them.
	 * PROCESS mode: the master accepts, connections come as frames from it; datagram
	 * ports are still read here. */
	for (i = 0; i < s->nlisteners; i++) {
		tasksrv_listener_t *l = s->listeners[i];
		if (s->cfg.mode == TASKSRV_MODE_PROCESS && !tasksrv_listener_is_dgram(l)) {
			continue;
		}
		l->h.fn = tasksrv_listener_is_dgram(l) ? on_datagram : on_accept;
		l->h.ctx = l;
		tasksrv_loop_add(&s->loop, &l->h, l->fd, EPOLLIN | (s->single ? 0 : EPOLLEXCLUSIVE));
	}
	/* SWOOLE_BASE: each worker looks after its own connections. */
	if (s->cfg.heartbeat_check_interval_ms > 0 && s->cfg.mode != TASKSRV_MODE_PROCESS) {
		tasksrv_loop_timer_add(&s->loop, s->cfg.heartbeat_check_interval_ms, heartbeat_tick, s);
	}
	for (i = 0; s->peers && i < s->nendpoints; i++) {
		if (s->peers[i].h.fd >= 0) {
			s->peers[i].registered = tasksrv_loop_add(&s->loop, &s->peers[i].h, s->peers[i].h.fd, EPOLLIN) == 0;
		}
	}
	tasksrv_log_set_process(s->single ? '#' : '*', s->worker_id);
	TASKSRV_ATOMIC_STORE(&s->shm->workers[s->worker_id].status, TASKSRV_WORKER_IDLE);
	/* As Swoole in BASE mode: worker #0 stands for the master; onStart runs once.
	 * PROCESS mode: the master is a process of its own and runs onStart itself. */
	if (s->worker_id == 0 && s->cfg.mode != TASKSRV_MODE_PROCESS) {
		s->shm->master_pid = getpid();
	}
	if (s->worker_id == 0 && s->gen == 1 && s->cfg.mode != TASKSRV_MODE_PROCESS) {
		if (s->hooks->on_start) {
			s->hooks->on_start(s);
		}
	}
	if (!s->exiting && s->hooks->on_worker_start) {
		s->hooks->on_worker_start(s, s->worker_id);
	}
	if (!s->exiting && tasksrv_loop_run(&s->loop) < 0) {
		tasksrv_log(TASKSRV_LOG_ERROR, "event loop failed: %s", strerror(errno));
	}
	if (s->exiting) {
		return 0;
	}
	for (i = 0; i < s->nlisteners; i++) {
		if (s->listeners[i]->h.fd >= 0) {
			tasksrv_loop_del(&s->loop, &s->listeners[i]->h);
		}
	}
	drain(s);
	if (s->worker_id == 0 && s->cfg.mode != TASKSRV_MODE_PROCESS && (s->single || TASKSRV_ATOMIC_LOAD(&s->shm->shutting_down))
			&& s->hooks->on_before_shutdown) {
		s->hooks->on_before_shutdown(s);
	}
	close_all(s);
	tasksrv_peers_flush(s, tasksrv_io_now_ms() + 1000);
	tasksrv_server_run_deferred(&s->loop, s);
	TASKSRV_ATOMIC_STORE(&s->shm->workers[s->worker_id].status, TASKSRV_WORKER_EXIT);
	if (!s->exiting && s->hooks->on_worker_stop) {
		s->hooks->on_worker_stop(s, s->worker_id);
	}
	if (s->single && !s->exiting && s->hooks->on_shutdown) {
		s->hooks->on_shutdown(s);
	}
	return 0;
}
