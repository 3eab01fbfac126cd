/* tasksrv: the client connections of the process that holds their sockets: a
 * SWOOLE_BASE event worker (its own connections) or the SWOOLE_PROCESS master (all of
 * them). One table by OS fd, and the mechanics both share: accept, read and framing,
 * queued output with its flush and watermarks, pause/resume, close, the heartbeat's
 * idle scan. What differs (where a packet goes, who hears of a close) is the owner's:
 * a tasksrv_conn_ops_t in s->conn_ops. */
#ifndef TASKSRV_CONN_H
#define TASKSRV_CONN_H

#include "state.h"

struct tasksrv_conn {
	tasksrv_loop_handler_t h;
	tasksrv_server_t *srv;
	int64_t session;
	int fd;               /* -1: slot unused */
	int port;             /* index of the listener that accepted it */
	int worker;           /* PROCESS, dispatch modes 2 and 4: the worker of all its events */
	int closing;          /* closed, waiting for its output to drain: input ignored */
	int paused;           /* pause(): not read until resume() */
	int full;             /* BufferFull was reported; BufferEmpty is due when the output drains */
	int rd_closed;        /* the client half-closed: no more input, output still goes out */
	int held;             /* PROCESS: not read while the channel to its worker is backed up */
	int eof_wait;         /* PROCESS: workers yet to answer the half-close (EOF_ACK) */
	uint64_t dispatched;  /* PROCESS: the workers (bit id % 64) that got packets of it */
	tasksrv_protocol_state_t framing; /* progress on the packet being received */
	tasksrv_http_parser_t *http;      /* an HTTP port's: the request being received */
	struct tasksrv_http_upload *upload; /* its multipart body being decoded, or NULL */
	double http_since;                /* unix time its head began to arrive; 0: none pending */
	/* A static file going out (src/core/http_static.c): once the first file_mark bytes
	 * of out are written, file_left bytes of file_fd from file_off (sendfile(2)); what
	 * is queued after them follows. No request is read meanwhile. file_left 0: none. */
	int file_fd;
	int64_t file_off;
	int64_t file_left;
	size_t file_mark;
	tasksrv_buffer_t in;
	tasksrv_buffer_t out;
};

/* The owner's part. Each may run PHP (and so close connections, or exit()). */
struct tasksrv_conn_ops {
	/* c was accepted, is in the table and watched. */
	void (*accepted)(tasksrv_server_t *s, tasksrv_conn_t *c);
	/* The next complete packet, len bytes at data: the start of c->in (consumed
	 * afterwards), or on an HTTP port a request's blob (src/core/http.h). */
	void (*packet)(tasksrv_server_t *s, tasksrv_conn_t *c, const char *data, size_t len);
	/* The session has ended (its id is dead already), its socket is still open. */
	void (*closed)(tasksrv_server_t *s, tasksrv_conn_t *c, int64_t session, int reactor_id);
	/* The queued output reached the high watermark (full 1), or drained to the low one (0). */
	void (*watermark)(tasksrv_server_t *s, tasksrv_conn_t *c, int full);
	/* Optional. The client half-closed (end of input): 1 when the owner ends the
	 * connection itself later (its replies still in flight), 0 to end it now. */
	int (*half_closed)(tasksrv_server_t *s, tasksrv_conn_t *c);
};

/* The reactor id of this process's connections: the master is reactor 0 (tasksrv has
 * no reactor threads); a BASE event worker is its own reactor. */
static inline int tasksrv_conn_reactor(const tasksrv_server_t *s)
{
	return s->role == TASKSRV_ROLE_MASTER ? 0 : s->worker_id;
}

/* The loop handler of a listening stream port (h->ctx: the listener). */
void tasksrv_conn_on_accept(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, uint32_t events);
/* The open connection on os_fd if it is still session's (it may be closing), or NULL. */
tasksrv_conn_t *tasksrv_conn_find(tasksrv_server_t *s, int64_t session, int os_fd);
/* Writes now if nothing is queued, queues what the socket refuses and watches for
 * writability. Returns 0 (all written), 1 (some queued), -1 (socket error, no room). */
int tasksrv_conn_write(tasksrv_server_t *s, tasksrv_conn_t *c, const char *data, size_t len);
/* Blocks until everything queued for c is written (sendwait()): 0, or -1 when the
 * socket fails. c must not be closing. */
int tasksrv_conn_drain_wait(tasksrv_server_t *s, tasksrv_conn_t *c);
/* Tells the owner that the output crossed a watermark (below). */
void tasksrv_conn_crossed(tasksrv_server_t *s, tasksrv_conn_t *c, int full);
/* BufferFull when the queued output reaches buffer_high_watermark; BufferEmpty when,
 * after that, it drains to buffer_low_watermark (only checked with may_drain: the
 * output may have shrunk). Inline: send() checks it every time. */
static inline void tasksrv_conn_watermarks(tasksrv_server_t *s, tasksrv_conn_t *c, int may_drain)
{
	size_t queued = tasksrv_buffer_size(&c->out);

	if (!c->full && queued > 0 && queued >= s->cfg.buffer_high_watermark) {
		tasksrv_conn_crossed(s, c, 1);
	} else if (may_drain && c->full && queued <= s->cfg.buffer_low_watermark) {
		tasksrv_conn_crossed(s, c, 0);
	}
}
void tasksrv_conn_pause(tasksrv_server_t *s, tasksrv_conn_t *c, int paused);
/* Back-pressure (not the user's pause()): a held connection is not read. */
void tasksrv_conn_hold(tasksrv_server_t *s, tasksrv_conn_t *c, int held);
/* Ends a connection: the session id dies, the owner's closed() runs, then the socket is
 * released, or (reactor_id -1: close() asked for it, output queued) after the drain. */
void tasksrv_conn_end(tasksrv_server_t *s, tasksrv_conn_t *c, int reactor_id);
/* Publishes the queue sizes in the session, for getClientInfo() in other processes.
 * Inline: an event worker's send() does it every time. */
static inline void tasksrv_conn_queued(tasksrv_server_t *s, tasksrv_conn_t *c)
{
	tasksrv_session_t *sess = c->fd >= 0 ? tasksrv_shm_session_get(s->shm, c->session) : NULL;

	if (sess) {
		sess->recv_queued_bytes = (int64_t) tasksrv_buffer_size(&c->in);
		sess->send_queued_bytes = (int64_t) tasksrv_buffer_size(&c->out);
	}
}
/* heartbeat_check_interval: the timer that closes idle connections (if configured); on
 * HTTP ports, http_header_timeout's timer. */
void tasksrv_conn_heartbeat_start(tasksrv_server_t *s);
/* How many connections still have output the socket has not taken. */
int tasksrv_conn_unsent(tasksrv_server_t *s);
/* At the end: every connection closes after one last try at its output; notify 0 ends
 * the sessions without closed() (nobody is left to hear of them). */
void tasksrv_conn_close_all(tasksrv_server_t *s, int notify);
/* Frees the table (after the loop). */
void tasksrv_conn_free_all(tasksrv_server_t *s);

#endif
