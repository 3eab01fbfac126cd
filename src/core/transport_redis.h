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

/* Parses "redis://HOST:PORT[/DB]" into host (hostlen bytes), *port and *db. Returns 0,
 * or -1 with the reason in err. */
int tasksrv_transport_redis_parse_url(const char *url, char *host, size_t hostlen, int *port, int *db,
	char *err, size_t errlen);

/* Whether this build has the backend (hiredis). */
int tasksrv_transport_redis_built(void);

/* The ops table (NULL in a build without hiredis). */
const tasksrv_transport_ops_t *tasksrv_transport_redis_ops(void);

/* The cause of the last failure of this process's backend calls ("" when none). */
const char *tasksrv_transport_redis_error(const tasksrv_transport_t *t);

#endif
