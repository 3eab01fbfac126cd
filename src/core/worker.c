/* tasksrv: the event worker. It accepts connections on the shared listening
 * sockets and hands their events to PHP (worker_conn_ops: onConnect, each packet to
 * onReceive, onClose, onBufferFull/onBufferEmpty); the connection table, reading,
 * framing and output are src/core/conn.c's. It reads datagrams of UDP and Unix datagram
 * ports for onPacket, and receives task results from the task workers. */
#include "worker.h"
#include "channel.h"
#include "conn.h"
#include "task.h"
#include "io.h"
#include "log.h"
#include "signals.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define DGRAM_BATCH 64
#define DGRAM_MAX 65536

/* Marks whose port's callbacks the next event uses; returns the previous mark (a
 * callback of one connection may close another: the marks nest). */
static int port_enter(tasksrv_server_t *s, int port)
{
	int prev = s->cur_port;

	s->cur_port = port;
	return prev;
}

/* Every event worker watches a datagram port (EPOLLEXCLUSIVE: one wakes per
 * readiness); a datagram another worker took first leaves us EAGAIN. */
static void on_datagram(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, uint32_t events)
{
	static char buf[DGRAM_MAX];
	tasksrv_listener_t *l = h->ctx;
	tasksrv_server_t *s = l->srv;
	struct sockaddr_storage ss;
	char addr[TASKSRV_UNIX_PATH_MAX];
	socklen_t len;
	ssize_t n;
	int i, port, prev;

	(void) loop;
	(void) events;
	for (i = 0; i < DGRAM_BATCH && !s->exiting && l->fd >= 0; i++) {
		len = sizeof(ss);
		memset(&ss, 0, sizeof(ss));
		n = recvfrom(l->fd, buf, sizeof(buf), MSG_DONTWAIT, (struct sockaddr *) &ss, &len);
		if (n < 0) {
			if (errno == EINTR) {
				continue;
			}
			if (errno != EAGAIN && errno != EWOULDBLOCK) {
				tasksrv_log(TASKSRV_LOG_WARNING, "recvfrom() failed: %s", strerror(errno));
			}
			return;
		}
		addr[0] = '\0';
		port = len > 0 ? tasksrv_listener_peer(&ss, addr, sizeof(addr)) : 0;
		TASKSRV_ATOMIC_ADD(&s->shm->total_recv_bytes, n);
		TASKSRV_ATOMIC_ADD(&s->shm->request_count, 1);
		TASKSRV_ATOMIC_ADD(&s->shm->workers[s->worker_id].request_count, 1);
		if (s->hooks->on_packet) {
			prev = port_enter(s, l->index);
			s->hooks->on_packet(s, l, buf, (size_t) n, addr, port);
			s->cur_port = prev;
		}
	}
}

/* One packet to onReceive. As Swoole counts them: dispatch_count when it is handed
 * over, request_count when the call is over; concurrency while it runs. */
static void deliver(tasksrv_server_t *s, tasksrv_conn_t *c, const char *data, size_t n)
{
	tasksrv_worker_slot_t *slot = &s->shm->workers[s->worker_id];
	tasksrv_session_t *sess = tasksrv_shm_session_get(s->shm, c->session);

	if (sess) {
		sess->last_dispatch_time = tasksrv_io_unix_time();
		size_t queued = tasksrv_buffer_size(&c->in);

		sess->recv_queued_bytes = (int64_t) (queued > n ? queued - n : 0);
	}
	TASKSRV_ATOMIC_ADD(&s->shm->dispatch_count, 1);
	TASKSRV_ATOMIC_ADD(&slot->dispatch_count, 1);
	TASKSRV_ATOMIC_ADD(&s->shm->concurrency, 1);
	TASKSRV_ATOMIC_ADD(&slot->concurrency, 1);
	if (s->hooks->on_receive) {
		int prev = port_enter(s, c->port);
		s->hooks->on_receive(s, c->session, s->worker_id, data, n);
		s->cur_port = prev;
	}
	TASKSRV_ATOMIC_ADD(&slot->concurrency, -1);
	TASKSRV_ATOMIC_ADD(&s->shm->concurrency, -1);
	TASKSRV_ATOMIC_ADD(&s->shm->request_count, 1);
	TASKSRV_ATOMIC_ADD(&slot->request_count, 1);
}

/* send() on an own connection: write at once when nothing is queued, queue the rest
 * (up to socket_buffer_size), fire onBufferFull past the high water mark. */
static int conn_send(tasksrv_server_t *s, tasksrv_conn_t *c, const char *data, size_t len)
{
	tasksrv_session_t *sess;
	size_t queued = tasksrv_buffer_size(&c->out);

	if (len > s->cfg.output_buffer_size) {
		tasksrv_log(TASKSRV_LOG_WARNING, "The length of data [%zu] exceeds the output buffer size[%zu], please use "
			"the sendfile, chunked transfer mode or adjust the output_buffer_size", len, s->cfg.output_buffer_size);
		return -2;
	}
	if (queued > 0 && queued + len > s->cfg.socket_buffer_size) {
		static tasksrv_log_limit_t lim;
		tasksrv_log_limited(&lim, TASKSRV_LOG_WARNING, "connection#%ld output buffer overflow (%zu bytes queued, socket_buffer_size %zu)",
			(long) c->session, queued, s->cfg.socket_buffer_size);
		return -2;
	}
	if (tasksrv_conn_write(s, c, data, len) < 0) {
		return -1;
	}
	TASKSRV_ATOMIC_ADD(&s->shm->total_send_bytes, (int64_t) len);
	TASKSRV_ATOMIC_ADD(&s->shm->response_count, 1);
	TASKSRV_ATOMIC_ADD(&s->shm->workers[s->worker_id].response_count, 1);
	sess = tasksrv_shm_session_get(s->shm, c->session);
	if (sess) {
		sess->last_send_time = tasksrv_io_unix_time();
	}
	tasksrv_conn_queued(s, c);
	tasksrv_conn_watermarks(s, c, 0);
	return 0;
}

/* An own connection of session, or NULL (another process's, or gone). */
static tasksrv_conn_t *own_conn(tasksrv_server_t *s, int64_t session)
{
	tasksrv_session_t *sess = tasksrv_shm_session_get(s->shm, session);

	if (sess == NULL || sess->worker_id != s->worker_id) {
		return NULL;
	}
	return tasksrv_conn_find(s, session, sess->os_fd);
}

int tasksrv_worker_send_wait(tasksrv_server_t *s, int64_t session, const char *data, size_t len)
{
	tasksrv_conn_t *c = own_conn(s, session);

	if (c == NULL || c->closing || conn_send(s, c, data, len) < 0) {
		return -1;
	}
	return tasksrv_conn_drain_wait(s, c);
}

int tasksrv_worker_conn_op(tasksrv_server_t *s, int64_t session, int op, const char *data, size_t len)
{
	tasksrv_conn_t *c = own_conn(s, session);

	if (c == NULL || c->closing) {
		return -1;
	}
	switch (op) {
		case TASKSRV_CONN_SEND:
			return conn_send(s, c, data, len);
		case TASKSRV_CONN_CLOSE_RESET:
		case TASKSRV_CONN_CLOSE:
			if (op == TASKSRV_CONN_CLOSE_RESET) {
				tasksrv_buffer_consume(&c->out, tasksrv_buffer_size(&c->out));
			}
			tasksrv_conn_end(s, c, -1);
			return 0;
		case TASKSRV_CONN_PAUSE:
		case TASKSRV_CONN_RESUME:
			tasksrv_conn_pause(s, c, op == TASKSRV_CONN_PAUSE);
			return 0;
	}
	return -1;
}

/* {{{ the event worker's part of its connections (src/core/conn.c): PHP callbacks */
static void conn_accepted(tasksrv_server_t *s, tasksrv_conn_t *c)
{
	if (s->hooks->on_connect) {
		int prev = port_enter(s, c->port);
		s->hooks->on_connect(s, c->session, s->worker_id);
		s->cur_port = prev;
	}
}

static void conn_closed(tasksrv_server_t *s, tasksrv_conn_t *c, int64_t session, int reactor_id)
{
	if (s->hooks->on_close && !s->exiting) {
		int prev = port_enter(s, c->port);
		s->hooks->on_close(s, session, reactor_id);
		s->cur_port = prev;
	}
}

static void conn_watermark(tasksrv_server_t *s, tasksrv_conn_t *c, int full)
{
	void (*hook)(tasksrv_server_t *, int64_t) = full ? s->hooks->on_buffer_full : s->hooks->on_buffer_empty;

	if (hook) {
		int prev = port_enter(s, c->port);
		hook(s, c->session);
		s->cur_port = prev;
	}
}

static const tasksrv_conn_ops_t worker_conn_ops = {
	.accepted = conn_accepted,
	.packet = deliver,
	.closed = conn_closed,
	.watermark = conn_watermark,
};
/* }}} */

static void worker_on_signal(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, uint32_t events)
{
	int signo;

	(void) events;
	while ((signo = tasksrv_signals_next_for(NULL, 0)) != 0) {
		if ((signo == SIGTERM || signo == SIGINT) && tasksrv_signals_stop_signal(h->ctx, signo)) {
			tasksrv_loop_stop(loop);
		}
	}
}

/* What keeps a stopping worker's loop non-empty: tasks it awaits an outcome for,
 * and connections with unsent output. (tasksrv has no PHP timers.) */
static int pending_work(tasksrv_server_t *s)
{
	return (s->hooks->outstanding ? s->hooks->outstanding(s) : 0) + tasksrv_conn_unsent(s);
}

static int worker_idle(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_server_t *s = ctx;
	int more = tasksrv_channel_run_deferred(loop, s);

	/* A task backend's batch of this turn leaves now; what it read is handed out. */
	if (tasksrv_transport_flush(&s->transport)) {
		more = 1;
	}
	if (s->worker.draining && loop->running) {
		if (pending_work(s) == 0) {
			tasksrv_loop_stop(loop);
		} else if (s->hooks->on_worker_exit && !s->exiting) {
			/* As Swoole: onWorkerExit at every turn of the loop while work is left. */
			s->hooks->on_worker_exit(s, s->worker_id);
		}
	}
	/* Last: callbacks above may have taken frames from the rings. */
	if (!more && loop->running && tasksrv_channel_prepare_sleep(s)) {
		more = 1;
	}
	return more;
}

static void drain_timeout(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_server_t *s = ctx;

	s->worker.drain_expired = 1;
	tasksrv_loop_stop(loop);
}

/* Stopping keeps the loop turning (without accepting) until every task this worker
 * sent has its outcome and every connection's output is written, or max_wait_time
 * is over; then the tasks left fail as "shutdown" and the output left is dropped. */
static void drain(tasksrv_server_t *s)
{
	if (s->exiting || pending_work(s) == 0) {
		return;
	}
	s->worker.draining = 1;
	s->worker.drain_expired = 0;
	TASKSRV_ATOMIC_STORE(&s->shm->workers[s->worker_id].status, TASKSRV_WORKER_EXIT);
	tasksrv_loop_timer_add(&s->loop, s->cfg.max_wait_time_ms, drain_timeout, s);
	tasksrv_loop_run(&s->loop);
	s->worker.draining = 0;
	if (s->worker.drain_expired && !s->exiting) {
		tasksrv_log(TASKSRV_LOG_WARNING, "Worker::drain() (ERRNO 9101): worker exit timeout, forced termination");
	}
	if (!s->exiting && s->hooks->outstanding(s) > 0) {
		s->hooks->on_drain_expired(s);
	}
}

void tasksrv_worker_stop(tasksrv_server_t *s)
{
	tasksrv_loop_stop(&s->loop);
}

int tasksrv_worker_main(tasksrv_server_t *s)
{
	/* SIGWINCH only where there is no manager to forward it: a terminal resize
	 * reaches the whole group, and a signal cuts a sleep() in a callback short. */
	const int sigs[] = {SIGTERM, SIGRTMIN, SIGINT, SIGWINCH};
	int i;

	if (tasksrv_loop_init(&s->loop) < 0) {
		return 1;
	}
	s->loop.idle = worker_idle;
	s->loop.idle_ctx = s;
	s->conn_ops = &worker_conn_ops;
	/* In the multi-process form Ctrl-C reaches the whole group; the manager alone
	 * turns it into an orderly stop. */
	tasksrv_signals_install(sigs, s->single ? 4 : 2);
	if (!s->single) {
		tasksrv_signals_ignore(SIGINT);
	}
	tasksrv_signals_ignore(SIGPIPE);
	s->sig_h.fn = worker_on_signal;
	s->sig_h.ctx = s;
	tasksrv_loop_add(&s->loop, &s->sig_h, tasksrv_signals_fd(), EPOLLIN);
	/* EPOLLEXCLUSIVE: one worker wakes per new connection or datagram, not all of them.
	 * PROCESS mode: the master accepts, connections come as frames from it; datagram
	 * ports are still read here. */
	for (i = 0; i < s->ports.n; i++) {
		tasksrv_listener_t *l = s->ports.items[i];
		if (s->cfg.mode == TASKSRV_MODE_PROCESS && !tasksrv_listener_is_dgram(l)) {
			continue;
		}
		l->h.fn = tasksrv_listener_is_dgram(l) ? on_datagram : tasksrv_conn_on_accept;
		l->h.ctx = l;
		tasksrv_loop_add(&s->loop, &l->h, l->fd, EPOLLIN | (s->single ? 0 : EPOLLEXCLUSIVE));
	}
	/* SWOOLE_BASE: each worker looks after its own connections. */
	if (s->cfg.mode != TASKSRV_MODE_PROCESS) {
		tasksrv_conn_heartbeat_start(s);
	}
	for (i = 0; s->peers && i < s->nendpoints; i++) {
		if (s->peers[i].h.fd >= 0) {
			s->peers[i].registered = tasksrv_loop_add(&s->loop, &s->peers[i].h, s->peers[i].h.fd, EPOLLIN) == 0;
		}
	}
	if (tasksrv_channel_watch_rings(s) < 0) {
		tasksrv_log(TASKSRV_LOG_ERROR, "cannot watch the channel rings: %s", strerror(errno));
		return 1;
	}
	tasksrv_log_set_process(s->single ? '#' : '*', s->worker_id);
	/* A task backend: the results of this worker's tasks come from outside. */
	tasksrv_transport_watch(&s->transport, &s->loop);
	TASKSRV_ATOMIC_STORE(&s->shm->workers[s->worker_id].status, TASKSRV_WORKER_IDLE);
	/* As Swoole in BASE mode: worker #0 stands for the master; onStart runs once.
	 * PROCESS mode: the master is a process of its own and runs onStart itself. */
	if (s->worker_id == 0 && s->cfg.mode != TASKSRV_MODE_PROCESS) {
		s->shm->master_pid = getpid();
	}
	if (s->worker_id == 0 && s->gen == 1 && s->cfg.mode != TASKSRV_MODE_PROCESS) {
		if (s->hooks->on_start) {
			s->hooks->on_start(s);
		}
	}
	if (!s->exiting && s->hooks->on_worker_start) {
		s->hooks->on_worker_start(s, s->worker_id);
	}
	if (!s->exiting && tasksrv_loop_run(&s->loop) < 0) {
		tasksrv_log(TASKSRV_LOG_ERROR, "event loop failed: %s", strerror(errno));
	}
	if (s->exiting) {
		return 0;
	}
	for (i = 0; i < s->ports.n; i++) {
		if (s->ports.items[i]->h.fd >= 0) {
			tasksrv_loop_del(&s->loop, &s->ports.items[i]->h);
		}
	}
	drain(s);
	/* task_ipc_mode 3: what still waits here for a free task worker now (tasks
	 * whose waiter gave up: drain() waits for the others) will never run. */
	tasksrv_task_drop_backlog(s);
	if (s->worker_id == 0 && s->cfg.mode != TASKSRV_MODE_PROCESS && (s->single || TASKSRV_ATOMIC_LOAD(&s->shm->shutting_down))
			&& s->hooks->on_before_shutdown) {
		s->hooks->on_before_shutdown(s);
	}
	tasksrv_conn_close_all(s, 1);
	tasksrv_channel_flush(s, tasksrv_io_now_ms() + 1000);
	tasksrv_channel_run_deferred(&s->loop, s);
	TASKSRV_ATOMIC_STORE(&s->shm->workers[s->worker_id].status, TASKSRV_WORKER_EXIT);
	if (!s->exiting && s->hooks->on_worker_stop) {
		s->hooks->on_worker_stop(s, s->worker_id);
	}
	if (s->single && !s->exiting && s->hooks->on_shutdown) {
		s->hooks->on_shutdown(s);
	}
	return 0;
}
