/* tasksrv: start(), the process tree and the calls every role shares. */
#include "server.h"
#include "conn.h"
#include "failure.h"
#include "io.h"
#include "log.h"
#include "process.h"
#include "signals.h"
#include "userproc.h"

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

void tasksrv_server_init(tasksrv_server_t *s, const tasksrv_hooks_t *hooks, void *user)
{
	memset(s, 0, sizeof(*s));
	s->hooks = hooks;
	s->user = user;
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
	tasksrv_listener_t *l = calloc(1, sizeof(*l)), **list;
	int i;

	if (l == NULL) {
		return -1;
	}
	if (tasksrv_listener_bind(l, host, port, type) < 0) {
		int saved = errno;
		free(l);
		errno = saved;
		return -1;
	}
	/* SO_REUSEADDR lets two of our sockets bind one address while neither listens
	 * yet: refuse it here, as the kernel would once the first one listens. */
	for (i = 0; i < s->nlisteners; i++) {
		if (tasksrv_listener_overlaps(s->listeners[i], l)) {
			tasksrv_listener_close(l);
			free(l);
			errno = EADDRINUSE;
			return -1;
		}
	}
	list = realloc(s->listeners, sizeof(*list) * (s->nlisteners + 1));
	if (list == NULL) {
		tasksrv_listener_close(l);
		free(l);
		errno = ENOMEM;
		return -1;
	}
	tasksrv_protocol_init(&l->protocol);
	l->index = s->nlisteners;
	l->srv = s;
	l->h.fd = -1;
	s->listeners = list;
	s->listeners[s->nlisteners] = l;
	return s->nlisteners++;
}

void tasksrv_server_close_listeners(tasksrv_server_t *s, int keep_dgram)
{
	int i;

	for (i = 0; i < s->nlisteners; i++) {
		if (!keep_dgram || !tasksrv_listener_is_dgram(s->listeners[i])) {
			tasksrv_listener_close(s->listeners[i]);
		}
	}
}

tasksrv_listener_t *tasksrv_server_dgram_listener(tasksrv_server_t *s, const char *host, int server_socket)
{
	int i, family = host[0] == '/' ? AF_UNIX : strchr(host, ':') ? AF_INET6 : AF_INET;

	for (i = 0; i < s->nlisteners; i++) {
		tasksrv_listener_t *l = s->listeners[i];
		if (!tasksrv_listener_is_dgram(l) || l->fd < 0) {
			continue;
		}
		if (server_socket >= 0 ? l->fd == server_socket : l->family == family) {
			return l;
		}
	}
	return NULL;
}

int tasksrv_server_sendto(tasksrv_server_t *s, tasksrv_listener_t *l, const char *host, int port,
	const char *data, size_t len)
{
	struct sockaddr_storage ss;
	int sslen = tasksrv_listener_dest(l, host, port, &ss, sizeof(ss));
	ssize_t n;

	if (sslen < 0) {
		return -1;
	}
	do {
		n = sendto(l->fd, data, len, MSG_DONTWAIT, (struct sockaddr *) &ss, (socklen_t) sslen);
	} while (n < 0 && errno == EINTR);
	if (n < 0) {
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

/* The manager's own bookkeeping: freed at the end of a run, and by every child,
 * which must not keep its parent's. */
static void free_manager_state(tasksrv_server_t *s)
{
	free(s->pids);
	s->pids = NULL;
	free(s->kill_at);
	s->kill_at = NULL;
	free(s->respawn);
	s->respawn = NULL;
	s->respawn_timer = 0;
	free(s->reload_old);
	s->reload_old = NULL;
	s->reloading = 0;
	s->reload_timer = 0;
}

static void free_run_state(tasksrv_server_t *s)
{
	int i;

	tasksrv_peers_close(s);
	tasksrv_channels_destroy(s);
	if (s->loop.epfd >= 0) {
		tasksrv_loop_free(&s->loop);
	}
	tasksrv_conn_free_all(s);
	tasksrv_buffer_free(&s->backlog);
	s->backlog_timer = 0;
	for (i = s->deferred_pos; i < s->ndeferred; i++) {
		s->hooks->payload_free(s, s->deferred[i].handle);
	}
	free(s->deferred);
	s->deferred = NULL;
	s->ndeferred = s->deferred_cap = s->deferred_pos = 0;
	free_manager_state(s);
	tasksrv_shm_destroy(s->shm);
	s->shm = NULL;
	tasksrv_rings_destroy(s->rings);
	s->rings = NULL;
	tasksrv_userproc_release(s);
	tasksrv_signals_restore();
}

/* How long a worker waits, after a stop signal from outside the process tree, to see
 * whether the whole server is stopping (the manager or master got the same signal). */
#define GROUP_STOP_GRACE_MS 300

static uint64_t group_stop_timer;

static void group_stop_check(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_server_t *s = ctx;

	group_stop_timer = 0;
	if (!TASKSRV_ATOMIC_LOAD(&s->shm->shutting_down)) {
		tasksrv_loop_stop(loop);
	}
}

/* The manager's stop has reached this process's role: workers in phase 1, task
 * workers in phase 2. */
static int stop_turn(const tasksrv_server_t *s)
{
	return TASKSRV_ATOMIC_LOAD(&s->shm->stop_phase) >= (s->role == TASKSRV_ROLE_TASK_WORKER ? 2 : 1);
}

int tasksrv_server_stop_signal(tasksrv_server_t *s, int signo)
{
	/* (Signals of one number coalesce while pending: the manager's SIGTERM may arrive
	 * as the outside one, so its turn is read from shared memory too.) */
	if (s->single || tasksrv_signals_from_tree(signo) || stop_turn(s)) {
		if (group_stop_timer) {
			tasksrv_loop_timer_del(&s->loop, group_stop_timer);
			group_stop_timer = 0;
		}
		return 1;
	}
	/* From outside the tree: systemd, kill -- -PGID, Ctrl-C in a terminal send it to
	 * every process of the group at once. A stop of the whole server is the manager's
	 * to run, in order (workers drain first, task workers after them), so wait for it;
	 * a signal meant for this process alone stops it a moment later. */
	if (!TASKSRV_ATOMIC_LOAD(&s->shm->shutting_down) && group_stop_timer == 0) {
		group_stop_timer = tasksrv_loop_timer_add(&s->loop, GROUP_STOP_GRACE_MS, group_stop_check, s);
	}
	return 0;
}

void tasksrv_server_free(tasksrv_server_t *s)
{
	int i;

	free_run_state(s);
	tasksrv_userproc_free(s);
	tasksrv_server_close_listeners(s, 0);
	for (i = 0; i < s->nlisteners; i++) {
		free(s->listeners[i]);
	}
	free(s->listeners);
	s->listeners = NULL;
	s->nlisteners = 0;
}

int tasksrv_server_endpoint_manager(const tasksrv_server_t *s)
{
	return s->cfg.worker_num + s->cfg.task_worker_num;
}

int tasksrv_server_endpoint_master(const tasksrv_server_t *s)
{
	return s->cfg.mode == TASKSRV_MODE_PROCESS ? s->cfg.worker_num + s->cfg.task_worker_num + 1 : -1;
}

/* Forks the process for one worker id; in the child it runs that worker and returns 1. */
int tasksrv_server_spawn(tasksrv_server_t *s, int worker_id)
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
		s->pids[worker_id] = pid;
		if (s->respawn) {
			s->respawn[worker_id].started_ms = tasksrv_io_now_ms();
		}
		slot->pid = pid;
		return 0;
	}
	s->worker_id = worker_id;
	s->gen = slot->gen;
	slot->pid = getpid();
	group_stop_timer = 0;
	/* Drop what belonged to the manager: its pid table, loop and channel ends. */
	free_manager_state(s);
	tasksrv_loop_free(&s->loop);
	tasksrv_peers_close(s);
	tasksrv_peers_open(s, worker_id, 1);
	s->role = worker_id < s->cfg.worker_num ? TASKSRV_ROLE_WORKER : TASKSRV_ROLE_TASK_WORKER;
	tasksrv_peers_resume(s);
	if (s->role == TASKSRV_ROLE_WORKER) {
		s->exit_code = tasksrv_worker_main(s);
	} else {
		tasksrv_server_close_listeners(s, 1);
		s->exit_code = tasksrv_task_worker_main(s);
	}
	tasksrv_signals_leaving();
	free_run_state(s);
	tasksrv_server_close_listeners(s, 0);
	return 1;
}

/* Forks every worker id, task workers first as Swoole does: workers may dispatch as
 * soon as they run. Returns 0 in the manager, 1 in a child whose work is done, -1. */
static int spawn_all(tasksrv_server_t *s, char *err, size_t errlen)
{
	int total = s->cfg.worker_num + s->cfg.task_worker_num, i, rc;

	for (i = 0; i < total; i++) {
		int id = (s->cfg.worker_num + i) % total;
		rc = tasksrv_server_spawn(s, id);
		if (rc == 1) {
			return 1;
		}
		if (rc < 0) {
			snprintf(err, errlen, "cannot fork worker #%d: %s", id, strerror(errno));
			for (i = 0; i < total; i++) {
				if (s->pids[i] > 0) {
					kill(s->pids[i], SIGKILL);
					waitpid(s->pids[i], NULL, 0);
				}
			}
			return -1;
		}
	}
	return 0;
}

int tasksrv_server_run_manager(tasksrv_server_t *s, char *err, size_t errlen)
{
	/* SIGRTMIN is not a constant (glibc keeps the first ones for itself). */
	const int manager_signals[] = {SIGTERM, SIGINT, SIGCHLD, SIGUSR1, SIGUSR2, SIGRTMIN, SIGWINCH};
	int total = s->cfg.worker_num + s->cfg.task_worker_num, rc;

	s->pids = calloc(total, sizeof(pid_t));
	s->respawn = calloc(total, sizeof(tasksrv_respawn_t));
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
	return tasksrv_manager_main(s);
}

int tasksrv_server_run(tasksrv_server_t *s, char *err, size_t errlen)
{
	int total = s->cfg.worker_num + s->cfg.task_worker_num, rc, i;
	int process = s->cfg.mode == TASKSRV_MODE_PROCESS;

	/* User processes need the manager that forks and restarts them. */
	s->single = !process && s->cfg.worker_num == 1 && s->cfg.task_worker_num == 0
		&& tasksrv_userproc_count(s) == 0;
	/* PROCESS mode: one endpoint more, the master. */
	s->nendpoints = total + 1 + process;
	tasksrv_process_raise_fd_limit();
	for (i = 0; i < s->nlisteners; i++) {
		if (tasksrv_listener_listen(s->listeners[i]) < 0) {
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
	if (s->single) {
		s->role = TASKSRV_ROLE_WORKER;
		s->worker_id = 0;
		s->gen = s->shm->workers[0].gen = 1;
		s->shm->workers[0].pid = getpid();
		s->shm->master_pid = getpid();
		s->chan = NULL;
		rc = tasksrv_worker_main(s);
		free_run_state(s);
		/* The server is over: its ports go now (and their Unix socket files). */
		tasksrv_server_close_listeners(s, 0);
		s->role = TASKSRV_ROLE_NONE;
		s->worker_id = -1;
		return rc < 0 ? -1 : 0;
	}
	if (tasksrv_userproc_prepare(s) < 0) {
		snprintf(err, errlen, "cannot map shared memory: %s", strerror(errno));
		free_run_state(s);
		return -1;
	}
	s->rings = tasksrv_rings_create(s->nendpoints);
	if (s->rings == NULL && errno != 0) {
		snprintf(err, errlen, "cannot map the channel rings: %s", strerror(errno));
		free_run_state(s);
		return -1;
	}
	if (tasksrv_channels_create(s) < 0) {
		snprintf(err, errlen, "cannot create IPC channels: %s", strerror(errno));
		free_run_state(s);
		return -1;
	}
	rc = process ? tasksrv_master_run(s, err, errlen) : tasksrv_server_run_manager(s, err, errlen);
	if (rc == 1) {
		/* A child done (a worker freed its state already; the PROCESS manager not). */
		free_run_state(s);
		tasksrv_server_close_listeners(s, 0);
		/* On its way out (shutdown functions, destructors) a child still leaves Ctrl-C
		 * to the top process: a second SIGINT to the group (timeout(1) sends one) must
		 * not cut its exit short. */
		signal(SIGINT, SIG_IGN);
		return 1;
	}
	free_run_state(s);
	if (rc == 0) {
		tasksrv_server_close_listeners(s, 0);
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
	pid = s->role == TASKSRV_ROLE_MANAGER ? s->pids[worker_id] : (pid_t) s->shm->workers[worker_id].pid;
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

int tasksrv_server_pick_task_worker(tasksrv_server_t *s)
{
	int w = s->cfg.worker_num, t = s->cfg.task_worker_num, i, best = 0, best_q = -1;
	uint32_t start = __atomic_fetch_add(&s->shm->task_rr, 1, __ATOMIC_RELAXED);

	/* Round robin over idle task workers; when all are busy, the shortest queue. */
	for (i = 0; i < t; i++) {
		int j = (int) ((start + i) % (uint32_t) t);
		tasksrv_worker_slot_t *slot = &s->shm->workers[w + j];
		int q = TASKSRV_ATOMIC_LOAD(&slot->queued);
		if (TASKSRV_ATOMIC_LOAD(&slot->status) == TASKSRV_WORKER_IDLE && q <= 0) {
			return j;
		}
		if (best_q < 0 || q < best_q) {
			best_q = q;
			best = j;
		}
	}
	return best;
}

static void task_accounted(tasksrv_server_t *s, int dst, const tasksrv_frame_t *f, int delta)
{
	TASKSRV_ATOMIC_ADD(&s->shm->workers[s->cfg.worker_num + dst].queued, delta);
	TASKSRV_ATOMIC_ADD(&s->shm->task_count, delta);
	TASKSRV_ATOMIC_ADD(&s->shm->task_queue_bytes, (int64_t) delta * f->len);
	TASKSRV_ATOMIC_ADD(&s->shm->task_accepted, delta);
}

/* task_ipc_mode 3: a task goes only to a task worker that is idle with nothing
 * queued, claimed by a compare-and-swap on its queue length; so tasks wait in one
 * place (the sender's backlog) and whichever task worker frees first takes the next. */
static int claim_free_task_worker(tasksrv_server_t *s)
{
	int w = s->cfg.worker_num, t = s->cfg.task_worker_num, i;
	uint32_t start = __atomic_fetch_add(&s->shm->task_rr, 1, __ATOMIC_RELAXED);

	for (i = 0; i < t; i++) {
		int j = (int) ((start + i) % (uint32_t) t);
		tasksrv_worker_slot_t *slot = &s->shm->workers[w + j];
		int32_t expect = 0;
		if (TASKSRV_ATOMIC_LOAD(&slot->status) == TASKSRV_WORKER_IDLE
				&& __atomic_compare_exchange_n(&slot->queued, &expect, 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED)) {
			/* Its queue may have emptied because it is taking a task (task_take marks
			 * it busy first): then the claim is given back. */
			if (__atomic_load_n(&slot->status, __ATOMIC_ACQUIRE) == TASKSRV_WORKER_IDLE) {
				return j;
			}
			__atomic_sub_fetch(&slot->queued, 1, __ATOMIC_RELEASE);
		}
	}
	return -1;
}

/* Sends a claimed task; the claim already counted it as queued. */
static int send_claimed(tasksrv_server_t *s, int dst, tasksrv_frame_t *f, const char *payload)
{
	TASKSRV_ATOMIC_ADD(&s->shm->task_queue_bytes, (int64_t) f->len);
	if (tasksrv_server_send_async(s, s->cfg.worker_num + dst, f, payload) < 0) {
		TASKSRV_ATOMIC_ADD(&s->shm->workers[s->cfg.worker_num + dst].queued, -1);
		TASKSRV_ATOMIC_ADD(&s->shm->task_queue_bytes, -(int64_t) f->len);
		return -1;
	}
	return 0;
}

/* The backlog's length, server-wide and per worker (the manager books a dead
 * worker's backlog: tasksrv_server_book_unsent). */
static void backlog_counted(tasksrv_server_t *s, int64_t delta)
{
	TASKSRV_ATOMIC_ADD(&s->shm->task_backlog, delta);
	if (s->role == TASKSRV_ROLE_WORKER) {
		TASKSRV_ATOMIC_ADD(&s->shm->workers[s->worker_id].backlog, (int32_t) delta);
	}
}

static void backlog_pump(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_server_t *s = ctx;
	tasksrv_frame_t f;
	int dst;

	/* Called by its timer (already off the list) or directly: one timer at most. */
	if (s->backlog_timer) {
		tasksrv_loop_timer_del(loop, s->backlog_timer);
		s->backlog_timer = 0;
	}
	while (tasksrv_buffer_size(&s->backlog) >= sizeof(f) && (dst = claim_free_task_worker(s)) >= 0) {
		memcpy(&f, tasksrv_buffer_head(&s->backlog), sizeof(f));
		if (send_claimed(s, dst, &f, tasksrv_buffer_head(&s->backlog) + sizeof(f)) < 0) {
			tasksrv_log(TASKSRV_LOG_WARNING, "send of task %ld to task worker #%d failed: %s",
				(long) f.task_id, dst, strerror(errno));
			break;
		}
		tasksrv_buffer_consume(&s->backlog, sizeof(f) + f.len);
		backlog_counted(s, -1);
	}
	if (tasksrv_buffer_size(&s->backlog) > 0 && loop->epfd >= 0) {
		s->backlog_timer = tasksrv_loop_timer_add(loop, 1, backlog_pump, s);
	}
}

int tasksrv_server_task_send(tasksrv_server_t *s, int dst, tasksrv_frame_t *f, const char *payload)
{
	if (s->cfg.shared_task_queue) {
		TASKSRV_ATOMIC_ADD(&s->shm->task_count, 1);
		TASKSRV_ATOMIC_ADD(&s->shm->task_accepted, 1);
		if (tasksrv_buffer_size(&s->backlog) == 0 && (dst = claim_free_task_worker(s)) >= 0) {
			if (send_claimed(s, dst, f, payload) == 0) {
				return 0;
			}
			TASKSRV_ATOMIC_ADD(&s->shm->task_count, -1);
			TASKSRV_ATOMIC_ADD(&s->shm->task_accepted, -1);
			return -1;
		}
		/* Every task worker is busy: the task waits here, not behind a long task. */
		if (tasksrv_buffer_append(&s->backlog, f, sizeof(*f)) < 0
				|| tasksrv_buffer_append(&s->backlog, payload, f->len) < 0) {
			return -1;
		}
		backlog_counted(s, 1);
		if (!s->backlog_timer && s->loop.epfd >= 0) {
			s->backlog_timer = tasksrv_loop_timer_add(&s->loop, 1, backlog_pump, s);
		}
		return 0;
	}
	task_accounted(s, dst, f, 1);
	if (tasksrv_server_send_async(s, s->cfg.worker_num + dst, f, payload) < 0) {
		task_accounted(s, dst, f, -1);
		return -1;
	}
	return 0;
}

int tasksrv_server_task_send_wait(tasksrv_server_t *s, int dst, tasksrv_frame_t *f, const char *payload)
{
	if (s->cfg.shared_task_queue) {
		/* Into the shared queue like any task: the wait for its result (and its
		 * timeout) covers the wait for a free task worker. */
		return tasksrv_server_task_send(s, dst, f, payload);
	}
	task_accounted(s, dst, f, 1);
	if (tasksrv_server_send_blocking(s, s->cfg.worker_num + dst, f, payload) < 0) {
		task_accounted(s, dst, f, -1);
		return -1;
	}
	return 0;
}

/* Returns 1 when a frame for a waiter was taken, 0 when none is waiting, -1 on error. */
static int take_waiter_frame(tasksrv_server_t *s, int peer, tasksrv_frame_t *result, void **handle)
{
	int r;

	for (;;) {
		r = tasksrv_peer_read_frame(s, peer, result, handle);
		if (r <= 0) {
			return r;
		}
		if (result->type != TASKSRV_FRAME_RESULT || (result->flags & TASKSRV_FLAG_NONBLOCK)) {
			/* Not for a waiter: the loop hands it out later, in arrival order. */
			tasksrv_server_defer(s, result, peer, *handle);
		} else if (result->origin_gen != s->gen) {
			/* For a waiter of an earlier incarnation of this worker id. */
			s->hooks->payload_free(s, *handle);
		} else {
			return 1;
		}
		*handle = NULL;
	}
}

/* A waiter's frame may have been read earlier, while a blocking send drained the
 * channel into the deferred queue: take it from there first. */
static int take_deferred_waiter_frame(tasksrv_server_t *s, tasksrv_frame_t *result, void **handle)
{
	int i;

	for (i = s->deferred_pos; i < s->ndeferred; i++) {
		tasksrv_deferred_t *d = &s->deferred[i];
		if (d->f.type == TASKSRV_FRAME_RESULT && !(d->f.flags & TASKSRV_FLAG_NONBLOCK)) {
			*result = d->f;
			*handle = d->handle;
			memmove(d, d + 1, sizeof(*d) * (s->ndeferred - i - 1));
			s->ndeferred--;
			if (result->origin_gen == s->gen) {
				return 1;
			}
			s->hooks->payload_free(s, *handle);
			*handle = NULL;
			i--;
		}
	}
	return 0;
}

int tasksrv_server_wait_result(tasksrv_server_t *s, int64_t deadline_ms, tasksrv_frame_t *result, void **handle)
{
	int w = s->cfg.worker_num, t = s->cfg.task_worker_num, ready[64], nready, i, r, timeout;

	*handle = NULL;
	tasksrv_server_uncork(s);
	if (take_deferred_waiter_frame(s, result, handle)) {
		return 1;
	}
	for (;;) {
		/* Frames already in a ring first: the wait cannot see them. On shared-memory
		 * channels, writers ring this process's eventfd from now on. */
		if (s->shm_reader) {
			tasksrv_rings_sleep_begin(s->rings, s->self_endpoint);
		}
		for (i = 0; i <= t; i++) {
			if (tasksrv_peer_has_input(s, w + i) && (r = take_waiter_frame(s, w + i, result, handle)) != 0) {
				return r;
			}
		}
		timeout = (int) (deadline_ms - tasksrv_io_now_ms());
		if (timeout < 0) {
			timeout = 0;
		}
		/* task_ipc_mode 3: the loop is not turning, so the shared queue is pumped here. */
		if (tasksrv_buffer_size(&s->backlog) > 0) {
			backlog_pump(&s->loop, s);
			if (tasksrv_buffer_size(&s->backlog) > 0 && timeout > 1) {
				timeout = 1;
			}
		}
		/* Task workers send results; the manager sends failures of tasks it saw die. */
		r = tasksrv_peers_wait_input(s, w, w + t + 1, timeout, ready, 64, &nready);
		if (r < 0) {
			if (errno == EINTR) {
				continue;
			}
			return -1;
		}
		if (r == 0) {
			if (tasksrv_io_now_ms() < deadline_ms) {
				continue;
			}
			return 0;
		}
		/* A ring's wake-up puts nothing in ready: the rings are looked at at the top. */
		for (i = 0; i < nready; i++) {
			r = take_waiter_frame(s, ready[i], result, handle);
			if (r != 0) {
				return r;
			}
		}
	}
}

static int origin_abandoned(tasksrv_server_t *s, const tasksrv_frame_t *f, int peer)
{
	return peer < s->cfg.worker_num && f->origin_gen <= __atomic_load_n(&s->shm->workers[peer].abandoned_gen, __ATOMIC_SEQ_CST);
}

static int claim_outcome(tasksrv_shm_t *shm, tasksrv_worker_slot_t *slot, int to_state, int fail_reason);

/* A task worker starts a task: from now on the manager knows which task it holds,
 * and the task counts as running, not queued. Returns 0 when the task must not run
 * because its sender gave it up. */
int tasksrv_server_task_take(tasksrv_server_t *s, const tasksrv_frame_t *f, int peer)
{
	tasksrv_worker_slot_t *slot = &s->shm->workers[s->worker_id];

	/* Busy before the queue drops: a task_ipc_mode 3 sender that sees the queue empty
	 * must not take this task worker for idle (claim_free_task_worker). */
	TASKSRV_ATOMIC_STORE(&slot->status, TASKSRV_WORKER_BUSY);
	__atomic_sub_fetch(&slot->queued, 1, __ATOMIC_RELEASE);
	TASKSRV_ATOMIC_ADD(&s->shm->task_queue_bytes, -(int64_t) f->len);
	if (origin_abandoned(s, f, peer)) {
		TASKSRV_ATOMIC_ADD(&s->shm->task_failed_by_reason[TASKSRV_FAIL_SHUTDOWN], 1);
		TASKSRV_ATOMIC_STORE(&slot->status, TASKSRV_WORKER_IDLE);
		return 0;
	}
	slot->cur_src = peer;
	slot->cur_gen = f->origin_gen;
	slot->cur_task_id = f->task_id;
	slot->cur_flags = f->flags;
	slot->cur_start_ms = tasksrv_io_now_ms();
	TASKSRV_ATOMIC_ADD(&s->shm->task_running, 1);
	__atomic_store_n(&slot->cur_state, TASKSRV_TASK_RUNNING, __ATOMIC_SEQ_CST);
	TASKSRV_ATOMIC_ADD(&slot->request_count, 1);
	/* The sender may have given up between the check and now: whoever claims wins. */
	if (origin_abandoned(s, f, peer)) {
		claim_outcome(s->shm, slot, TASKSRV_TASK_NONE, TASKSRV_FAIL_SHUTDOWN);
		TASKSRV_ATOMIC_STORE(&slot->status, TASKSRV_WORKER_IDLE);
		return 0;
	}
	return 1;
}

void tasksrv_server_abandon_tasks(tasksrv_server_t *s)
{
	__atomic_store_n(&s->shm->workers[s->worker_id].abandoned_gen, s->gen, __ATOMIC_SEQ_CST);
}

int tasksrv_server_claim_abandoned(tasksrv_server_t *s, int64_t task_id)
{
	int w = s->cfg.worker_num, t = s->cfg.task_worker_num, i;

	for (i = w; i < w + t; i++) {
		tasksrv_worker_slot_t *slot = &s->shm->workers[i];
		if (__atomic_load_n(&slot->cur_state, __ATOMIC_SEQ_CST) == TASKSRV_TASK_RUNNING
				&& slot->cur_src == s->worker_id && slot->cur_gen == s->gen && slot->cur_task_id == task_id) {
			return claim_outcome(s->shm, slot, TASKSRV_TASK_ABANDONED, TASKSRV_FAIL_SHUTDOWN);
		}
	}
	return 0;
}

int tasksrv_server_answers_in_flight(tasksrv_server_t *s)
{
	int w = s->cfg.worker_num, t = s->cfg.task_worker_num, i, n = 0;

	for (i = w; i < w + t; i++) {
		tasksrv_worker_slot_t *slot = &s->shm->workers[i];
		n += __atomic_load_n(&slot->cur_state, __ATOMIC_SEQ_CST) == TASKSRV_TASK_SENDING
			&& slot->cur_src == s->worker_id && slot->cur_gen == s->gen;
	}
	return n;
}

/* Claims the outcome of the held task for whoever calls first (the task worker at
 * the end of onTask, or the manager at a deadline or death) and books it. */
static int claim_outcome(tasksrv_shm_t *shm, tasksrv_worker_slot_t *slot, int to_state, int fail_reason)
{
	int32_t expect = TASKSRV_TASK_RUNNING;

	if (!__atomic_compare_exchange_n(&slot->cur_state, &expect, to_state, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
		return 0;
	}
	TASKSRV_ATOMIC_ADD(&shm->task_running, -1);
	if (fail_reason) {
		TASKSRV_ATOMIC_ADD(&shm->task_failed_by_reason[fail_reason], 1);
	} else {
		TASKSRV_ATOMIC_ADD(&shm->task_done, 1);
	}
	return 1;
}

int tasksrv_server_task_end(tasksrv_server_t *s, int fail_reason)
{
	tasksrv_worker_slot_t *slot = &s->shm->workers[s->worker_id];

	/* SENDING until tasksrv_server_task_sent(): a draining sender waits for the frame. */
	return claim_outcome(s->shm, slot, TASKSRV_TASK_SENDING, fail_reason);
}

void tasksrv_server_task_sent(tasksrv_server_t *s)
{
	tasksrv_worker_slot_t *slot = &s->shm->workers[s->worker_id];
	int32_t expect = TASKSRV_TASK_SENDING;

	__atomic_compare_exchange_n(&slot->cur_state, &expect, TASKSRV_TASK_NONE, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
	TASKSRV_ATOMIC_STORE(&slot->cur_task_id, -1);
	TASKSRV_ATOMIC_STORE(&slot->status, TASKSRV_WORKER_IDLE);
}

int tasksrv_server_task_timed_out(tasksrv_server_t *s)
{
	return __atomic_load_n(&s->shm->workers[s->worker_id].cur_state, __ATOMIC_ACQUIRE) == TASKSRV_TASK_TAKEN;
}

int tasksrv_server_task_owned(tasksrv_server_t *s)
{
	return __atomic_load_n(&s->shm->workers[s->worker_id].cur_state, __ATOMIC_ACQUIRE) == TASKSRV_TASK_RUNNING;
}

static int send_failure(tasksrv_server_t *s, int peer, int64_t task_id, uint32_t origin_gen, uint16_t task_flags,
	const tasksrv_failure_t *fail, int blocking);

int tasksrv_server_report_lost_task(tasksrv_server_t *s, int worker_id, int reason, int signo, int exit_status)
{
	tasksrv_worker_slot_t *slot = &s->shm->workers[worker_id];
	tasksrv_failure_t fail;
	char msg[160];
	int peer;

	if (!claim_outcome(s->shm, slot, TASKSRV_TASK_TAKEN, reason)) {
		return 0;
	}
	peer = slot->cur_src;
	memset(&fail, 0, sizeof(fail));
	fail.reason = reason;
	fail.worker_id = worker_id;
	fail.signo = signo;
	fail.exit_status = exit_status;
	if (reason == TASKSRV_FAIL_TIMEOUT) {
		snprintf(msg, sizeof(msg), "task %ld ran longer than task_timeout (%.3f s); task worker #%d is being stopped",
			(long) slot->cur_task_id, s->cfg.task_timeout_ms / 1000.0, worker_id);
	} else if (signo) {
		snprintf(msg, sizeof(msg), "task worker #%d (pid %d) was killed by signal %d while running task %ld",
			worker_id, (int) slot->pid, signo, (long) slot->cur_task_id);
	} else {
		snprintf(msg, sizeof(msg), "task worker #%d (pid %d) exited with status %d while running task %ld",
			worker_id, (int) slot->pid, exit_status, (long) slot->cur_task_id);
	}
	fail.message = msg;
	fail.message_len = strlen(msg);
	if ((slot->cur_flags & TASKSRV_FLAG_NOREPLY) || peer == tasksrv_server_endpoint_manager(s)) {
		/* A one-way task: nobody waits for it, so the log is where it is told. */
		tasksrv_log(TASKSRV_LOG_WARNING, "one-way task %ld failed (%s): %s", (long) slot->cur_task_id,
			tasksrv_failure_reason_name(reason), msg);
		return 1;
	}
	return send_failure(s, peer, slot->cur_task_id, slot->cur_gen, slot->cur_flags, &fail, 0) < 0 ? -1 : 1;
}

/* Writes a task's failure to the worker that sent it (its last frame). */
static int send_failure(tasksrv_server_t *s, int peer, int64_t task_id, uint32_t origin_gen, uint16_t task_flags,
	const tasksrv_failure_t *fail, int blocking)
{
	tasksrv_buffer_t buf = {0};
	tasksrv_frame_t f;
	int rc;

	if (tasksrv_failure_encode(fail, &buf) < 0) {
		return -1;
	}
	memset(&f, 0, sizeof(f));
	f.version = TASKSRV_FRAME_VERSION;
	f.type = TASKSRV_FRAME_RESULT;
	f.flags = TASKSRV_FLAG_FAILURE | TASKSRV_FLAG_FINAL
		| (task_flags & (TASKSRV_FLAG_NONBLOCK | TASKSRV_FLAG_CALLBACK | TASKSRV_FLAG_WAITALL));
	f.len = (uint32_t) tasksrv_buffer_size(&buf);
	f.task_id = task_id;
	f.src_worker = fail->worker_id;
	f.origin_gen = origin_gen;
	f.time = tasksrv_io_unix_time();
	rc = blocking ? tasksrv_server_send_blocking(s, peer, &f, tasksrv_buffer_head(&buf))
		: tasksrv_server_send_async(s, peer, &f, tasksrv_buffer_head(&buf));
	tasksrv_buffer_free(&buf);
	return rc;
}

/* A task that reached this task worker and never started fails with `reason`: it
 * leaves the queue as a failure and its sender is told. */
static void fail_unstarted_task(tasksrv_server_t *s, int peer, const tasksrv_frame_t *hdr, int reason, const char *msg)
{
	tasksrv_failure_t fail;

	TASKSRV_ATOMIC_ADD(&s->shm->workers[s->worker_id].queued, -1);
	TASKSRV_ATOMIC_ADD(&s->shm->task_queue_bytes, -(int64_t) hdr->len);
	TASKSRV_ATOMIC_ADD(&s->shm->task_failed_by_reason[reason], 1);
	memset(&fail, 0, sizeof(fail));
	fail.reason = reason;
	fail.worker_id = s->worker_id;
	fail.exit_status = -1;
	fail.message = msg;
	fail.message_len = strlen(msg);
	if ((hdr->flags & TASKSRV_FLAG_NOREPLY) || peer == tasksrv_server_endpoint_manager(s)) {
		tasksrv_log(TASKSRV_LOG_WARNING, "one-way task %ld failed (%s): %s", (long) hdr->task_id,
			tasksrv_failure_reason_name(reason), msg);
		return;
	}
	if (send_failure(s, peer, hdr->task_id, hdr->origin_gen, hdr->flags, &fail, 1) < 0) {
		tasksrv_log(TASKSRV_LOG_WARNING, "cannot tell worker #%d that task %ld failed: %s", peer,
			(long) hdr->task_id, strerror(errno));
	}
}

void tasksrv_server_report_cut_task(tasksrv_server_t *s, int peer, const tasksrv_frame_t *hdr)
{
	char msg[160];

	if (hdr->type != TASKSRV_FRAME_TASK || tasksrv_frame_check(hdr) != NULL) {
		return;
	}
	snprintf(msg, sizeof(msg), "task worker #%d died while receiving task %ld (%u bytes of data)",
		s->worker_id, (long) hdr->task_id, hdr->len);
	fail_unstarted_task(s, peer, hdr, TASKSRV_FAIL_WORKER_DIED, msg);
}

/* A task's last result that its worker cannot take becomes the caller's failure,
 * made here as the task worker would have sent it (too_large instead of done). */
static int refused_result(tasksrv_server_t *s, const tasksrv_frame_t *hdr, tasksrv_frame_t *f, void **handle)
{
	tasksrv_buffer_t buf = {0};
	tasksrv_failure_t fail;
	char msg[200], *dst;

	snprintf(msg, sizeof(msg), "the result of task %ld (%u bytes) is more than worker #%d can take "
		"(memory_limit); task worker #%d ran the task", (long) hdr->task_id, hdr->len, s->worker_id, hdr->src_worker);
	memset(&fail, 0, sizeof(fail));
	fail.reason = TASKSRV_FAIL_TOO_LARGE;
	fail.worker_id = hdr->src_worker;
	fail.exit_status = -1;
	fail.message = msg;
	fail.message_len = strlen(msg);
	if (tasksrv_failure_encode(&fail, &buf) < 0
			|| (dst = s->hooks->payload_alloc(s, tasksrv_buffer_size(&buf), handle)) == NULL) {
		tasksrv_buffer_free(&buf);
		return 0;
	}
	memcpy(dst, tasksrv_buffer_head(&buf), tasksrv_buffer_size(&buf));
	*f = *hdr;
	f->flags = TASKSRV_FLAG_FAILURE | TASKSRV_FLAG_FINAL
		| (hdr->flags & (TASKSRV_FLAG_NONBLOCK | TASKSRV_FLAG_CALLBACK | TASKSRV_FLAG_WAITALL));
	f->len = (uint32_t) tasksrv_buffer_size(&buf);
	tasksrv_buffer_free(&buf);
	/* The task worker booked it as done. */
	TASKSRV_ATOMIC_ADD(&s->shm->task_done, -1);
	TASKSRV_ATOMIC_ADD(&s->shm->task_failed_by_reason[TASKSRV_FAIL_TOO_LARGE], 1);
	return 1;
}

int tasksrv_server_refuse_frame(tasksrv_server_t *s, int peer, const tasksrv_frame_t *hdr, tasksrv_frame_t *f, void **handle)
{
	char msg[200];

	*handle = NULL;
	if (hdr->type == TASKSRV_FRAME_TASK && s->role == TASKSRV_ROLE_TASK_WORKER) {
		snprintf(msg, sizeof(msg), "the data of task %ld (%u bytes) is more than task worker #%d can take "
			"(memory_limit); the task was not run", (long) hdr->task_id, hdr->len, s->worker_id);
		tasksrv_log(TASKSRV_LOG_WARNING, "%s", msg);
		fail_unstarted_task(s, peer, hdr, TASKSRV_FAIL_TOO_LARGE, msg);
		return 0;
	}
	if (hdr->type == TASKSRV_FRAME_RESULT && (hdr->flags & TASKSRV_FLAG_FINAL)
			&& !(hdr->flags & TASKSRV_FLAG_FAILURE) && refused_result(s, hdr, f, handle)) {
		tasksrv_log(TASKSRV_LOG_WARNING, "the result of task %ld (%u bytes) is more than worker #%d can take "
			"(memory_limit): the task fails as too_large", (long) hdr->task_id, hdr->len, s->worker_id);
		return 1;
	}
	TASKSRV_ATOMIC_ADD(&s->shm->frames_refused, 1);
	tasksrv_log(TASKSRV_LOG_WARNING, "dropped a message of %u bytes from endpoint %d (frame type %d): "
		"more than this process can take (memory_limit)", hdr->len, peer, hdr->type);
	return 0;
}

int64_t tasksrv_server_drop_backlog(tasksrv_server_t *s)
{
	int64_t n = 0;
	tasksrv_frame_t f;

	while (tasksrv_buffer_size(&s->backlog) >= sizeof(f)) {
		memcpy(&f, tasksrv_buffer_head(&s->backlog), sizeof(f));
		tasksrv_buffer_consume(&s->backlog, sizeof(f) + f.len);
		n++;
	}
	backlog_counted(s, -n);
	TASKSRV_ATOMIC_ADD(&s->shm->task_failed_by_reason[TASKSRV_FAIL_SHUTDOWN], n);
	return n;
}

/* The tasks a dead process had accepted (task() returned an id) whose frames never
 * reached the wire: in its output buffer, or cut by its death (its successor
 * completes that frame with padding, which the task worker drops). They leave the
 * queue as failures; only the counters and the log can tell, their caller died. */
static int64_t book_unsent_to(tasksrv_server_t *s, int worker_id, int dst, uint64_t *bytes)
{
	tasksrv_chan_track_t *t = tasksrv_shm_track(s->shm, s->nendpoints, dst, worker_id);
	tasksrv_frame_t hdr;
	int64_t n;

	if (t == NULL) {
		return 0;
	}
	n = t->w_pend_tasks;
	*bytes = t->w_pend_bytes;
	t->w_pend_tasks = 0;
	t->w_pend_bytes = 0;
	memcpy(&hdr, t->w_hdr, sizeof(hdr));
	if (t->w_total > 0 && t->w_sent < t->w_total && !t->w_booked && hdr.type == TASKSRV_FRAME_TASK) {
		t->w_booked = 1;
		n++;
		*bytes += hdr.len;
	}
	return n;
}

int64_t tasksrv_server_book_unsent(tasksrv_server_t *s, int worker_id, int reason)
{
	int w = s->cfg.worker_num, t = s->cfg.task_worker_num, j;
	tasksrv_worker_slot_t *slot = &s->shm->workers[worker_id];
	int64_t lost = 0, n;
	uint64_t bytes;

	for (j = w; j < w + t; j++) {
		if (j == worker_id || (n = book_unsent_to(s, worker_id, j, &bytes)) == 0) {
			continue;
		}
		TASKSRV_ATOMIC_ADD(&s->shm->workers[j].queued, (int32_t) -n);
		TASKSRV_ATOMIC_ADD(&s->shm->task_queue_bytes, -(int64_t) bytes);
		lost += n;
	}
	if ((n = TASKSRV_ATOMIC_LOAD(&slot->backlog)) > 0) {
		TASKSRV_ATOMIC_ADD(&s->shm->task_backlog, -n);
		TASKSRV_ATOMIC_STORE(&slot->backlog, 0);
		lost += n;
	}
	if (lost > 0) {
		TASKSRV_ATOMIC_ADD(&s->shm->task_failed_by_reason[reason], lost);
	}
	return lost;
}
