/* tasksrv: connection operations from a process that does not hold the socket.
 * A session belongs to one process, its owner (the session table's worker_id: the
 * event worker that accepted it in SWOOLE_BASE). send()/close()/pause()/resume()
 * called anywhere else travel to the owner as a CONN frame on the channel matrix;
 * the owner performs them in its loop, so onClose always runs where the socket is. */
#include "forward.h"
#include "channel.h"
#include "master.h"
#include "worker.h"
#include "io.h"
#include "log.h"

#include <errno.h>
#include <string.h>

int tasksrv_forward_session_owner(tasksrv_server_t *s, int64_t session)
{
	tasksrv_session_t *sess = s->shm ? tasksrv_shm_session_get(s->shm, session) : NULL;

	return sess ? sess->worker_id : -1;
}

/* Whether the owner endpoint is a process that runs now and can take the frame. */
static int owner_reachable(tasksrv_server_t *s, int owner)
{
	if (owner < 0 || owner >= s->nendpoints || owner == s->self_endpoint || s->peers == NULL
			|| s->peers[owner].h.fd < 0) {
		return 0;
	}
	/* Workers have a slot: a dead one cannot serve its connections (they are dropped
	 * when the manager reaps it). Endpoints without a slot are trusted as alive. */
	if ((uint32_t) owner < s->shm->nworkers) {
		tasksrv_worker_slot_t *slot = &s->shm->workers[owner];
		return TASKSRV_ATOMIC_LOAD(&slot->pid) != 0 && TASKSRV_ATOMIC_LOAD(&slot->status) != TASKSRV_WORKER_EXIT;
	}
	return 1;
}

/* SWOOLE_BASE: send() bytes on their way to the connection's owner (CONN frames it
 * has not handled), for the output cap of every other process, as the PROCESS
 * master counts what is on its way to it. */
static void pending_add(tasksrv_server_t *s, int64_t session, int64_t n)
{
	tasksrv_session_t *sess = tasksrv_shm_session_get(s->shm, session);

	if (sess) {
		TASKSRV_ATOMIC_ADD(&sess->send_pending_bytes, n);
	}
}

static int forward(tasksrv_server_t *s, int64_t session, int op, const char *data, size_t len)
{
	int owner = tasksrv_forward_session_owner(s, session), rc;
	tasksrv_frame_t f;

	if (!owner_reachable(s, owner)) {
		return -1;
	}
	tasksrv_frame_conn_op(&f, session, op, s->worker_id >= 0 ? s->worker_id : s->self_endpoint, (uint32_t) len);
	if (op == TASKSRV_CONN_SEND) {
		pending_add(s, session, (int64_t) len);
	}
	/* A task worker runs PHP with no loop turn to finish an async write, and a user
	 * process has no loop at all: they write now. */
	if (s->role == TASKSRV_ROLE_TASK_WORKER || s->role == TASKSRV_ROLE_USER) {
		rc = tasksrv_channel_send_blocking(s, owner, &f, data);
	} else {
		rc = tasksrv_channel_send_async(s, owner, &f, data);
	}
	if (rc < 0 && op == TASKSRV_CONN_SEND) {
		pending_add(s, session, -(int64_t) len);
	}
	return rc < 0 ? -1 : 0;
}

/* The output caps of a process that does not hold the socket. SWOOLE_PROCESS: the
 * master holds the output of every connection; SWOOLE_BASE: the event worker that
 * accepted it. What the owner has queued and what is on its way to it count against
 * socket_buffer_size, as an owner's own queue does, so a client that never reads
 * cannot grow the owner, and the sender learns it (false) as the owner would. */
static int output_full(tasksrv_server_t *s, int64_t session, size_t len)
{
	tasksrv_session_t *sess = tasksrv_shm_session_get(s->shm, session);
	int64_t queued;

	if (sess == NULL) {
		return 0;
	}
	queued = TASKSRV_ATOMIC_LOAD(&sess->send_queued_bytes) + TASKSRV_ATOMIC_LOAD(&sess->send_pending_bytes);
	if (queued > 0 && (size_t) queued + len > s->cfg.socket_buffer_size) {
		static tasksrv_log_limit_t lim;
		tasksrv_log_limited(&lim, TASKSRV_LOG_WARNING, "connection#%ld output buffer overflow (%ld bytes queued, socket_buffer_size %zu)",
			(long) session, (long) queued, s->cfg.socket_buffer_size);
		return 1;
	}
	return 0;
}

/* A send() longer than output_buffer_size fails wherever it is called. */
static int too_long(tasksrv_server_t *s, size_t len)
{
	if (len > s->cfg.output_buffer_size) {
		tasksrv_log(TASKSRV_LOG_WARNING, "The length of data [%zu] exceeds the output buffer size[%zu], please use "
			"the sendfile, chunked transfer mode or adjust the output_buffer_size", len, s->cfg.output_buffer_size);
		return 1;
	}
	return 0;
}

int tasksrv_forward_conn_op(tasksrv_server_t *s, int64_t session, int op, const char *data, size_t len)
{
	int rc;

	if (s->shm == NULL || tasksrv_shm_session_get(s->shm, session) == NULL) {
		return -1;
	}
	/* SWOOLE_PROCESS: the master holds every socket (src/core/master.c). */
	if (s->cfg.mode == TASKSRV_MODE_PROCESS) {
		if (op == TASKSRV_CONN_SEND && (too_long(s, len) || output_full(s, session, len))) {
			return -2;
		}
		if (op == TASKSRV_CONN_SEND && len > TASKSRV_FRAME_MAX_LEN && s->role != TASKSRV_ROLE_MASTER) {
			tasksrv_log(TASKSRV_LOG_WARNING, "The length of data [%zu] exceeds the largest message between processes "
				"[%u]: SWOOLE_PROCESS sends it through the master; split it or use sendfile()", len, TASKSRV_FRAME_MAX_LEN);
			return -2;
		}
		if (op == TASKSRV_CONN_SEND || op == TASKSRV_CONN_CLOSE || op == TASKSRV_CONN_CLOSE_RESET) {
			return tasksrv_master_forward(s, op == TASKSRV_CONN_SEND ? TASKSRV_FRAME_SEND : TASKSRV_FRAME_DISCONNECT,
				session, data, len) < 0 ? -1 : 0;
		}
		return tasksrv_master_conn_op(s, session, op) < 0 ? -1 : 0;
	}
	if (s->role == TASKSRV_ROLE_WORKER) {
		rc = tasksrv_worker_conn_op(s, session, op, data, len);
		if (rc != -1 || tasksrv_forward_session_owner(s, session) == s->worker_id) {
			return rc;
		}
	}
	if (op == TASKSRV_CONN_SEND && (too_long(s, len) || output_full(s, session, len))) {
		return -2;
	}
	if (len > TASKSRV_FRAME_MAX_LEN) {
		return -2;
	}
	return forward(s, session, op, data, len);
}

int tasksrv_forward_send(tasksrv_server_t *s, int64_t session, const char *data, size_t len)
{
	return tasksrv_forward_conn_op(s, session, TASKSRV_CONN_SEND, data, len);
}

int tasksrv_forward_close(tasksrv_server_t *s, int64_t session)
{
	return tasksrv_forward_conn_op(s, session, TASKSRV_CONN_CLOSE, NULL, 0);
}

void tasksrv_forward_on_frame(tasksrv_server_t *s, const tasksrv_frame_t *f, const char *data)
{
	/* SWOOLE_PROCESS: pause()/resume() for the master. */
	if (s->role == TASKSRV_ROLE_MASTER) {
		tasksrv_master_conn_op(s, f->session, f->conn_op);
		return;
	}
	if (f->conn_op == TASKSRV_CONN_SEND) {
		pending_add(s, f->session, -(int64_t) f->len);
	}
	/* The session may have ended since the frame was sent: then there is nothing to do. */
	if (s->role != TASKSRV_ROLE_WORKER
			|| tasksrv_worker_conn_op(s, f->session, f->conn_op, data ? data : "", f->len) == -2) {
		tasksrv_log(TASKSRV_LOG_DEBUG, "connection#%ld: forwarded operation %d from #%d not done",
			(long) f->session, f->conn_op, f->src_worker);
	}
}

int tasksrv_forward_idle_sessions(tasksrv_server_t *s, int64_t idle_ms, void (*fn)(void *ctx, int64_t session), void *ctx)
{
	double limit = tasksrv_io_unix_time() - (double) idle_ms / 1000.0;
	tasksrv_session_t *sess;
	int64_t id = 0;
	int n = 0;

	while (s->shm && (sess = tasksrv_shm_session_next(s->shm, id, &id)) != NULL) {
		if (!(TASKSRV_ATOMIC_LOAD(&sess->flags) & TASKSRV_SESSION_PROTECTED) && sess->active_time < limit) {
			fn(ctx, id);
			n++;
		}
	}
	return n;
}
