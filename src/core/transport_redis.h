/* tasksrv: the Redis Streams task transport (transport_redis.c, docs/distributed.md).
 * Built only with hiredis (TASKSRV_HAVE_REDIS); the URL parser is always there so the
 * glue can validate task_backend the same way in every build. */
#ifndef TASKSRV_TRANSPORT_REDIS_H
#define TASKSRV_TRANSPORT_REDIS_H

#include <stddef.h>

#include "transport.h"

/* The reply_to of a task that came from Redis: its answers go to the reply stream the
 * task named, not to a channel of this process tree. */
#define TASKSRV_REDIS_PEER 0x7ffffff0
/* The same for a task this very server sent (a front's own task worker took it from
 * the queue): its sender books its outcome, also when the task worker dies (the
 * reclaim's failure record reaches it), so the manager books nothing for it. */
#define TASKSRV_REDIS_PEER_OWN 0x7ffffff1

/* A task_backend URL, parsed. */
typedef struct {
	char host[256];      /* the TCP host, or the socket path (unix_socket) */
	char user[128];      /* ACL user ("" with a password alone: requirepass) */
	char pass[256];      /* "" when none (never printed: see describe) */
	int port, db;
	int unix_socket;     /* redis+unix:// */
	int tls;             /* rediss:// */
} tasksrv_redis_url_t;

/* Parses redis://[[USER]:PASSWORD@]HOST:PORT[/DB], rediss://... (TLS) or
 * redis+unix://[[USER]:PASSWORD@]/PATH[?db=N] (user and password %XX-decoded) into *u.
 * Returns 0, or -1 with the reason in err (which never quotes the password). */
int tasksrv_transport_redis_parse_url(const char *url, tasksrv_redis_url_t *u, char *err, size_t errlen);

/* The URL for logs and errors, its password shown as ***. */
void tasksrv_transport_redis_describe(const tasksrv_redis_url_t *u, char *out, size_t len);

/* Whether this build's hiredis has TLS (hiredis_ssl: rediss://). */
int tasksrv_transport_redis_tls_built(void);

/* Whether this build has the backend (hiredis). */
int tasksrv_transport_redis_built(void);

/* The ops table (NULL in a build without hiredis). */
const tasksrv_transport_ops_t *tasksrv_transport_redis_ops(void);

/* The cause of the last failure of this process's backend calls ("" when none). */
const char *tasksrv_transport_redis_error(const tasksrv_transport_t *t);

#endif
