/* tasksrv: set(['metrics_listen' => 'HOST:PORT']): GET /metrics answered by the
 * process that never runs PHP callbacks for clients (the manager in BASE mode, the
 * master in PROCESS mode), so a scrape answers while every worker is busy.
 *
 * It is a small HTTP/1.1 server on the core's loop and the core's parser
 * (http_parser.c): GET or HEAD /metrics (any query) gets the OpenMetrics text,
 * another path 404, another method 405, bad input the parser's status and a close.
 * Keep-alive and pipelining work (answers in order). A client cannot hold the
 * process: sockets are non-blocking; a request must be whole (head and body)
 * TASKSRV_METRICS_LISTEN_TIMEOUT_MS after its first byte (else 408 and a close); a
 * connection idle for TASKSRV_METRICS_LISTEN_IDLE_MS between requests is closed;
 * the input is capped; a connection whose answers the client does not read is not
 * read either; at most TASKSRV_METRICS_LISTEN_MAX_CONN connections are open: one
 * more closes the longest idle one, or is closed at once when none is idle. */
#ifndef TASKSRV_METRICS_LISTEN_H
#define TASKSRV_METRICS_LISTEN_H

#include <stddef.h>

#include "buffer.h"
#include "loop.h"
#include "state.h"

#define TASKSRV_METRICS_LISTEN_TIMEOUT_MS 5000
#define TASKSRV_METRICS_LISTEN_IDLE_MS 60000
#define TASKSRV_METRICS_LISTEN_MAX_CONN 32
#define TASKSRV_METRICS_LISTEN_MAX_HEAD 8192   /* request line and headers (431/414 beyond) */
#define TASKSRV_METRICS_LISTEN_MAX_BODY 4096   /* a body nobody reads (413 beyond) */

/* Parses "HOST:PORT" (HOST an IPv4 address, or an IPv6 one in brackets; PORT 1 to
 * 65535: a scraper must know it, so 0 is refused). Returns 0, or -1 with the reason
 * in err ("must be ..."). */
int tasksrv_metrics_listen_parse(const char *spec, char *host, size_t hostlen, int *port, char *err, size_t errlen);
/* At start(), in the process that will answer, before it forks: binds and listens
 * on s->cfg.metrics_host:metrics_port; GET /metrics answers what s->cfg.metrics_scrape
 * appends. Every process forked afterwards drops the
 * socket and the connections (an atfork handler). Returns 0, or -1 with err. */
int tasksrv_metrics_listen_open(tasksrv_server_t *s, char *err, size_t errlen);
/* The answering process: accepts on loop from now on (nothing when not open). */
void tasksrv_metrics_listen_watch(tasksrv_loop_t *loop);
/* End of the run: closes the socket and every connection. */
void tasksrv_metrics_listen_close(void);

#endif
