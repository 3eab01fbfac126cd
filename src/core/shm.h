/* tasksrv: state shared by every process of one server, in an anonymous
 * MAP_SHARED mapping made before the first fork: counters for stats(), one slot
 * per worker (pid, status, the task it holds) and the session table that makes
 * connection ids unique across workers. */
#ifndef TASKSRV_SHM_H
#define TASKSRV_SHM_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "failure.h"

/* Relaxed atomics are enough: these are counters and flags, never locks around data. */
#define TASKSRV_ATOMIC_ADD(p, v) __atomic_add_fetch((p), (v), __ATOMIC_RELAXED)
#define TASKSRV_ATOMIC_LOAD(p) __atomic_load_n((p), __ATOMIC_RELAXED)
#define TASKSRV_ATOMIC_STORE(p, v) __atomic_store_n((p), (v), __ATOMIC_RELAXED)

/* Who owns the outcome of the task a task worker holds. The task worker and the
 * manager race for it with a compare-and-swap, so every task gets exactly one. */
enum tasksrv_task_state {
	TASKSRV_TASK_NONE = 0,
	TASKSRV_TASK_RUNNING = 1,   /* the task worker will report the outcome */
	TASKSRV_TASK_TAKEN = 2,     /* the manager reported it (deadline, death) */
	TASKSRV_TASK_SENDING = 3,   /* the task worker owns it and is writing its last frame */
	TASKSRV_TASK_ABANDONED = 4  /* its draining sender gave up on it (shutdown) */
};

enum tasksrv_worker_status {
	TASKSRV_WORKER_BUSY = 1,
	TASKSRV_WORKER_IDLE = 2,
	TASKSRV_WORKER_EXIT = 3
};

typedef struct {
	int32_t pid;
	uint32_t gen;          /* bumped at every (re)spawn of this worker id */
	int32_t status;
	int32_t queued;        /* tasks sent to this task worker, not yet started */
	int64_t cur_task_id;   /* the task a task worker runs now, -1 when none */
	int32_t cur_src;       /* its sender's worker id (endpoint the outcome goes to) */
	uint32_t cur_gen;      /* its sender's incarnation */
	int32_t cur_state;     /* enum tasksrv_task_state */
	uint16_t cur_flags;    /* the task's frame flags */
	uint16_t pad;
	int64_t cur_start_ms;  /* monotonic time the task was taken */
	int64_t request_count; /* onReceive calls (workers) or tasks started (task workers) */
	uint32_t abandoned_gen; /* a worker: tasks it sent in incarnations up to this one are given up */
	int32_t backlog;       /* a worker (task_ipc_mode 3): its accepted tasks waiting in its backlog */
	int64_t response_count; /* successful send()s performed by this worker */
	int64_t dispatch_count; /* packets handed to this worker's onReceive */
	int64_t concurrency;    /* onReceive calls running in it now (0 or 1) */
	int64_t http_status[6]; /* HTTP answers this worker id sent, by status / 100 (0: outside 100-599) */
} tasksrv_worker_slot_t;

/* The kinds of process the manager restarts, for the respawn counters. */
enum tasksrv_shm_kind {
	TASKSRV_SHM_WORKER = 0,
	TASKSRV_SHM_TASK_WORKER = 1,
	TASKSRV_SHM_USER_PROCESS = 2,
	TASKSRV_SHM_KINDS = 3
};

/* Session flags, written by the owner (protect() from any process). */
#define TASKSRV_SESSION_PROTECTED 0x1 /* exempt from the heartbeat */
#define TASKSRV_SESSION_PAUSED    0x2 /* the owner stopped reading it (pause()) */

typedef struct {
	int64_t id;            /* session id; 0 = free slot */
	int32_t worker_id;     /* owner: the endpoint that holds the socket (send/close go there) */
	int32_t os_fd;         /* the socket's fd in its owner */
	int32_t server_fd;     /* the listening socket it came from */
	int32_t server_port;
	int32_t remote_port;
	int32_t socket_type;   /* SWOOLE_SOCK_TCP (1) or SWOOLE_SOCK_TCP6 (3) */
	int32_t flags;         /* TASKSRV_SESSION_* */
	int32_t close_errno;
	int64_t connect_time;
	int64_t last_time;     /* unix seconds of the last bytes received (heartbeat) */
	double last_recv_time; /* unix times, microsecond precision; 0 = never */
	double last_send_time;
	double last_dispatch_time;
	double active_time;    /* accept, then every read: the heartbeat's clock */
	int64_t recv_queued_bytes; /* input read but not yet delivered as a packet */
	int64_t send_queued_bytes; /* output accepted by send() but not yet by the socket */
	int64_t send_pending_bytes; /* send()s on their way to the owner (PROCESS: SEND frames the master has not handled; BASE: CONN frames to the event worker) */
	int64_t closed_id;     /* the id this slot held before its close, for onClose */
	uint32_t uid;          /* bind(): 0 until bound, then fixed (dispatch_mode 5) */
	char remote_ip[48];
} tasksrv_session_t;

/* One direction of one channel: how far its reader got in the current frame, and
 * how far its writer got, so that a successor can finish or skip a frame its
 * predecessor left half done, and the manager can book the tasks a dead writer
 * had accepted but never put on the wire. */
typedef struct {
	uint32_t hdr_got;      /* reader: header bytes read (0 once the header is whole) */
	uint32_t left;         /* reader: payload bytes still in the socket */
	char hdr[32];          /* reader: the header bytes read so far */
	uint32_t w_total;      /* writer: size of the frame partly written (or about to be), 0 when none */
	uint32_t w_sent;       /* writer: bytes of it written */
	char w_hdr[32];        /* writer: its header */
	uint32_t poison;       /* set by a successor writer: the frame with header poison_hdr is padding */
	uint32_t w_booked;     /* the manager booked the task of the cut frame w_hdr as failed */
	char poison_hdr[32];
	/* writer (async): TASK frames waiting in its own output buffer, not a byte of
	 * them on the wire yet, and their payload bytes; plain stores, read by the
	 * manager once the writer is dead */
	uint32_t w_pend_tasks;
	uint32_t w_pend_pad;
	uint64_t w_pend_bytes;
	/* shared-memory channels (src/core/ring.h): a big frame's header is a marker in the
	 * ring, its payload follows on the socket */
	uint32_t mark;         /* reader: the ring's start at the marker of the payload being read */
	uint32_t w_mark;       /* writer: the ring's end once the marker of w_hdr is published */
	/* A channel found corrupt (src/core/channel.c): 0 sound; 1 its reader found a header
	 * it cannot trust and reads nothing more of it, sends on it fail; 2 its writer failed
	 * the tasks it had put on it and stopped writing, the reader resets it to 0. */
	uint32_t broken;
	uint32_t dev_corrupted; /* developer builds: the fault injection hit this channel already */
	/* TASK frames put on the channel (from their first byte) and taken off it: the
	 * writer knows which of its tasks a broken channel lost (those past r_tasks). */
	uint64_t w_tasks;
	uint64_t r_tasks;
} tasksrv_chan_track_t;

typedef struct {
	int64_t start_time;
	int32_t master_pid;
	int32_t manager_pid;
	int32_t shutting_down;
	int32_t stop_phase;        /* the manager's stop: 1 workers are told to stop, 2 task workers too */
	int64_t frames_refused;    /* messages dropped: more than their receiver could allocate */
	uint32_t task_rr;
	int64_t session_round;
	int64_t connection_num;
	int64_t accept_count;
	int64_t abort_count;
	int64_t close_count;
	int64_t request_count;
	int64_t response_count;
	int64_t total_recv_bytes;
	int64_t total_send_bytes;
	int64_t dispatch_count;      /* packets handed to onReceive (request_count: calls finished) */
	int64_t concurrency;         /* onReceive calls running now, server-wide */
	int64_t pipe_packet_msg_id;  /* frames written to the channel matrix */
	int64_t task_count;
	int64_t task_queue_bytes;    /* payload bytes sent to task workers, not yet started */
	/* The outcome ledger: accepted = done + failed + queued + running, at every moment. */
	int64_t task_accepted;
	int64_t task_done;
	/* task_failed is the sum of task_failed_by_reason (derived in stats()) */
	int64_t task_failed_by_reason[TASKSRV_FAIL_REASON_MAX + 1]; /* by enum tasksrv_failure_reason */
	int64_t task_running;
	int64_t task_rejected;       /* calls refused by task_queue_full = reject (never accepted) */
	int64_t task_backlog;        /* task_ipc_mode 3: accepted, waiting in a worker for a free task worker */
	/* The Redis task backend (transport_redis.c). */
	int64_t task_late_results;   /* results this server's task workers dropped: their task had failed */
	/* The queue across hosts, read by event worker 0 at most once a second (0 until read) */
	int64_t backend_stream_length, backend_pending, backend_waiting, backend_consumers, backend_late_results;
	int64_t backend_retried;
	uint64_t backend_run_id;     /* this run of the server: in the tasks it sends (field srv) */     /* tasks put back in the queue (task_backend_retries), all hosts */
	int64_t respawns[TASKSRV_SHM_KINDS];       /* processes started again (death, reload, max_request) */
	int64_t abnormal_exits[TASKSRV_SHM_KINDS]; /* exits with a code other than 0, or by a signal */
	int64_t http_status_other[6]; /* HTTP answers of processes without a worker slot (the PROCESS master, user processes) */
	int32_t reloading;           /* the manager is reloading (set and cleared by it) */
	int32_t pad_reload;
	uint32_t nworkers;
	uint32_t session_cap;  /* power of two */
	uint32_t nendpoints;   /* tracks: nendpoints x nendpoints, after the sessions */
	tasksrv_worker_slot_t workers[];
	/* followed by session_cap tasksrv_session_t */
} tasksrv_shm_t;

tasksrv_shm_t *tasksrv_shm_create(uint32_t nworkers, uint32_t session_cap, uint32_t nendpoints);
/* The track of the channel read by endpoint `reader` from endpoint `from`, or NULL. */
tasksrv_chan_track_t *tasksrv_shm_track(tasksrv_shm_t *shm, int n, int reader, int from);
void tasksrv_shm_destroy(tasksrv_shm_t *shm);

/* Hands out the next session id (from 1) and claims its slot; 0 when the table is full. */
int64_t tasksrv_shm_session_open(tasksrv_shm_t *shm, int worker_id, int os_fd);
/* The live session with this id, or NULL. */
tasksrv_session_t *tasksrv_shm_session_get(tasksrv_shm_t *shm, int64_t id);
/* The first live session whose slot comes after the slot of `after` (0: from the
 * start), with its id in *id; NULL at the end. For getClientList() and the heartbeat. */
tasksrv_session_t *tasksrv_shm_session_next(tasksrv_shm_t *shm, int64_t after, int64_t *id);
/* bind(): gives a live session its uid, once (0 stays unbound and may be bound again).
 * Returns 0, or -1 when the session is gone or already has another uid. */
int tasksrv_shm_session_bind(tasksrv_shm_t *shm, int64_t id, uint32_t uid);
/* Ends a session; its slot keeps the data (closed_id) until the id is reused. */
void tasksrv_shm_session_close(tasksrv_shm_t *shm, int64_t id);
/* A session that is live, or closed and not yet reused (for onClose and $ignoreError). */
tasksrv_session_t *tasksrv_shm_session_get_closed(tasksrv_shm_t *shm, int64_t id);
/* Counts an HTTP answer with this status, sent by worker_id (-1: a process without
 * a slot) in the slot's http_status (or http_status_other). */
void tasksrv_shm_count_http(tasksrv_shm_t *shm, int worker_id, int status);
/* Frees every session of a worker that died; returns how many there were. */
int64_t tasksrv_shm_sessions_drop_worker(tasksrv_shm_t *shm, int worker_id);

#endif
