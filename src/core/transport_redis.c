/* tasksrv: the Redis Streams task transport (docs/distributed.md), the second
 * implementation of transport.h. Tasks go to the stream <queue>:tasks (one entry a
 * task: id, gen, src, flags, time, reply, payload), read by the task workers of the
 * TaskNodes through the consumer group <queue>; each answer goes to the reply stream
 * the task named, <queue>:results:<host>:<pid> of the event worker that sent it.
 *
 * Two hiredis connections a process, both blocking sockets with timeouts: `cmd` for
 * the commands that answer at once (XADD, XACK, XDEL), `rd` for the one blocking
 * read (XREAD BLOCK on the reply stream in an event worker, XREADGROUP BLOCK on the
 * task stream in a task worker). The read is sent ahead; the loop watches rd's
 * socket and parses the reply with hiredis' reader when it comes, so the loop never
 * blocks on Redis; a waiter (taskwait) polls the same socket until its deadline.
 * Both reconnect on the next use (the reader also from a retry timer, with a log
 * line when the backend goes away and one when it is back, not one per task).
 *
 * Batching (docs/distributed.md, "Batching"): the XADDs of task() are appended to cmd
 * and written once per loop turn (the flush op) or when PIPE_MAX are waiting, their
 * replies read then; a node's task worker reads up to read_count tasks at once (sized
 * so that a batch runs in about BATCH_BUDGET_US) and sends the answers of a batch in
 * one EVAL that XACKs and XADDs each (ANSWER_SCRIPT); a front reads up to READ_BATCH
 * results at once. */
#include "transport_redis.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define URL_FORMS "redis://[[USER]:PASSWORD@]HOST:PORT[/DB], rediss://... or redis+unix://[[USER]:PASSWORD@]/PATH[?db=N]"

/* Copies src[0..n) into dst (len bytes) decoding %XX (a password may hold '@', ':' or '/').
 * Returns 0, or -1 when it does not fit or an escape is malformed. */
static int url_decode(char *dst, size_t len, const char *src, size_t n)
{
	size_t i, o = 0;
	unsigned int v;
	char hex[3] = {0};

	for (i = 0; i < n; i++) {
		if (o + 1 >= len) {
			return -1;
		}
		if (src[i] == '%') {
			if (i + 2 >= n) {
				return -1;
			}
			hex[0] = src[i + 1];
			hex[1] = src[i + 2];
			if (!isxdigit((unsigned char) hex[0]) || !isxdigit((unsigned char) hex[1])
					|| sscanf(hex, "%2x", &v) != 1 || v == 0) {
				return -1;
			}
			dst[o++] = (char) v;
			i += 2;
		} else {
			dst[o++] = src[i];
		}
	}
	dst[o] = '\0';
	return 0;
}

/* [USER]:PASSWORD@ before the host (or the socket path): into u->user and u->pass. */
static int parse_userinfo(const char *p, size_t n, tasksrv_redis_url_t *u, char *err, size_t errlen)
{
	const char *colon = memchr(p, ':', n);

	if (colon == NULL) {
		snprintf(err, errlen, "must give a password with a user (USER:PASSWORD@, or :PASSWORD@ for requirepass)");
		return -1;
	}
	if (url_decode(u->user, sizeof(u->user), p, (size_t) (colon - p)) < 0
			|| url_decode(u->pass, sizeof(u->pass), colon + 1, n - (size_t) (colon - p) - 1) < 0) {
		snprintf(err, errlen, "has a user or password too long or with a bad %%XX escape");
		return -1;
	}
	if (u->pass[0] == '\0') {
		snprintf(err, errlen, "has an empty password (USER:PASSWORD@)");
		return -1;
	}
	return 0;
}

static int parse_db(const char *p, tasksrv_redis_url_t *u)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(p, &end, 10);
	if (end == p || *end != '\0' || errno || v < 0 || v > 65535) {
		return -1;
	}
	u->db = (int) v;
	return 0;
}

/* redis+unix://[USERINFO@]/PATH[?db=N] */
static int parse_unix(const char *p, tasksrv_redis_url_t *u, char *err, size_t errlen)
{
	const char *slash = strchr(p, '/'), *q;
	size_t n;

	if (slash == NULL) {
		snprintf(err, errlen, "must be a URL " URL_FORMS " (redis+unix:// needs an absolute socket path)");
		return -1;
	}
	if (slash > p && (slash[-1] != '@' || parse_userinfo(p, (size_t) (slash - p - 1), u, err, errlen) < 0)) {
		if (slash[-1] != '@') {
			snprintf(err, errlen, "must be a URL " URL_FORMS " (redis+unix:// needs an absolute socket path)");
		}
		return -1;
	}
	q = strchr(slash, '?');
	n = q ? (size_t) (q - slash) : strlen(slash);
	/* sun_path: 108 bytes with its NUL */
	if (n < 2 || n >= 108 || n >= sizeof(u->host)) {
		snprintf(err, errlen, "must have a socket path of 1 to 106 bytes after redis+unix://");
		return -1;
	}
	memcpy(u->host, slash, n);
	u->host[n] = '\0';
	if (q && (strncmp(q, "?db=", 4) != 0 || parse_db(q + 4, u) < 0)) {
		snprintf(err, errlen, "may only have ?db=N (a database number) after the socket path");
		return -1;
	}
	u->unix_socket = 1;
	return 0;
}

int tasksrv_transport_redis_parse_url(const char *url, tasksrv_redis_url_t *u, char *err, size_t errlen)
{
	const char *p = url, *colon, *at, *slash;
	char *end;
	long v;

	memset(u, 0, sizeof(*u));
	if (strncmp(p, "redis+unix://", 13) == 0) {
		return parse_unix(p + 13, u, err, errlen);
	}
	if (strncmp(p, "rediss://", 9) == 0) {
		u->tls = 1;
		p += 9;
	} else if (strncmp(p, "redis://", 8) == 0) {
		p += 8;
	} else {
		snprintf(err, errlen, "must be a URL " URL_FORMS);
		return -1;
	}
	/* The authority ends at the first '/'; a password's '@' or '/' must be %XX-escaped. */
	slash = strchr(p, '/');
	for (at = slash ? slash : p + strlen(p); at > p && at[-1] != '@'; at--) {
	}
	if (at > p) {
		at--;
		if (parse_userinfo(p, (size_t) (at - p), u, err, errlen) < 0) {
			return -1;
		}
		p = at + 1;
	}
	colon = strrchr(p, ':');
	if (colon == NULL || colon == p || (size_t) (colon - p) >= sizeof(u->host) || memchr(p, '/', (size_t) (colon - p))) {
		snprintf(err, errlen, "must be a URL " URL_FORMS " (a host and a port)");
		return -1;
	}
	memcpy(u->host, p, (size_t) (colon - p));
	u->host[colon - p] = '\0';
	errno = 0;
	v = strtol(colon + 1, &end, 10);
	if (end == colon + 1 || errno || v < 1 || v > 65535 || (*end != '\0' && *end != '/')) {
		snprintf(err, errlen, "must have a port between 1 and 65535 (redis://HOST:PORT[/DB])");
		return -1;
	}
	u->port = (int) v;
	if (*end == '/' && end[1] != '\0' && parse_db(end + 1, u) < 0) {
		snprintf(err, errlen, "must have a database number after the port (redis://HOST:PORT/DB)");
		return -1;
	}
	return 0;
}

void tasksrv_transport_redis_describe(const tasksrv_redis_url_t *u, char *out, size_t len)
{
	/* Never the password: logs, warnings and exceptions carry this. */
	const char *at = u->pass[0] ? "@" : "", *pass = u->pass[0] ? ":***" : "";
	char db[16] = "";

	if (u->db != 0) {
		snprintf(db, sizeof(db), u->unix_socket ? "?db=%d" : "/%d", u->db);
	}
	if (u->unix_socket) {
		snprintf(out, len, "redis+unix://%s%s%s%s%s", u->user, pass, at, u->host, db);
	} else {
		snprintf(out, len, "%s://%s%s%s%s:%d%s", u->tls ? "rediss" : "redis", u->user, pass, at, u->host, u->port, db);
	}
}

int tasksrv_transport_redis_tls_built(void)
{
#ifdef TASKSRV_HAVE_REDIS_TLS
	return 1;
#else
	return 0;
#endif
}

#ifndef TASKSRV_HAVE_REDIS

int tasksrv_transport_redis_built(void)
{
	return 0;
}

const tasksrv_transport_ops_t *tasksrv_transport_redis_ops(void)
{
	return NULL;
}

const char *tasksrv_transport_redis_error(const tasksrv_transport_t *t)
{
	(void) t;
	return "";
}

#else

#include "failure.h"
#include "io.h"
#include "log.h"
#include "loop.h"
#include "signals.h"
#include "state.h"

#include <hiredis/hiredis.h>
#ifdef TASKSRV_HAVE_REDIS_TLS
#include <hiredis/hiredis_ssl.h>
#endif
#include <poll.h>
#include <sys/epoll.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

/* Results a front's event worker reads at once (one reply of the blocking read). */
#define READ_BATCH "512"
/* XADDs of task() appended before the batch is written anyway (else: at the turn's end). */
#define PIPE_MAX 512
/* A node's task worker: tasks read at once, at most, and how long a batch should run:
 * tasks fetched and not yet started wait at most about that long, and a node that
 * runs long tasks reads them one at a time (as without batching). */
#define READ_MAX 128
#define BATCH_BUDGET_US 2000
/* Answers of a task worker sent together, at most, and how long one may wait for
 * the others (a batch of slow tasks does not hold back the first one's answer). */
#define ANSWERS_MAX 128
#define ANSWER_WAIT_US 1000
/* Tasks remembered as failed here while Redis may still run them (their late answers are dropped). */
#define LOST_MAX 4096
/* How long a command may take before the backend counts as failing. */
#define CMD_TIMEOUT_MS 5000
#define CONNECT_TIMEOUT_MS 1000
#define RETRY_MS 500
/* Connecting again after a failure: 100 ms, doubling to 5 s (timers and the reader;
 * a task() always tries, a refused connection answers at once). */
#define BACKOFF_MIN_MS 100
#define BACKOFF_MAX_MS 5000
/* The queue's stats (stats()): read at most this often. */
#define STATS_MS 1000

typedef struct {
	tasksrv_frame_t f;
	void *handle;
	char entry[48];              /* a task: its stream entry */
	char *reply;                 /* a task: the reply stream it named (malloc'd) */
	int ours;                    /* a task: this very server sent it (is_ours) */
	char retries[24], tries[24], srv[24]; /* a task: its fields of the same names ("0", "0", "") */
} inbox_item_t;

/* A task whose XADD is appended and whose reply is not read yet (task_id -1: an XTRIM). */
typedef struct {
	tasksrv_frame_t f;
} sent_t;

/* An answer of a node's task worker, sent with the batch (ANSWER_SCRIPT). */
typedef struct {
	char entry[48];              /* the task's entry for the last answer (XACK first), "" for others */
	char reply[600];
	tasksrv_frame_t f;
	char *payload;               /* malloc'd, f.len bytes */
	int local;                   /* the sender's own task worker ran it (it booked the outcome) */
} answer_t;

/* A task failed here while Redis may have it: its answers, if any come, are dropped. */
typedef struct {
	int64_t task_id;
	uint32_t gen;
} lost_t;

typedef struct {
	const tasksrv_server_t *srv;
	redisContext *cmd, *rd;
	int rd_pending;              /* the blocking read is sent, its reply not yet read */
	long long rd_id;             /* a task worker: rd's CLIENT ID (0: unknown), to unblock it at the end */
	int watched;                 /* rd's socket is in the loop */
	tasksrv_loop_t *loop;        /* the loop watching rd (NULL: not watched) */
	tasksrv_loop_handler_t h;
	uint64_t retry_timer;
	uint64_t lease_timer;        /* a node's manager: heartbeats; a front's worker: reclaims */
	int64_t reclaim_from_ms;     /* a front's worker: no reclaim before (see connect_ctx) */
	uint64_t kick_timer;         /* after a waiter: the inbox to the loop, the read sent again */
	uint64_t stats_timer;        /* event worker 0: the queue's stats */
	char host[256];
	int down_logged;             /* "backend unreachable" was logged, "back" is due */
	int quiet;                   /* a node's manager and idle event worker: its task workers tell */
	int backoff_ms;              /* the wait before the next connect (0: none failed) */
	int64_t next_try_ms;         /* background connects wait until then */
	char tasks_key[160], reply_key[600], consumer[300];
	char last_id[48];            /* an event worker's position in its reply stream */
	inbox_item_t *inbox;         /* frames read and not yet handed out */
	int in_head, in_n, in_cap;
	char cur_entry[48];          /* a task worker: the entry of the task in hand */
	char cur_reply[600];         /* and the reply stream it named */
	int cur_ours;                /* and this server sent it (is_ours) */
	char node[300];              /* host:pid of this process, in results and failures */
	char err[800];
	sent_t *sent;                /* the XADDs appended to cmd, in order */
	int sent_n, sent_cap;
	char trimmed_id[48];         /* a front: its reply stream is trimmed up to here */
	answer_t *ans;               /* a task worker's answers not yet sent */
	int ans_n, ans_cap;
	int64_t ans_since_us;        /* when the oldest of them was made */
	int64_t ans_retry_ms;        /* the backend failed them: no new try before this, no task read */
	uint64_t ans_timer;          /* wakes the loop for that try */
	int ans_stuck_logged;
	int read_count;              /* a task worker's COUNT for the next read */
	int untrimmed;               /* a front: results read since its reply stream was last trimmed */
	lost_t *lost;
	int lost_n, lost_cap;
	pid_t pid;                   /* the process that opened it (a forked child's copy sends nothing) */
} redis_t;

static redis_t *R(const tasksrv_transport_t *t)
{
	return t->state;
}

/* The URL for messages (no password). */
static const char *t_where(const redis_t *r)
{
	return r->srv->cfg.backend_where;
}

static void set_err(redis_t *r, const char *what, const redisContext *c, const char *more)
{
	snprintf(r->err, sizeof(r->err), "%s: %s", what, more ? more : (c && c->errstr[0] ? c->errstr : "error"));
}

#ifdef TASKSRV_HAVE_REDIS_TLS
/* rediss://: one TLS context a process, verifying the server against the system's CA
 * store (OpenSSL's default paths; SSL_CERT_FILE / SSL_CERT_DIR override them). */
static int start_tls(redis_t *r, redisContext *c, const tasksrv_config_t *cfg)
{
	static redisSSLContext *ssl;
	redisSSLContextError e = REDIS_SSL_CTX_NONE;

	if (ssl == NULL) {
		redisInitOpenSSL();
		ssl = redisCreateSSLContext(NULL, NULL, NULL, NULL, cfg->backend_host, &e);
	}
	if (ssl == NULL) {
		snprintf(r->err, sizeof(r->err), "cannot set up TLS for %s: %s", cfg->backend_where, redisSSLContextGetError(e));
		return -1;
	}
	if (redisInitiateSSLWithContext(c, ssl) != REDIS_OK) {
		snprintf(r->err, sizeof(r->err), "TLS with %s failed: %s", cfg->backend_where, c->errstr);
		return -1;
	}
	return 0;
}
#endif

/* A command of the connection's set-up (AUTH, SELECT): 0, or -1 with r->err. */
static int setup_command(redis_t *r, redisContext *c, const char *what, redisReply *rep)
{
	if (rep == NULL || rep->type == REDIS_REPLY_ERROR) {
		snprintf(r->err, sizeof(r->err), "%s %s: %s", t_where(r), what,
			rep ? rep->str : (c->errstr[0] ? c->errstr : "connection lost"));
		if (rep) {
			freeReplyObject(rep);
		}
		return -1;
	}
	freeReplyObject(rep);
	return 0;
}

/* Connecting failed or worked: the back-off, and one log line when the backend goes
 * away and one when it is back (not one per task). */
static void connect_failed(redis_t *r)
{
	r->backoff_ms = r->backoff_ms ? r->backoff_ms * 2 : BACKOFF_MIN_MS;
	if (r->backoff_ms > BACKOFF_MAX_MS) {
		r->backoff_ms = BACKOFF_MAX_MS;
	}
	r->next_try_ms = tasksrv_io_now_ms() + r->backoff_ms;
	if (!r->down_logged && !r->quiet) {
		tasksrv_log(TASKSRV_LOG_WARNING, "task backend unreachable (%s); trying again from %d ms, doubling to %d s",
			r->err, BACKOFF_MIN_MS, BACKOFF_MAX_MS / 1000);
		r->down_logged = 1;
	}
}

static void connect_worked(redis_t *r)
{
	r->backoff_ms = 0;
	r->next_try_ms = 0;
	if (r->down_logged && !r->quiet) {
		tasksrv_log(TASKSRV_LOG_WARNING, "task backend %s reachable again", t_where(r));
	}
	r->down_logged = 0;
}

/* Whether a timer may use cmd now: connected, or the back-off has run out. */
static int background_ready(const redis_t *r)
{
	return r->cmd != NULL || tasksrv_io_now_ms() >= r->next_try_ms;
}

static redisContext *connect_once(tasksrv_transport_t *t);

static redisContext *connect_ctx(tasksrv_transport_t *t)
{
	redisContext *c = connect_once(t);

	if (c == NULL) {
		connect_failed(R(t));
	} else {
		connect_worked(R(t));
	}
	return c;
}

static redisContext *connect_once(tasksrv_transport_t *t)
{
	redis_t *r = R(t);
	const tasksrv_config_t *cfg = &t->srv->cfg;
	struct timeval tv = {CONNECT_TIMEOUT_MS / 1000, (CONNECT_TIMEOUT_MS % 1000) * 1000};
	struct timeval cmd_tv = {CMD_TIMEOUT_MS / 1000, 0};
	redisContext *c = cfg->backend_unix ? redisConnectUnixWithTimeout(cfg->backend_host, tv)
		: redisConnectWithTimeout(cfg->backend_host, cfg->backend_port, tv);

	if (c == NULL || c->err) {
		snprintf(r->err, sizeof(r->err), "cannot connect to %s: %s", cfg->backend_where,
			c ? c->errstr : "out of memory");
		if (c) {
			redisFree(c);
		}
		errno = ECONNREFUSED;
		return NULL;
	}
	redisSetTimeout(c, cmd_tv);
#ifdef TASKSRV_HAVE_REDIS_TLS
	if (cfg->backend_tls && start_tls(r, c, cfg) < 0) {
		redisFree(c);
		errno = EIO;
		return NULL;
	}
#endif
	/* AUTH [user] password (an ACL user, or requirepass); Redis' error names no password. */
	if ((cfg->backend_pass[0] && setup_command(r, c, "AUTH", cfg->backend_user[0]
				? redisCommand(c, "AUTH %s %s", cfg->backend_user, cfg->backend_pass)
				: redisCommand(c, "AUTH %s", cfg->backend_pass)) < 0)
			|| (cfg->backend_db != 0 && setup_command(r, c, "SELECT", redisCommand(c, "SELECT %d", cfg->backend_db)) < 0)) {
		redisFree(c);
		errno = EACCES;
		return NULL;
	}
	/* After an outage (or at the start) a front fails nobody's tasks for one lease: the
	 * nodes' managers need that long to renew lease keys that expired meanwhile (an
	 * outage longer than what was left of a lease, or a restart that read them back
	 * expired), and their tasks are not lost. */
	r->reclaim_from_ms = tasksrv_io_now_ms() + cfg->backend_lease_ms;
	return c;
}

static int stale(const redisContext *c)
{
	struct pollfd pfd = {c->fd, POLLIN, 0};

	return poll(&pfd, 1, 0) > 0 && (pfd.revents & (POLLIN | POLLHUP | POLLERR));
}

/* Runs one command on cmd (connecting first). Returns the reply, or NULL with r->err
 * and errno set (the connection is dropped; the next call connects again). */
static int pipe_flush(tasksrv_transport_t *t);

static redisReply *command(tasksrv_transport_t *t, int argc, const char **argv, const size_t *lens)
{
	redis_t *r = R(t);
	redisReply *rep;

	/* The replies of the XADDs appended so far come first on this connection. */
	if (r->sent_n > 0) {
		pipe_flush(t);
	}
	/* cmd has nothing to read between commands: readable means the server closed it
	 * (Redis restarted, a timeout): connect again rather than fail this command. */
	if (r->cmd != NULL && stale(r->cmd)) {
		redisFree(r->cmd);
		r->cmd = NULL;
	}
	if (r->cmd == NULL && (r->cmd = connect_ctx(t)) == NULL) {
		return NULL;
	}
	rep = redisCommandArgv(r->cmd, argc, argv, lens);
	if (rep == NULL) {
		snprintf(r->err, sizeof(r->err), "%s: %s", t_where(r), r->cmd->errstr[0] ? r->cmd->errstr : "connection lost");
		redisFree(r->cmd);
		r->cmd = NULL;
		errno = EIO;
		return NULL;
	}
	if (rep->type == REDIS_REPLY_ERROR) {
		snprintf(r->err, sizeof(r->err), "%s: %s", argv[0], rep->str);
		freeReplyObject(rep);
		errno = EIO;
		return NULL;
	}
	return rep;
}

/* {{{ frames in and out of stream entries */
static void num_field(char *buf, size_t len, long long v)
{
	snprintf(buf, len, "%lld", v);
}

/* The value of field name in an entry's field list, or NULL. */
static const redisReply *field(const redisReply *fields, const char *name)
{
	size_t i;

	for (i = 0; i + 1 < fields->elements; i += 2) {
		if (fields->element[i]->type == REDIS_REPLY_STRING && strcmp(fields->element[i]->str, name) == 0) {
			return fields->element[i + 1];
		}
	}
	return NULL;
}

static long long field_num(const redisReply *fields, const char *name, int *ok)
{
	const redisReply *v = field(fields, name);

	if (v == NULL || v->type != REDIS_REPLY_STRING) {
		*ok = 0;
		return 0;
	}
	return strtoll(v->str, NULL, 10);
}

static int inbox_push(redis_t *r, const tasksrv_frame_t *f, void *handle)
{
	if (r->in_head > 0 && r->in_head == r->in_n) {
		r->in_head = r->in_n = 0;
	}
	if (r->in_n == r->in_cap) {
		int cap = r->in_cap ? r->in_cap * 2 : 64;
		inbox_item_t *p = realloc(r->inbox, sizeof(*p) * (size_t) cap);
		if (p == NULL) {
			return -1;
		}
		r->inbox = p;
		r->in_cap = cap;
	}
	r->inbox[r->in_n].f = *f;
	r->inbox[r->in_n].handle = handle;
	r->inbox[r->in_n].entry[0] = '\0';
	r->inbox[r->in_n].reply = NULL;
	r->in_n++;
	return 0;
}

static int inbox_pop(redis_t *r, tasksrv_frame_t *f, void **handle)
{
	if (r->in_head == r->in_n) {
		return 0;
	}
	*f = r->inbox[r->in_head].f;
	*handle = r->inbox[r->in_head].handle;
	free(r->inbox[r->in_head].reply);
	r->in_head++;
	return 1;
}

/* {{{ tasks failed here, and their answers dropped if Redis ran them after all */
static void lost_add(redis_t *r, const tasksrv_frame_t *f)
{
	if (r->lost_n == r->lost_cap) {
		if (r->lost_cap >= LOST_MAX) {
			/* The oldest is forgotten (its answer, if one ever comes, is handed out). */
			memmove(r->lost, r->lost + 1, sizeof(*r->lost) * (size_t) (r->lost_n - 1));
			r->lost_n--;
		} else {
			int cap = r->lost_cap ? r->lost_cap * 2 : 16;
			lost_t *p = realloc(r->lost, sizeof(*p) * (size_t) cap);
			if (p == NULL) {
				return;
			}
			r->lost = p;
			r->lost_cap = cap;
		}
	}
	r->lost[r->lost_n].task_id = f->task_id;
	r->lost[r->lost_n].gen = f->origin_gen;
	r->lost_n++;
}

/* Whether an answer is of a task failed here (then it is dropped; its last one ends the entry). */
static int lost_take(redis_t *r, const tasksrv_frame_t *f)
{
	int i;

	for (i = 0; i < r->lost_n; i++) {
		if (r->lost[i].task_id == f->task_id && r->lost[i].gen == f->origin_gen) {
			if (f->flags & TASKSRV_FLAG_FINAL) {
				r->lost[i] = r->lost[--r->lost_n];
			}
			return 1;
		}
	}
	return 0;
}
/* }}} */

/* The front's ledger: a remote task counted as queued since task() ends with its
 * last frame (done, or failed by the reason of its failure record). */
static void book_outcome(tasksrv_server_t *s, const tasksrv_frame_t *f, const char *payload)
{
	tasksrv_failure_t fail;

	if (!(f->flags & TASKSRV_FLAG_FINAL) || f->origin_gen != s->gen) {
		return;
	}
	if ((f->flags & TASKSRV_FLAG_FAILURE) && tasksrv_failure_decode(&fail, payload, f->len) == 0
			&& fail.reason > 0 && fail.reason <= TASKSRV_FAIL_REASON_MAX) {
		TASKSRV_ATOMIC_ADD(&s->shm->task_failed_by_reason[fail.reason], 1);
	} else if (f->flags & TASKSRV_FLAG_FAILURE) {
		TASKSRV_ATOMIC_ADD(&s->shm->task_failed_by_reason[TASKSRV_FAIL_EXCEPTION], 1);
	} else {
		TASKSRV_ATOMIC_ADD(&s->shm->task_done, 1);
	}
}

/* One stream entry as a frame of type (TASK in a task worker, RESULT in an event
 * worker), its payload copied into glue storage. Returns 0, or -1 (malformed: skipped). */
static int entry_frame(tasksrv_transport_t *t, const redisReply *entry, int type, tasksrv_frame_t *f, void **handle)
{
	redis_t *r = R(t);
	tasksrv_server_t *s = t->srv;
	const redisReply *fields, *payload, *reply, *tm;
	int ok = 1;
	char *dst;

	if (entry->type != REDIS_REPLY_ARRAY || entry->elements != 2 || entry->element[0]->type != REDIS_REPLY_STRING
			|| entry->element[1]->type != REDIS_REPLY_ARRAY) {
		return -1;
	}
	fields = entry->element[1];
	payload = field(fields, "payload");
	if (payload == NULL || payload->type != REDIS_REPLY_STRING || payload->len > TASKSRV_FRAME_MAX_LEN) {
		return -1;
	}
	tasksrv_frame_make(f, type, (uint32_t) payload->len);
	f->task_id = field_num(fields, "id", &ok);
	f->origin_gen = (uint32_t) field_num(fields, "gen", &ok);
	f->src_worker = (int32_t) field_num(fields, "src", &ok);
	f->flags = (uint16_t) field_num(fields, "flags", &ok);
	if ((tm = field(fields, "time")) != NULL && tm->type == REDIS_REPLY_STRING) {
		f->time = strtod(tm->str, NULL);
	}
	if (!ok) {
		return -1;
	}
	if (type == TASKSRV_FRAME_TASK) {
		reply = field(fields, "reply");
		if (reply == NULL || reply->type != REDIS_REPLY_STRING || reply->len >= sizeof(r->cur_reply)
				|| entry->element[0]->len >= sizeof(r->cur_entry)) {
			return -1;
		}
	}
	if ((dst = s->hooks->payload_alloc(s, payload->len, handle)) == NULL) {
		return -1;
	}
	memcpy(dst, payload->str, payload->len);
	return 0;
}
/* }}} */

/* {{{ the blocking read, sent ahead and read when its socket is readable */
static void drop_rd(redis_t *r)
{
	if (r->watched && r->loop->epfd >= 0) {
		tasksrv_loop_del(r->loop, &r->h);
	}
	r->watched = 0;
	if (r->rd) {
		redisFree(r->rd);
		r->rd = NULL;
	}
	r->rd_pending = 0;
}

static int send_read(tasksrv_transport_t *t)
{
	redis_t *r = R(t);
	tasksrv_server_t *s = t->srv;
	int done = 0;

	if (r->rd_pending) {
		return 0;
	}
	if (r->rd == NULL) {
		if ((r->rd = connect_ctx(t)) == NULL) {
			return -1;
		}
		r->rd_id = 0;
		if (s->role == TASKSRV_ROLE_TASK_WORKER) {
			/* Its id, to unblock its read when this task worker stops (take_last_read). */
			redisReply *id = redisCommand(r->rd, "CLIENT ID");
			if (id && id->type == REDIS_REPLY_INTEGER) {
				r->rd_id = id->integer;
			}
			if (id) {
				freeReplyObject(id);
			}
		}
	}
	if (s->role == TASKSRV_ROLE_TASK_WORKER) {
		redisAppendCommand(r->rd, "XREADGROUP GROUP %s %s COUNT %d BLOCK 0 STREAMS %s >", s->cfg.backend_queue,
			r->consumer, r->read_count, r->tasks_key);
	} else {
		redisAppendCommand(r->rd, "XREAD COUNT " READ_BATCH " BLOCK 0 STREAMS %s %s", r->reply_key, r->last_id);
	}
	while (!done) {
		if (redisBufferWrite(r->rd, &done) != REDIS_OK) {
			set_err(r, "redis", r->rd, NULL);
			drop_rd(r);
			errno = EIO;
			return -1;
		}
	}
	r->rd_pending = 1;
	return 0;
}

/* A task worker's group: made once, from the start of the stream, so that tasks sent
 * before any node ran are read too. */
static int ensure_group(tasksrv_transport_t *t)
{
	redis_t *r = R(t);
	const char *argv[] = {"XGROUP", "CREATE", r->tasks_key, t->srv->cfg.backend_queue, "0", "MKSTREAM"};
	size_t lens[6];
	redisReply *rep;
	int i;

	for (i = 0; i < 6; i++) {
		lens[i] = strlen(argv[i]);
	}
	rep = command(t, 6, argv, lens);
	if (rep == NULL) {
		return strstr(r->err, "BUSYGROUP") ? 0 : -1;
	}
	freeReplyObject(rep);
	return 0;
}

/* Parses one reply of the read into the inbox. Returns how many frames it gave. */
/* Field name of an entry as a string into out (len bytes), or dflt. */
static void copy_field(char *out, size_t len, const redisReply *fields, const char *name, const char *dflt)
{
	const redisReply *v = field(fields, name);

	snprintf(out, len, "%s", v != NULL && v->type == REDIS_REPLY_STRING ? v->str : dflt);
}

/* Whether a task's entry came from this server (its field srv is this run's id). */
static int is_ours(const tasksrv_server_t *s, const redisReply *fields)
{
	const redisReply *v = field(fields, "srv");
	char id[24];

	snprintf(id, sizeof(id), "%016llx", (unsigned long long) s->shm->backend_run_id);
	return v != NULL && v->type == REDIS_REPLY_STRING && strcmp(v->str, id) == 0;
}

static int take_read_reply(tasksrv_transport_t *t, redisReply *rep)
{
	redis_t *r = R(t);
	tasksrv_server_t *s = t->srv;
	int type = s->role == TASKSRV_ROLE_TASK_WORKER ? TASKSRV_FRAME_TASK : TASKSRV_FRAME_RESULT, n = 0;
	size_t i, j;
	tasksrv_frame_t f;
	void *handle;

	if (rep->type != REDIS_REPLY_ARRAY) {
		return 0;
	}
	for (i = 0; i < rep->elements; i++) {
		const redisReply *st = rep->element[i];
		if (st->type != REDIS_REPLY_ARRAY || st->elements != 2 || st->element[1]->type != REDIS_REPLY_ARRAY) {
			continue;
		}
		for (j = 0; j < st->element[1]->elements; j++) {
			const redisReply *e = st->element[1]->element[j];
			if (e->type == REDIS_REPLY_ARRAY && e->elements == 2 && e->element[0]->type == REDIS_REPLY_STRING
					&& e->element[0]->len < sizeof(r->last_id) && type == TASKSRV_FRAME_RESULT) {
				memcpy(r->last_id, e->element[0]->str, e->element[0]->len + 1);
			}
			if (entry_frame(t, e, type, &f, &handle) < 0) {
				tasksrv_log(TASKSRV_LOG_WARNING, "task backend: malformed entry in %s dropped",
					type == TASKSRV_FRAME_TASK ? r->tasks_key : r->reply_key);
				continue;
			}
			if (type == TASKSRV_FRAME_RESULT && r->lost_n > 0 && lost_take(r, &f)) {
				tasksrv_log(TASKSRV_LOG_WARNING, "task backend: an answer of task %ld dropped: the task was "
					"already failed here (the connection was lost before Redis confirmed it)", (long) f.task_id);
				s->hooks->payload_free(s, handle);
				continue;
			}
			if (inbox_push(r, &f, handle) < 0) {
				s->hooks->payload_free(s, handle);
				continue;
			}
			if (type == TASKSRV_FRAME_TASK) {
				/* Its entry and the reply stream it named: the task in hand once it starts. */
				inbox_item_t *it = &r->inbox[r->in_n - 1];
				const redisReply *reply = field(e->element[1], "reply");
				memcpy(it->entry, e->element[0]->str, e->element[0]->len + 1);
				if ((it->reply = malloc(reply->len + 1)) == NULL) {
					r->in_n--;
					s->hooks->payload_free(s, handle);
					continue;
				}
				memcpy(it->reply, reply->str, reply->len + 1);
				/* Counted in as a local sender would (the ledger of this node balances);
				 * a task this very server sent (a front's own task workers) was counted
				 * by its sender, and its outcome is booked here, not again there. */
				it->ours = is_ours(s, e->element[1]);
				copy_field(it->retries, sizeof(it->retries), e->element[1], "retries", "0");
				copy_field(it->tries, sizeof(it->tries), e->element[1], "tries", "0");
				copy_field(it->srv, sizeof(it->srv), e->element[1], "srv", "");
				TASKSRV_ATOMIC_ADD(&s->shm->workers[s->worker_id].queued, 1);
				if (!it->ours) {
					TASKSRV_ATOMIC_ADD(&s->shm->task_accepted, 1);
				}
				TASKSRV_ATOMIC_ADD(&s->shm->task_queue_bytes, (int64_t) f.len);
			} else {
				size_t len = 0;
				const redisReply *local = field(e->element[1], "local");
				if (local == NULL || local->type != REDIS_REPLY_STRING || strcmp(local->str, "1") != 0) {
					book_outcome(s, &f, s->hooks->payload_data(s, handle, &len));
				}
				if (e->element[0]->len < sizeof(r->last_id)) {
					r->untrimmed++;
				}
			}
			n++;
		}
	}
	return n;
}

/* Reads what rd's socket has; parses a whole reply when there is one. Returns the
 * frames it gave (>= 0), or -1 when the connection failed (dropped). */
static int read_rd(tasksrv_transport_t *t)
{
	redis_t *r = R(t);
	void *reply = NULL;
	int n;

	if (redisBufferRead(r->rd) != REDIS_OK) {
		set_err(r, "the task backend's connection", r->rd, NULL);
		drop_rd(r);
		errno = EIO;
		return -1;
	}
	if (redisGetReplyFromReader(r->rd, &reply) != REDIS_OK) {
		set_err(r, "the task backend's reply", r->rd, NULL);
		drop_rd(r);
		errno = EIO;
		return -1;
	}
	if (reply == NULL) {
		return 0;
	}
	r->rd_pending = 0;
	if (((redisReply *) reply)->type == REDIS_REPLY_ERROR) {
		snprintf(r->err, sizeof(r->err), "read: %s", ((redisReply *) reply)->str);
		tasksrv_log(TASKSRV_LOG_WARNING, "task backend: %s", r->err);
		freeReplyObject(reply);
		errno = EIO;
		return -1;
	}
	n = take_read_reply(t, reply);
	freeReplyObject(reply);
	return n;
}
/* }}} */

/* {{{ the loop's side: frames handed to the glue as they come */
static void rd_ready(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, uint32_t events);
static void retry(tasksrv_loop_t *loop, void *ctx);

static void schedule_retry(tasksrv_transport_t *t)
{
	redis_t *r = R(t);
	int64_t wait;

	/* (A failure on a live connection, not at its connect: the back-off starts too.) */
	if (r->backoff_ms == 0) {
		connect_failed(r);
	}
	wait = r->next_try_ms - tasksrv_io_now_ms();
	if (r->loop && !r->retry_timer) {
		r->retry_timer = tasksrv_loop_timer_add(r->loop, wait > 0 ? (int) wait : 1, retry, t);
	}
}

/* Sends the read and watches its socket. */
static void arm(tasksrv_transport_t *t)
{
	redis_t *r = R(t);

	/* (A task worker whose answers wait reads nothing: redis_flush arms it once they left.) */
	if (r->rd_pending || r->loop == NULL || r->ans_retry_ms != 0) {
		return;
	}
	if (t->srv->role == TASKSRV_ROLE_TASK_WORKER && ensure_group(t) < 0) {
		schedule_retry(t);
		return;
	}
	if (send_read(t) < 0) {
		schedule_retry(t);
		return;
	}
	if (!r->watched) {
		r->h.fn = rd_ready;
		r->h.ctx = t;
		r->watched = tasksrv_loop_add(r->loop, &r->h, r->rd->fd, EPOLLIN) == 0;
	}
}

static void retry(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_transport_t *t = ctx;

	(void) loop;
	R(t)->retry_timer = 0;
	arm(t);
}

static int answers_flush(tasksrv_transport_t *t);

/* A task worker's next COUNT: as many tasks as ran in about BATCH_BUDGET_US in the
 * batch that just ended (n tasks in us), at most twice the last COUNT (it grows as
 * fast tasks keep coming) and never more than READ_MAX; when the stream had fewer
 * than asked, no more than before. Long tasks: one at a time. */
static void adapt_read_count(redis_t *r, int n, int64_t us)
{
	int64_t next;

	if (n <= 0) {
		return;
	}
	next = (int64_t) BATCH_BUDGET_US * n / (us > 0 ? us : 1);
	if (n < r->read_count) {
		next = next < r->read_count ? next : r->read_count;
	} else if (next > 2 * (int64_t) r->read_count) {
		next = 2 * (int64_t) r->read_count;
	}
	r->read_count = next < 1 ? 1 : next > READ_MAX ? READ_MAX : (int) next;
}

/* Hands out the frames read: an event worker's answers; a task worker's tasks, one
 * after the other, each the task in hand (cur_entry, cur_reply) while it runs, their
 * answers sent together (answers_flush: when the batch ends, or when the oldest has
 * waited ANSWER_WAIT_US). A task worker that is stopping (or has a signal to handle)
 * starts no further task: the rest stay for the next turn, or are given back to the
 * queue when it exits (redis_close). */
static void deliver_inbox(tasksrv_transport_t *t)
{
	redis_t *r = R(t);
	tasksrv_server_t *s = t->srv;
	int task = s->role == TASKSRV_ROLE_TASK_WORKER, n = 0;
	int64_t t0 = task ? tasksrv_io_now_us() : 0;
	inbox_item_t it;

	while (r->in_head < r->in_n) {
		if (task && ((r->loop && !r->loop->running) || tasksrv_signals_pending())) {
			break;
		}
		it = r->inbox[r->in_head++];
		if (task) {
			memcpy(r->cur_entry, it.entry, sizeof(r->cur_entry));
			snprintf(r->cur_reply, sizeof(r->cur_reply), "%s", it.reply ? it.reply : "");
			r->cur_ours = it.ours;
			free(it.reply);
		}
		s->hooks->on_frame(s, &it.f, task && it.ours ? TASKSRV_REDIS_PEER_OWN : TASKSRV_REDIS_PEER, it.handle);
		n++;
		if (task && r->ans_n > 0 && tasksrv_io_now_us() - r->ans_since_us >= ANSWER_WAIT_US) {
			answers_flush(t);
		}
	}
	if (task) {
		answers_flush(t);
		adapt_read_count(r, n, tasksrv_io_now_us() - t0);
	}
}

static void rd_ready(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, uint32_t events)
{
	tasksrv_transport_t *t = h->ctx;
	redis_t *r = R(t);

	(void) loop;
	(void) events;
	if (r->rd == NULL) {
		return;
	}
	if (read_rd(t) < 0) {
		drop_rd(r);
		schedule_retry(t);
		return;
	}
	deliver_inbox(t);
	/* The next read once what was read is handed out (a task worker stopped between
	 * tasks by a signal runs the rest at the loop's next turn: redis_flush). */
	if (!r->rd_pending && loop->running && r->in_head == r->in_n && r->ans_retry_ms == 0) {
		arm(t);
	}
}
/* }}} */

/* {{{ the front's batch: XADDs appended, written once per turn */
/* The last frame of a task that failed here, handed out with the frames read (the
 * ledger books it as a remote outcome). A one-way task's failure is only logged. */
static void fail_here(tasksrv_transport_t *t, const tasksrv_frame_t *task, int reason, const char *msg)
{
	redis_t *r = R(t);
	tasksrv_server_t *s = t->srv;
	tasksrv_failure_t fail;
	tasksrv_buffer_t buf = {0};
	tasksrv_frame_t f;
	void *handle;
	char *dst;

	memset(&fail, 0, sizeof(fail));
	fail.reason = reason;
	fail.worker_id = -1;
	fail.exit_status = -1;
	fail.message = msg;
	fail.message_len = strlen(msg);
	if (tasksrv_failure_encode(&fail, &buf) < 0) {
		return;
	}
	tasksrv_frame_result(&f, task, -1, TASKSRV_FLAG_FAILURE | TASKSRV_FLAG_FINAL, (uint32_t) tasksrv_buffer_size(&buf));
	book_outcome(s, &f, tasksrv_buffer_head(&buf));
	if (!(task->flags & TASKSRV_FLAG_NOREPLY)
			&& (dst = s->hooks->payload_alloc(s, f.len, &handle)) != NULL) {
		memcpy(dst, tasksrv_buffer_head(&buf), f.len);
		if (inbox_push(r, &f, handle) < 0) {
			s->hooks->payload_free(s, handle);
		}
	}
	tasksrv_buffer_free(&buf);
}

static int sent_push(redis_t *r, const tasksrv_frame_t *f)
{
	if (r->sent_n == r->sent_cap) {
		int cap = r->sent_cap ? r->sent_cap * 2 : 64;
		sent_t *p = realloc(r->sent, sizeof(*p) * (size_t) cap);
		if (p == NULL) {
			return -1;
		}
		r->sent = p;
		r->sent_cap = cap;
	}
	r->sent[r->sent_n++].f = *f;
	return 0;
}

/* Writes the commands appended to cmd and reads their replies. A task whose XADD
 * Redis refused fails here as `shutdown` (it never entered the queue); when the
 * connection is lost, the tasks whose replies did not come fail as `worker_died`
 * (Redis may have taken them: their answers, if any come, are dropped). */
static int pipe_flush(tasksrv_transport_t *t)
{
	redis_t *r = R(t);
	const tasksrv_config_t *cfg = &t->srv->cfg;
	void *rep = NULL;
	int done = 0, i = 0, n = 0, refused = 0;
	char msg[1000];

	if (r->sent_n == 0) {
		return 0;
	}
	while (!done) {
		if (redisBufferWrite(r->cmd, &done) != REDIS_OK) {
			goto lost;
		}
	}
	for (; i < r->sent_n; i++) {
		if (redisGetReply(r->cmd, &rep) != REDIS_OK || rep == NULL) {
			goto lost;
		}
		if (((redisReply *) rep)->type == REDIS_REPLY_ERROR && r->sent[i].f.task_id >= 0) {
			snprintf(msg, sizeof(msg), "task %ld: the task backend refused it (XADD): %s", (long) r->sent[i].f.task_id,
				((redisReply *) rep)->str);
			/* One log line a batch, not one a task (each caller gets its failure). */
			if (refused++ == 0) {
				tasksrv_log(TASKSRV_LOG_WARNING, "task backend: %s", msg);
			}
			fail_here(t, &r->sent[i].f, TASKSRV_FAIL_SHUTDOWN, msg);
		}
		freeReplyObject(rep);
	}
	if (refused > 1) {
		tasksrv_log(TASKSRV_LOG_WARNING, "task backend: %d task(s) of the batch refused in all", refused);
	}
	r->sent_n = 0;
	return 0;
lost:
	snprintf(r->err, sizeof(r->err), "redis://%s:%d: %s", cfg->backend_host, cfg->backend_port,
		r->cmd->errstr[0] ? r->cmd->errstr : "connection lost");
	for (; i < r->sent_n; i++) {
		if (r->sent[i].f.task_id < 0) {
			continue;
		}
		snprintf(msg, sizeof(msg), "task %ld: the connection to the task backend was lost before Redis confirmed the "
			"task (%s); it may still run: its answers, if any come, are dropped", (long) r->sent[i].f.task_id, r->err);
		lost_add(r, &r->sent[i].f);
		fail_here(t, &r->sent[i].f, TASKSRV_FAIL_WORKER_DIED, msg);
		n++;
	}
	if (n > 0) {
		tasksrv_log(TASKSRV_LOG_WARNING, "task backend: %d task(s) failed as worker_died: the connection was lost "
			"before Redis confirmed them (%s)", n, r->err);
	}
	r->sent_n = 0;
	redisFree(r->cmd);
	r->cmd = NULL;
	errno = EIO;
	return -1;
}

/* Appends a front's XTRIM of its reply stream up to the last entry read (the entries
 * before it are handed out): the stream holds what is unread, not every answer. */
static void append_trim(tasksrv_transport_t *t)
{
	redis_t *r = R(t);
	tasksrv_frame_t f;
	const char *argv[] = {"XTRIM", r->reply_key, "MINID", "~", r->last_id};
	size_t lens[5];
	int i;

	if (r->untrimmed == 0 || r->cmd == NULL) {
		return;
	}
	for (i = 0; i < 5; i++) {
		lens[i] = strlen(argv[i]);
	}
	memset(&f, 0, sizeof(f));
	f.task_id = -1;
	if (sent_push(r, &f) == 0 && redisAppendCommandArgv(r->cmd, 5, argv, lens) == REDIS_OK) {
		r->untrimmed = 0;
	} else if (r->sent_n > 0 && r->sent[r->sent_n - 1].f.task_id < 0) {
		r->sent_n--;
	}
}
/* }}} */

/* {{{ a task worker's batch: the answers, sent in one EVAL that XACKs and XADDs each */
/* KEYS[1] the task stream, KEYS[1 + i] answer i's reply stream; ARGV[1] the group,
 * ARGV[2] this node, then seven an answer: its task's entry ("" for an answer that is
 * not the last), id, gen, src, flags, payload, local (1: the sender's own task worker
 * ran it). The last answer of a task stays only if this XACK took the entry out of the
 * pending list (the first XACK wins: a reclaimer that failed the task as worker_died
 * took it first; then the answer just added is deleted again, unseen: the script runs
 * as one step), and no node dies between the XACK and the XADD. The XADD goes first
 * because Redis may refuse it (out of memory) and not the XACK: a refused script has
 * changed nothing for that task, and the answers are sent again later (answers_flush).
 * Then the task stream is trimmed below the oldest entry still pending (none pending:
 * below the last one acked here): every entry before it was delivered (a group
 * delivers in order) and acked, so the stream holds about the tasks not yet answered
 * (`~`: whole nodes only, the cheap way; an XDEL a task cost more than the rest of its
 * answer). Returns 1 or 0 for each answer. */
#define ANSWER_SCRIPT \
	"local out, last = {}, false\n" \
	"for i = 1, #KEYS - 1 do\n" \
	"  local a = 3 + (i - 1) * 7\n" \
	"  local id = redis.call('XADD', KEYS[i + 1], '*', 'id', ARGV[a + 1], 'gen', ARGV[a + 2], 'src', ARGV[a + 3],\n" \
	"    'flags', ARGV[a + 4], 'node', ARGV[2], 'local', ARGV[a + 6], 'payload', ARGV[a + 5])\n" \
	"  local ok = 1\n" \
	"  if ARGV[a] ~= '' then\n" \
	"    ok = redis.call('XACK', KEYS[1], ARGV[1], ARGV[a])\n" \
	"    if ok == 1 then last = ARGV[a] else redis.call('XDEL', KEYS[i + 1], id) end\n" \
	"  end\n" \
	"  out[i] = ok\n" \
	"end\n" \
	"if last then\n" \
	"  local p = redis.call('XPENDING', KEYS[1], ARGV[1])\n" \
	"  redis.call('XTRIM', KEYS[1], 'MINID', '~', p[2] or last)\n" \
	"end\n" \
	"return out\n"

/* KEYS[1] the task stream; ARGV[1] the group, then eleven a task: entry, id, gen, src,
 * flags, time, reply, payload, retries, tries, srv. Each task goes back to the end of
 * the stream as a new entry, which stays only if the XACK took the old one out of the
 * pending list (in the same order as ANSWER_SCRIPT, for the same reasons); the old
 * entry is deleted. */
#define REQUEUE_SCRIPT \
	"local n = 0\n" \
	"for a = 2, #ARGV, 11 do\n" \
	"  local id = redis.call('XADD', KEYS[1], '*', 'id', ARGV[a + 1], 'gen', ARGV[a + 2], 'src', ARGV[a + 3],\n" \
	"    'flags', ARGV[a + 4], 'time', ARGV[a + 5], 'reply', ARGV[a + 6], 'retries', ARGV[a + 8],\n" \
	"    'tries', ARGV[a + 9], 'srv', ARGV[a + 10], 'payload', ARGV[a + 7])\n" \
	"  if redis.call('XACK', KEYS[1], ARGV[1], ARGV[a]) == 1 then\n" \
	"    redis.call('XDEL', KEYS[1], ARGV[a])\n" \
	"    n = n + 1\n" \
	"  else\n" \
	"    redis.call('XDEL', KEYS[1], id)\n" \
	"  end\n" \
	"end\n" \
	"return n\n"

static int answer_push(redis_t *r, const char *entry, const tasksrv_frame_t *f, const char *payload)
{
	answer_t *a;

	if (r->ans_n == r->ans_cap) {
		int cap = r->ans_cap ? r->ans_cap * 2 : 16;
		answer_t *p = realloc(r->ans, sizeof(*p) * (size_t) cap);
		if (p == NULL) {
			return -1;
		}
		r->ans = p;
		r->ans_cap = cap;
	}
	a = &r->ans[r->ans_n];
	if ((a->payload = malloc(f->len ? f->len : 1)) == NULL) {
		return -1;
	}
	memcpy(a->payload, payload ? payload : "", f->len);
	snprintf(a->entry, sizeof(a->entry), "%s", entry);
	snprintf(a->reply, sizeof(a->reply), "%s", r->cur_reply);
	a->local = r->cur_ours;
	a->f = *f;
	if (r->ans_n++ == 0) {
		r->ans_since_us = tasksrv_io_now_us();
	}
	return 0;
}

static void answers_free(redis_t *r)
{
	int i;

	for (i = 0; i < r->ans_n; i++) {
		free(r->ans[i].payload);
	}
	r->ans_n = 0;
}

/* INCR <queue>:<name>: the queue's counters, across hosts (refresh_stats reads them). */
static void count_queue(tasksrv_transport_t *t, const char *name)
{
	char key[160];
	const char *argv[] = {"INCR", key};
	size_t lens[2];
	redisReply *rep;

	snprintf(key, sizeof(key), "%s:%s", t->srv->cfg.backend_queue, name);
	lens[0] = 4;
	lens[1] = strlen(key);
	if ((rep = command(t, 2, argv, lens)) != NULL) {
		freeReplyObject(rep);
	}
}

/* A result dropped because its task had failed (or was put back): counted here and
 * in <queue>:late, which every server's stats() shows. */
static void count_late(tasksrv_transport_t *t)
{
	TASKSRV_ATOMIC_ADD(&t->srv->shm->task_late_results, 1);
	count_queue(t, "late");
}

/* The loop's turn after this timer tries the answers again (redis_flush). */
static void answers_wake(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_transport_t *t = ctx;

	(void) loop;
	R(t)->ans_timer = 0;
}

/* Sends the answers made so far (ANSWER_SCRIPT). When that fails they stay and go
 * with a flush after RETRY_MS (the script is safe to run again for a last answer that
 * went: its task is no longer pending for this consumer, so it is not written twice).
 * Returns 0 or -1. */
static int answers_flush(tasksrv_transport_t *t)
{
	redis_t *r = R(t);
	tasksrv_server_t *s = t->srv;
	int n = r->ans_n, argc, i, k;
	const char **argv;
	size_t *lens;
	char (*nums)[24], numkeys[16];
	redisReply *rep;

	if (n == 0) {
		return 0;
	}
	if (r->ans_retry_ms && tasksrv_io_now_ms() < r->ans_retry_ms) {
		return -1;
	}
	argc = 3 + (1 + n) + 2 + 7 * n;
	argv = malloc(sizeof(*argv) * (size_t) argc);
	lens = malloc(sizeof(*lens) * (size_t) argc);
	nums = malloc(sizeof(*nums) * 4 * (size_t) n);
	if (argv == NULL || lens == NULL || nums == NULL) {
		free(argv);
		free(lens);
		free(nums);
		return -1;
	}
	num_field(numkeys, sizeof(numkeys), 1 + n);
	argv[0] = "EVAL";
	argv[1] = ANSWER_SCRIPT;
	argv[2] = numkeys;
	argv[3] = r->tasks_key;
	k = 4;
	for (i = 0; i < n; i++) {
		argv[k++] = r->ans[i].reply;
	}
	argv[k++] = s->cfg.backend_queue;
	argv[k++] = r->node;
	for (i = 0; i < n; i++) {
		const answer_t *a = &r->ans[i];
		num_field(nums[4 * i], 24, a->f.task_id);
		num_field(nums[4 * i + 1], 24, a->f.origin_gen);
		num_field(nums[4 * i + 2], 24, a->f.src_worker);
		num_field(nums[4 * i + 3], 24, a->f.flags);
		argv[k++] = a->entry;
		argv[k++] = nums[4 * i];
		argv[k++] = nums[4 * i + 1];
		argv[k++] = nums[4 * i + 2];
		argv[k++] = nums[4 * i + 3];
		argv[k++] = a->payload;
		argv[k++] = a->local ? "1" : "0";
	}
	/* Every argument is a C string but the payloads (binary, their frame's length). */
	for (i = 0; i < argc; i++) {
		lens[i] = i >= argc - 7 * n && (i - (argc - 7 * n)) % 7 == 5 ? r->ans[(i - (argc - 7 * n)) / 7].f.len
			: strlen(argv[i]);
	}
	rep = command(t, argc, argv, lens);
	free(argv);
	free(lens);
	free(nums);
	if (rep == NULL) {
		/* Unreachable, or the script refused (out of memory, READONLY after a failover,
		 * an ACL without +eval...): the answers wait and go again (their tasks stay in
		 * this consumer's pending list, which no lease fails while it lives), and no task
		 * is read meanwhile. Once in the log until they leave. The connection is made
		 * again for the next try (a failover may have moved the master). */
		if (!r->ans_stuck_logged) {
			tasksrv_log(TASKSRV_LOG_WARNING, "task backend: the answers of %d task(s) cannot be sent (%s); they wait, "
				"tried again every %d ms, and no task is read meanwhile", n, r->err, RETRY_MS);
			r->ans_stuck_logged = 1;
		}
		if (r->cmd != NULL) {
			redisFree(r->cmd);
			r->cmd = NULL;
		}
		r->ans_retry_ms = tasksrv_io_now_ms() + RETRY_MS;
		if (r->loop && r->loop->epfd >= 0 && !r->ans_timer) {
			r->ans_timer = tasksrv_loop_timer_add(r->loop, RETRY_MS, answers_wake, t);
		}
		return -1;
	} else {
		if (r->ans_stuck_logged) {
			tasksrv_log(TASKSRV_LOG_NOTICE, "task backend: the answers that waited are sent");
			r->ans_stuck_logged = 0;
		}
		for (i = 0; i < n; i++) {
			if (r->ans[i].entry[0] && rep->type == REDIS_REPLY_ARRAY && (size_t) i < rep->elements
					&& rep->element[i]->type == REDIS_REPLY_INTEGER && rep->element[i]->integer == 0) {
				tasksrv_log(TASKSRV_LOG_WARNING, "task backend: the outcome of task %ld (entry %s) dropped: its "
					"lease expired and it was already failed as worker_died or put back in the queue",
					(long) r->ans[i].f.task_id, r->ans[i].entry);
				count_late(t);
			}
		}
		freeReplyObject(rep);
	}
	r->ans_retry_ms = 0;
	answers_free(r);
	return 0;
}

/* A task worker that stops with its blocking read outstanding: Redis may deliver
 * tasks to it at any moment (they enter this consumer's pending list), reply or not.
 * The read is unblocked (CLIENT UNBLOCK from cmd) and its reply read: nothing, or the
 * tasks delivered before, which join the fetched ones given back. Without CLIENT ID
 * (an ACL without it) the reply is read only if it is already there; a delivery that
 * races with the close then waits for the lease (worker_died). */
static void take_last_read(tasksrv_transport_t *t)
{
	redis_t *r = R(t);
	redisReply *rep;
	void *reply = NULL;
	struct pollfd pfd;
	char id[24];
	const char *argv[] = {"CLIENT", "UNBLOCK", id};
	size_t lens[3];
	int i;

	if (r->rd == NULL || !r->rd_pending || t->srv->role != TASKSRV_ROLE_TASK_WORKER) {
		return;
	}
	if (r->rd_id > 0) {
		num_field(id, sizeof(id), r->rd_id);
		for (i = 0; i < 3; i++) {
			lens[i] = strlen(argv[i]);
		}
		if ((rep = command(t, 3, argv, lens)) == NULL) {
			return;
		}
		freeReplyObject(rep);
	} else {
		pfd.fd = r->rd->fd;
		pfd.events = POLLIN;
		if (poll(&pfd, 1, 0) != 1) {
			return;
		}
	}
	/* The reply comes now (nil when unblocked with nothing delivered). */
	if (redisGetReply(r->rd, &reply) == REDIS_OK && reply != NULL) {
		r->rd_pending = 0;
		if (((redisReply *) reply)->type == REDIS_REPLY_ARRAY) {
			take_read_reply(t, reply);
		}
		freeReplyObject(reply);
	}
}

/* A task worker that exits gives the tasks it fetched and did not start back to the
 * queue (REQUEUE_SCRIPT): another consumer runs them. When that fails (the backend is
 * unreachable), they stay in this consumer's pending list and fail as worker_died once
 * its lease runs out. */
static void requeue_unstarted(tasksrv_transport_t *t)
{
	redis_t *r = R(t);
	tasksrv_server_t *s = t->srv;
	int n = r->in_n - r->in_head, argc = 5 + 11 * n, i, k = 4;
	const char **argv;
	size_t *lens;
	char (*nums)[32];
	redisReply *rep;

	if (n <= 0 || s->role != TASKSRV_ROLE_TASK_WORKER) {
		return;
	}
	argv = malloc(sizeof(*argv) * (size_t) argc);
	lens = malloc(sizeof(*lens) * (size_t) argc);
	nums = malloc(sizeof(*nums) * 5 * (size_t) n);
	if (argv == NULL || lens == NULL || nums == NULL) {
		free(argv);
		free(lens);
		free(nums);
		return;
	}
	argv[0] = "EVAL";
	argv[1] = REQUEUE_SCRIPT;
	argv[2] = "1";
	argv[3] = r->tasks_key;
	argv[k++] = s->cfg.backend_queue;
	for (i = 0; i < n; i++) {
		const inbox_item_t *it = &r->inbox[r->in_head + i];
		size_t len = 0;
		const char *data = s->hooks->payload_data(s, it->handle, &len);
		num_field(nums[5 * i], 32, it->f.task_id);
		num_field(nums[5 * i + 1], 32, it->f.origin_gen);
		num_field(nums[5 * i + 2], 32, it->f.src_worker);
		num_field(nums[5 * i + 3], 32, it->f.flags);
		snprintf(nums[5 * i + 4], 32, "%.6f", it->f.time);
		argv[k] = it->entry;
		lens[k++] = strlen(it->entry);
		argv[k] = nums[5 * i];
		lens[k++] = strlen(nums[5 * i]);
		argv[k] = nums[5 * i + 1];
		lens[k++] = strlen(nums[5 * i + 1]);
		argv[k] = nums[5 * i + 2];
		lens[k++] = strlen(nums[5 * i + 2]);
		argv[k] = nums[5 * i + 3];
		lens[k++] = strlen(nums[5 * i + 3]);
		argv[k] = nums[5 * i + 4];
		lens[k++] = strlen(nums[5 * i + 4]);
		argv[k] = it->reply ? it->reply : "";
		lens[k] = strlen(argv[k]);
		k++;
		argv[k] = data ? data : "";
		lens[k++] = data ? it->f.len : 0;
		argv[k] = it->retries;
		lens[k++] = strlen(it->retries);
		argv[k] = it->tries;
		lens[k++] = strlen(it->tries);
		argv[k] = it->srv;
		lens[k++] = strlen(it->srv);
	}
	for (i = 0; i < 5; i++) {
		lens[i] = strlen(argv[i]);
	}
	rep = command(t, argc, argv, lens);
	if (rep != NULL) {
		tasksrv_log(TASKSRV_LOG_NOTICE, "task backend: %lld task(s) fetched and not started given back to the queue",
			rep->type == REDIS_REPLY_INTEGER ? rep->integer : 0LL);
		freeReplyObject(rep);
		/* They leave this node's ledger as they entered it (take_read_reply). */
		for (i = 0; i < n; i++) {
			TASKSRV_ATOMIC_ADD(&s->shm->workers[s->worker_id].queued, -1);
			TASKSRV_ATOMIC_ADD(&s->shm->task_accepted, -1);
			TASKSRV_ATOMIC_ADD(&s->shm->task_queue_bytes, -(int64_t) r->inbox[r->in_head + i].f.len);
		}
	} else {
		tasksrv_log(TASKSRV_LOG_WARNING, "task backend: %d task(s) fetched and not started cannot be given back "
			"(%s): they fail as worker_died when this consumer's lease runs out", n, r->err);
	}
	free(argv);
	free(lens);
	free(nums);
}
/* }}} */

/* {{{ the ops */
/* 64 random bits naming this process's incarnation (the clock and pid when the
 * kernel has no randomness to give). */
static uint64_t incarnation_nonce(void)
{
	uint64_t v = 0;
	struct timespec ts;

	if (getrandom(&v, sizeof(v), GRND_NONBLOCK) == (ssize_t) sizeof(v)) {
		return v;
	}
	clock_gettime(CLOCK_REALTIME, &ts);
	return ((uint64_t) ts.tv_sec << 32) ^ (uint64_t) ts.tv_nsec ^ ((uint64_t) getpid() << 16);
}

/* The consumer (and alive key) name of task worker pid of this run: HOST:PID:RUN. */
static void consumer_name(const redis_t *r, const tasksrv_server_t *s, pid_t pid, char *out, size_t len)
{
	snprintf(out, len, "%s:%d:%016llx", r->host, (int) pid,
		(unsigned long long) (s->shm ? s->shm->backend_run_id : 0));
}

/* HOST:PID of a consumer name, for messages (the run's part is noise to a reader). */
static const char *consumer_node(const char *consumer, char *out, size_t len)
{
	const char *colon = strrchr(consumer, ':');
	size_t n = colon ? (size_t) (colon - consumer) : strlen(consumer);

	if (colon == NULL || strlen(colon + 1) != 16 || strspn(colon + 1, "0123456789abcdef") != 16) {
		n = strlen(consumer);
	}
	if (n >= len) {
		n = len - 1;
	}
	memcpy(out, consumer, n);
	out[n] = '\0';
	return out;
}

static int redis_open(tasksrv_transport_t *t)
{
	tasksrv_server_t *s = t->srv;
	redis_t *r;
	char host[256];

	if (t->state != NULL) {
		return 0;
	}
	if ((r = calloc(1, sizeof(*r))) == NULL) {
		return -1;
	}
	r->srv = s;
	if (gethostname(host, sizeof(host)) < 0) {
		strcpy(host, "localhost");
	}
	host[sizeof(host) - 1] = '\0';
	snprintf(r->host, sizeof(r->host), "%s", host);
	snprintf(r->node, sizeof(r->node), "%s:%d", host, (int) getpid());
	/* This run of the server (all its processes): the tasks it sends say so (is_ours). */
	if (s->shm && s->shm->backend_run_id == 0) {
		s->shm->backend_run_id = incarnation_nonce() | 1;
	}
	/* The consumer is named after the run as well as the pid: a node restarted with the
	 * same host name and pids (a container restarted) must not renew the lease of its
	 * predecessor's pending tasks, which would then never fail. */
	consumer_name(r, s, getpid(), r->consumer, sizeof(r->consumer));
	snprintf(r->tasks_key, sizeof(r->tasks_key), "%s:tasks", s->cfg.backend_queue);
	/* The reply stream is this incarnation's alone: a process restarted with the same
	 * host name and pid (a container restarted) starts its task ids and generations
	 * from the same numbers again, and must not read the answers to the tasks of the
	 * one before (which nodes still hold and finish). */
	snprintf(r->reply_key, sizeof(r->reply_key), "%s:results:%s:%016llx", s->cfg.backend_queue, r->node,
		(unsigned long long) incarnation_nonce());
	strcpy(r->last_id, "0");
	r->read_count = 1;
	r->pid = getpid();
	t->state = r;
	return 0;
}

static void redis_close(tasksrv_transport_t *t)
{
	redis_t *r = R(t);
	tasksrv_frame_t f;
	void *handle;

	if (r == NULL) {
		return;
	}
	/* What this process still has to send: its batch of tasks, its answers; the tasks
	 * it fetched and did not start go back to the queue. */
	if (r->pid == getpid()) {
		if (r->cmd && r->sent_n > 0) {
			pipe_flush(t);
		}
		if (r->ans_n > 0) {
			r->ans_retry_ms = 0;
			answers_flush(t);
		}
		take_last_read(t);
		requeue_unstarted(t);
	}
	answers_free(r);
	/* The reply stream is this process's alone: it goes with it. */
	if (t->srv->role == TASKSRV_ROLE_WORKER && r->cmd && r->pid == getpid()) {
		freeReplyObject(redisCommand(r->cmd, "DEL %s", r->reply_key));
	}
	/* (A forked child closes its parent's copy after the loop was freed: no timers then.) */
	if (r->loop && r->loop->epfd >= 0) {
		if (r->retry_timer) {
			tasksrv_loop_timer_del(r->loop, r->retry_timer);
		}
		if (r->lease_timer) {
			tasksrv_loop_timer_del(r->loop, r->lease_timer);
		}
		if (r->ans_timer) {
			tasksrv_loop_timer_del(r->loop, r->ans_timer);
		}
		if (r->kick_timer) {
			tasksrv_loop_timer_del(r->loop, r->kick_timer);
		}
		if (r->stats_timer) {
			tasksrv_loop_timer_del(r->loop, r->stats_timer);
		}
	}
	drop_rd(r);
	if (r->cmd) {
		redisFree(r->cmd);
	}
	while (inbox_pop(r, &f, &handle)) {
		t->srv->hooks->payload_free(t->srv, handle);
	}
	free(r->inbox);
	free(r->sent);
	free(r->ans);
	free(r->lost);
	free(r);
	t->state = NULL;
}

/* A task's XADD: its fields and the command's argv (task_backend_max_payload checked
 * first: nothing over it reaches Redis). The sender's retries and its run id (srv: a
 * front's own task workers know its tasks) travel with it. */
#define TASK_ARGC 21
typedef struct {
	char id[24], gen[16], src[16], flags[8], tm[32], retries[24], srv[24];
	const char *argv[TASK_ARGC];
	size_t lens[TASK_ARGC];
} task_xadd_t;

/* 0, or -1 with r->err and errno. */
static int task_xadd(tasksrv_transport_t *t, const tasksrv_frame_t *f, const char *payload, task_xadd_t *x)
{
	redis_t *r = R(t);
	int i;

	if ((int64_t) f->len > t->srv->cfg.backend_max_payload) {
		snprintf(r->err, sizeof(r->err), "the task's data is %lu bytes, over task_backend_max_payload (%lld bytes): "
			"not sent", (unsigned long) f->len, (long long) t->srv->cfg.backend_max_payload);
		errno = EMSGSIZE;
		return -1;
	}
	num_field(x->id, sizeof(x->id), f->task_id);
	num_field(x->gen, sizeof(x->gen), f->origin_gen);
	num_field(x->src, sizeof(x->src), f->src_worker);
	num_field(x->flags, sizeof(x->flags), f->flags);
	snprintf(x->tm, sizeof(x->tm), "%.6f", f->time);
	num_field(x->retries, sizeof(x->retries), t->srv->cfg.backend_retries);
	snprintf(x->srv, sizeof(x->srv), "%016llx", (unsigned long long) t->srv->shm->backend_run_id);
	{
		const char *a[TASK_ARGC] = {"XADD", r->tasks_key, "*", "id", x->id, "gen", x->gen, "src", x->src,
			"flags", x->flags, "time", x->tm, "reply", r->reply_key, "retries", x->retries, "srv", x->srv,
			"payload", payload ? payload : ""};
		for (i = 0; i < TASK_ARGC; i++) {
			x->argv[i] = a[i];
			x->lens[i] = i == TASK_ARGC - 1 ? f->len : strlen(a[i]);
		}
	}
	return 0;
}

/* A task without blocking: appended to the batch, written at the end of this loop
 * turn (redis_flush) or when PIPE_MAX are waiting. Whether the backend is reachable is
 * known here (the connection is made, or was up); what Redis answers to each XADD is
 * known at the flush, and a task it refused gets its failure record (pipe_flush). */
static int redis_send_async(tasksrv_transport_t *t, tasksrv_dest_t dst, tasksrv_frame_t *f, const char *payload)
{
	redis_t *r = R(t);
	task_xadd_t x;

	(void) dst;
	if (r == NULL) {
		errno = EINVAL;
		return -1;
	}
	if (task_xadd(t, f, payload, &x) < 0) {
		return -1;
	}
	/* A batch's first task finds a connection the server closed (Redis restarted):
	 * connect again now, so that task() says at once whether Redis is there. */
	if (r->cmd != NULL && r->sent_n == 0 && stale(r->cmd)) {
		redisFree(r->cmd);
		r->cmd = NULL;
	}
	if (r->cmd == NULL && (r->cmd = connect_ctx(t)) == NULL) {
		return -1;
	}
	if (sent_push(r, f) < 0) {
		errno = ENOMEM;
		return -1;
	}
	if (redisAppendCommandArgv(r->cmd, TASK_ARGC, x.argv, x.lens) != REDIS_OK) {
		r->sent_n--;
		snprintf(r->err, sizeof(r->err), "out of memory");
		errno = ENOMEM;
		return -1;
	}
	/* Only the workers' loops flush once a turn (the idle hooks call redis_flush); a
	 * task from the manager or the master leaves at once. */
	if (r->sent_n >= PIPE_MAX
			|| (t->srv->role != TASKSRV_ROLE_WORKER && t->srv->role != TASKSRV_ROLE_TASK_WORKER)) {
		append_trim(t);
		pipe_flush(t);
	}
	/* The results come to this process's reply stream: watch it (again). */
	arm(t);
	return 0;
}

/* A task a caller waits for (taskwait): after the batch so far (command() writes
 * it first), this XADD on its own, confirmed before the wait starts: a refusal or
 * an unreachable backend is the caller's BackendException, not a failure record. */
static int redis_send_blocking(tasksrv_transport_t *t, tasksrv_dest_t dst, tasksrv_frame_t *f, const char *payload)
{
	redis_t *r = R(t);
	task_xadd_t x;
	redisReply *rep;

	(void) dst;
	if (r == NULL) {
		errno = EINVAL;
		return -1;
	}
	if (task_xadd(t, f, payload, &x) < 0) {
		return -1;
	}
	if ((rep = command(t, TASK_ARGC, x.argv, x.lens)) == NULL) {
		return -1;
	}
	freeReplyObject(rep);
	arm(t);
	return 0;
}

/* An answer over task_backend_max_payload is not sent: the task fails as too_large
 * instead (its last frame), or the result is dropped and logged (one of several). */
static int oversized_answer(tasksrv_transport_t *t, tasksrv_frame_t *f, tasksrv_buffer_t *buf)
{
	tasksrv_failure_t fail;
	char msg[200];

	snprintf(msg, sizeof(msg), "the result of task %ld is %lu bytes, over task_backend_max_payload (%lld bytes): "
		"not sent", (long) f->task_id, (unsigned long) f->len, (long long) t->srv->cfg.backend_max_payload);
	tasksrv_log(TASKSRV_LOG_WARNING, "task backend: %s", msg);
	if (!(f->flags & TASKSRV_FLAG_FINAL)) {
		return -1;
	}
	memset(&fail, 0, sizeof(fail));
	fail.reason = TASKSRV_FAIL_TOO_LARGE;
	fail.worker_id = t->srv->worker_id;
	fail.exit_status = -1;
	fail.message = msg;
	fail.message_len = strlen(msg);
	if (tasksrv_failure_encode(&fail, buf) < 0) {
		return -1;
	}
	f->flags = (uint16_t) ((f->flags & ~(TASKSRV_FLAG_SERIALIZED | TASKSRV_FLAG_NODATA)) | TASKSRV_FLAG_FAILURE);
	f->len = (uint32_t) tasksrv_buffer_size(buf);
	return 0;
}

static int reply_answer(tasksrv_transport_t *t, int reply_to, tasksrv_frame_t *f, const char *payload, int blocking);

static int redis_reply(tasksrv_transport_t *t, int reply_to, tasksrv_frame_t *f, const char *payload, int blocking)
{
	tasksrv_buffer_t buf = {0};
	tasksrv_frame_t big;
	int rc;

	if ((int64_t) f->len <= t->srv->cfg.backend_max_payload) {
		return reply_answer(t, reply_to, f, payload, blocking);
	}
	big = *f;
	if (oversized_answer(t, &big, &buf) < 0) {
		tasksrv_buffer_free(&buf);
		return 0;
	}
	rc = reply_answer(t, reply_to, &big, tasksrv_buffer_head(&buf), blocking);
	tasksrv_buffer_free(&buf);
	return rc;
}

static int reply_answer(tasksrv_transport_t *t, int reply_to, tasksrv_frame_t *f, const char *payload, int blocking)
{
	redis_t *r = R(t);
	tasksrv_failure_t fail;
	int final = (f->flags & TASKSRV_FLAG_FINAL) != 0;

	(void) blocking;
	if (r == NULL || (reply_to != TASKSRV_REDIS_PEER && reply_to != TASKSRV_REDIS_PEER_OWN) || r->cur_reply[0] == '\0') {
		errno = EINVAL;
		return -1;
	}
	/* The last answer takes the task's entry out of the pending list, if this node
	 * still holds it (ANSWER_SCRIPT: the first XACK wins). */
	if (answer_push(r, final ? r->cur_entry : "", f, payload) < 0) {
		tasksrv_log(TASKSRV_LOG_WARNING, "task backend: an answer of task %ld cannot be sent: out of memory",
			(long) f->task_id);
		errno = ENOMEM;
		return -1;
	}
	if (final) {
		r->cur_reply[0] = '\0';
	}
	if (final && (f->flags & TASKSRV_FLAG_FAILURE)) {
		/* Failures are rare and may come from a process about to die (a fatal error):
		 * they leave now, and so do the tasks this process fetched and will not run. */
		answers_flush(t);
		if (tasksrv_failure_decode(&fail, payload, f->len) == 0 && fail.reason == TASKSRV_FAIL_FATAL_ERROR) {
			requeue_unstarted(t);
			while (r->in_head < r->in_n) {
				free(r->inbox[r->in_head].reply);
				t->srv->hooks->payload_free(t->srv, r->inbox[r->in_head].handle);
				r->in_head++;
			}
		}
	} else if (r->ans_n >= ANSWERS_MAX) {
		answers_flush(t);
	}
	return 0;
}

/* After a waiter took its frame: what it read beyond it waits in the inbox, and no read
 * may be outstanding; neither wakes the loop (rd's socket has nothing more to say), so
 * the loop is told with a timer: it hands the inbox out and sends the read again. */
static void kick(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_transport_t *t = ctx;
	redis_t *r = R(t);

	r->kick_timer = 0;
	deliver_inbox(t);
	if (loop->running) {
		arm(t);
	}
}

static void schedule_kick(tasksrv_transport_t *t)
{
	redis_t *r = R(t);

	if (r->loop && r->loop->epfd >= 0 && !r->kick_timer) {
		r->kick_timer = tasksrv_loop_timer_add(r->loop, 0, kick, t);
	}
}

static int redis_next_frame(tasksrv_transport_t *t, int64_t deadline_ms, tasksrv_frame_t *f, int *src, void **handle)
{
	redis_t *r = R(t);
	struct pollfd pfd;
	int64_t now;
	int n;

	if (r == NULL) {
		errno = EINVAL;
		return -1;
	}
	schedule_kick(t);
	/* The tasks of this turn leave before anything waits for answers. */
	pipe_flush(t);
	for (;;) {
		if (inbox_pop(r, f, handle)) {
			*src = TASKSRV_REDIS_PEER;
			return 1;
		}
		if (send_read(t) < 0) {
			return -1;
		}
		now = tasksrv_io_now_ms();
		pfd.fd = r->rd->fd;
		pfd.events = POLLIN;
		n = poll(&pfd, 1, deadline_ms > now ? (int) (deadline_ms - now) : 0);
		if (n < 0) {
			if (errno == EINTR) {
				continue;
			}
			return -1;
		}
		if (n == 0) {
			return 0;
		}
		if (read_rd(t) < 0) {
			return -1;
		}
	}
}

/* Once per loop turn (transport.h): the batch of XADDs leaves (with the trim of the
 * reply stream), a task worker's answers leave, what was read is handed out, and the
 * read is sent again when a waiter took its reply. */
static int redis_flush(tasksrv_transport_t *t)
{
	redis_t *r = R(t);
	int busy = 0, reader;

	if (r == NULL) {
		return 0;
	}
	if (r->sent_n > 0 || r->untrimmed >= 256) {
		append_trim(t);
		pipe_flush(t);
	}
	if (r->ans_n > 0) {
		answers_flush(t);
	}
	if (r->in_head < r->in_n) {
		deliver_inbox(t);
		busy = 1;
	}
	/* (A task worker reads again once its waiting answers left, unless the reader's
	 * retry timer will; an event worker only where a read was going.) */
	reader = t->srv->role == TASKSRV_ROLE_TASK_WORKER ? !r->retry_timer : r->rd != NULL;
	if (reader && !r->rd_pending && r->in_head == r->in_n && r->ans_retry_ms == 0 && r->loop && r->loop->running) {
		arm(t);
	}
	return busy;
}

static int redis_event_fd(tasksrv_transport_t *t)
{
	redis_t *r = R(t);

	return r && r->rd ? r->rd->fd : -1;
}

/* XACK of a task's entry (a reclaimer's): 1 when this process took it out of the
 * pending list (it owns the outcome), 0 when another had taken it, -1 on error. */
static int ack(tasksrv_transport_t *t, const char *entry)
{
	redis_t *r = R(t);
	const char *argv[] = {"XACK", r->tasks_key, t->srv->cfg.backend_queue, entry};
	size_t lens[4];
	redisReply *rep;
	int i, n;

	for (i = 0; i < 4; i++) {
		lens[i] = strlen(argv[i]);
	}
	if ((rep = command(t, 4, argv, lens)) == NULL) {
		return -1;
	}
	n = rep->type == REDIS_REPLY_INTEGER && rep->integer > 0;
	freeReplyObject(rep);
	return n;
}

/* XADD of an answer (a reclaimer's failure record) to reply stream key. */
static int add_answer(tasksrv_transport_t *t, const char *key, const tasksrv_frame_t *f, const char *node,
	const char *payload)
{
	char id[24], gen[16], src[16], flags[8];
	redisReply *rep;
	size_t lens[15];
	int i;
	const char *argv[] = {"XADD", key, "*", "id", id, "gen", gen, "src", src, "flags", flags,
		"node", node, "payload", payload ? payload : ""};

	num_field(id, sizeof(id), f->task_id);
	num_field(gen, sizeof(gen), f->origin_gen);
	num_field(src, sizeof(src), f->src_worker);
	num_field(flags, sizeof(flags), f->flags);
	for (i = 0; i < 15; i++) {
		lens[i] = i == 14 ? f->len : strlen(argv[i]);
	}
	if ((rep = command(t, 15, argv, lens)) == NULL) {
		return -1;
	}
	freeReplyObject(rep);
	return 0;
}

/* {{{ leases: a node's manager says its task workers live; a front fails the tasks of
 * the ones that stopped saying so */
/* The key that says consumer host:pid lives (it expires after the lease). */
static void alive_key(const redis_t *r, const tasksrv_config_t *cfg, const char *consumer, char *out, size_t len)
{
	snprintf(out, len, "%s:alive:%s", cfg->backend_queue, consumer);
}

static int set_alive(tasksrv_transport_t *t, const char *consumer)
{
	redis_t *r = R(t);
	char key[600], px[24];
	const char *argv[] = {"SET", key, "1", "PX", px};
	size_t lens[5];
	redisReply *rep;
	int i;

	alive_key(r, &t->srv->cfg, consumer, key, sizeof(key));
	num_field(px, sizeof(px), t->srv->cfg.backend_lease_ms);
	for (i = 0; i < 5; i++) {
		lens[i] = strlen(argv[i]);
	}
	if ((rep = command(t, 5, argv, lens)) == NULL) {
		return -1;
	}
	freeReplyObject(rep);
	return 0;
}

static int lease_interval(const tasksrv_server_t *s)
{
	int ms = s->cfg.backend_lease_ms / 3;

	return ms < 50 ? 50 : ms;
}

/* A node's manager, three times a lease: each live task worker's key is renewed, so
 * its running task keeps its lease however long it runs; a dead one's expires. */
static void heartbeat(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_transport_t *t = ctx;
	redis_t *r = R(t);
	tasksrv_server_t *s = t->srv;
	char consumer[300];
	int i, w = s->cfg.worker_num;

	for (i = w; background_ready(r) && i < w + s->cfg.task_worker_num; i++) {
		if (s->manager.pids && s->manager.pids[i] > 0) {
			consumer_name(r, s, s->manager.pids[i], consumer, sizeof(consumer));
			if (set_alive(t, consumer) < 0) {
				break;
			}
		}
	}
	r->lease_timer = tasksrv_loop_timer_add(loop, lease_interval(s), heartbeat, t);
}

/* task_backend_retries (the sender's, in the entry): a task whose node died goes back
 * to the queue as a new entry with one more try, up to the count; any node runs it
 * again (at-least-once: the first node may have done part or all of its work).
 * Returns 0 when it went back, -1 when it fails instead. */
static int requeue(tasksrv_transport_t *t, const redisReply *e, const tasksrv_frame_t *task, const char *consumer)
{
	redis_t *r = R(t);
	const redisReply *fields = e->element[1];
	const char *argv[48];
	size_t lens[48], i;
	char tries[24], node[300];
	int ok = 1, n = 0, had_tries = 0;
	long long done = field_num(fields, "tries", &ok), max;
	redisReply *rep;

	ok = 1;
	max = field_num(fields, "retries", &ok);
	if (!ok || done >= max || fields->elements + 5 > 48) {
		return -1;
	}
	num_field(tries, sizeof(tries), done + 1);
	argv[n] = "XADD";
	lens[n++] = 4;
	argv[n] = r->tasks_key;
	lens[n++] = strlen(r->tasks_key);
	argv[n] = "*";
	lens[n++] = 1;
	for (i = 0; i + 1 < fields->elements; i += 2) {
		const redisReply *k = fields->element[i], *v = fields->element[i + 1];
		if (k->type != REDIS_REPLY_STRING || v->type != REDIS_REPLY_STRING) {
			return -1;
		}
		argv[n] = k->str;
		lens[n++] = k->len;
		if (strcmp(k->str, "tries") == 0) {
			had_tries = 1;
			argv[n] = tries;
			lens[n++] = strlen(tries);
		} else {
			argv[n] = v->str;
			lens[n++] = v->len;
		}
	}
	if (!had_tries) {
		argv[n] = "tries";
		lens[n++] = 5;
		argv[n] = tries;
		lens[n++] = strlen(tries);
	}
	if ((rep = command(t, n, argv, lens)) == NULL) {
		tasksrv_log(TASKSRV_LOG_WARNING, "task backend: task %ld cannot go back to the queue (%s)",
			(long) task->task_id, r->err);
		return -1;
	}
	freeReplyObject(rep);
	count_queue(t, "retried");
	tasksrv_log(TASKSRV_LOG_WARNING, "task backend: task %ld: its node (%s) stopped renewing its lease while running "
		"it; put back in the queue (try %lld of %lld, task_backend_retries)", (long) task->task_id,
		consumer_node(consumer, node, sizeof(node)), done + 2, max + 1);
	return 0;
}

/* Fails one task whose node stopped renewing its lease: claims the entry (the claim
 * resets its idle time, so other reclaimers pass), takes it out of the pending list
 * (the first to do so tells the outcome: see redis_reply) and writes the failure to
 * the reply stream the task named. */
static void reclaim_entry(tasksrv_transport_t *t, const char *entry, const char *consumer)
{
	redis_t *r = R(t);
	tasksrv_server_t *s = t->srv;
	char idle[24], msg[700], node[300];
	const char *argv[] = {"XCLAIM", r->tasks_key, s->cfg.backend_queue, r->consumer, idle, entry};
	size_t lens[6];
	redisReply *rep;
	tasksrv_frame_t task, f;
	tasksrv_failure_t fail;
	tasksrv_buffer_t buf = {0};
	const redisReply *e, *reply;
	void *handle;
	int i, ok;

	num_field(idle, sizeof(idle), s->cfg.backend_lease_ms);
	for (i = 0; i < 6; i++) {
		lens[i] = strlen(argv[i]);
	}
	if ((rep = command(t, 6, argv, lens)) == NULL) {
		return;
	}
	/* Claimed by another reclaimer meanwhile: nothing comes back. */
	if (rep->type != REDIS_REPLY_ARRAY || rep->elements != 1) {
		freeReplyObject(rep);
		return;
	}
	e = rep->element[0];
	ok = entry_frame(t, e, TASKSRV_FRAME_TASK, &task, &handle) == 0;
	if (ok) {
		s->hooks->payload_free(s, handle);
	}
	reply = ok ? field(e->element[1], "reply") : NULL;
	if (ack(t, entry) != 1 || reply == NULL) {
		freeReplyObject(rep);
		return;
	}
	if (requeue(t, e, &task, consumer) == 0) {
		freeReplyObject(rep);
		return;
	}
	snprintf(msg, sizeof(msg), "task %ld: its node (%s) stopped renewing its lease (task_backend_lease = %d s) while "
		"running it: the node died or lost the task backend", (long) task.task_id,
		consumer_node(consumer, node, sizeof(node)), s->cfg.backend_lease_ms / 1000);
	memset(&fail, 0, sizeof(fail));
	fail.reason = TASKSRV_FAIL_WORKER_DIED;
	fail.worker_id = task.src_worker;
	fail.exit_status = -1;
	fail.message = msg;
	fail.message_len = strlen(msg);
	if (tasksrv_failure_encode(&fail, &buf) == 0) {
		tasksrv_frame_result(&f, &task, -1, TASKSRV_FLAG_FAILURE | TASKSRV_FLAG_FINAL,
			(uint32_t) tasksrv_buffer_size(&buf));
		if (add_answer(t, reply->str, &f, node, tasksrv_buffer_head(&buf)) == 0) {
			tasksrv_log(TASKSRV_LOG_WARNING, "task backend: %s; failed as worker_died", msg);
		}
	}
	tasksrv_buffer_free(&buf);
	freeReplyObject(rep);
}

static void forget_consumers(tasksrv_transport_t *t);

/* A front's event worker, three times a lease: the entries idle past the lease whose
 * consumer's key has expired are failed (any front may do it for any other: the
 * failure goes to the reply stream the task named). */
static void reclaim(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_transport_t *t = ctx;
	redis_t *r = R(t);
	tasksrv_server_t *s = t->srv;
	char idle[24], key[600];
	const char *argv[] = {"XPENDING", r->tasks_key, s->cfg.backend_queue, "IDLE", idle, "-", "+", "32"};
	size_t lens[8];
	redisReply *rep, *ex;
	size_t i;
	int j;

	r->lease_timer = 0;
	num_field(idle, sizeof(idle), s->cfg.backend_lease_ms);
	for (j = 0; j < 8; j++) {
		lens[j] = strlen(argv[j]);
	}
	/* Only on a live connection (made by a task sent): a timer never waits for a
	 * connect on an unreachable backend. (No group yet: nothing is pending.) */
	if (background_ready(r) && tasksrv_io_now_ms() >= r->reclaim_from_ms && (rep = command(t, 8, argv, lens)) != NULL) {
		for (i = 0; rep->type == REDIS_REPLY_ARRAY && i < rep->elements; i++) {
			const redisReply *p = rep->element[i];
			const char *eargv[2];
			size_t elens[2];
			if (p->type != REDIS_REPLY_ARRAY || p->elements < 2 || p->element[0]->type != REDIS_REPLY_STRING
					|| p->element[1]->type != REDIS_REPLY_STRING) {
				continue;
			}
			alive_key(r, &s->cfg, p->element[1]->str, key, sizeof(key));
			eargv[0] = "EXISTS";
			eargv[1] = key;
			elens[0] = 6;
			elens[1] = strlen(key);
			if ((ex = command(t, 2, eargv, elens)) == NULL) {
				break;
			}
			if (ex->type == REDIS_REPLY_INTEGER && ex->integer == 0) {
				reclaim_entry(t, p->element[0]->str, p->element[1]->str);
			}
			freeReplyObject(ex);
		}
		freeReplyObject(rep);
		forget_consumers(t);
	}
	r->lease_timer = tasksrv_loop_timer_add(loop, lease_interval(s), reclaim, t);
}
/* }}} */

/* {{{ the queue across hosts, for stats() */
static long long map_num(const redisReply *map, const char *name, long long dflt)
{
	const redisReply *v = field(map, name);

	if (v == NULL) {
		return dflt;
	}
	return v->type == REDIS_REPLY_INTEGER ? v->integer : v->type == REDIS_REPLY_STRING ? strtoll(v->str, NULL, 10) : dflt;
}

static redisReply *simple(tasksrv_transport_t *t, const char *a, const char *b, const char *c)
{
	const char *argv[] = {a, b, c};
	size_t lens[] = {strlen(a), strlen(b), c ? strlen(c) : 0};

	return command(t, c ? 3 : 2, argv, lens);
}

/* Event worker 0, once a second: XLEN, XINFO GROUPS (pending, consumers, lag) and the
 * queue's counters, into shared memory for every process's stats(). */
static void refresh_stats(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_transport_t *t = ctx;
	redis_t *r = R(t);
	tasksrv_shm_t *shm = t->srv->shm;
	char late[160], retried[160];
	redisReply *rep;
	size_t i;

	r->stats_timer = tasksrv_loop_timer_add(loop, STATS_MS, refresh_stats, t);
	if (!background_ready(r) || (rep = simple(t, "XLEN", r->tasks_key, NULL)) == NULL) {
		return;
	}
	TASKSRV_ATOMIC_STORE(&shm->backend_stream_length, rep->type == REDIS_REPLY_INTEGER ? rep->integer : 0);
	freeReplyObject(rep);
	if ((rep = simple(t, "XINFO", "GROUPS", r->tasks_key)) != NULL) {
		for (i = 0; rep->type == REDIS_REPLY_ARRAY && i < rep->elements; i++) {
			const redisReply *g = rep->element[i], *name = g->type == REDIS_REPLY_ARRAY ? field(g, "name") : NULL;
			if (name == NULL || name->type != REDIS_REPLY_STRING || strcmp(name->str, t->srv->cfg.backend_queue) != 0) {
				continue;
			}
			TASKSRV_ATOMIC_STORE(&shm->backend_pending, map_num(g, "pending", 0));
			TASKSRV_ATOMIC_STORE(&shm->backend_consumers, map_num(g, "consumers", 0));
			/* lag (Redis 7): entries not yet delivered to the group */
			TASKSRV_ATOMIC_STORE(&shm->backend_waiting, map_num(g, "lag", -1));
		}
		freeReplyObject(rep);
	}
	snprintf(late, sizeof(late), "%s:late", t->srv->cfg.backend_queue);
	snprintf(retried, sizeof(retried), "%s:retried", t->srv->cfg.backend_queue);
	if ((rep = simple(t, "MGET", late, retried)) != NULL) {
		if (rep->type == REDIS_REPLY_ARRAY && rep->elements == 2) {
			TASKSRV_ATOMIC_STORE(&shm->backend_late_results, rep->element[0]->type == REDIS_REPLY_STRING
				? strtoll(rep->element[0]->str, NULL, 10) : 0);
			TASKSRV_ATOMIC_STORE(&shm->backend_retried, rep->element[1]->type == REDIS_REPLY_STRING
				? strtoll(rep->element[1]->str, NULL, 10) : 0);
		}
		freeReplyObject(rep);
	}
}

/* With each reclaim: consumers of the group that hold nothing, were idle past the lease
 * and whose key expired (task workers gone) are deleted, so that the consumer count is
 * that of the live ones. */
static void forget_consumers(tasksrv_transport_t *t)
{
	redis_t *r = R(t);
	const tasksrv_config_t *cfg = &t->srv->cfg;
	char key[600];
	redisReply *rep, *ex;
	size_t i;
	const char *argv[] = {"XINFO", "CONSUMERS", r->tasks_key, cfg->backend_queue};
	size_t lens[] = {5, 9, strlen(r->tasks_key), strlen(cfg->backend_queue)};

	if ((rep = command(t, 4, argv, lens)) == NULL) {
		return;
	}
	for (i = 0; rep->type == REDIS_REPLY_ARRAY && i < rep->elements; i++) {
		const redisReply *c = rep->element[i], *name = c->type == REDIS_REPLY_ARRAY ? field(c, "name") : NULL;
		if (name == NULL || name->type != REDIS_REPLY_STRING || map_num(c, "pending", 1) != 0
				|| map_num(c, "idle", 0) < cfg->backend_lease_ms) {
			continue;
		}
		alive_key(r, cfg, name->str, key, sizeof(key));
		if ((ex = simple(t, "EXISTS", key, NULL)) == NULL) {
			break;
		}
		if (ex->type == REDIS_REPLY_INTEGER && ex->integer == 0) {
			const char *dargv[] = {"XGROUP", "DELCONSUMER", r->tasks_key, cfg->backend_queue, name->str};
			size_t dlens[] = {6, 11, strlen(r->tasks_key), strlen(cfg->backend_queue), name->len};
			redisReply *d = command(t, 5, dargv, dlens);
			if (d) {
				freeReplyObject(d);
			}
		}
		freeReplyObject(ex);
	}
	freeReplyObject(rep);
}
/* }}} */

static void redis_watch(tasksrv_transport_t *t, tasksrv_loop_t *loop)
{
	redis_t *r = R(t);
	tasksrv_server_t *s = t->srv;

	if (r == NULL) {
		return;
	}
	r->loop = loop;
	/* One line a process when the backend goes and comes back: from a front's event
	 * workers and from task workers; a node's manager and its idle event worker (no
	 * listener) would only repeat its task workers. */
	r->quiet = s->role == TASKSRV_ROLE_MANAGER || (s->role == TASKSRV_ROLE_WORKER && s->ports.n == 0);
	/* A task worker reads tasks from the start (and says it lives until the manager's
	 * first heartbeat); an event worker reads results once it sent a task, and fails
	 * the tasks of nodes gone; a node's manager renews its task workers' leases. */
	if (s->role == TASKSRV_ROLE_TASK_WORKER) {
		set_alive(t, r->consumer);
		arm(t);
	} else if (s->role == TASKSRV_ROLE_WORKER) {
		r->lease_timer = tasksrv_loop_timer_add(loop, lease_interval(s), reclaim, t);
		if (s->worker_id == 0) {
			refresh_stats(loop, t);
		}
	} else if (s->role == TASKSRV_ROLE_MANAGER && s->cfg.task_worker_num > 0) {
		heartbeat(loop, t);
	}
}

static const tasksrv_transport_ops_t redis_ops = {
	.name = "redis",
	.remote = 1,
	.open = redis_open,
	.close = redis_close,
	.send_async = redis_send_async,
	.send_blocking = redis_send_blocking,
	.reply = redis_reply,
	.next_frame = redis_next_frame,
	.event_fd = redis_event_fd,
	.watch = redis_watch,
	.flush = redis_flush,
};
/* }}} */

int tasksrv_transport_redis_built(void)
{
	return 1;
}

const tasksrv_transport_ops_t *tasksrv_transport_redis_ops(void)
{
	return &redis_ops;
}

const char *tasksrv_transport_redis_error(const tasksrv_transport_t *t)
{
	return t->state ? R(t)->err : "";
}

#endif
