/* tasksrv: the server core. It owns processes, sockets and frames and knows
 * nothing of PHP: the glue (php_server.c) fills a tasksrv_hooks_t and is called
 * back with bytes, ids and fds. */
#ifndef TASKSRV_SERVER_H
#define TASKSRV_SERVER_H

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
	TASKSRV_DISPATCH_IP = 4       /* hash of the client address */
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
	/* TASK in a task worker, RESULT or PIPE in a worker. The glue owns handle afterwards. */
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
	uint64_t out_task_bytes; /* their payload bytes */
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
} tasksrv_config_t;

struct tasksrv_server {
	tasksrv_config_t cfg;
	/* The ports, primary first; each is bound when declared and lives until the
	 * server is freed (its framing settings are in l->proto). */
	tasksrv_listener_t **listeners;
	int nlisteners;
	/* The port of the connection or datagram whose event is being fired: the glue
	 * picks that port's callback (falling back to the primary port's). */
	int cur_port;
	const tasksrv_hooks_t *hooks;
	void *user;               /* the glue's object */

	/* identity of this process */
	int role;
	int worker_id;            /* -1 outside workers */
	uint32_t gen;             /* incarnation of this worker id */
	int single;               /* BASE with one worker and nothing else: no manager */

	/* endpoints: 0..W-1 workers, W..W+T-1 task workers, W+T the manager, W+T+1 the master (PROCESS) */
	int nendpoints;
	int self_endpoint;        /* this process's endpoint, -1 when it has none */
	int *chan;                /* nendpoints x nendpoints fds, -1 where no pair exists */
	tasksrv_peer_t *peers;    /* this process's ends, indexed by the peer's endpoint */
	tasksrv_shm_t *shm;
	tasksrv_rings_t *rings;   /* receive rings of every channel; NULL: frame by frame */
	int ring_leftover;        /* a peer's ring holds whole frames the loop has not handed out */
	int shm_reader;           /* some peers write into this process's rings (shm_in) */
	tasksrv_loop_handler_t wake_h; /* this endpoint's eventfd, in the loop of a shm_reader */
	int wait_epfd;            /* tasksrv_peers_wait_input's epoll set, -1 until first used */
	size_t chan_piece;        /* the most of a marker's payload written at once: 5/8 of a channel's send buffer */
	int corked;               /* async frames wait in peers' out buffers until uncork */
	int *dirty, ndirty;       /* peers with corked frames */
	int64_t cork_since_us;
	tasksrv_loop_t loop;
	tasksrv_loop_handler_t sig_h;

	/* manager */
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

	/* client connections (a BASE event worker's own, the PROCESS master's all): src/core/conn.c */
	tasksrv_conn_t **conns;   /* by OS fd */
	int conns_cap;
	const tasksrv_conn_ops_t *conn_ops; /* the owner's part */

	/* worker */
	int64_t next_task_id;
	tasksrv_deferred_t *deferred;
	int ndeferred, deferred_cap, deferred_pos;
	int exiting;              /* a PHP exit() is unwinding: leave the loop at once */
	int draining;             /* stopping: waiting for the outcomes of our tasks, our unsent output */
	int drain_expired;        /* max_wait_time ended the drain */
	tasksrv_buffer_t backlog; /* task_ipc_mode 3: frames waiting for a free task worker */
	uint64_t backlog_timer;
	int exit_code;

	/* master (PROCESS mode) */
	pid_t manager_pid;        /* the child it forked */
	uint32_t dispatch_rr;
};

/* Lifecycle, called by the glue. */
void tasksrv_server_init(tasksrv_server_t *s, const tasksrv_hooks_t *hooks, void *user);
void tasksrv_server_free(tasksrv_server_t *s);
/* Runs the server. Returns 0 in the original process after shutdown, 1 in a child
 * whose work is done (the glue then exits it with s->exit_code), -1 on a start error. */
int tasksrv_server_run(tasksrv_server_t *s, char *err, size_t errlen);
/* Asks the whole server to stop gracefully (any process). */
int tasksrv_server_shutdown(tasksrv_server_t *s);
/* Reloads every worker and task worker, or the task workers only (any process of a
 * multi-process server). Returns 0, or -1: a reload is already running (errno
 * EALREADY), the server has no manager (ENOTSUP) or no task workers to reload (ESRCH). */
int tasksrv_server_reload(tasksrv_server_t *s, int task_workers_only);
/* Stops one worker or task worker gracefully; the manager starts the same id again.
 * Returns 0, or -1 with errno (EINVAL: no such id; ESRCH: not running now). */
int tasksrv_server_stop_one(tasksrv_server_t *s, int worker_id);
/* Leaves the loop now: PHP's exit() is unwinding this process. */
void tasksrv_server_abort(tasksrv_server_t *s);

/* Tasks. */
int tasksrv_server_endpoint_manager(const tasksrv_server_t *s);
/* SWOOLE_PROCESS: the master's endpoint (W+T+1); -1 in BASE mode. */
int tasksrv_server_endpoint_master(const tasksrv_server_t *s);
int tasksrv_server_pick_task_worker(tasksrv_server_t *s);
/* Sends a task to task worker index dst without blocking, with the queue accounting
 * (task_ipc_mode 3: to whichever task worker is free, else into the backlog). */
int tasksrv_server_task_send(tasksrv_server_t *s, int dst, tasksrv_frame_t *f, const char *payload);
/* Queues a frame to a peer without blocking. Returns 0 or -1 (errno). */
int tasksrv_server_send_async(tasksrv_server_t *s, int peer, tasksrv_frame_t *f, const char *payload);
/* Writes a frame to a peer, blocking until the socket took it all. */
int tasksrv_server_send_blocking(tasksrv_server_t *s, int peer, tasksrv_frame_t *f, const char *payload);
/* Sends a task for a waiter (taskwait, taskWaitMulti), blocking until the socket took it. */
int tasksrv_server_task_send_wait(tasksrv_server_t *s, int dst, tasksrv_frame_t *f, const char *payload);
/* Waits until deadline_ms for the next result addressed to a waiter of this process.
 * Returns 1 with *result and *handle set, 0 at the deadline, -1 on error. Other frames
 * met meanwhile are kept for the loop; results for an earlier incarnation are dropped. */
int tasksrv_server_wait_result(tasksrv_server_t *s, int64_t deadline_ms, tasksrv_frame_t *result, void **handle);
#define TASKSRV_MAX_POLL 1024
/* Bookkeeping in a task worker around one task: take it when it starts (0: do not
 * run it, its sender gave it up);
 * end it after onTask with 0 (done) or a failure reason. task_end returns 1 when
 * this process still owned the outcome (the manager may have claimed it at a
 * deadline): only then may the task's last frame be sent. */
int tasksrv_server_task_take(tasksrv_server_t *s, const tasksrv_frame_t *f, int peer);
/* A draining worker gives up on its outstanding tasks: task workers will skip the
 * ones not started; claim_abandoned fails one being run (1) or finds none (0). */
void tasksrv_server_abandon_tasks(tasksrv_server_t *s);
int tasksrv_server_claim_abandoned(tasksrv_server_t *s, int64_t task_id);
/* An event worker leaves its loop to drain and exit (max_request), as on SIGTERM. */
void tasksrv_server_stop_worker(tasksrv_server_t *s);
/* The frames still in the task_ipc_mode 3 backlog, dropped (they fail as shutdown). */
int64_t tasksrv_server_drop_backlog(tasksrv_server_t *s);
int tasksrv_server_task_end(tasksrv_server_t *s, int fail_reason);
/* After the last frame of the task is written (or when there is none to write). */
void tasksrv_server_task_sent(tasksrv_server_t *s);
/* Tasks of this worker whose last frame a task worker is writing right now. */
int tasksrv_server_answers_in_flight(tasksrv_server_t *s);
int tasksrv_server_task_owned(tasksrv_server_t *s);
/* The manager took the task in hand at its deadline: this process is being stopped. */
int tasksrv_server_task_timed_out(tasksrv_server_t *s);
/* Manager: fails the task a task worker holds (reason from failure.h) and tells
 * its sender. Returns 1 if a task was failed, 0 if none was held (or already told). */
int tasksrv_server_report_lost_task(tasksrv_server_t *s, int worker_id, int reason, int signo, int exit_status);
/* A task worker's successor found a task its predecessor died receiving: it fails
 * as worker_died and its sender is told. */
void tasksrv_server_report_cut_task(tasksrv_server_t *s, int peer, const tasksrv_frame_t *hdr);
/* A frame this process cannot take (the glue's payload_alloc refused its size; its
 * payload is being skipped): a task fails as too_large and its sender is told; a
 * task's last result becomes the caller's too_large failure, returned in f/handle
 * (1) for the loop to deliver; any other frame (sendMessage) is dropped, logged and
 * counted (0). */
int tasksrv_server_refuse_frame(tasksrv_server_t *s, int peer, const tasksrv_frame_t *hdr, tasksrv_frame_t *f, void **handle);
/* Manager, reaping worker_id: the tasks it had accepted but not put on the wire
 * (frames in its output buffer, the one it was cut writing, its task_ipc_mode 3
 * backlog) fail with `reason`; nobody can be told, their caller is gone. Returns
 * how many. */
int64_t tasksrv_server_book_unsent(tasksrv_server_t *s, int worker_id, int reason);

/* Ports. add_listener binds a new one and returns its index, or -1 with errno. */
int tasksrv_server_add_listener(tasksrv_server_t *s, const char *host, int port, int type);
/* The datagram port that sendto() uses: the one whose fd is server_socket, or (-1)
 * the first whose family fits host (a path: Unix datagram; IPv6; IPv4). NULL: none. */
tasksrv_listener_t *tasksrv_server_dgram_listener(tasksrv_server_t *s, const char *host, int server_socket);
/* Closes the listening sockets; keep_dgram leaves the datagram ones open (event
 * workers read them in PROCESS mode too; a task worker may sendto() from them). */
void tasksrv_server_close_listeners(tasksrv_server_t *s, int keep_dgram);
/* Sends one datagram from port l without blocking. Returns 0 or -1 with errno. */
int tasksrv_server_sendto(tasksrv_server_t *s, tasksrv_listener_t *l, const char *host, int port,
	const char *data, size_t len);

/* Connections, from any process. An operation on a session this process owns is done
 * at once; one owned by another process is forwarded to it (src/core/forward.c) as a CONN
 * frame. Return 0 (done, or handed to the live owner), -1 when the session is gone
 * or its owner is not running, -2 when the data does not fit (send: output buffer
 * caps). */
int tasksrv_server_send(tasksrv_server_t *s, int64_t session, const char *data, size_t len);
int tasksrv_server_close(tasksrv_server_t *s, int64_t session);
int tasksrv_server_conn_op(tasksrv_server_t *s, int64_t session, int op, const char *data, size_t len);
/* The process a session's operations go to (its owner endpoint), or -1 when gone. */
int tasksrv_server_session_owner(tasksrv_server_t *s, int64_t session);
/* The owner's side: a CONN frame from another process. */
void tasksrv_server_forwarded_op(tasksrv_server_t *s, const tasksrv_frame_t *f, const char *data);
/* Event worker: an operation on one of its own connections; -1 when it is not one. */
int tasksrv_worker_conn_op(tasksrv_server_t *s, int64_t session, int op, const char *data, size_t len);
/* Idle sessions (no bytes received for idle_ms, not protected), server-wide: calls
 * fn for each; returns how many. */
int tasksrv_server_idle_sessions(tasksrv_server_t *s, int64_t idle_ms, void (*fn)(void *ctx, int64_t session), void *ctx);

/* SWOOLE_PROCESS (master.c). A connection frame (CONNECT..DISCONNECT) read by the
 * glue, with its payload: the master writes or closes, a worker fires its events. */
void tasksrv_server_conn_frame(tasksrv_server_t *s, const tasksrv_frame_t *f, int peer, const char *data, size_t len);
/* send()/close() outside the master: the bytes or the request go to the master. */
int tasksrv_master_forward(tasksrv_server_t *s, int type, int64_t session, const char *data, size_t len);
/* pause()/resume() (TASKSRV_CONN_PAUSE/RESUME) of a connection the master holds, from any process. */
int tasksrv_master_conn_op(tasksrv_server_t *s, int64_t session, int op);

/* Internal entry points of the per-role files. */
/* Forks the manager and runs the master; returns like tasksrv_server_run. */
int tasksrv_master_run(tasksrv_server_t *s, char *err, size_t errlen);
/* The manager's part of start(): forks every worker and runs the manager loop.
 * Returns 0 in the manager once stopped, 1 in a child whose work is done, -1 on error. */
int tasksrv_server_run_manager(tasksrv_server_t *s, char *err, size_t errlen);
/* The next pending signal of this process (tasksrv_signals_next), or 0; the log
 * reopen signals are handled on the way, and passed on down the process tree. */
int tasksrv_server_next_signal(tasksrv_server_t *s);
/* A worker or task worker got SIGTERM or SIGINT: 1 when it stops now (sent by the
 * manager, itself or the kernel, or the process is alone); 0 when it came
 * from outside the tree: the whole server may be stopping (a signal to the process
 * group), which the manager runs in order, so the process stops on its own only if no
 * shutdown has begun a moment later. */
int tasksrv_server_stop_signal(tasksrv_server_t *s, int signo);
int tasksrv_worker_main(tasksrv_server_t *s);
int tasksrv_task_worker_main(tasksrv_server_t *s);
int tasksrv_manager_main(tasksrv_server_t *s);
int tasksrv_manager_reload(tasksrv_server_t *s, int task_workers_only);
int tasksrv_server_spawn(tasksrv_server_t *s, int worker_id);
void tasksrv_peers_open(tasksrv_server_t *s, int self, int close_others);
void tasksrv_peers_close(tasksrv_server_t *s);
int tasksrv_channels_create(tasksrv_server_t *s);
void tasksrv_channels_destroy(tasksrv_server_t *s);
/* Reads from a peer without blocking, as far as the bytes go: returns 1 with a whole
 * frame (its payload in glue storage), 0 when the frame is not complete yet, -1 when
 * the channel is broken. */
int tasksrv_peer_read_frame(tasksrv_server_t *s, int peer, tasksrv_frame_t *f, void **handle);
/* Whether whole or partial frames already wait in this process for peer (its ring):
 * check it before sleeping on the socket. */
int tasksrv_peer_has_input(const tasksrv_server_t *s, int peer);
/* Writes the frames corked during a batch (see peer_input in channel.c). Anything
 * that waits for results calls it first: a corked task may be the one awaited. */
void tasksrv_server_uncork(tasksrv_server_t *s);
void tasksrv_peers_resume(tasksrv_server_t *s);
/* Reads every frame already waiting from endpoints [from, to) into the deferred queue. */
void tasksrv_server_sweep(tasksrv_server_t *s, int from, int to);
void tasksrv_peers_flush(tasksrv_server_t *s, int64_t deadline_ms);
void tasksrv_peer_on_event(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, uint32_t events);
void tasksrv_server_defer(tasksrv_server_t *s, const tasksrv_frame_t *f, int peer, void *handle);
int tasksrv_server_run_deferred(tasksrv_loop_t *loop, void *ctx);
/* Shared-memory channels (src/core/channel.c): the eventfd in the loop, and the last
 * look at the rings before the loop sleeps (1: do not sleep). */
int tasksrv_server_watch_rings(tasksrv_server_t *s);
/* Sleeps until peers [from, to) may have a frame (the range is fixed by the first
 * call: an epoll set of their sockets and, edge-triggered, this process's eventfd)
 * or timeout_ms passes. Returns the events seen (0: timeout, -1: error); the
 * peers whose sockets are readable go to ready (at most max; a ring's wake-up
 * adds none: the caller looks at the rings again). */
int tasksrv_peers_wait_input(tasksrv_server_t *s, int from, int to, int timeout_ms, int *ready, int max, int *nready);
int tasksrv_server_prepare_sleep(tasksrv_server_t *s);

#endif
