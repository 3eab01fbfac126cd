/* tasksrv: the client connections of the process that holds their sockets (see
 * conn.h). The table is indexed by OS fd and its slots are never freed while the
 * loop runs; everything the owner does differently goes through s->conn_ops. */
#include "conn.h"
#include "http.h"
#include "http_static.h"
#include "http_upload.h"
#include "io.h"
#include "log.h"

#include <errno.h>
#include <poll.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <unistd.h>

#define READ_CHUNK 65536
#define ACCEPT_BATCH 64

static void conn_on_event(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, uint32_t events);
static void conn_flush(tasksrv_server_t *s, tasksrv_conn_t *c);

/* Output not yet written: queued bytes, or a static file. */
static int conn_pending(const tasksrv_conn_t *c)
{
	return tasksrv_buffer_size(&c->out) > 0 || c->file_left > 0;
}

static void file_done(tasksrv_conn_t *c)
{
	if (c->file_left > 0) {
		close(c->file_fd);
	}
	c->file_fd = -1;
	c->file_left = 0;
	c->file_mark = 0;
}

static void http_free(tasksrv_conn_t *c)
{
	/* A body cut short: its temp files go. */
	tasksrv_http_upload_free(c->upload);
	c->upload = NULL;
	if (c->http) {
		tasksrv_http_parser_free(c->http);
		free(c->http);
		c->http = NULL;
	}
}

/* {{{ the table, by OS fd */
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

void tasksrv_conn_free_all(tasksrv_server_t *s)
{
	int i;

	for (i = 0; i < s->conns_cap; i++) {
		if (s->conns[i]) {
			http_free(s->conns[i]);
			file_done(s->conns[i]);
			tasksrv_buffer_free(&s->conns[i]->in);
			tasksrv_buffer_free(&s->conns[i]->out);
			free(s->conns[i]);
		}
	}
	free(s->conns);
	s->conns = NULL;
	s->conns_cap = 0;
}

/* A frame or a session names the socket too: a session may have been ended in shm
 * already (close() elsewhere) while what was sent before must still go out. Session
 * ids are never reused. */
tasksrv_conn_t *tasksrv_conn_find(tasksrv_server_t *s, int64_t session, int os_fd)
{
	tasksrv_conn_t *c;

	if (os_fd < 0 || os_fd >= s->conns_cap) {
		return NULL;
	}
	c = s->conns[os_fd];
	return c && c->fd >= 0 && c->session == session ? c : NULL;
}

int tasksrv_conn_unsent(tasksrv_server_t *s)
{
	int i, n = 0;

	for (i = 0; i < s->conns_cap; i++) {
		tasksrv_conn_t *c = s->conns[i];
		n += c && c->fd >= 0 && conn_pending(c);
	}
	return n;
}
/* }}} */

/* {{{ the session's view of a connection */
static void session_flag(tasksrv_server_t *s, int64_t session, int32_t flag, int on)
{
	tasksrv_session_t *sess = tasksrv_shm_session_get(s->shm, session);

	if (sess && on) {
		__atomic_or_fetch(&sess->flags, flag, __ATOMIC_RELAXED);
	} else if (sess) {
		__atomic_and_fetch(&sess->flags, ~flag, __ATOMIC_RELAXED);
	}
}

/* Bytes arrived: the heartbeat's clock and getClientInfo()'s times. */
static void session_touch(tasksrv_server_t *s, tasksrv_conn_t *c)
{
	tasksrv_session_t *sess = tasksrv_shm_session_get(s->shm, c->session);

	if (sess) {
		sess->last_recv_time = sess->active_time = tasksrv_io_unix_time();
		sess->last_time = (int64_t) sess->last_recv_time;
	}
}

static void session_set_errno(tasksrv_server_t *s, tasksrv_conn_t *c, int err)
{
	tasksrv_session_t *sess = tasksrv_shm_session_get(s->shm, c->session);

	if (sess) {
		sess->close_errno = err;
	}
}

/* }}} */

/* {{{ life and death */
/* The epoll interest of a connection: reading unless paused or closing, writing
 * while output is queued. (A paused socket still reports HUP/ERR: it is read then.) */
static void conn_watch(tasksrv_server_t *s, tasksrv_conn_t *c)
{
	uint32_t ev = c->paused || c->closing || c->rd_closed || c->held || c->file_left > 0 ? 0 : EPOLLIN | EPOLLRDHUP;

	if (conn_pending(c)) {
		ev |= EPOLLOUT;
	}
	tasksrv_loop_mod(&s->loop, &c->h, ev);
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
	c->rd_closed = 0;
	c->held = 0;
	c->eof_wait = 0;
	c->dispatched = 0;
	http_free(c);
	c->http_since = 0;
	file_done(c);
	tasksrv_buffer_free(&c->in);
	tasksrv_buffer_free(&c->out);
	TASKSRV_ATOMIC_ADD(&s->shm->connection_num, -1);
	TASKSRV_ATOMIC_ADD(&s->shm->close_count, 1);
}

/* The session id dies first, so onClose sees exists() false (and a re-entrant close()
 * does nothing); closed() may release the socket itself. drain: what is queued goes
 * out before the socket closes. */
static void conn_end(tasksrv_server_t *s, tasksrv_conn_t *c, int reactor_id, int drain)
{
	int64_t session = c->session;

	tasksrv_shm_session_close(s->shm, session);
	c->closing = 1;
	s->conn_ops->closed(s, c, session, reactor_id);
	if (c->fd >= 0 && c->session == session) {
		/* A half-closed client still reads: its replies go out before the close. */
		if ((reactor_id >= 0 && !c->rd_closed && !drain) || !conn_pending(c)) {
			conn_release(s, c);
		} else {
			/* close() asked for it: what was sent before still reaches the client. */
			conn_watch(s, c);
		}
	}
}

void tasksrv_conn_end(tasksrv_server_t *s, tasksrv_conn_t *c, int reactor_id)
{
	conn_end(s, c, reactor_id, 0);
}

/* Beyond max_conn, as Swoole: accepted, then closed at once, and counted. Returns the
 * new connection's slot, or NULL (fd closed). */
static tasksrv_conn_t *conn_open(tasksrv_server_t *s, int fd, int64_t *session)
{
	tasksrv_conn_t *c;

	/* The session's owner: this worker, or (the master: worker_id -1) none. */
	*session = TASKSRV_ATOMIC_LOAD(&s->shm->connection_num) >= s->cfg.max_conn ? 0
		: tasksrv_shm_session_open(s->shm, s->worker_id, fd);
	c = *session ? conn_slot(s, fd) : NULL;
	if (c == NULL) {
		TASKSRV_ATOMIC_ADD(&s->shm->abort_count, 1);
		static tasksrv_log_limit_t lim;
		tasksrv_log_limited(&lim, TASKSRV_LOG_WARNING, "Too many connections [now: %ld]",
			(long) TASKSRV_ATOMIC_LOAD(&s->shm->connection_num));
		if (*session) {
			tasksrv_shm_session_close(s->shm, *session);
		}
		close(fd);
	}
	return c;
}

static void conn_init(tasksrv_server_t *s, tasksrv_conn_t *c, tasksrv_listener_t *l, int fd, int64_t session,
	const struct sockaddr_storage *ss)
{
	tasksrv_session_t *sess = tasksrv_shm_session_get(s->shm, session);
	int one = 1;

	sess->remote_port = tasksrv_listener_peer(ss, sess->remote_ip, sizeof(sess->remote_ip));
	sess->server_port = l->port;
	sess->server_fd = l->fd;
	sess->socket_type = l->type;
	/* Swoole 6.2.1 counts the accept as the first receive: getClientInfo() in onConnect
	 * already has last_recv_time (and idle time starts there for the heartbeat). */
	sess->last_recv_time = sess->active_time = tasksrv_io_unix_time();
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
	c->rd_closed = 0;
	c->held = 0;
	c->eof_wait = 0;
	c->dispatched = 0;
	memset(&c->framing, 0, sizeof(c->framing));
	c->h.fn = conn_on_event;
	c->h.ctx = c;
	tasksrv_loop_add(&s->loop, &c->h, fd, EPOLLIN | EPOLLRDHUP);
	TASKSRV_ATOMIC_ADD(&s->shm->accept_count, 1);
	TASKSRV_ATOMIC_ADD(&s->shm->connection_num, 1);
}

/* (The master stops accepting once stopping; an event worker is never forked with
 * `stopping` set, and leaves its listeners before it drains.) */
void tasksrv_conn_on_accept(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, uint32_t events)
{
	tasksrv_listener_t *l = h->ctx;
	tasksrv_server_t *s = l->srv;
	struct sockaddr_storage ss;
	socklen_t len;
	int i, fd;

	(void) loop;
	(void) events;
	for (i = 0; i < ACCEPT_BATCH && !s->exiting && !s->manager.stopping; i++) {
		tasksrv_conn_t *c;
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
				static tasksrv_log_limit_t lim;
				tasksrv_log_limited(&lim, TASKSRV_LOG_WARNING, "accept() failed: %s", strerror(errno));
			}
			return;
		}
		if ((c = conn_open(s, fd, &session)) != NULL) {
			conn_init(s, c, l, fd, session, &ss);
			s->conn_ops->accepted(s, c);
		}
	}
}

/* heartbeat_check_interval: closes the connections idle for longer than
 * heartbeat_idle_time (not protected); onClose gets this process's reactor id. */
static void heartbeat_tick(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_server_t *s = ctx;
	double limit = tasksrv_io_unix_time() - (double) s->cfg.heartbeat_idle_ms / 1000.0;
	int i;

	for (i = 0; i < s->conns_cap && !s->exiting; i++) {
		tasksrv_conn_t *c = s->conns[i];
		tasksrv_session_t *sess = c && c->fd >= 0 && !c->closing ? tasksrv_shm_session_get(s->shm, c->session) : NULL;
		if (sess && !(TASKSRV_ATOMIC_LOAD(&sess->flags) & TASKSRV_SESSION_PROTECTED) && sess->active_time < limit) {
			tasksrv_conn_end(s, c, tasksrv_conn_reactor(s));
		}
	}
	tasksrv_loop_timer_add(loop, s->cfg.heartbeat_check_interval_ms, heartbeat_tick, s);
}

/* http_header_timeout: a client that starts a request and never finishes its head gets
 * 408 and a close, so it cannot hold a connection (and its buffer) for ever. */
static int http_timeout_ms(const tasksrv_server_t *s)
{
	int i, ms = 0;

	for (i = 0; i < s->ports.n; i++) {
		const tasksrv_protocol_t *p = &s->ports.items[i]->protocol;

		if (p->open_http_protocol && p->http_header_timeout_ms > 0
				&& (ms == 0 || p->http_header_timeout_ms < ms)) {
			ms = p->http_header_timeout_ms;
		}
	}
	return ms;
}

static void http_timeout_tick(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_server_t *s = ctx;
	double now = tasksrv_io_unix_time();
	int i, every = http_timeout_ms(s) / 4;

	for (i = 0; i < s->conns_cap && !s->exiting; i++) {
		tasksrv_conn_t *c = s->conns[i];
		int ms = c && c->fd >= 0 && !c->closing && c->http_since > 0
			? s->ports.items[c->port]->protocol.http_header_timeout_ms : 0;

		if (ms > 0 && (now - c->http_since) * 1000.0 >= ms) {
			static const char timeout[] = "HTTP/1.1 408 Request Timeout\r\nContent-Length: 0\r\n"
				"Connection: close\r\n\r\n";

			tasksrv_conn_write(s, c, timeout, sizeof(timeout) - 1);
			tasksrv_shm_count_http(s->shm, s->worker_id, 408);
			tasksrv_conn_end(s, c, tasksrv_conn_reactor(s));
		}
	}
	tasksrv_loop_timer_add(loop, every < 50 ? 50 : every > 1000 ? 1000 : every, http_timeout_tick, s);
}

void tasksrv_conn_heartbeat_start(tasksrv_server_t *s)
{
	int ms = http_timeout_ms(s);

	if (s->cfg.heartbeat_check_interval_ms > 0) {
		tasksrv_loop_timer_add(&s->loop, s->cfg.heartbeat_check_interval_ms, heartbeat_tick, s);
	}
	if (ms > 0) {
		tasksrv_loop_timer_add(&s->loop, ms / 4 < 50 ? 50 : ms / 4 > 1000 ? 1000 : ms / 4, http_timeout_tick, s);
	}
}
/* }}} */

/* {{{ input */
static int conn_gone(const tasksrv_server_t *s, const tasksrv_conn_t *c, int64_t session)
{
	return s->exiting || c->fd < 0 || c->session != session || c->closing;
}

/* The framing error that closes a connection, in Swoole's warning shape. */
static void log_framing_error(tasksrv_server_t *s, const tasksrv_protocol_t *proto, int64_t session,
	const tasksrv_protocol_result_t *r)
{
	static tasksrv_log_limit_t lim;
	tasksrv_session_t *sess = tasksrv_shm_session_get(s->shm, session);
	char why[160];

	tasksrv_protocol_describe(proto, r, why, sizeof(why));
	tasksrv_log_limited(&lim, TASKSRV_LOG_WARNING, "Server::onReceive(): session#%ld from %s:%d: %s, connection closed",
		(long) session, sess ? sess->remote_ip : "?", sess ? sess->remote_port : 0, why);
}

/* Bad input on an HTTP port: the status the parser chose, then the connection closes
 * (the caller ends it; the few bytes go out at once). */
static void http_refuse(tasksrv_server_t *s, tasksrv_conn_t *c)
{
	tasksrv_session_t *sess = tasksrv_shm_session_get(s->shm, c->session);
	char buf[160];
	size_t n = tasksrv_http_status_line(buf, sizeof(buf), c->http->status, NULL, 0);

	tasksrv_log(TASKSRV_LOG_DEBUG, "http: session#%ld from %s:%d: %s, answered %d and closed",
		(long) c->session, sess ? sess->remote_ip : "?", sess ? sess->remote_port : 0, c->http->error,
		c->http->status);
	tasksrv_shm_count_http(s->shm, s->worker_id, c->http->status);
	if (n > 0 && n + 40 <= sizeof(buf)) {
		memcpy(buf + n, "Content-Length: 0\r\nConnection: close\r\n\r\n", 40);
		tasksrv_conn_write(s, c, buf, n + 40);
	}
}

/* document_root: a request the static handler answers here (1), or onRequest's (0);
 * -1 when the connection must close. The request is consumed when answered. */
static int http_static(tasksrv_server_t *s, tasksrv_conn_t *c, const tasksrv_protocol_t *proto)
{
	tasksrv_http_static_reply_t reply;
	int keep_alive = c->http->keep_alive, rc;

	rc = tasksrv_http_static_serve(&proto->http_static, c->http, tasksrv_buffer_head(&c->in), &reply);
	if (rc != TASKSRV_HTTP_STATIC_REPLY) {
		return rc < 0 ? -1 : 0;
	}
	tasksrv_buffer_consume(&c->in, c->http->length);
	tasksrv_http_parser_reset(c->http);
	rc = tasksrv_conn_write(s, c, reply.head, reply.head_len);
	free(reply.head);
	if (rc < 0) {
		if (reply.fd >= 0) {
			close(reply.fd);
		}
		return -1;
	}
	TASKSRV_ATOMIC_ADD(&s->shm->total_send_bytes, (int64_t) (reply.head_len + (size_t) reply.length));
	tasksrv_shm_count_http(s->shm, s->worker_id, reply.status);
	if (reply.fd >= 0) {
		c->file_fd = reply.fd;
		c->file_off = reply.offset;
		c->file_left = reply.length;
		c->file_mark = tasksrv_buffer_size(&c->out);
		conn_flush(s, c);
		if (c->fd < 0) {
			return 1;
		}
	}
	if (!keep_alive) {
		conn_end(s, c, tasksrv_conn_reactor(s), 1);
	}
	return 1;
}

/* The parser's on_head: a multipart/form-data body is decoded while it arrives. */
static int http_on_head(void *ctx, tasksrv_http_parser_t *p, const char *data)
{
	tasksrv_conn_t *c = ctx;
	const tasksrv_protocol_t *proto = &c->srv->ports.items[c->port]->protocol;
	const tasksrv_http_header_t *h = tasksrv_http_parser_header(p, data, "content-type");
	const char *boundary;
	size_t blen;

	tasksrv_http_upload_free(c->upload);
	c->upload = NULL;
	if (!h || tasksrv_http_parser_boundary(data + h->value.off, h->value.len, &boundary, &blen) < 0) {
		return 0;
	}
	c->upload = tasksrv_http_upload_new(boundary, blen, proto->upload_tmp_dir, proto->upload_max_filesize);
	return c->upload != NULL;
}

static int http_on_body(void *ctx, const char *data, size_t len)
{
	tasksrv_conn_t *c = ctx;

	return tasksrv_http_upload_feed(c->upload, data, len);
}

/* The blob of a request whose multipart body was streamed: its head (and trailers),
 * then the upload's digest as its body. The temp files are the blob's from here on. */
static char *http_upload_blob(tasksrv_conn_t *c, size_t *size)
{
	tasksrv_http_parser_t q = *c->http;
	size_t dlen;
	const char *digest = tasksrv_http_upload_digest(c->upload, &dlen);
	char *req = malloc(q.length + dlen), *blob = NULL;

	if (req) {
		memcpy(req, tasksrv_buffer_head(&c->in), q.length);
		memcpy(req + q.length, digest, dlen);
		q.body.off = (uint32_t) q.length;
		q.body.len = (uint32_t) dlen;
		q.length += dlen;
		*size = tasksrv_http_pack_size(&q);
		if ((blob = malloc(*size)) != NULL) {
			tasksrv_http_pack(&q, req, blob);
		}
		free(req);
	}
	tasksrv_http_upload_free(c->upload);
	c->upload = NULL;
	return blob;
}

/* An HTTP port: every complete request (src/core/http_parser.c decides) to the owner
 * as a blob; "100 Continue" when a client waits for it. Returns -1 when the connection
 * must close (after the error's status went out). */
static int http_input(tasksrv_server_t *s, tasksrv_conn_t *c, const tasksrv_protocol_t *proto)
{
	int64_t session = c->session;

	for (;;) {
		size_t used, n;
		char *blob;
		int rc;

		if (c->http == NULL) {
			if ((c->http = malloc(sizeof(*c->http))) == NULL) {
				return -1;
			}
			tasksrv_http_parser_init(c->http, &proto->http_limits);
			if (proto->http_upload) {
				c->http->on_head = http_on_head;
				c->http->on_body = http_on_body;
				c->http->cb_ctx = c;
			}
		}
		rc = tasksrv_http_parser_execute(c->http, tasksrv_buffer_head(&c->in), tasksrv_buffer_size(&c->in));
		if (c->http->streaming) {
			/* What went to the upload leaves the input: memory stays at a read's worth. */
			c->in.len -= tasksrv_http_parser_drop(c->http, tasksrv_buffer_head(&c->in), tasksrv_buffer_size(&c->in));
		}
		if (rc == TASKSRV_HTTP_NEED_MORE) {
			/* http_header_timeout counts from the first byte of a head. */
			if (!tasksrv_http_parser_in_head(c->http) || tasksrv_buffer_size(&c->in) == 0) {
				c->http_since = 0;
			} else if (c->http_since == 0) {
				c->http_since = tasksrv_io_unix_time();
			}
			return 0;
		}
		if (rc == TASKSRV_HTTP_CONTINUE) {
			if (tasksrv_conn_write(s, c, "HTTP/1.1 100 Continue\r\n\r\n", 25) < 0) {
				return -1;
			}
			continue;
		}
		if (rc == TASKSRV_HTTP_ERROR) {
			http_refuse(s, c);
			return -1;
		}
		if (proto->http_static.root) {
			rc = http_static(s, c, proto);
			if (rc < 0) {
				return -1;
			}
			if (rc > 0) {
				/* A file goes out first; the next request waits for it (conn_on_event). */
				if (conn_gone(s, c, session) || c->file_left > 0) {
					return 0;
				}
				continue;
			}
		}
		if (c->http->streaming) {
			if ((blob = http_upload_blob(c, &n)) == NULL) {
				return -1;
			}
		} else {
			n = tasksrv_http_pack_size(c->http);
			if ((blob = malloc(n)) == NULL) {
				return -1;
			}
			tasksrv_http_pack(c->http, tasksrv_buffer_head(&c->in), blob);
		}
		used = c->http->length;
		tasksrv_http_parser_reset(c->http);
		s->conn_ops->packet(s, c, blob, n);
		free(blob);
		if (conn_gone(s, c, session)) {
			return 0;
		}
		tasksrv_buffer_consume(&c->in, used);
	}
}

/* Hands every complete packet (src/core/protocol.c decides) to the owner. Returns -1 when
 * the connection must close. The owner (or package_length_func) may close the
 * connection or exit: then the rest of its input is left alone. */
static int frame_input(tasksrv_server_t *s, tasksrv_conn_t *c)
{
	void (*packet)(tasksrv_server_t *, tasksrv_conn_t *, const char *, size_t) = s->conn_ops->packet;
	int64_t session = c->session;
	const tasksrv_protocol_t *proto = &s->ports.items[c->port]->protocol;
	tasksrv_protocol_result_t r;
	int rc;

	if (proto->open_http_protocol) {
		return http_input(s, c, proto);
	}
	for (;;) {
		rc = tasksrv_protocol_next(proto, &c->framing, tasksrv_buffer_head(&c->in),
			tasksrv_buffer_size(&c->in), &r);
		if (conn_gone(s, c, session)) {
			return 0;
		}
		/* (A packet is never empty; if one were, nothing would be consumed.) */
		if (rc != TASKSRV_PROTOCOL_PACKET || r.length == 0) {
			break;
		}
		packet(s, c, tasksrv_buffer_head(&c->in), r.length);
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

static void conn_read(tasksrv_server_t *s, tasksrv_conn_t *c)
{
	char *dst = tasksrv_buffer_reserve(&c->in, READ_CHUNK);
	ssize_t n;

	if (dst == NULL) {
		tasksrv_conn_end(s, c, tasksrv_conn_reactor(s));
		return;
	}
	do {
		n = read(c->fd, dst, READ_CHUNK);
	} while (n < 0 && errno == EINTR);
	if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
		return;
	}
	if (n == 0 && s->conn_ops->half_closed && s->conn_ops->half_closed(s, c)) {
		c->rd_closed = 1;
		conn_watch(s, c);
		return;
	}
	if (n <= 0) {
		session_set_errno(s, c, n < 0 ? errno : 0);
		tasksrv_conn_end(s, c, tasksrv_conn_reactor(s));
		return;
	}
	c->in.len += (size_t) n;
	TASKSRV_ATOMIC_ADD(&s->shm->total_recv_bytes, n);
	session_touch(s, c);
	if (frame_input(s, c) < 0 && c->fd >= 0 && !c->closing) {
		tasksrv_conn_end(s, c, tasksrv_conn_reactor(s));
		return;
	} else if (c->fd >= 0 && tasksrv_buffer_size(&c->in) == 0 && c->in.cap > 4 * READ_CHUNK) {
		/* A connection that once received a big packet does not keep its room. */
		tasksrv_buffer_free(&c->in);
	}
	tasksrv_conn_queued(s, c);
}
/* }}} */

/* {{{ output */
int tasksrv_conn_write(tasksrv_server_t *s, tasksrv_conn_t *c, const char *data, size_t len)
{
	ssize_t w = 0;

	if (!conn_pending(c)) {
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
	if ((size_t) w == len) {
		return 0;
	}
	if (tasksrv_buffer_append(&c->out, data + w, len - w) < 0) {
		return -1;
	}
	conn_watch(s, c);
	return 1;
}

void tasksrv_conn_crossed(tasksrv_server_t *s, tasksrv_conn_t *c, int full)
{
	c->full = full;
	s->conn_ops->watermark(s, c, full);
}

/* The static file after the bytes before it: 1 when it is all out, 0 when the socket
 * is full, -1 when it failed (the file shrank, or the socket broke): the response is
 * cut, so the connection is shut down (its next read sees the end). */
static int file_send(tasksrv_conn_t *c)
{
	while (c->file_left > 0) {
		size_t n = c->file_left > (1 << 20) ? (size_t) 1 << 20 : (size_t) c->file_left;
		off_t off = (off_t) c->file_off;
		ssize_t w = sendfile(c->fd, c->file_fd, &off, n);

		if (w < 0 && errno == EINTR) {
			continue;
		}
		if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			return 0;
		}
		if (w <= 0) {
			file_done(c);
			shutdown(c->fd, SHUT_RDWR);
			return -1;
		}
		c->file_off += w;
		c->file_left -= w;
	}
	file_done(c);
	return 1;
}

/* Writes what is queued as far as the socket takes it; a closing connection is
 * released once it is all out (or the socket failed). */
static void conn_flush(tasksrv_server_t *s, tasksrv_conn_t *c)
{
	ssize_t w;

	while (conn_pending(c)) {
		if (c->file_left > 0 && c->file_mark == 0) {
			if ((w = file_send(c)) == 0) {
				conn_watch(s, c); /* (when the file was queued, nothing waited for the socket) */
				return;
			}
			if (w < 0) {
				tasksrv_buffer_consume(&c->out, tasksrv_buffer_size(&c->out));
				break;
			}
			continue;
		}
		do {
			size_t n = c->file_left > 0 ? c->file_mark : tasksrv_buffer_size(&c->out);
			w = write(c->fd, tasksrv_buffer_head(&c->out), n);
		} while (w < 0 && errno == EINTR);
		if (w < 0) {
			if (errno == EAGAIN || errno == EWOULDBLOCK) {
				return;
			}
			tasksrv_buffer_consume(&c->out, tasksrv_buffer_size(&c->out));
			file_done(c);
			break;
		}
		tasksrv_buffer_consume(&c->out, (size_t) w);
		if (c->file_left > 0) {
			c->file_mark -= (size_t) w;
		}
	}
	tasksrv_buffer_shrink(&c->out);
	tasksrv_conn_queued(s, c);
	if (c->closing) {
		conn_release(s, c);
		return;
	}
	conn_watch(s, c);
	tasksrv_conn_watermarks(s, c, 1);
}

int tasksrv_conn_drain_wait(tasksrv_server_t *s, tasksrv_conn_t *c)
{
	struct pollfd p = {.fd = c->fd, .events = POLLOUT};

	while (conn_pending(c)) {
		if (poll(&p, 1, -1) < 0 && errno != EINTR) {
			return -1;
		}
		if (p.revents & (POLLERR | POLLNVAL)) {
			return -1;
		}
		conn_flush(s, c);
	}
	return 0;
}

void tasksrv_conn_hold(tasksrv_server_t *s, tasksrv_conn_t *c, int held)
{
	if (c->held != held) {
		c->held = held;
		conn_watch(s, c);
	}
}

void tasksrv_conn_pause(tasksrv_server_t *s, tasksrv_conn_t *c, int paused)
{
	c->paused = paused;
	session_flag(s, c->session, TASKSRV_SESSION_PAUSED, paused);
	conn_watch(s, c);
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
		int had_file = c->file_left > 0;

		conn_flush(s, c);
		if (c->fd < 0) {
			return;
		}
		/* A static file is out: the requests that came after it, already read. */
		if (had_file && c->file_left == 0 && !c->closing && tasksrv_buffer_size(&c->in) > 0) {
			if (frame_input(s, c) < 0 && c->fd >= 0 && !c->closing) {
				tasksrv_conn_end(s, c, tasksrv_conn_reactor(s));
			}
			return;
		}
	}
	if (c->rd_closed && !c->closing && (events & (EPOLLHUP | EPOLLERR))) {
		/* Half-closed, and now gone both ways: nobody is left to read the replies. */
		tasksrv_conn_end(s, c, tasksrv_conn_reactor(s));
	} else if (!c->closing && !c->rd_closed && (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))) {
		conn_read(s, c);
	}
}

void tasksrv_conn_close_all(tasksrv_server_t *s, int notify)
{
	int i;

	for (i = 0; i < s->conns_cap; i++) {
		tasksrv_conn_t *c = s->conns[i];
		if (c == NULL || c->fd < 0) {
			continue;
		}
		if (!c->closing && notify) {
			tasksrv_conn_end(s, c, -1);
		} else if (!c->closing) {
			tasksrv_shm_session_close(s->shm, c->session);
			c->closing = 1;
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
/* }}} */
