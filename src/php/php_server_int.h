/* tasksrv: the types the Server glue shares (the server and port objects, the event
 * numbers). Each glue file declares its functions in its own header (php_call.h,
 * php_port.h, php_task.h, php_connections.h). Internal: not part of the extension's API. */
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
	EV_BUFFER_FULL, EV_BUFFER_EMPTY, EV_TASK_FAILURE, EV_REQUEST, EV_COUNT
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
	zval commands;               /* addCommand(): name => [process types, callable], UNDEF when none */
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

#endif
