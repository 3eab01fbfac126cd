/* tasksrv: OpenMetrics text of the server's counters (see metrics.h). */
#include "metrics.h"
#include "failure.h"
#include "shm.h"
#include "userproc.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

typedef struct {
	tasksrv_buffer_t *out;
	int failed;
} writer_t;

#define put(w, ...) \
	do { \
		if (tasksrv_buffer_appendf((w)->out, __VA_ARGS__) < 0) { \
			(w)->failed = 1; \
		} \
	} while (0)

/* A metric family's metadata. */
static void family(writer_t *w, const char *name, const char *type, const char *help)
{
	put(w, "# TYPE tasksrv_%s %s\n# HELP tasksrv_%s %s\n", name, type, name, help);
	/* OpenMetrics: a family whose name ends with a unit says so (the name must end with it). */
	if (strcmp(name + (strlen(name) > 8 ? strlen(name) - 8 : 0), "_seconds") == 0) {
		put(w, "# UNIT tasksrv_%s seconds\n", name);
	} else if (strcmp(name + (strlen(name) > 6 ? strlen(name) - 6 : 0), "_bytes") == 0) {
		put(w, "# UNIT tasksrv_%s bytes\n", name);
	}
}

static void counter(writer_t *w, const char *name, const char *help, int64_t v)
{
	family(w, name, "counter", help);
	put(w, "tasksrv_%s_total %lld\n", name, (long long) v);
}

static void gauge(writer_t *w, const char *name, const char *help, int64_t v)
{
	family(w, name, "gauge", help);
	put(w, "tasksrv_%s %lld\n", name, (long long) v);
}

/* Resident memory of pid in bytes, -1 when it cannot be read. */
static int64_t rss_of(int pid)
{
	char path[64];
	long pages = 0, resident = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/statm", pid);
	if ((f = fopen(path, "r")) == NULL) {
		return -1;
	}
	if (fscanf(f, "%ld %ld", &pages, &resident) != 2) {
		resident = -1;
	}
	fclose(f);
	return resident < 0 ? -1 : (int64_t) resident * sysconf(_SC_PAGESIZE);
}

static void workers_by_state(writer_t *w, const tasksrv_server_t *s)
{
	static const char *const state_names[] = {
		[TASKSRV_WORKER_BUSY] = "busy",
		[TASKSRV_WORKER_IDLE] = "idle",
		[TASKSRV_WORKER_EXIT] = "exiting",
	};
	int count[2][4] = {{0}};
	int i, kind, st;

	for (i = 0; i < s->cfg.worker_num + s->cfg.task_worker_num && (uint32_t) i < s->shm->nworkers; i++) {
		st = TASKSRV_ATOMIC_LOAD(&s->shm->workers[i].status);
		kind = i >= s->cfg.worker_num;
		count[kind][st >= 1 && st <= 3 ? st : TASKSRV_WORKER_IDLE]++;
	}
	family(w, "workers", "gauge", "Event workers (kind=\"worker\") and task workers (kind=\"task_worker\") by state.");
	for (kind = 0; kind < 2; kind++) {
		if (kind == 1 && s->cfg.task_worker_num == 0) {
			break;
		}
		for (st = 1; st <= 3; st++) {
			put(w, "tasksrv_workers{kind=\"%s\",state=\"%s\"} %d\n", kind ? "task_worker" : "worker",
				state_names[st], count[kind][st]);
		}
	}
}

static const char *const kind_names[TASKSRV_SHM_KINDS] = {
	[TASKSRV_SHM_WORKER] = "worker",
	[TASKSRV_SHM_TASK_WORKER] = "task_worker",
	[TASKSRV_SHM_USER_PROCESS] = "user_process",
};

/* Restarts by the manager, and the exits that were not clean, by kind of process. */
static void respawns(writer_t *w, const tasksrv_server_t *s)
{
	int k;

	family(w, "respawns", "counter", "Processes the manager started again (after a death, a reload, max_request), by kind.");
	for (k = 0; k < TASKSRV_SHM_KINDS; k++) {
		put(w, "tasksrv_respawns_total{kind=\"%s\"} %lld\n", kind_names[k],
			(long long) TASKSRV_ATOMIC_LOAD(&s->shm->respawns[k]));
	}
	family(w, "abnormal_exits", "counter", "Processes that exited with a code other than 0 or by a signal, by kind.");
	for (k = 0; k < TASKSRV_SHM_KINDS; k++) {
		put(w, "tasksrv_abnormal_exits_total{kind=\"%s\"} %lld\n", kind_names[k],
			(long long) TASKSRV_ATOMIC_LOAD(&s->shm->abnormal_exits[k]));
	}
}

static int speaks_http(const tasksrv_server_t *s)
{
	int i;

	for (i = 0; i < s->ports.n; i++) {
		if (s->ports.items[i]->protocol.open_http_protocol) {
			return 1;
		}
	}
	return 0;
}

/* HTTP answers by status class, summed over every worker id's slot and the
 * processes without one (the PROCESS master's 4xx for bad input). */
static void http_requests(writer_t *w, const tasksrv_server_t *s)
{
	int64_t by[6] = {0};
	int i, c;

	for (i = 0; (uint32_t) i < s->shm->nworkers; i++) {
		for (c = 0; c < 6; c++) {
			by[c] += TASKSRV_ATOMIC_LOAD(&s->shm->workers[i].http_status[c]);
		}
	}
	for (c = 0; c < 6; c++) {
		by[c] += TASKSRV_ATOMIC_LOAD(&s->shm->http_status_other[c]);
	}
	if (!speaks_http(s) && by[0] + by[1] + by[2] + by[3] + by[4] + by[5] == 0) {
		return;
	}
	family(w, "http_requests", "counter", "HTTP requests answered, by the status class of the answer "
		"(a bad request the parser refused included).");
	for (c = 1; c <= 5; c++) {
		put(w, "tasksrv_http_requests_total{code=\"%dxx\"} %lld\n", c, (long long) by[c]);
	}
	if (by[0] > 0) {
		put(w, "tasksrv_http_requests_total{code=\"other\"} %lld\n", (long long) by[0]);
	}
}

static void process_memory(writer_t *w, const tasksrv_server_t *s)
{
	int i, n = tasksrv_userproc_count(s);
	int64_t rss;

	family(w, "process_resident_memory_bytes", "gauge", "Resident memory of each process of the server.");
	/* (In BASE the original process is the manager.) */
	if (s->cfg.mode == TASKSRV_MODE_PROCESS && s->shm->master_pid > 0 && (rss = rss_of(s->shm->master_pid)) >= 0) {
		put(w, "tasksrv_process_resident_memory_bytes{role=\"master\",id=\"0\"} %lld\n", (long long) rss);
	}
	if (s->shm->manager_pid > 0 && (rss = rss_of(s->shm->manager_pid)) >= 0) {
		put(w, "tasksrv_process_resident_memory_bytes{role=\"manager\",id=\"0\"} %lld\n", (long long) rss);
	}
	for (i = 0; i < s->cfg.worker_num + s->cfg.task_worker_num && (uint32_t) i < s->shm->nworkers; i++) {
		int pid = TASKSRV_ATOMIC_LOAD(&s->shm->workers[i].pid);

		if (pid > 0 && (rss = rss_of(pid)) >= 0) {
			put(w, "tasksrv_process_resident_memory_bytes{role=\"%s\",id=\"%d\"} %lld\n",
				i < s->cfg.worker_num ? "worker" : "task_worker", i, (long long) rss);
		}
	}
	/* addProcess(): their ids follow the task workers', as getWorkerId() says. */
	for (i = 0; i < n; i++) {
		int pid = (int) tasksrv_userproc_pid(s, i);

		if (pid > 0 && (rss = rss_of(pid)) >= 0) {
			put(w, "tasksrv_process_resident_memory_bytes{role=\"user_process\",id=\"%d\"} %lld\n",
				tasksrv_userproc_worker_id(s, i), (long long) rss);
		}
	}
}

static void tasks(writer_t *w, const tasksrv_stats_t *st)
{
	int r;

	counter(w, "tasks_accepted", "Tasks accepted by task().", st->ledger.accepted);
	counter(w, "tasks_done", "Tasks that ended with a result.", st->ledger.done);
	family(w, "tasks_failed", "counter", "Tasks that failed, by reason.");
	for (r = 1; r <= TASKSRV_FAIL_REASON_MAX; r++) {
		put(w, "tasksrv_tasks_failed_total{reason=\"%s\"} %lld\n", tasksrv_failure_reason_name(r),
			(long long) st->ledger.by_reason[r]);
	}
	gauge(w, "tasks_queued", "Tasks accepted and not started.", st->ledger.queued);
	gauge(w, "tasks_running", "Tasks running in a task worker now.", st->ledger.running);
	counter(w, "tasks_rejected", "Tasks refused by a full queue (task_queue_max).", st->task_rejected);
}

/* The Redis task backend: this server's own counts, and the queue across hosts. */
static void backend(writer_t *w, const tasksrv_stats_t *st)
{
	counter(w, "task_late_results", "Results this server's task workers dropped: their task had already failed "
		"(its lease expired).", st->task_late_results);
	gauge(w, "task_backend_stream_length", "Entries in the queue's task stream, all hosts.", st->backend_stream_length);
	gauge(w, "task_backend_waiting", "Tasks in the queue not yet read by any node.", st->backend_waiting);
	gauge(w, "task_backend_pending", "Tasks read by a node and not yet acknowledged (running).", st->backend_pending);
	gauge(w, "task_backend_consumers", "Consumers (task workers) the queue's group has known.", st->backend_consumers);
	counter(w, "task_backend_late_results", "Late results dropped, all hosts.", st->backend_late_results);
	counter(w, "task_backend_retried", "Tasks whose node died put back in the queue (task_backend_retries), all hosts.",
		st->backend_retried);
}

int tasksrv_metrics_scrape(const tasksrv_server_t *s, tasksrv_buffer_t *out)
{
	tasksrv_stats_t st;

	if (tasksrv_server_stats(s, &st) < 0) {
		return -1;
	}
	return tasksrv_metrics_format(s, &st, s->cfg.metrics_version ? s->cfg.metrics_version : "", out);
}

int tasksrv_metrics_format(const tasksrv_server_t *s, const tasksrv_stats_t *st, const char *version,
	tasksrv_buffer_t *out)
{
	writer_t w = { out, 0 };

	family(&w, "build", "info", "The server's build.");
	put(&w, "tasksrv_build_info{version=\"%s\",mode=\"%s\"} 1\n", version,
		s->cfg.mode == TASKSRV_MODE_PROCESS ? "process" : "base");
	gauge(&w, "start_time_seconds", "Unix time the server started.", st->start_time);
	gauge(&w, "connections", "Open client connections.", st->connection_num);
	counter(&w, "connections_accepted", "Connections accepted.", st->accept_count);
	counter(&w, "connections_closed", "Connections closed.", st->close_count);
	counter(&w, "connections_aborted", "Connections closed at once over max_conn.", st->abort_count);
	counter(&w, "requests", "Packets (requests) handled by onReceive or onRequest.", st->request_count);
	counter(&w, "dispatched", "Packets (requests) handed to event workers.", st->dispatch_count);
	counter(&w, "responses", "send()s (responses) performed.", st->response_count);
	counter(&w, "received_bytes", "Bytes received from clients.", st->total_recv_bytes);
	counter(&w, "sent_bytes", "Bytes sent to clients.", st->total_send_bytes);
	http_requests(&w, s);
	workers_by_state(&w, s);
	respawns(&w, s);
	/* A front with a task backend keeps the ledger of the tasks it sent to the nodes. */
	if (s->cfg.task_worker_num > 0 || s->cfg.backend) {
		tasks(&w, st);
	}
	if (s->cfg.backend) {
		backend(&w, st);
	}
	process_memory(&w, s);
	put(&w, "# EOF\n");
	return w.failed ? -1 : 0;
}
