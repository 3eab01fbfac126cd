/* tasksrv: the server's lifecycle: init and free, start() (which hands the process
 * tree to the master or the manager), and the calls that steer it from any process
 * (shutdown, reload, stop one worker, abort). */
#include "server.h"
#include "channel.h"
#include "conn.h"
#include "forward.h"
#include "io.h"
#include "log.h"
#include "manager.h"
#include "master.h"
#include "metrics_listen.h"
#include "process.h"
#include "run.h"
#include "signals.h"
#include "task.h"
#include "transport_local.h"
#include "userproc.h"
#include "worker.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define SESSION_TABLE_SLOTS 65536

/* A connection frame read by a channel: a forwarded operation for the owner of the
 * session (forward.c), or a frame of SWOOLE_PROCESS's master or its workers (master.c). */
static void route_conn(tasksrv_server_t *s, const tasksrv_frame_t *f, int peer, void *handle)
{
	size_t len = 0;
	const char *data = handle ? s->hooks->payload_data(s, handle, &len) : NULL;

	if (f->type == TASKSRV_FRAME_CONN) {
		tasksrv_forward_on_frame(s, f, data);
	} else {
		tasksrv_master_conn_frame(s, f, peer, data ? data : "", len);
	}
	s->hooks->payload_free(s, handle);
}

/* A channel from this process to peer was found corrupt (channel.c): its tasks fail
 * (task.c), and the PROCESS master closes the connections of the worker it feeds. */
static void frames_lost(tasksrv_server_t *s, int peer, const tasksrv_frame_t *f, const char *payload, uint64_t unknown)
{
	if (f != NULL && f->type == TASKSRV_FRAME_RESULT) {
		tasksrv_task_answer_lost(s, peer, f, payload);
	} else if (f != NULL || unknown > 0) {
		tasksrv_task_fail_lost(s, peer, f, unknown);
	}
	if (f == NULL && s->role == TASKSRV_ROLE_MASTER && peer < s->cfg.worker_num) {
		tasksrv_master_worker_lost(s, peer);
	}
}

void tasksrv_server_init(tasksrv_server_t *s, const tasksrv_hooks_t *hooks, void *user)
{
	memset(s, 0, sizeof(*s));
	s->hooks = hooks;
	s->user = user;
	s->refuse_frame = tasksrv_task_refuse_frame;
	s->route_conn = route_conn;
	s->frames_lost = frames_lost;
	s->transport.ops = tasksrv_transport_local_ops();
	s->transport.srv = s;
	s->worker_id = -1;
	s->loop.epfd = -1;
	s->wait_epfd = -1;
	s->cfg.worker_num = 1;
	s->cfg.max_wait_time_ms = 3000;
	s->cfg.max_conn = 100000;
	s->cfg.socket_buffer_size = 8 * 1024 * 1024;
	s->cfg.output_buffer_size = UINT32_MAX;
	s->cfg.buffer_high_watermark = s->cfg.socket_buffer_size / 10 * 8;
}

int tasksrv_server_add_listener(tasksrv_server_t *s, const char *host, int port, int type)
{
	tasksrv_listener_t *l = tasksrv_listener_set_add(&s->ports, host, port, type);

	if (l == NULL) {
		return -1;
	}
	l->srv = s;
	return l->index;
}

int tasksrv_server_sendto(tasksrv_server_t *s, tasksrv_listener_t *l, const char *host, int port,
	const char *data, size_t len)
{
	if (tasksrv_listener_sendto(l, host, port, data, len) < 0) {
		return -1;
	}
	if (s->shm) {
		TASKSRV_ATOMIC_ADD(&s->shm->total_send_bytes, (int64_t) len);
		TASKSRV_ATOMIC_ADD(&s->shm->response_count, 1);
	}
	return 0;
}

/* The session table holds SESSION_TABLE_SLOTS ids, more when max_conn asks for it. */
static uint32_t session_slots(const tasksrv_server_t *s)
{
	uint32_t n = SESSION_TABLE_SLOTS;

	while ((int64_t) n < s->cfg.max_conn && n < (1u << 22)) {
		n <<= 1;
	}
	return n;
}

void tasksrv_server_free(tasksrv_server_t *s)
{
	tasksrv_run_free(s);
	tasksrv_userproc_free(s);
	tasksrv_listener_set_free(&s->ports);
}

int tasksrv_server_run(tasksrv_server_t *s, char *err, size_t errlen)
{
	int total = s->cfg.worker_num + s->cfg.task_worker_num, rc, i;
	int process = s->cfg.mode == TASKSRV_MODE_PROCESS;

	/* One process when nothing needs a manager: no task workers, no user processes
	 * (the manager forks and restarts them), and no worker that max_request recycles
	 * (Swoole starts a manager then too). */
	s->single = !process && s->cfg.worker_num == 1 && s->cfg.task_worker_num == 0
		&& tasksrv_userproc_count(s) == 0 && !s->cfg.recycle_workers
		&& s->cfg.metrics_port == 0; /* /metrics is the manager's, to answer while the worker is busy */
	/* PROCESS mode: one endpoint more, the master; then one per user process, which
	 * reaches the connections through the channels (send(), close() from addProcess()). */
	s->nendpoints = total + 1 + process + tasksrv_userproc_count(s);
	tasksrv_process_raise_fd_limit();
	for (i = 0; i < s->ports.n; i++) {
		if (tasksrv_listener_listen(s->ports.items[i]) < 0) {
			snprintf(err, errlen, "listen() failed: %s[%d]", strerror(errno), errno);
			return -1;
		}
	}
	s->shm = tasksrv_shm_create(total, session_slots(s), s->nendpoints);
	if (s->shm == NULL) {
		snprintf(err, errlen, "cannot map shared memory: %s", strerror(errno));
		return -1;
	}
	s->shm->start_time = (int64_t) time(NULL);
	/* Bound by the process that answers it (this one: the manager in BASE mode, the
	 * master in PROCESS mode); every child drops it. */
	if (s->cfg.metrics_port > 0 && s->cfg.metrics_scrape && tasksrv_metrics_listen_open(s, err, errlen) < 0) {
		tasksrv_run_free(s);
		return -1;
	}
	if (s->single) {
		s->role = TASKSRV_ROLE_WORKER;
		s->worker_id = 0;
		s->gen = s->shm->workers[0].gen = 1;
		s->shm->workers[0].pid = getpid();
		s->shm->master_pid = getpid();
		s->chan = NULL;
		/* A task backend (a front with task_worker_num 0) has no other process to open it. */
		if (tasksrv_transport_open(&s->transport) < 0) {
			snprintf(err, errlen, "cannot open the task transport (%s): %s", s->transport.ops->name, strerror(errno));
			return -1;
		}
		rc = tasksrv_worker_main(s);
		tasksrv_run_free(s);
		/* The server is over: its ports go now (and their Unix socket files). */
		tasksrv_listener_set_close(&s->ports, 0);
		s->role = TASKSRV_ROLE_NONE;
		s->worker_id = -1;
		return rc < 0 ? -1 : 0;
	}
	if (tasksrv_userproc_prepare(s) < 0) {
		snprintf(err, errlen, "cannot map shared memory: %s", strerror(errno));
		tasksrv_run_free(s);
		return -1;
	}
	s->rings = tasksrv_ring_set_create(s->nendpoints);
	if (s->rings == NULL && errno != 0) {
		snprintf(err, errlen, "cannot map the channel rings: %s", strerror(errno));
		tasksrv_run_free(s);
		return -1;
	}
	if (tasksrv_channel_create(s) < 0) {
		snprintf(err, errlen, "cannot create IPC channels: %s", strerror(errno));
		tasksrv_run_free(s);
		return -1;
	}
	if (tasksrv_transport_open(&s->transport) < 0) {
		snprintf(err, errlen, "cannot open the task transport (%s): %s", s->transport.ops->name, strerror(errno));
		tasksrv_run_free(s);
		return -1;
	}
	rc = process ? tasksrv_master_run(s, err, errlen) : tasksrv_manager_run(s, err, errlen);
	if (rc == 1) {
		/* A child done (a worker freed its state already; the PROCESS manager not). */
		tasksrv_run_free(s);
		tasksrv_listener_set_close(&s->ports, 0);
		/* On its way out (shutdown functions, destructors) a child still leaves Ctrl-C
		 * to the top process: a second SIGINT to the group (timeout(1) sends one) must
		 * not cut its exit short. */
		signal(SIGINT, SIG_IGN);
		return 1;
	}
	tasksrv_run_free(s);
	if (rc == 0) {
		tasksrv_listener_set_close(&s->ports, 0);
	}
	s->role = TASKSRV_ROLE_NONE;
	s->worker_id = -1;
	tasksrv_log_set_process('%', 0);
	return rc;
}

int tasksrv_server_shutdown(tasksrv_server_t *s)
{
	if (s->role == TASKSRV_ROLE_NONE || s->shm == NULL) {
		return -1;
	}
	/* PROCESS mode: the master leads the stop (BeforeShutdown and Shutdown run there). */
	if (s->cfg.mode == TASKSRV_MODE_PROCESS) {
		return kill(s->role == TASKSRV_ROLE_MASTER ? getpid() : s->shm->master_pid, SIGTERM);
	}
	if (s->single || s->role == TASKSRV_ROLE_MANAGER) {
		return kill(getpid(), SIGTERM);
	}
	return kill(s->shm->manager_pid, SIGTERM);
}

int tasksrv_server_reload(tasksrv_server_t *s, int task_workers_only)
{
	if (s->role == TASKSRV_ROLE_NONE || s->shm == NULL) {
		errno = ESRCH;
		return -1;
	}
	if (s->single) {
		errno = ENOTSUP;
		return -1;
	}
	if (s->role == TASKSRV_ROLE_MANAGER) {
		return tasksrv_manager_reload(s, task_workers_only);
	}
	if (task_workers_only && s->cfg.task_worker_num == 0) {
		tasksrv_log(TASKSRV_LOG_WARNING, "cannot reload task workers, task workers is not started");
		errno = ESRCH;
		return -1;
	}
	/* The manager would ignore the signal: say so now. */
	if (TASKSRV_ATOMIC_LOAD(&s->shm->reloading) || TASKSRV_ATOMIC_LOAD(&s->shm->shutting_down)) {
		errno = EALREADY;
		return -1;
	}
	return kill(s->shm->manager_pid, task_workers_only ? SIGUSR2 : SIGUSR1);
}

int tasksrv_server_stop_one(tasksrv_server_t *s, int worker_id)
{
	pid_t pid;

	if (s->role == TASKSRV_ROLE_NONE || s->shm == NULL) {
		errno = ESRCH;
		return -1;
	}
	if (worker_id < 0 || worker_id >= s->cfg.worker_num + s->cfg.task_worker_num) {
		errno = EINVAL;
		return -1;
	}
	/* SIGTERM without shutting_down: the process stops as at a reload (finishes its
	 * callback, drains its tasks) and the manager starts the id again. Single
	 * process: the only worker stopping is the server stopping. */
	if (worker_id == s->worker_id) {
		return kill(getpid(), SIGTERM);
	}
	pid = s->role == TASKSRV_ROLE_MANAGER ? s->manager.pids[worker_id] : (pid_t) s->shm->workers[worker_id].pid;
	if (pid <= 0) {
		errno = ESRCH;
		return -1;
	}
	return kill(pid, SIGTERM);
}

void tasksrv_server_abort(tasksrv_server_t *s)
{
	s->exiting = 1;
	if (s->loop.epfd >= 0) {
		tasksrv_loop_stop(&s->loop);
	}
}

/* {{{ stats() */
static void stats_fd_range(tasksrv_shm_t *shm, tasksrv_stats_t *st)
{
	tasksrv_session_t *sess;
	int64_t id = 0;

	while ((sess = tasksrv_shm_session_next(shm, id, &id)) != NULL) {
		int64_t fd = sess->os_fd;
		st->min_fd = st->min_fd == 0 || fd < st->min_fd ? fd : st->min_fd;
		st->max_fd = fd > st->max_fd ? fd : st->max_fd;
	}
}

static void stats_workers(const tasksrv_server_t *s, tasksrv_stats_t *st)
{
	tasksrv_shm_t *shm = s->shm;
	int w = s->cfg.worker_num, t = s->cfg.task_worker_num, i;
	int64_t tasking = 0;

	for (i = 0; i < w + t; i++) {
		int idle = TASKSRV_ATOMIC_LOAD(&shm->workers[i].status) == TASKSRV_WORKER_IDLE;
		if (i < w) {
			st->idle_worker_num += idle;
		} else {
			st->task_idle_worker_num += idle;
			tasking += TASKSRV_ATOMIC_LOAD(&shm->workers[i].queued);
		}
	}
	tasking += TASKSRV_ATOMIC_LOAD(&shm->task_backlog);
	st->tasking_num = tasking > 0 ? tasking : 0;
	if (s->worker_id >= 0) {
		tasksrv_worker_slot_t *slot = &shm->workers[s->worker_id];
		st->has_worker = 1;
		st->worker_request_count = TASKSRV_ATOMIC_LOAD(&slot->request_count);
		st->worker_response_count = TASKSRV_ATOMIC_LOAD(&slot->response_count);
		st->worker_dispatch_count = TASKSRV_ATOMIC_LOAD(&slot->dispatch_count);
		st->worker_concurrency = TASKSRV_ATOMIC_LOAD(&slot->concurrency);
	}
}

int tasksrv_server_stats(const tasksrv_server_t *s, tasksrv_stats_t *st)
{
	tasksrv_shm_t *shm = s->shm;

	memset(st, 0, sizeof(*st));
	if (shm == NULL) {
		return -1;
	}
	st->worker_num = s->cfg.worker_num;
	st->task_worker_num = s->cfg.task_worker_num;
	stats_workers(s, st);
	tasksrv_ledger_read(s, &st->ledger);
	st->start_time = shm->start_time;
	st->connection_num = TASKSRV_ATOMIC_LOAD(&shm->connection_num);
	st->abort_count = TASKSRV_ATOMIC_LOAD(&shm->abort_count);
	st->accept_count = TASKSRV_ATOMIC_LOAD(&shm->accept_count);
	st->close_count = TASKSRV_ATOMIC_LOAD(&shm->close_count);
	st->dispatch_count = TASKSRV_ATOMIC_LOAD(&shm->dispatch_count);
	st->request_count = TASKSRV_ATOMIC_LOAD(&shm->request_count);
	st->response_count = TASKSRV_ATOMIC_LOAD(&shm->response_count);
	st->total_recv_bytes = TASKSRV_ATOMIC_LOAD(&shm->total_recv_bytes);
	st->total_send_bytes = TASKSRV_ATOMIC_LOAD(&shm->total_send_bytes);
	st->pipe_packet_msg_id = TASKSRV_ATOMIC_LOAD(&shm->pipe_packet_msg_id);
	st->concurrency = TASKSRV_ATOMIC_LOAD(&shm->concurrency);
	st->session_round = TASKSRV_ATOMIC_LOAD(&shm->session_round);
	st->task_count = TASKSRV_ATOMIC_LOAD(&shm->task_count);
	st->task_rejected = TASKSRV_ATOMIC_LOAD(&shm->task_rejected);
	st->task_queue_bytes = TASKSRV_ATOMIC_LOAD(&shm->task_queue_bytes);
	st->task_late_results = TASKSRV_ATOMIC_LOAD(&shm->task_late_results);
	st->backend_retried = TASKSRV_ATOMIC_LOAD(&shm->backend_retried);
	st->backend_stream_length = TASKSRV_ATOMIC_LOAD(&shm->backend_stream_length);
	st->backend_pending = TASKSRV_ATOMIC_LOAD(&shm->backend_pending);
	st->backend_waiting = TASKSRV_ATOMIC_LOAD(&shm->backend_waiting);
	st->backend_consumers = TASKSRV_ATOMIC_LOAD(&shm->backend_consumers);
	st->backend_late_results = TASKSRV_ATOMIC_LOAD(&shm->backend_late_results);
	stats_fd_range(shm, st);
	return 0;
}
/* }}} */
