/* tasksrv: the manager, the top process of a multi-process server. It forks
 * the workers, restarts any that dies (and says why), reloads them on SIGUSR1/2,
 * and stops them in order on SIGTERM/SIGINT: workers first, then task workers, so
 * tasks already sent still reach a task worker. */
#include "manager.h"
#include "channel.h"
#include "failure.h"
#include "http_upload.h"
#include "io.h"
#include "ledger.h"
#include "listener.h"
#include "log.h"
#include "metrics_listen.h"
#include "process.h"
#include "run.h"
#include "signals.h"
#include "task.h"
#include "task_worker.h"
#include "userproc.h"
#include "worker.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/wait.h>
#include <unistd.h>

static int spawn(tasksrv_server_t *s, int worker_id);

static int worker_of(tasksrv_server_t *s, pid_t pid)
{
	int i, total = s->cfg.worker_num + s->cfg.task_worker_num;

	for (i = 0; i < total; i++) {
		if (s->manager.pids[i] == pid) {
			return i;
		}
	}
	return -1;
}

/* Signals the live processes of ids [from, to); returns how many there were. */
static int signal_range(tasksrv_server_t *s, int from, int to, int signo)
{
	int i, n = 0;

	for (i = from; i < to; i++) {
		if (s->manager.pids[i] > 0) {
			kill(s->manager.pids[i], signo);
			n++;
		}
	}
	return n;
}

static int alive_in(tasksrv_server_t *s, int from, int to)
{
	return signal_range(s, from, to, 0);
}

static void stop_phase(tasksrv_server_t *s);
static void reload_end(tasksrv_server_t *s, int run_hook);

static int64_t deadline_interval(const tasksrv_server_t *s)
{
	int64_t t = s->cfg.task_timeout_ms / 4;

	return t < 5 ? 5 : t > 50 ? 50 : t;
}

static void stop_timeout(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_server_t *s = ctx;
	int w = s->cfg.worker_num, total = w + s->cfg.task_worker_num;
	int from = s->manager.stop_phase == 1 ? 0 : w, to = s->manager.stop_phase == 1 ? w : total, i;

	(void) loop;
	s->manager.stop_timer = 0;
	if (s->manager.stop_phase == 3) {
		tasksrv_userproc_signal_all(s, SIGKILL);
		return;
	}
	for (i = from; i < to; i++) {
		if (s->manager.pids[i] > 0) {
			tasksrv_log(TASKSRV_LOG_WARNING, "worker(pid=%d, id=%d) did not stop within max_wait_time, killed",
				(int) s->manager.pids[i], i);
			kill(s->manager.pids[i], SIGKILL);
		}
	}
}

/* Phase 1 stops the workers; phase 2, once they are gone, the task workers;
 * phase 3 the user processes (workers may write to them until they stop). */
static void stop_phase(tasksrv_server_t *s)
{
	int w = s->cfg.worker_num, total = w + s->cfg.task_worker_num;

	if (s->manager.stop_phase == 1 && alive_in(s, 0, w) == 0) {
		s->manager.stop_phase = 2;
		TASKSRV_ATOMIC_STORE(&s->shm->stop_phase, 2);
		if (s->manager.stop_timer) {
			tasksrv_loop_timer_del(&s->loop, s->manager.stop_timer);
			s->manager.stop_timer = 0;
		}
		if (signal_range(s, w, total, SIGTERM) > 0) {
			s->manager.stop_timer = tasksrv_loop_timer_add(&s->loop, s->cfg.max_wait_time_ms, stop_timeout, s);
		}
	}
	if (s->manager.stop_phase == 2 && alive_in(s, w, total) == 0) {
		s->manager.stop_phase = 3;
		if (s->manager.stop_timer) {
			tasksrv_loop_timer_del(&s->loop, s->manager.stop_timer);
			s->manager.stop_timer = 0;
		}
		if (tasksrv_userproc_signal_all(s, SIGTERM) > 0) {
			s->manager.stop_timer = tasksrv_loop_timer_add(&s->loop, s->cfg.max_wait_time_ms, stop_timeout, s);
		}
	}
	if (s->manager.stop_phase == 3 && tasksrv_userproc_signal_all(s, 0) == 0) {
		tasksrv_loop_stop(&s->loop);
	}
}

static void begin_stop(tasksrv_server_t *s)
{
	if (s->manager.stopping) {
		return;
	}
	s->manager.stopping = 1;
	TASKSRV_ATOMIC_STORE(&s->shm->shutting_down, 1);
	if (s->manager.reloading) {
		reload_end(s, 0); /* the stop takes the old processes down anyway */
	}
	s->manager.stop_phase = 1;
	/* Before the signals: a worker that got a stop signal from outside as well (one to
	 * the whole process group) reads it to know its turn has come (tasksrv_signals_stop_signal). */
	TASKSRV_ATOMIC_STORE(&s->shm->stop_phase, 1);
	/* Workers drain for up to max_wait_time: give them a second more before SIGKILL. */
	if (signal_range(s, 0, s->cfg.worker_num, SIGTERM) > 0) {
		s->manager.stop_timer = tasksrv_loop_timer_add(&s->loop, s->cfg.max_wait_time_ms + 1000, stop_timeout, s);
	}
	stop_phase(s);
}

/* {{{ reload: the old processes stop gracefully and reap() starts each id again;
 * the reload is over when every old pid of it is gone (AfterReload). */
static void reload_end(tasksrv_server_t *s, int run_hook)
{
	if (s->manager.reload_timer) {
		tasksrv_loop_timer_del(&s->loop, s->manager.reload_timer);
		s->manager.reload_timer = 0;
	}
	s->manager.reloading = 0;
	TASKSRV_ATOMIC_STORE(&s->shm->reloading, 0);
	if (run_hook && s->hooks->on_after_reload) {
		s->hooks->on_after_reload(s);
	}
}

/* max_wait_time is over: the old processes still there are killed (reap() then logs
 * their abnormal exit and starts their successors, as for any death). */
static void reload_timeout(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_server_t *s = ctx;
	int total = s->cfg.worker_num + s->cfg.task_worker_num, i;

	(void) loop;
	s->manager.reload_timer = 0;
	for (i = 0; i < total; i++) {
		if (s->manager.reload_old[i] > 0 && s->manager.pids[i] == s->manager.reload_old[i]
				&& (s->cfg.reload_async || s->manager.reload_old[i] == s->manager.reload_current)) {
			tasksrv_log(TASKSRV_LOG_WARNING, "ReloadTask::kill_all(): force kill worker process(pid=%d, id=%d)",
				(int) s->manager.reload_old[i], i);
			kill(s->manager.reload_old[i], SIGKILL);
		}
	}
}

/* How long an old process may take: an event worker drains its tasks for up to
 * max_wait_time itself, so it gets a second more (as at shutdown). */
static int64_t reload_wait_ms(const tasksrv_server_t *s, int event_workers)
{
	return s->cfg.max_wait_time_ms + (event_workers ? 1000 : 0);
}

/* Called after every reap: one at a time, the next old process is told to stop
 * once the previous one is gone; in either mode the end is noticed here. */
static void reload_step(tasksrv_server_t *s)
{
	int total = s->cfg.worker_num + s->cfg.task_worker_num, i;

	if (!s->manager.reloading) {
		return;
	}
	for (i = 0; i < total && s->manager.reload_old[i] == 0; i++) {
	}
	if (i == total) {
		reload_end(s, 1);
		return;
	}
	if (s->cfg.reload_async || s->manager.reload_old[i] == s->manager.reload_current) {
		return;
	}
	if (s->manager.reload_timer) {
		tasksrv_loop_timer_del(&s->loop, s->manager.reload_timer);
	}
	s->manager.reload_current = s->manager.reload_old[i];
	kill(s->manager.reload_current, SIGTERM);
	s->manager.reload_timer = tasksrv_loop_timer_add(&s->loop, reload_wait_ms(s, i < s->cfg.worker_num), reload_timeout, s);
}

/* Returns 0, or -1 when a reload is already running or there is nothing of that kind. */
static int reload(tasksrv_server_t *s, int task_workers_only)
{
	int w = s->cfg.worker_num, total = w + s->cfg.task_worker_num, i, from = task_workers_only ? w : 0;

	if (s->manager.stopping) {
		errno = ESHUTDOWN;
		return -1;
	}
	if (task_workers_only && s->cfg.task_worker_num == 0) {
		tasksrv_log(TASKSRV_LOG_WARNING, "cannot reload task workers, task workers is not started");
		errno = ESRCH;
		return -1;
	}
	if (s->manager.reloading) {
		errno = EALREADY;
		return -1;
	}
	tasksrv_log(TASKSRV_LOG_INFO, "Server is reloading %s now", task_workers_only ? "task workers" : "all workers");
	s->manager.reloading = 1;
	TASKSRV_ATOMIC_STORE(&s->shm->reloading, 1);
	s->manager.reload_current = 0;
	if (s->hooks->on_before_reload) {
		s->hooks->on_before_reload(s);
	}
	/* The set of old processes is taken after BeforeReload, which may take time. */
	for (i = 0; i < total; i++) {
		s->manager.reload_old[i] = i >= from && s->manager.pids[i] > 0 ? s->manager.pids[i] : 0;
	}
	if (s->cfg.reload_async) {
		/* Each stops gracefully and is respawned by reap() like any exit. */
		if (signal_range(s, from, total, SIGTERM) > 0) {
			s->manager.reload_timer = tasksrv_loop_timer_add(&s->loop, reload_wait_ms(s, from < w), reload_timeout, s);
		}
	}
	reload_step(s);
	return 0;
}
/* }}} */

/* Tasks the dead process accepted and never put on the wire fail: worker_died
 * when it died, shutdown when it exited on its own (a drain that gave up). */
static void book_unsent(tasksrv_server_t *s, int id, pid_t pid, int code, int signo)
{
	int reason = code != 0 || signo != 0 ? TASKSRV_FAIL_WORKER_DIED : TASKSRV_FAIL_SHUTDOWN;
	int64_t n = tasksrv_ledger_book_unsent(s, id, reason);

	if (n > 0) {
		tasksrv_log(TASKSRV_LOG_WARNING, "worker(pid=%d, id=%d) left %ld task(s) it had accepted but not sent: "
			"failed as %s, nobody is told (their caller is gone)", (int) pid, id, (long) n,
			tasksrv_failure_reason_name(reason));
	}
}

/* {{{ respawn back-off: a worker id that keeps dying right after its start (a frame
 * or a setting it cannot survive, a broken WorkerStart) is started again after a
 * growing delay instead of at once, as a supervisor (runit, systemd's RestartSec)
 * would: 100 ms from the third quick death in a row, doubling up to 5 s. */
#define QUICK_DEATH_MS 1000
#define BACKOFF_FROM 3
#define BACKOFF_FIRST_MS 100
#define BACKOFF_MAX_MS 5000

static int64_t respawn_delay(tasksrv_server_t *s, int id, int abnormal)
{
	tasksrv_respawn_t *r = &s->manager.respawn[id];
	int64_t delay;
	int shift;

	if (!abnormal || tasksrv_io_now_ms() - r->started_ms >= QUICK_DEATH_MS) {
		r->quick_deaths = 0;
		return 0;
	}
	if (++r->quick_deaths < BACKOFF_FROM) {
		return 0;
	}
	shift = r->quick_deaths - BACKOFF_FROM;
	delay = shift >= 6 ? BACKOFF_MAX_MS : (int64_t) BACKOFF_FIRST_MS << shift;
	if (delay > BACKOFF_MAX_MS) {
		delay = BACKOFF_MAX_MS;
	}
	tasksrv_log(TASKSRV_LOG_WARNING, "worker #%d exited abnormally %d times in a row within %d ms of its start: "
		"started again in %ld ms", id, r->quick_deaths, QUICK_DEATH_MS, (long) delay);
	return delay;
}

static void respawn_due(tasksrv_loop_t *loop, void *ctx);

static void respawn_schedule(tasksrv_server_t *s)
{
	int64_t first = 0, now = tasksrv_io_now_ms();
	int i, total = s->cfg.worker_num + s->cfg.task_worker_num;

	for (i = 0; i < total; i++) {
		if (s->manager.respawn[i].due_ms && (first == 0 || s->manager.respawn[i].due_ms < first)) {
			first = s->manager.respawn[i].due_ms;
		}
	}
	if (s->manager.respawn_timer) {
		tasksrv_loop_timer_del(&s->loop, s->manager.respawn_timer);
		s->manager.respawn_timer = 0;
	}
	if (first) {
		s->manager.respawn_timer = tasksrv_loop_timer_add(&s->loop, first > now ? first - now : 0, respawn_due, s);
	}
}

/* The delayed starts that are due (none once the server is stopping). */
static void respawn_due(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_server_t *s = ctx;
	int64_t now = tasksrv_io_now_ms();
	int i, total = s->cfg.worker_num + s->cfg.task_worker_num;

	(void) loop;
	s->manager.respawn_timer = 0;
	for (i = 0; i < total; i++) {
		if (!s->manager.respawn[i].due_ms || (s->manager.respawn[i].due_ms > now && !s->manager.stopping)) {
			continue;
		}
		s->manager.respawn[i].due_ms = 0;
		if (!s->manager.stopping && s->manager.pids[i] == 0 && spawn(s, i) == 1) {
			return; /* we are that worker now, and its work is done */
		}
	}
	respawn_schedule(s);
}
/* }}} */

/* An event worker that died in onRequest (killed: nothing ran in it to clean up)
 * leaves its requests' upload temp files: they go. */
static void sweep_uploads(tasksrv_server_t *s, pid_t pid)
{
	int i, j, n;

	for (i = 0; i < s->ports.n; i++) {
		const tasksrv_protocol_t *p = &s->ports.items[i]->protocol;

		for (j = 0; j < i && p->http_upload; j++) {
			const tasksrv_protocol_t *q = &s->ports.items[j]->protocol;

			if (q->http_upload && (q->upload_tmp_dir == p->upload_tmp_dir || (q->upload_tmp_dir && p->upload_tmp_dir
					&& strcmp(q->upload_tmp_dir, p->upload_tmp_dir) == 0))) {
				break; /* that directory was swept */
			}
		}
		if (p->http_upload && j == i && (n = tasksrv_http_upload_sweep(p->upload_tmp_dir, (int) pid)) > 0) {
			tasksrv_log(TASKSRV_LOG_NOTICE, "worker(pid=%d) died with %d upload temp file(s) of a request in hand: removed",
				(int) pid, n);
		}
	}
}

/* Returns 1 in a freshly forked child (its work done), else 0. */
static int reap(tasksrv_server_t *s)
{
	int64_t delay;
	int status, id, code, signo;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		id = worker_of(s, pid);
		if (id < 0) {
			if (tasksrv_userproc_reap(s, pid, status) == 1) {
				return 1;
			}
			continue;
		}
		tasksrv_process_exit_info(status, &code, &signo);
		if (id >= s->cfg.worker_num) {
			/* A task worker gone with a task in hand: its sender learns it now. */
			tasksrv_task_report_lost(s, id, s->manager.kill_at[id] ? TASKSRV_FAIL_TIMEOUT : TASKSRV_FAIL_WORKER_DIED,
				signo, WIFEXITED(status) ? code : -1);
			s->manager.kill_at[id] = 0;
		}
		book_unsent(s, id, pid, code, signo);
		if (id < s->cfg.worker_num && (code != 0 || signo != 0)) {
			sweep_uploads(s, pid);
		}
		if (id < s->cfg.worker_num && s->cfg.mode != TASKSRV_MODE_PROCESS) {
			/* Its connections died with it (BASE mode: a worker owns its sockets;
			 * in PROCESS mode the master holds them, and they live on). */
			int64_t n = tasksrv_shm_sessions_drop_worker(s->shm, id);
			TASKSRV_ATOMIC_ADD(&s->shm->connection_num, -n);
			TASKSRV_ATOMIC_ADD(&s->shm->close_count, n);
		}
		s->manager.pids[id] = 0;
		if (s->manager.reload_old[id] == pid) {
			s->manager.reload_old[id] = 0;
		}
		s->shm->workers[id].pid = 0;
		s->shm->workers[id].status = TASKSRV_WORKER_EXIT;
		if (code != 0 || signo != 0) {
			TASKSRV_ATOMIC_ADD(&s->shm->abnormal_exits[id < s->cfg.worker_num ? TASKSRV_SHM_WORKER : TASKSRV_SHM_TASK_WORKER], 1);
			tasksrv_log(TASKSRV_LOG_WARNING, "Worker::report_error(): worker(pid=%d, id=%d) abnormal exit, status=%d, signal=%d",
				(int) pid, id, code, signo);
			if (s->hooks->on_worker_error) {
				s->hooks->on_worker_error(s, id, pid, code, signo);
			}
		}
		if (s->manager.stopping) {
			continue;
		}
		delay = respawn_delay(s, id, code != 0 || signo != 0);
		if (delay > 0) {
			s->manager.respawn[id].due_ms = tasksrv_io_now_ms() + delay;
			respawn_schedule(s);
			continue;
		}
		if (spawn(s, id) == 1) {
			return 1;
		}
	}
	return 0;
}

/* task_timeout: a task that runs too long fails as "timeout" at once; its task
 * worker gets SIGTERM, then SIGKILL after task_timeout_grace, and is replaced. */
static void deadline_tick(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_server_t *s = ctx;
	int w = s->cfg.worker_num, total = w + s->cfg.task_worker_num, i;
	int64_t now = tasksrv_io_now_ms();

	for (i = w; i < total; i++) {
		tasksrv_worker_slot_t *slot = &s->shm->workers[i];
		if (s->manager.kill_at[i] && now >= s->manager.kill_at[i] && s->manager.pids[i] > 0) {
			tasksrv_log(TASKSRV_LOG_WARNING, "task worker #%d (pid %d) did not stop within task_timeout_grace, killed",
				i, (int) s->manager.pids[i]);
			kill(s->manager.pids[i], SIGKILL);
			s->manager.kill_at[i] = INT64_MAX;
		}
		if (!s->manager.kill_at[i] && s->manager.pids[i] > 0
				&& __atomic_load_n(&slot->cur_state, __ATOMIC_ACQUIRE) == TASKSRV_TASK_RUNNING
				&& now - slot->cur_start_ms > s->cfg.task_timeout_ms) {
			if (tasksrv_task_report_lost(s, i, TASKSRV_FAIL_TIMEOUT, 0, -1) > 0) {
				s->manager.kill_at[i] = now + s->cfg.task_timeout_grace_ms;
				kill(s->manager.pids[i], SIGTERM);
			}
		}
	}
	tasksrv_loop_timer_add(loop, deadline_interval(s), deadline_tick, s);
}

static void manager_on_signal(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, uint32_t events)
{
	tasksrv_server_t *s = h->ctx;
	int signo;

	(void) loop;
	(void) events;
	while ((signo = tasksrv_signals_next_for(s->manager.pids, s->cfg.worker_num + s->cfg.task_worker_num)) != 0) {
		switch (signo) {
			case SIGCHLD:
				if (reap(s)) {
					return; /* we are a new child now, and its work is done */
				}
				if (s->manager.stopping) {
					stop_phase(s);
				} else {
					reload_step(s);
				}
				break;
			case SIGTERM:
			case SIGINT:
				/* PROCESS mode: a stop asked of the manager goes through the master, which
				 * runs BeforeShutdown first and SIGTERMs us back; with the master gone
				 * (its death signal), we stop on our own. */
				if (s->cfg.mode == TASKSRV_MODE_PROCESS && !TASKSRV_ATOMIC_LOAD(&s->shm->shutting_down)
						&& getppid() == s->shm->master_pid) {
					kill(s->shm->master_pid, SIGTERM);
					break;
				}
				begin_stop(s);
				break;
			case SIGUSR1:
			case SIGUSR2:
				reload(s, signo == SIGUSR2);
				break;
		}
	}
}

int tasksrv_manager_reload(tasksrv_server_t *s, int task_workers_only)
{
	return reload(s, task_workers_only);
}

static int manager_main(tasksrv_server_t *s)
{
	int m = tasksrv_state_endpoint_manager(s);

	if (tasksrv_loop_init(&s->loop) < 0) {
		return -1;
	}
	tasksrv_channel_open(s, m, 0);
	s->manager.kill_at = calloc(m, sizeof(int64_t));
	s->manager.reload_old = calloc(m, sizeof(pid_t));
	if (s->cfg.task_timeout_ms > 0 && s->cfg.task_worker_num > 0) {
		tasksrv_loop_timer_add(&s->loop, deadline_interval(s), deadline_tick, s);
	}
	s->sig_h.fn = manager_on_signal;
	s->sig_h.ctx = s;
	tasksrv_loop_add(&s->loop, &s->sig_h, tasksrv_signals_fd(), EPOLLIN);
	/* A task backend: a node's manager renews its task workers' leases. */
	tasksrv_transport_watch(&s->transport, &s->loop);
	/* BASE mode: the manager answers metrics_listen (in PROCESS mode the master does,
	 * and this forked manager holds nothing to watch). */
	tasksrv_metrics_listen_watch(&s->loop);
	if (s->hooks->on_manager_start) {
		s->hooks->on_manager_start(s);
	}
	/* Children that died before the loop ran were recorded by the handler already. */
	if (!s->exiting) {
		tasksrv_loop_run(&s->loop);
	}
	if (s->role != TASKSRV_ROLE_MANAGER) {
		return 1;
	}
	if (s->exiting) {
		signal_range(s, 0, m, SIGKILL);
		tasksrv_userproc_signal_all(s, SIGKILL);
		while (waitpid(-1, NULL, 0) > 0 || errno == EINTR) {
		}
		return 0;
	}
	if (s->hooks->on_manager_stop) {
		s->hooks->on_manager_stop(s);
	}
	/* PROCESS mode: onShutdown is the master's. */
	if (s->hooks->on_shutdown && s->cfg.mode != TASKSRV_MODE_PROCESS) {
		s->hooks->on_shutdown(s);
	}
	return 0;
}

/* Forks the process for one worker id; in the child it runs that worker and returns 1. */
static int spawn(tasksrv_server_t *s, int worker_id)
{
	tasksrv_worker_slot_t *slot = &s->shm->workers[worker_id];
	pid_t pid;

	slot->gen++;
	slot->status = TASKSRV_WORKER_IDLE;
	slot->cur_task_id = -1;
	slot->cur_state = TASKSRV_TASK_NONE;
	pid = tasksrv_process_fork();
	if (pid < 0) {
		tasksrv_log(TASKSRV_LOG_ERROR, "fork() for worker #%d failed: %s", worker_id, strerror(errno));
		return -1;
	}
	if (pid > 0) {
		if (slot->gen > 1) {
			TASKSRV_ATOMIC_ADD(&s->shm->respawns[worker_id < s->cfg.worker_num ? TASKSRV_SHM_WORKER : TASKSRV_SHM_TASK_WORKER], 1);
		}
		s->manager.pids[worker_id] = pid;
		if (s->manager.respawn) {
			s->manager.respawn[worker_id].started_ms = tasksrv_io_now_ms();
		}
		slot->pid = pid;
		return 0;
	}
	s->worker_id = worker_id;
	s->gen = slot->gen;
	slot->pid = getpid();
	tasksrv_signals_stop_forget();
	/* Drop what belonged to the manager: its pid table, loop and channel ends. */
	tasksrv_run_free_manager(s);
	tasksrv_loop_free(&s->loop);
	tasksrv_channel_close(s);
	tasksrv_channel_open(s, worker_id, 1);
	s->role = worker_id < s->cfg.worker_num ? TASKSRV_ROLE_WORKER : TASKSRV_ROLE_TASK_WORKER;
	tasksrv_channel_resume(s, tasksrv_task_report_cut);
	/* A remote transport's connections are not shared across a fork. */
	tasksrv_transport_close(&s->transport);
	if (tasksrv_transport_open(&s->transport) < 0) {
		tasksrv_log(TASKSRV_LOG_ERROR, "worker #%d cannot open the task transport: %s", worker_id, strerror(errno));
	}
	if (s->role == TASKSRV_ROLE_WORKER) {
		s->exit_code = tasksrv_worker_main(s);
	} else {
		tasksrv_listener_set_close(&s->ports, 1);
		s->exit_code = tasksrv_task_worker_main(s);
	}
	tasksrv_signals_leaving();
	tasksrv_run_free(s);
	tasksrv_listener_set_close(&s->ports, 0);
	return 1;
}

/* Forks every worker id, task workers first as Swoole does: workers may dispatch as
 * soon as they run. Returns 0 in the manager, 1 in a child whose work is done, -1. */
static int spawn_all(tasksrv_server_t *s, char *err, size_t errlen)
{
	int total = s->cfg.worker_num + s->cfg.task_worker_num, i, rc;

	for (i = 0; i < total; i++) {
		int id = (s->cfg.worker_num + i) % total;
		rc = spawn(s, id);
		if (rc == 1) {
			return 1;
		}
		if (rc < 0) {
			snprintf(err, errlen, "cannot fork worker #%d: %s", id, strerror(errno));
			for (i = 0; i < total; i++) {
				if (s->manager.pids[i] > 0) {
					kill(s->manager.pids[i], SIGKILL);
					waitpid(s->manager.pids[i], NULL, 0);
				}
			}
			return -1;
		}
	}
	return 0;
}

int tasksrv_manager_run(tasksrv_server_t *s, char *err, size_t errlen)
{
	/* SIGRTMIN is not a constant (glibc keeps the first ones for itself). */
	const int manager_signals[] = {SIGTERM, SIGINT, SIGCHLD, SIGUSR1, SIGUSR2, SIGRTMIN, SIGWINCH};
	int total = s->cfg.worker_num + s->cfg.task_worker_num, rc;

	s->manager.pids = calloc(total, sizeof(pid_t));
	s->manager.respawn = calloc(total, sizeof(tasksrv_respawn_t));
	s->role = TASKSRV_ROLE_MANAGER;
	s->shm->manager_pid = getpid();
	tasksrv_log_set_process('$', 0);
	/* The handlers go in before the first fork, so no child's death is missed. */
	tasksrv_signals_install(manager_signals, sizeof(manager_signals) / sizeof(manager_signals[0]));
	tasksrv_signals_ignore(SIGPIPE);
	if (s->cfg.mode == TASKSRV_MODE_PROCESS) {
		/* Ctrl-C reaches the whole group: the master alone turns it into a stop. */
		tasksrv_signals_ignore(SIGINT);
	}
	rc = spawn_all(s, err, errlen);
	if (rc == 0) {
		/* After the workers, as Swoole does (a user process may talk to them at once). */
		rc = tasksrv_userproc_spawn_all(s);
		if (rc < 0) {
			snprintf(err, errlen, "cannot fork a user process: %s", strerror(errno));
		}
	}
	if (rc != 0) {
		return rc;
	}
	return manager_main(s);
}
