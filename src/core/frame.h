/* tasksrv: the IPC frame. Every message between two processes is a 32-byte
 * header followed by `len` payload bytes, through a channel (src/core/channel.c).
 * Both ends are the same machine and build, so fields are native-endian. */
#ifndef TASKSRV_FRAME_H
#define TASKSRV_FRAME_H

#include <stdint.h>
#include <string.h>

#include "io.h"

#define TASKSRV_FRAME_VERSION 1
/* No single payload may exceed this: a corrupt length must not become a 4 GiB allocation. */
#define TASKSRV_FRAME_MAX_LEN (1024u * 1024u * 1024u)

enum tasksrv_frame_type {
	TASKSRV_FRAME_TASK = 1,    /* worker -> task worker */
	TASKSRV_FRAME_RESULT = 2,  /* task worker -> the worker that sent the task */
	TASKSRV_FRAME_PIPE = 3,    /* sendMessage() */
	/* SWOOLE_PROCESS: the master owns the client sockets (task_id = session id,
	 * src_worker = reactor id from the master, the sender's worker id to it;
	 * origin_gen = the socket's OS fd to it). */
	TASKSRV_FRAME_CONNECT = 4, /* master -> worker: a client connected */
	TASKSRV_FRAME_RECEIVE = 5, /* master -> worker: one packet of a client */
	TASKSRV_FRAME_CLOSE = 6,   /* master -> worker: the connection is gone (reactor -1: by close()) */
	TASKSRV_FRAME_SEND = 7,    /* any process -> master: bytes for a client */
	TASKSRV_FRAME_DISCONNECT = 8, /* any process -> master: close() */
	/* SWOOLE_BASE: send()/close()/pause()/resume() for the event worker owning the
	 * session (task_id = session id, flags = enum tasksrv_conn_op, payload = bytes). */
	TASKSRV_FRAME_CONN = 9,
	/* SWOOLE_PROCESS, master -> the connection's worker: its queued output crossed
	 * buffer_high_watermark / drained to buffer_low_watermark (onBufferFull/Empty). */
	TASKSRV_FRAME_BUFFER_FULL = 10,
	TASKSRV_FRAME_BUFFER_EMPTY = 11,
	/* SWOOLE_PROCESS, the client half-closed (shutdown(SHUT_WR)): master -> every worker
	 * that got packets of it, behind them; the worker answers EOF_ACK behind the
	 * replies it sent for them, and the master closes once every answer is in. */
	TASKSRV_FRAME_EOF = 12,
	TASKSRV_FRAME_EOF_ACK = 13,
	/* The reader of the channel the other way found it corrupt (channel.c): its writer
	 * fails what it had put on it and stops writing until the reader has reset it.
	 * Handled by the channels themselves, never handed out. */
	TASKSRV_FRAME_CHANNEL_BROKEN = 14,
	TASKSRV_FRAME_TYPE_MAX = 14
};

/* The operation of a CONN frame, in its `flags`. */
enum tasksrv_conn_op {
	TASKSRV_CONN_SEND = 1,
	TASKSRV_CONN_CLOSE = 2,
	TASKSRV_CONN_CLOSE_RESET = 3, /* close() discarding unsent output */
	TASKSRV_CONN_PAUSE = 4,
	TASKSRV_CONN_RESUME = 5
};

/* Flag bits; the low byte is Swoole's task flags, visible as Server\Task::$flags. */
#define TASKSRV_FLAG_SERIALIZED 0x0002u /* payload is serialize()d, else a raw string */
#define TASKSRV_FLAG_NONBLOCK   0x0004u /* async task(); taskwait() lacks it */
#define TASKSRV_FLAG_CALLBACK   0x0008u /* result goes to a per-task callback */
#define TASKSRV_FLAG_WAITALL    0x0010u /* part of taskWaitMulti() */
#define TASKSRV_FLAG_NOREPLY    0x0080u /* one-way: sent from a process that takes no results */
/* Our own bits, above Swoole's byte. */
#define TASKSRV_FLAG_FINAL      0x0100u /* the last frame of a task: its outcome is known */
#define TASKSRV_FLAG_NODATA     0x0200u /* no result value: only marks the end of a task */
#define TASKSRV_FLAG_FAILURE    0x0400u /* the payload is a tasksrv_failure_t record */

/* The 32-byte header. A field whose meaning depends on the frame type is a union
 * with a name per meaning (the bytes and the layout are the same): make frames with
 * the constructors below, read them through the name of their type's meaning. */
typedef struct {
	uint8_t version;
	uint8_t type;
	union {
		uint16_t flags;      /* TASK, RESULT, PIPE: TASKSRV_FLAG_* */
		uint16_t conn_op;    /* CONN: enum tasksrv_conn_op */
	};
	uint32_t len;            /* payload bytes that follow */
	union {
		int64_t task_id;     /* TASK, RESULT: per-sender id, as task() returned it */
		int64_t session;     /* connection frames (CONNECT..DISCONNECT, BUFFER_FULL..EOF_ACK): the session id */
	};
	union {
		int32_t src_worker;  /* sender's worker id (RESULT: the task worker's id) */
		int32_t reactor_id;  /* master -> worker connection frames: the reactor (0; -1 in
		                      * a CLOSE caused by close()) */
	};
	union {
		uint32_t origin_gen; /* TASK, RESULT: incarnation of the process that sent the task;
		                      * a result for an older incarnation of a respawned worker is dropped */
		uint32_t port;       /* master -> worker connection frames: index of the port that
		                      * accepted the connection (the worker fires its callbacks) */
		int32_t os_fd;       /* SEND, DISCONNECT (to the master): the client socket */
	};
	double time;             /* sender's unix time at dispatch */
} tasksrv_frame_t;

/* The flags a result copies from its task: how its sender takes it. */
#define TASKSRV_FLAG_DELIVERY (TASKSRV_FLAG_NONBLOCK | TASKSRV_FLAG_CALLBACK | TASKSRV_FLAG_WAITALL)

/* {{{ Constructors: the one place each frame type is made (inline: the task path is hot). */
static inline void tasksrv_frame_make(tasksrv_frame_t *f, int type, uint32_t len)
{
	memset(f, 0, sizeof(*f));
	f->version = TASKSRV_FRAME_VERSION;
	f->type = (uint8_t) type;
	f->len = len;
	f->time = tasksrv_io_unix_time();
}

/* A task: id from its sender's counter, gen its sender's incarnation. */
static inline void tasksrv_frame_task(tasksrv_frame_t *f, int64_t task_id, int src_worker, uint32_t gen,
	uint16_t flags, uint32_t len)
{
	tasksrv_frame_make(f, TASKSRV_FRAME_TASK, len);
	f->flags = flags;
	f->task_id = task_id;
	f->src_worker = src_worker;
	f->origin_gen = gen;
}

/* A result (or failure, or end mark) of task, from task worker src_worker. */
static inline void tasksrv_frame_result(tasksrv_frame_t *f, const tasksrv_frame_t *task, int src_worker,
	uint16_t flags, uint32_t len)
{
	tasksrv_frame_make(f, TASKSRV_FRAME_RESULT, len);
	f->flags = flags | (task->flags & TASKSRV_FLAG_DELIVERY);
	f->task_id = task->task_id;
	f->src_worker = src_worker;
	f->origin_gen = task->origin_gen;
}

/* sendMessage() from worker src_worker (id from the sender's task counter, as Swoole's
 * messages take one). */
static inline void tasksrv_frame_pipe(tasksrv_frame_t *f, int64_t id, int src_worker, uint32_t gen, uint16_t flags,
	uint32_t len)
{
	tasksrv_frame_make(f, TASKSRV_FRAME_PIPE, len);
	f->flags = flags;
	f->task_id = id;
	f->src_worker = src_worker;
	f->origin_gen = gen;
}

/* Master -> worker: CONNECT, RECEIVE, CLOSE, BUFFER_FULL, BUFFER_EMPTY or EOF of session,
 * accepted on port. */
static inline void tasksrv_frame_conn_event(tasksrv_frame_t *f, int type, int64_t session, int reactor_id,
	int port, uint32_t len)
{
	tasksrv_frame_make(f, type, len);
	f->session = session;
	f->reactor_id = reactor_id;
	f->port = (uint32_t) port;
}

/* Any process -> master: SEND (the bytes), DISCONNECT or EOF_ACK for session on socket os_fd. */
static inline void tasksrv_frame_to_master(tasksrv_frame_t *f, int type, int64_t session, int src_worker,
	int os_fd, uint32_t len)
{
	tasksrv_frame_make(f, type, len);
	f->session = session;
	f->src_worker = src_worker;
	f->os_fd = os_fd;
}

/* CONN: operation op (enum tasksrv_conn_op) on session, for the process that holds it. */
static inline void tasksrv_frame_conn_op(tasksrv_frame_t *f, int64_t session, int op, int src_worker, uint32_t len)
{
	tasksrv_frame_make(f, TASKSRV_FRAME_CONN, len);
	f->conn_op = (uint16_t) op;
	f->session = session;
	f->src_worker = src_worker;
}
/* }}} */

/* Checks a received header before anything is allocated for it. Returns NULL or the reason. */
const char *tasksrv_frame_check(const tasksrv_frame_t *f);

#endif
