/* tasksrv: the IPC frame. Every message between two processes is a 32-byte
 * header followed by `len` payload bytes, on a SOCK_STREAM socketpair.
 * Both ends are the same machine and build, so fields are native-endian. */
#ifndef TASKSRV_FRAME_H
#define TASKSRV_FRAME_H

#include <stdint.h>

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
	TASKSRV_FRAME_TYPE_MAX = 11
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

typedef struct {
	uint8_t version;
	uint8_t type;
	uint16_t flags;
	uint32_t len;        /* payload bytes that follow */
	int64_t task_id;     /* per-sender id, as task() returned it */
	int32_t src_worker;  /* sender's worker id (results: the task worker's id) */
	uint32_t origin_gen; /* incarnation of the process that sent the task; a result for
	                      * an older incarnation of a respawned worker is dropped */
	double time;         /* sender's unix time at dispatch */
} tasksrv_frame_t;

/* Checks a received header before anything is allocated for it. Returns NULL or the reason. */
const char *tasksrv_frame_check(const tasksrv_frame_t *f);

#endif
