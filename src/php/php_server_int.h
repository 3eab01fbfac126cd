/* tasksrv: what the two halves of the Server glue share. php_server.c holds the
 * class, its lifecycle and connections; php_task.c the task API, results and
 * failures. Internal: not part of the extension's API. */
#ifndef TASKSRV_PHP_SERVER_INT_H
#define TASKSRV_PHP_SERVER_INT_H

#include "php.h"
#include "php_codec.h"
#include "php_options.h"
#include "php_spare.h"
#include "server.h"

enum tasksrv_event {
	EV_START, EV_BEFORE_SHUTDOWN, EV_SHUTDOWN, EV_WORKER_START, EV_WORKER_STOP, EV_WORKER_EXIT,
	EV_WORKER_ERROR, EV_MANAGER_START, EV_MANAGER_STOP, EV_TASK, EV_FINISH, EV_PIPE_MESSAGE,
	EV_BEFORE_RELOAD, EV_AFTER_RELOAD, EV_CONNECT, EV_RECEIVE, EV_CLOSE, EV_PACKET,
	EV_BUFFER_FULL, EV_BUFFER_EMPTY, EV_TASK_FAILURE, EV_COUNT
};

enum server_state { STATE_NEW, STATE_RUNNING, STATE_DONE };

typedef struct {
	zval callable;               /* UNDEF when not registered */
	zend_fcall_info_cache fcc;
} callback_t;

typedef struct tasksrv_port_obj port_obj;

typedef struct {
	tasksrv_server_t core;
	tasksrv_options_t opts;
	callback_t cb[EV_COUNT];
	/* Async tasks of this worker still waiting for their outcome: task id => the
	 * per-task callable, true (results go to onFinish) or false (callback used). */
	HashTable pending;
	int state;
	int constructed;
	/* the task a task worker is running, for finish() */
	tasksrv_frame_t cur_task;
	int cur_peer;
	int in_task;
	bool task_object_mode;       /* onTask(Server, Server\Task) */
	zend_long tasks_run;         /* by this task worker process */
	zend_long task_limit;        /* task_max_request (+ grace); 0: none */
	zend_long requests;          /* onReceive calls in this event worker process */
	zend_long request_limit;     /* max_request (+ grace); 0: none */
	port_obj **ports;            /* Server\Port objects (a reference each), by listener index */
	int nports;
	zend_object *conn_iter;      /* $connections (the property holds the reference) */
	int64_t closing_session;     /* the session whose onClose runs now (getClientInfo works in it) */
	tasksrv_spares_t spares;     /* huge payload strings kept to receive the next ones into */
	zend_string *pid_path;       /* pid_file made absolute, written at start() */
	bool keep_title;             /* the script set a title before start(): the original process keeps it */
	zval user_procs;             /* the Process objects of addProcess() (an array), UNDEF when none */
	zend_object std;
} server_obj;

/* TaskSrv\Server\Port (php_port.c): one per listener. The primary port's callbacks
 * are the server's own (cb[] of server_obj); a secondary port's cb[] holds only the
 * port events it registered, the others fall back to the primary port's. */
struct tasksrv_port_obj {
	server_obj *server;          /* not a reference; NULL once the server is freed */
	int index;
	bool configured;             /* set() was called: opts apply instead of the server's */
	tasksrv_options_t opts;
	callback_t cb[EV_COUNT];
	zend_object *conn_iter;      /* $connections (the property holds the reference) */
	zend_object std;
};

static inline server_obj *server_from_obj(zend_object *obj)
{
	return (server_obj *) ((char *) obj - XtOffsetOf(server_obj, std));
}

#define THIS_SERVER() server_from_obj(Z_OBJ_P(ZEND_THIS))
#define CORE_SERVER(core) ((server_obj *) (core)->user)

/* Calling PHP (php_server.c). Exceptions: call/fire report an uncaught one the way PHP
 * does and go on; fire_catching leaves it pending for the caller. */
bool tasksrv_php_call(server_obj *o, zval *callable, zend_fcall_info_cache *fcc, uint32_t argc, zval *argv, zval *retval);
bool tasksrv_php_fire(server_obj *o, int ev, uint32_t argc, zval *argv, zval *retval);
bool tasksrv_php_fire_catching(server_obj *o, int ev, uint32_t argc, zval *argv, zval *retval);
bool tasksrv_php_running_check(server_obj *o);
void tasksrv_php_payload_free(tasksrv_server_t *s, void *handle);
/* on() with an event name Swoole does not know: the warning (false is the caller's). */
void tasksrv_php_unknown_event(zend_string *name);
/* Sets this process's title to "<process_title_prefix>: <what>", e.g. "master" (see docs/server.md). */
void tasksrv_php_process_title(server_obj *o, const char *what);

/* Ports (php_port.c). */
void tasksrv_callback_release(callback_t *cb);
port_obj *tasksrv_port_create(server_obj *o, int index, zend_string *host);
void tasksrv_port_detach(port_obj *p);
void tasksrv_port_set_setting(port_obj *p, zval *setting);
/* Applies settings to a port's options (the primary port's are the server's) and
 * merges them into its $setting; merge_setting does only the second half. */
zend_result tasksrv_port_apply(port_obj *p, HashTable *settings, uint32_t arg_num);
void tasksrv_port_merge_setting(port_obj *p, HashTable *settings);
/* The callback that fires for event ev of port index (a port event falls back to the primary port's). */
callback_t *tasksrv_port_callback(server_obj *o, int port, int ev);
/* At start: every port's framing settings from its own set(), or the server's. */
void tasksrv_ports_configure(server_obj *o);

/* Frames and draining (php_task.c). */
void tasksrv_php_run_task(server_obj *o, const tasksrv_frame_t *f, int peer, void *handle);
void tasksrv_php_deliver_result(server_obj *o, const tasksrv_frame_t *f, void *handle);
void tasksrv_php_deliver_pipe_message(server_obj *o, const tasksrv_frame_t *f, void *handle);
int tasksrv_php_outstanding(tasksrv_server_t *s);
void tasksrv_php_drain_expired(tasksrv_server_t *s);
void tasksrv_php_watch_fatal_errors(server_obj *o);

/* Connections (php_connections.c). */
void tasksrv_php_connections_attach(server_obj *o);
void tasksrv_php_connections_configure(server_obj *o);
void tasksrv_php_connections_detach(server_obj *o);
/* A Server\Port's $connections (a new object: the caller owns it), and its detach. */
zend_object *tasksrv_php_connections_port_iterator(server_obj *o, int port);
void tasksrv_php_connections_iterator_detach(zend_object *obj);

#endif
