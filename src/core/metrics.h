/* tasksrv: the server's counters as OpenMetrics text (stats(TaskSrv\Server::STATS_OPENMETRICS)):
 * the task ledger (accepted, done, failed by reason, queued, running, rejected), workers
 * and task workers by state, connections, requests and bytes, and each process's
 * resident memory (read from /proc). Names start with "tasksrv_"; the text ends with
 * "# EOF". Zend-free: any process of the server can make it. */
#ifndef TASKSRV_METRICS_H
#define TASKSRV_METRICS_H

#include "buffer.h"
#include "server.h"

/* Appends the exposition of st (one reading of s's counters) to out. Returns 0, or -1
 * when memory runs out. */
int tasksrv_metrics_format(const tasksrv_server_t *s, const tasksrv_stats_t *st, const char *version,
	tasksrv_buffer_t *out);
/* The same from a fresh reading of s's counters (metrics_listen's GET /metrics, through
 * s->cfg.metrics_scrape), with s->cfg.metrics_version. Returns 0 or -1. */
int tasksrv_metrics_scrape(const tasksrv_server_t *s, tasksrv_buffer_t *out);

#endif
