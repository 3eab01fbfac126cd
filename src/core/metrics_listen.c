/* tasksrv: GET /metrics from the manager (BASE) or the master (PROCESS); see
 * metrics_listen.h for what it answers and how a client is kept from holding it. */
#include "metrics_listen.h"
#include "http.h"
#include "http_parser.h"
#include "io.h"
#include "listener.h"
#include "log.h"

#include <arpa/inet.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

/* The input a connection may hold: one request's head and body, with room for a
 * chunked body's size lines. Pipelined requests beyond it wait in the socket. */
#define IN_CAP (TASKSRV_METRICS_LISTEN_MAX_HEAD + TASKSRV_METRICS_LISTEN_MAX_BODY + 4096)
/* Answers waiting for the client past this: its next requests are not parsed (nor
 * read) until they have gone out. */
#define OUT_HIGH ((size_t) 256 * 1024)
#define CONTENT_TYPE "application/openmetrics-text; version=1.0.0; charset=utf-8"

typedef struct {
	tasksrv_loop_handler_t h;
	tasksrv_http_parser_t p;
	tasksrv_buffer_t out;
	uint64_t timer;
	int64_t idle_since;      /* monotonic ms of the accept or the last answer; 0: a request is arriving */
	int closing;             /* close once out has gone */
	int slot;                /* index in ml.conns */
	size_t in_len;
	char in[IN_CAP];
} mconn_t;

/* One per process: a server's answering process holds it from start() to the end
 * of the run; every process forked from it drops it (on_fork_child). */
static struct {
	int open;
	tasksrv_listener_t l;
	tasksrv_loop_t *loop;
	const tasksrv_server_t *s;
	mconn_t *conns[TASKSRV_METRICS_LISTEN_MAX_CONN];
	int nconns;
} ml;

static int atfork_done;
static tasksrv_log_limit_t refused_lim;

/* {{{ "HOST:PORT" */
int tasksrv_metrics_listen_parse(const char *spec, char *host, size_t hostlen, int *port, char *err, size_t errlen)
{
	const char *colon = strrchr(spec, ':'), *h = spec, *p;
	size_t hl;
	unsigned char addr[16];
	char *end;
	long v;

	if (colon == NULL) {
		snprintf(err, errlen, "must be \"HOST:PORT\" (HOST an IPv4 address or an IPv6 one in brackets)");
		return -1;
	}
	hl = (size_t) (colon - spec);
	if (hl >= 2 && spec[0] == '[' && spec[hl - 1] == ']') {
		h = spec + 1;
		hl -= 2;
	}
	if (hl == 0 || hl >= hostlen || hl >= 64) {
		snprintf(err, errlen, "must be \"HOST:PORT\" (HOST an IPv4 address or an IPv6 one in brackets)");
		return -1;
	}
	memcpy(host, h, hl);
	host[hl] = '\0';
	if (h == spec ? inet_pton(AF_INET, host, addr) != 1 : inet_pton(AF_INET6, host, addr) != 1) {
		snprintf(err, errlen, "must be \"HOST:PORT\" (HOST an IPv4 address or an IPv6 one in brackets)");
		return -1;
	}
	p = colon + 1;
	errno = 0;
	v = strtol(p, &end, 10);
	if (*p < '0' || *p > '9' || *end != '\0' || errno != 0 || v < 1 || v > 65535) {
		snprintf(err, errlen, "must end with a port from 1 to 65535 (0, a port the system picks, "
			"could not be found by a scraper)");
		return -1;
	}
	*port = (int) v;
	return 0;
}
/* }}} */

/* {{{ connections */
static void conn_free(mconn_t *c)
{
	if (c->h.fd >= 0) {
		close(c->h.fd);
	}
	tasksrv_http_parser_free(&c->p);
	tasksrv_buffer_free(&c->out);
	free(c);
}

static void conn_close(mconn_t *c)
{
	int last = --ml.nconns;

	if (ml.loop && ml.loop->epfd >= 0) {
		tasksrv_loop_del(ml.loop, &c->h);
		if (c->timer) {
			tasksrv_loop_timer_del(ml.loop, c->timer);
		}
	}
	/* The last one takes the freed place. */
	ml.conns[c->slot] = ml.conns[last];
	ml.conns[c->slot]->slot = c->slot;
	ml.conns[last] = NULL;
	conn_free(c);
}

static int answer_plain(mconn_t *c, int status, int keep_alive, int head_only);
static int flush(mconn_t *c);

/* Idle too long, or a request that did not arrive in time: 408 (one try to send
 * it, as the HTTP ports do) and a close. */
static void on_timeout(tasksrv_loop_t *loop, void *ctx)
{
	mconn_t *c = ctx;

	(void) loop;
	c->timer = 0;
	if (c->idle_since == 0 && tasksrv_buffer_size(&c->out) == 0 && answer_plain(c, 408, 0, 0) == 0) {
		flush(c);
	}
	conn_close(c);
}

/* Idle (waiting for the first byte of a request: IDLE_MS), or a request arriving
 * (TIMEOUT_MS from its first byte, however slowly the rest comes). */
static void arm(mconn_t *c, int idle)
{
	if (c->timer) {
		tasksrv_loop_timer_del(ml.loop, c->timer);
	}
	c->idle_since = idle ? tasksrv_io_now_ms() : 0;
	c->timer = tasksrv_loop_timer_add(ml.loop, idle ? TASKSRV_METRICS_LISTEN_IDLE_MS : TASKSRV_METRICS_LISTEN_TIMEOUT_MS,
		on_timeout, c);
}

#define put(c, ...) tasksrv_buffer_appendf(&(c)->out, __VA_ARGS__)

/* A short plain-text answer: 404, 405, or the parser's error status (then close). */
static int answer_plain(mconn_t *c, int status, int keep_alive, int head_only)
{
	char line[96];
	const char *reason = tasksrv_http_parser_reason(status);
	size_t n = tasksrv_http_status_line(line, sizeof(line), status, NULL, 0);
	int body = snprintf(NULL, 0, "%d %s\n", status, reason ? reason : "");

	if (tasksrv_buffer_append(&c->out, line, n) < 0
			|| put(c, "Content-Type: text/plain; charset=utf-8\r\nContent-Length: %d\r\n%s"
				"Connection: %s\r\nDate: %s\r\n\r\n", body, status == 405 ? "Allow: GET, HEAD\r\n" : "",
				keep_alive ? "keep-alive" : "close", tasksrv_http_date()) < 0
			|| (!head_only && put(c, "%d %s\n", status, reason ? reason : "") < 0)) {
		return -1;
	}
	return 0;
}

static int answer_metrics(mconn_t *c, int keep_alive, int head_only)
{
	tasksrv_buffer_t body = {0};
	char line[96];
	size_t n = tasksrv_http_status_line(line, sizeof(line), 200, NULL, 0);
	int rc = -1;

	if (ml.s->cfg.metrics_scrape(ml.s, &body) == 0 && tasksrv_buffer_append(&c->out, line, n) == 0
			&& put(c, "Content-Type: " CONTENT_TYPE "\r\nContent-Length: %zu\r\nConnection: %s\r\n"
				"Date: %s\r\n\r\n", tasksrv_buffer_size(&body), keep_alive ? "keep-alive" : "close",
				tasksrv_http_date()) == 0
			&& (head_only || tasksrv_buffer_append(&c->out, tasksrv_buffer_head(&body), tasksrv_buffer_size(&body)) == 0)) {
		rc = 0;
	}
	tasksrv_buffer_free(&body);
	return rc;
}

/* One whole request: its answer goes into out. Returns -1 when memory ran out. */
static int answer(mconn_t *c)
{
	const tasksrv_http_parser_t *p = &c->p;
	int head_only = p->method == TASKSRV_HTTP_HEAD;

	if (!p->keep_alive) {
		c->closing = 1;
	}
	if (p->path.len != sizeof("/metrics") - 1 || memcmp(c->in + p->path.off, "/metrics", p->path.len) != 0) {
		return answer_plain(c, 404, !c->closing, head_only);
	}
	if (p->method != TASKSRV_HTTP_GET && !head_only) {
		return answer_plain(c, 405, !c->closing, 0);
	}
	return answer_metrics(c, !c->closing, head_only);
}

/* Parses and answers what the input holds, in order, until it needs more bytes or
 * the answers waiting for the client reach OUT_HIGH. Returns -1: close now. */
static int process(mconn_t *c)
{
	while (!c->closing && tasksrv_buffer_size(&c->out) < OUT_HIGH) {
		int rc = tasksrv_http_parser_execute(&c->p, c->in, c->in_len);

		if (rc == TASKSRV_HTTP_NEED_MORE) {
			if (c->in_len < IN_CAP) {
				return 0;
			}
			/* Full, and the request still not whole (a chunked body's overhead). */
			c->closing = 1;
			return answer_plain(c, tasksrv_http_parser_in_head(&c->p) ? 431 : 413, 0, 0);
		}
		if (rc == TASKSRV_HTTP_CONTINUE) {
			if (tasksrv_buffer_append(&c->out, "HTTP/1.1 100 Continue\r\n\r\n", 25) < 0) {
				return -1;
			}
			continue;
		}
		if (rc == TASKSRV_HTTP_ERROR) {
			c->closing = 1;
			return answer_plain(c, c->p.status, 0, 0);
		}
		if (answer(c) < 0) {
			return -1;
		}
		c->in_len -= c->p.length;
		memmove(c->in, c->in + c->p.length, c->in_len);
		tasksrv_http_parser_reset(&c->p);
		arm(c, c->in_len == 0);
	}
	return 0;
}

/* Writes what it can. Returns -1 when the connection failed. */
static int flush(mconn_t *c)
{
	while (tasksrv_buffer_size(&c->out) > 0) {
		ssize_t n = send(c->h.fd, tasksrv_buffer_head(&c->out), tasksrv_buffer_size(&c->out), MSG_NOSIGNAL);
		if (n < 0) {
			return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? 0 : -1;
		}
		tasksrv_buffer_consume(&c->out, (size_t) n);
	}
	return 0;
}

/* Reads while there is room and no answer waits. Returns -1: close now (EOF with
 * nothing left to send, or an error). */
static int fill(mconn_t *c)
{
	while (!c->closing && c->in_len < IN_CAP && tasksrv_buffer_size(&c->out) == 0) {
		ssize_t n = recv(c->h.fd, c->in + c->in_len, IN_CAP - c->in_len, 0);
		if (n == 0) {
			return -1;
		}
		if (n < 0) {
			return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? 0 : -1;
		}
		if (c->in_len == 0 && c->idle_since != 0) {
			arm(c, 0); /* a request starts */
		}
		c->in_len += (size_t) n;
		if (process(c) < 0) {
			return -1;
		}
		if (flush(c) < 0) {
			return -1;
		}
	}
	return 0;
}

static void on_conn(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, uint32_t events)
{
	mconn_t *c = h->ctx;

	(void) events;
	if (flush(c) < 0) {
		conn_close(c);
		return;
	}
	/* Answers went out: the input may hold the next requests already. */
	if (tasksrv_buffer_size(&c->out) == 0 && (process(c) < 0 || flush(c) < 0)) {
		conn_close(c);
		return;
	}
	if (fill(c) < 0 || (c->closing && tasksrv_buffer_size(&c->out) == 0)) {
		conn_close(c);
		return;
	}
	tasksrv_loop_mod(loop, h, tasksrv_buffer_size(&c->out) > 0 ? EPOLLOUT : EPOLLIN);
}

/* Full: the connection idle the longest makes room, if there is one. */
static int evict_idle(void)
{
	mconn_t *oldest = NULL;
	int i;

	for (i = 0; i < ml.nconns; i++) {
		mconn_t *c = ml.conns[i];
		if (c->idle_since != 0 && c->in_len == 0 && tasksrv_buffer_size(&c->out) == 0
				&& (oldest == NULL || c->idle_since < oldest->idle_since)) {
			oldest = c;
		}
	}
	if (oldest == NULL) {
		return -1;
	}
	conn_close(oldest);
	return 0;
}

static void on_accept(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, uint32_t events)
{
	static const tasksrv_http_limits_t lim = {
		.max_header_size = TASKSRV_METRICS_LISTEN_MAX_HEAD,
		.max_body = TASKSRV_METRICS_LISTEN_MAX_BODY,
		.max_headers = 64,
	};
	int i, fd;

	(void) events;
	for (i = 0; i < 16; i++) {
		mconn_t *c;

		fd = accept4(h->fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
		if (fd < 0) {
			return;
		}
		if ((ml.nconns >= TASKSRV_METRICS_LISTEN_MAX_CONN && evict_idle() < 0) || (c = calloc(1, sizeof(*c))) == NULL) {
			tasksrv_log_limited(&refused_lim, TASKSRV_LOG_WARNING, "metrics_listen: %d connections open, "
				"none idle: one more closed at once", ml.nconns);
			close(fd);
			continue;
		}
		tasksrv_http_parser_init(&c->p, &lim);
		c->h.fn = on_conn;
		c->h.ctx = c;
		c->h.fd = fd;
		if (tasksrv_loop_add(loop, &c->h, fd, EPOLLIN) < 0) {
			conn_free(c);
			continue;
		}
		c->slot = ml.nconns++;
		ml.conns[c->slot] = c;
		arm(c, 1);
	}
}
/* }}} */

/* A forked process is no answering process: the socket and the connections are
 * closed (its copy of the loop is not touched: the parent's epoll set is shared). */
static void on_fork_child(void)
{
	int i;

	if (!ml.open) {
		return;
	}
	for (i = 0; i < ml.nconns; i++) {
		conn_free(ml.conns[i]);
		ml.conns[i] = NULL;
	}
	ml.nconns = 0;
	tasksrv_listener_close(&ml.l);
	ml.loop = NULL;
	ml.open = 0;
}

int tasksrv_metrics_listen_open(tasksrv_server_t *s, char *err, size_t errlen)
{
	const char *host = s->cfg.metrics_host;

	tasksrv_metrics_listen_close();
	if (!atfork_done) {
		atfork_done = 1;
		pthread_atfork(NULL, NULL, on_fork_child);
	}
	memset(&ml.l, 0, sizeof(ml.l));
	if (tasksrv_listener_bind(&ml.l, host, s->cfg.metrics_port,
			strchr(host, ':') ? TASKSRV_SOCK_TCP6 : TASKSRV_SOCK_TCP) < 0) {
		snprintf(err, errlen, "metrics_listen: bind(%s:%d) failed: %s[%d]", host, s->cfg.metrics_port,
			strerror(errno), errno);
		return -1;
	}
	ml.l.backlog = 64;
	if (tasksrv_listener_listen(&ml.l) < 0) {
		snprintf(err, errlen, "metrics_listen: listen(%s:%d) failed: %s[%d]", host, s->cfg.metrics_port,
			strerror(errno), errno);
		tasksrv_listener_close(&ml.l);
		return -1;
	}
	ml.s = s;
	ml.open = 1;
	return 0;
}

void tasksrv_metrics_listen_watch(tasksrv_loop_t *loop)
{
	if (!ml.open) {
		return;
	}
	ml.loop = loop;
	ml.l.h.fn = on_accept;
	ml.l.h.ctx = NULL;
	if (tasksrv_loop_add(loop, &ml.l.h, ml.l.fd, EPOLLIN) < 0) {
		tasksrv_log(TASKSRV_LOG_WARNING, "metrics_listen: cannot watch the socket: %s", strerror(errno));
	}
}

void tasksrv_metrics_listen_close(void)
{
	if (!ml.open) {
		return;
	}
	while (ml.nconns > 0) {
		conn_close(ml.conns[ml.nconns - 1]);
	}
	if (ml.loop && ml.loop->epfd >= 0) {
		tasksrv_loop_del(ml.loop, &ml.l.h);
	}
	tasksrv_listener_close(&ml.l);
	ml.loop = NULL;
	ml.open = 0;
}
