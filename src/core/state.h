/* tasksrv: the server's state, the types every core module shares: the config,
 * the hooks into the glue, a process's channel ends and the server itself. It
 * declares no function (each module's header declares its own), so every module
 * may include it without a circle. The core owns processes, sockets and frames and
 * knows nothing of PHP: the glue fills a tasksrv_hooks_t and is called back with
 * bytes, ids and fds. */
#ifndef TASKSRV_STATE_H
#define TASKSRV_STATE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "buffer.h"
#include "frame.h"
#include "listener.h"
#include "loop.h"
#include "protocol.h"
#include "ring.h"
#include "shm.h"
#include "transport.h"

#define TASKSRV_MODE_BASE 1
#define TASKSRV_MODE_PROCESS 2

enum tasksrv_role {
	TASKSRV_ROLE_NONE = 0,   /* not started, or start() returned */
	TASKSRV_ROLE_MANAGER,    /* the original process when it has children */
	TASKSRV_ROLE_WORKER,     /* event worker (also the single-process form) */
	TASKSRV_ROLE_TASK_WORKER,
	TASKSRV_ROLE_MASTER,     /* SWOOLE_PROCESS: the original process, owner of every connection */
	TASKSRV_ROLE_USER        /* a user process (addProcess), forked by the manager */
};

/* dispatch_mode (SWOOLE_PROCESS): which event worker gets a packet. */
enum tasksrv_dispatch {
	TASKSRV_DISPATCH_ROUND_ROBIN = 1,
	TASKSRV_DISPATCH_FD = 2,      /* os_fd % worker_num, the default */
	TASKSRV_DISPATCH_IDLE = 3,    /* first idle worker, else round robin */
	TASKSRV_DISPATCH_IP = 4,      /* hash of the client address */
	TASKSRV_DISPATCH_UID = 5      /* the bound uid modulo worker_num; before bind() as FD */
};

typedef struct tasksrv_server tasksrv_server_t;

/* Callbacks into the glue. The lifecycle and connection ones are optional; the
 * payload pair, on_frame and the two draining hooks are required. */
typedef struct {
	void (*on_start)(tasksrv_server_t *s);
	void (*on_before_shutdown)(tasksrv_server_t *s);
	void (*on_shutdown)(tasksrv_server_t *s);
	void (*on_manager_start)(tasksrv_server_t *s);
	void (*on_manager_stop)(tasksrv_server_t *s);
	void (*on_worker_start)(tasksrv_server_t *s, int worker_id);
	void (*on_worker_stop)(tasksrv_server_t *s, int worker_id);
	void (*on_worker_error)(tasksrv_server_t *s, int worker_id, pid_t pid, int exit_code, int signo);
	void (*on_connect)(tasksrv_server_t *s, int64_t session, int reactor_id);
	void (*on_receive)(tasksrv_server_t *s, int64_t session, int reactor_id, const char *data, size_t len);
	void (*on_close)(tasksrv_server_t *s, int64_t session, int reactor_id);
	/* A frame's payload is read straight into storage the glue allocates (a PHP
	 * string), so it is never copied on the way in. */
	char *(*payload_alloc)(tasksrv_server_t *s, size_t len, void **handle);
	void (*payload_free)(tasksrv_server_t *s, void *handle);
	/* The bytes of a payload read into handle (the core's own frames: connections). */
	const char *(*payload_data)(tasksrv_server_t *s, void *handle, size_t *len);
	/* TASK in a task worker, RESULT or PIPE in a worker (the frames of the task API,
	 * task.h): connection frames never come here. The glue owns handle afterwards. */
	void (*on_frame)(tasksrv_server_t *s, const tasksrv_frame_t *f, int peer, void *handle);
	/* Draining (a worker stopping): how many of its tasks still await an outcome,
	 * and what to do with those left when max_wait_time is over. */
	int (*outstanding)(tasksrv_server_t *s);
	void (*on_drain_expired)(tasksrv_server_t *s);
	/* A datagram on a UDP or Unix datagram port l, from addr (an IP, or a client's
	 * socket path) and port (0 for Unix). */
	void (*on_packet)(tasksrv_server_t *s, const tasksrv_listener_t *l, const char *data, size_t len,
		const char *addr, int port);
	/* A connection's queued output crossed the high water mark / drained to the low one. */
	void (*on_buffer_full)(tasksrv_server_t *s, int64_t session);
	void (*on_buffer_empty)(tasksrv_server_t *s, int64_t session);
	/* Reload (manager): before the first old process is told to stop, and once
	 * every old process of that reload is gone. Optional. */
	void (*on_before_reload)(tasksrv_server_t *s);
	void (*on_after_reload)(tasksrv_server_t *s);
	/* An event worker stopping gracefully with work still pending (see drain()). Optional. */
	void (*on_worker_exit)(tasksrv_server_t *s, int worker_id);
} tasksrv_hooks_t;

/* One end of a socketpair to another process of the server. */
typedef struct {
	tasksrv_loop_handler_t h;
	tasksrv_server_t *srv;
	int peer;                /* the endpoint at the other end */
	int registered;          /* in this process's epoll set */
	tasksrv_buffer_t out;    /* bytes not yet accepted by the socket */
	/* the frame being received */
	tasksrv_frame_t in;
	size_t in_hdr_got;
	void *in_handle;         /* glue storage for its payload */
	char *in_dst;
	size_t in_got;
	size_t in_skip;          /* bytes of a predecessor's frame still to discard */
	int has_ring;            /* frames come through ring (else header, then payload) */
	int dirty;               /* in srv->dirty: corked frames wait in out */
	tasksrv_ring_t ring;     /* this channel's receive ring, in shared memory */
	int in_discard;          /* the header being completed is a predecessor's */
	/* Shared-memory channels (task worker to event worker): the writer copies frames
	 * into the reader's ring; the socket carries only big frames' payloads. */
	int shm_in;              /* the peer writes into ring */
	int shm_out;             /* this process writes into out_ring, the peer's ring */
	tasksrv_ring_t out_ring;
	int big_hint;            /* the last frame was big: an empty ring reads a header first */
	/* What `out` holds, published in the writer's half of the peer's track (wt) so
	 * that the manager and a successor know what this process left if it dies. */
	tasksrv_chan_track_t *wt;
	tasksrv_frame_t out_hdr; /* the frame at the head of out */
	size_t out_left;         /* its bytes still in out; 0: out starts with a whole frame */
	uint32_t out_tasks;      /* TASK frames in out with no byte written yet */
	uint32_t out_finals;     /* last RESULT frames of tasks in out, no byte written yet */
	uint64_t out_task_bytes; /* their payload bytes */
	/* The reader's track of this channel (the peer's frames to us), for its broken flag. */
	tasksrv_chan_track_t *rt;
	/* TASK frames on their way to the peer that it may not have taken yet (headers and
	 * their numbers on the channel, oldest first): what a broken channel lost. */
	tasksrv_buffer_t on_wire;
	int dev_corrupt;         /* developer builds: frames to write before the one corrupted */
	int giving_up;           /* writer_gives_up runs (what it calls may send to the peer) */
} tasksrv_peer_t;

typedef struct tasksrv_conn tasksrv_conn_t;         /* src/core/conn.h */
typedef struct tasksrv_conn_ops tasksrv_conn_ops_t;

typedef struct {
	tasksrv_frame_t f;
	int peer;
	void *handle;
} tasksrv_deferred_t;

/* The manager's record of one worker id's starts, for the respawn back-off. */
typedef struct {
	int64_t started_ms;       /* monotonic time of the last fork */
	int64_t due_ms;           /* a delayed start is due then; 0: none waiting */
	int quick_deaths;         /* abnormal exits in a row, each within a second of its start */
} tasksrv_respawn_t;

typedef struct {
	int mode;                 /* TASKSRV_MODE_BASE or TASKSRV_MODE_PROCESS */
	int dispatch_mode;        /* enum tasksrv_dispatch (PROCESS only) */
	int worker_num;
	int task_worker_num;
	int max_wait_time_ms;     /* how long a stop may take before SIGKILL */
	int task_timeout_ms;      /* 0: no deadline */
	int shared_task_queue;    /* task_ipc_mode 3: task workers take from one queue */
	int task_timeout_grace_ms;
	int64_t max_conn;              /* connections beyond it are accepted and closed */
	int heartbeat_check_interval_ms; /* 0: no heartbeat */
	int heartbeat_idle_ms;
	size_t socket_buffer_size;     /* cap of one connection's queued output */
	size_t output_buffer_size;     /* largest single send() */
	size_t buffer_high_watermark;  /* onBufferFull at or above */
	size_t buffer_low_watermark;   /* onBufferEmpty at or below, after a BufferFull */
	int reload_async;         /* 1: stop all reloaded processes at once; 0: one at a time */
	/* task_backend (docs/distributed.md): tasks go through Redis Streams when backend is set. */
	int backend;              /* 1: redis (transport_redis.c); 0: the local transport */
	int backend_port, backend_db, backend_lease_ms;
	int backend_retries;      /* runs more of a task whose node died (at-least-once), 0: none */
	int64_t backend_max_payload; /* bytes: a task or answer over it is not sent */
	char backend_host[256];   /* the TCP host, or the socket path (backend_unix) */
	char backend_user[128];   /* ACL user ("" with a password alone) */
	char backend_pass[256];   /* AUTH password, "" when none: never printed */
	int backend_unix, backend_tls; /* redis+unix://, rediss:// */
	char backend_where[512];  /* the URL for logs and errors, its password as *** */
	char backend_queue[128];
	int recycle_workers;      /* max_request is set: event workers exit to be replaced, so
	                           * BASE mode always has a manager to replace them */
	/* metrics_listen (src/core/metrics_listen.c): GET /metrics from the manager or the
	 * master; metrics_port 0 when not set (then BASE mode may run as one process). */
	char metrics_host[64];
	int metrics_port;
	const char *metrics_version; /* the build's version, for tasksrv_build_info */
	/* What GET /metrics answers: metrics.c's tasksrv_metrics_scrape, set by the glue with
	 * the rest (metrics.c reads the stats through server.c, which starts the listener:
	 * a pointer keeps that from being a circle). Returns 0 or -1. */
	int (*metrics_scrape)(const tasksrv_server_t *s, tasksrv_buffer_t *out);
} tasksrv_config_t;

/* {{{ Each role's own state (a process uses its role's; the rest stays zero) */
/* The manager: the process tree (src/core/manager.c). */
typedef struct {
	pid_t *pids;              /* by worker id */
	int stopping;             /* shutdown in progress */
	int stop_phase;           /* 1: waiting for workers, 2: for task workers */
	uint64_t stop_timer;
	int64_t *kill_at;         /* by worker id: SIGKILL deadline of a task worker past its task_timeout */
	tasksrv_respawn_t *respawn; /* by worker id */
	uint64_t respawn_timer;   /* the next delayed start */
	pid_t *reload_old;        /* by worker id: the old process a reload still waits for, 0 when none */
	int reloading;            /* a reload is in progress */
	pid_t reload_current;     /* one at a time: the old process told to stop now */
	uint64_t reload_timer;    /* max_wait_time of the reload (or of the current process, one at a time) */
	struct tasksrv_userprocs *userprocs; /* addProcess(): src/core/userproc.c; NULL when none */
} tasksrv_manager_state_t;

/* The SWOOLE_PROCESS master (src/core/master.c). */
typedef struct {
	pid_t manager_pid;        /* the child it forked */
	uint32_t dispatch_rr;     /* dispatch_mode 1's next worker */
	uint64_t hold_timer;      /* back-pressure: the check of held connections */
} tasksrv_master_state_t;

/* An event worker (src/core/worker.c). */
typedef struct {
	int draining;             /* stopping: waiting for the outcomes of our tasks, our unsent output */
	int drain_expired;        /* max_wait_time ended the drain */
} tasksrv_worker_state_t;

/* Task dispatch in a process that sends tasks (src/core/task.c). */
typedef struct {
	int64_t next_task_id;     /* this process's task ids (task(), taskwait(), sendMessage()) */
	tasksrv_buffer_t backlog; /* task_ipc_mode 3: frames waiting for a free task worker */
	uint64_t backlog_timer;
	int lost_deferred;        /* failures of tasks a broken channel lost wait in the deferred queue */
	tasksrv_buffer_t resend;  /* a task worker: failures for answers a broken channel lost, until it is sound */
	uint64_t resend_timer;
} tasksrv_tasks_state_t;
/* }}} */

struct tasksrv_server {
	tasksrv_config_t cfg;
	/* The ports, primary first; each is bound when declared and lives until the
	 * server is freed (its framing settings are in l->proto). */
	tasksrv_listener_set_t ports;
	/* The port of the connection or datagram whose event is being fired: the glue
	 * picks that port's callback (falling back to the primary port's). */
	int cur_port;
	const tasksrv_hooks_t *hooks;
	tasksrv_transport_t transport; /* how tasks travel (transport.h); the local one by default */
	void *user;               /* the glue's object */

	/* identity of this process */
	int role;
	int worker_id;            /* -1 outside workers */
	uint32_t gen;             /* incarnation of this worker id */
	int single;               /* BASE with one worker and nothing else: no manager */

	/* endpoints: 0..W-1 workers, W..W+T-1 task workers, W+T the manager, W+T+1 the master
	 * (PROCESS), then one per user process (addProcess()) */
	int nendpoints;
	int self_endpoint;        /* this process's endpoint, -1 when it has none */
	int *chan;                /* nendpoints x nendpoints fds, -1 where no pair exists */
	tasksrv_peer_t *peers;    /* this process's ends, indexed by the peer's endpoint */
	tasksrv_shm_t *shm;
	tasksrv_rings_t *rings;   /* receive rings of every channel; NULL: frame by frame */
	int ring_leftover;        /* a peer's ring holds whole frames the loop has not handed out */
	int shm_reader;           /* some peers write into this process's rings (shm_in) */
	tasksrv_loop_handler_t wake_h; /* this endpoint's eventfd, in the loop of a shm_reader */
	int wait_epfd;            /* tasksrv_channel_wait_input's epoll set, -1 until first used */
	size_t chan_piece;        /* the most of a marker's payload written at once: 5/8 of a channel's send buffer */
	/* A frame this process cannot take (too large for it): task.c's
	 * tasksrv_task_refuse_frame, set by tasksrv_server_init. */
	int (*refuse_frame)(tasksrv_server_t *s, int peer, const tasksrv_frame_t *hdr, tasksrv_frame_t *f, void **handle);
	/* Connection frames (CONN, CONNECT..BUFFER_EMPTY) go here, not to the glue
	 * (server.c routes them to forward.c or master.c). */
	void (*route_conn)(tasksrv_server_t *s, const tasksrv_frame_t *f, int peer, void *handle);
	/* A task worker's successor reports the tasks its predecessor died receiving
	 * through this (task.c's tasksrv_task_report_cut, given to tasksrv_channel_resume). */
	void (*report_cut)(tasksrv_server_t *s, int peer, const tasksrv_frame_t *hdr);
	/* A channel to peer was found corrupt: this process, its writer, tells what it lost:
	 * each task, or last answer of a task, it had put on it that the reader never took
	 * (f: its header; payload: a failure record's bytes, else NULL), then once (f NULL)
	 * the rest, with `unknown` such frames an earlier writer put there (server.c: task.c
	 * fails the tasks, the PROCESS master closes the peer's connections). */
	void (*frames_lost)(tasksrv_server_t *s, int peer, const tasksrv_frame_t *f, const char *payload, uint64_t unknown);
	uint64_t broken_timer;    /* a channel this process reads is broken: it looks again (channel.c) */
	int corked;               /* async frames wait in peers' out buffers until uncork */
	int *dirty, ndirty;       /* peers with corked frames */
	int64_t cork_since_us;
	tasksrv_loop_t loop;
	tasksrv_loop_handler_t sig_h;

	/* client connections (a BASE event worker's own, the PROCESS master's all): src/core/conn.c */
	tasksrv_conn_t **conns;   /* by OS fd */
	int conns_cap;
	const tasksrv_conn_ops_t *conn_ops; /* the owner's part */

	/* what this process does */
	tasksrv_deferred_t *deferred; /* frames read early, handed out by the loop in arrival order */
	int ndeferred, deferred_cap, deferred_pos;
	int exiting;              /* a PHP exit() is unwinding: leave the loop at once */
	int exit_code;
	tasksrv_tasks_state_t tasks;
	tasksrv_manager_state_t manager;
	tasksrv_master_state_t master;
	tasksrv_worker_state_t worker;
};

#define TASKSRV_MAX_POLL 1024

/* The endpoints of the manager (W+T) and, in SWOOLE_PROCESS mode, of the master
 * (W+T+1; -1 in BASE mode). */
static inline int tasksrv_state_endpoint_manager(const tasksrv_server_t *s)
{
	return s->cfg.worker_num + s->cfg.task_worker_num;
}

static inline int tasksrv_state_endpoint_master(const tasksrv_server_t *s)
{
	return s->cfg.mode == TASKSRV_MODE_PROCESS ? s->cfg.worker_num + s->cfg.task_worker_num + 1 : -1;
}

/* The endpoint of user process `index` (addProcess()): after the manager's and the
 * master's, so that adding user processes renumbers nothing else. */
static inline int tasksrv_state_endpoint_userproc(const tasksrv_server_t *s, int index)
{
	return s->cfg.worker_num + s->cfg.task_worker_num + 1 + (s->cfg.mode == TASKSRV_MODE_PROCESS) + index;
}

/* The id this process signs what it sends with (a sendMessage()'s source worker):
 * its worker id; a user process's is Swoole's, worker_num + task_worker_num + index;
 * 0 for the others (the manager, the master). */
static inline int tasksrv_state_sender_id(const tasksrv_server_t *s)
{
	int first = tasksrv_state_endpoint_userproc(s, 0);

	if (s->worker_id >= 0) {
		return s->worker_id;
	}
	if (s->role == TASKSRV_ROLE_USER && s->self_endpoint >= first) {
		return s->cfg.worker_num + s->cfg.task_worker_num + s->self_endpoint - first;
	}
	return 0;
}

#endif
