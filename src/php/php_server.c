/* tasksrv: TaskSrv\Server (also Swoole\Server when ext/swoole is absent): the class,
 * set()/on()/start(), the process events, connections and stats(). The task API is in
 * php_task.c. Thin glue: arguments in, PHP callbacks out; all process and socket work
 * is in the core (server.c and friends). */
#include "php_server.h"
#include "php_errors.h"
#include "php_server_int.h"
#include "php_http_server.h"
#include "php_codec.h"
#include "php_exceptions.h"
#include "php_options.h"
#include "php_failure.h"
#include "php_protocol.h"
#include "php_call.h"
#include "php_connections.h"
#include "php_port.h"
#include "php_task.h"
#include "php_backend.h"
#include "transport_redis.h"
#include "server.h"
#include "forward.h"
#include "worker.h"
#include "io.h"
#include "log.h"
#include "process.h"
#include "userproc.h"
#include "loop.h"
#include "metrics.h"
#include "metrics_listen.h"
#include "php_tasksrv.h"
#include "ext/json/php_json.h"
#include "zend_smart_str.h"

#include "zend_exceptions.h"
#include "zend_interfaces.h"
#include "ext/random/php_random.h"

#include <math.h>
#include <stdint.h>
#include <sys/mman.h>
#include <poll.h>
#include <unistd.h>

zend_class_entry *tasksrv_server_ce;
static zend_object_handlers tasksrv_server_handlers;

/* Every event name Swoole's TCP server knows, in the case users write them. */
static const char *const event_names[EV_COUNT] = {
	[EV_START] = "Start", [EV_BEFORE_SHUTDOWN] = "BeforeShutdown", [EV_SHUTDOWN] = "Shutdown",
	[EV_WORKER_START] = "WorkerStart", [EV_WORKER_STOP] = "WorkerStop", [EV_WORKER_EXIT] = "WorkerExit",
	[EV_WORKER_ERROR] = "WorkerError", [EV_MANAGER_START] = "ManagerStart", [EV_MANAGER_STOP] = "ManagerStop",
	[EV_TASK] = "Task", [EV_FINISH] = "Finish", [EV_PIPE_MESSAGE] = "PipeMessage",
	[EV_BEFORE_RELOAD] = "BeforeReload", [EV_AFTER_RELOAD] = "AfterReload",
	[EV_CONNECT] = "Connect", [EV_RECEIVE] = "Receive", [EV_CLOSE] = "Close", [EV_PACKET] = "Packet",
	[EV_BUFFER_FULL] = "BufferFull", [EV_BUFFER_EMPTY] = "BufferEmpty",
	[EV_TASK_FAILURE] = "TaskFailure", /* ours: fn(Server $s, int $taskId, TaskSrv\TaskFailure $f) */
	[EV_REQUEST] = "Request" /* an HTTP port's: fn(Http\Request $req, Http\Response $res) */
};

static server_obj *constructed_server; /* one server per process, as in Swoole */



/* {{{ callbacks */
static void finish_callback_dtor(zval *zv)
{
	zval_ptr_dtor(zv);
}

void tasksrv_php_server_exit(void)
{
	if (constructed_server && constructed_server->state == STATE_RUNNING) {
		tasksrv_server_abort(&constructed_server->core);
	}
}

/* {{{ properties */
static void prop_long(server_obj *o, const char *name, zend_long v)
{
	zend_update_property_long(tasksrv_server_ce, &o->std, name, strlen(name), v);
}

static void update_process_props(server_obj *o)
{
	tasksrv_server_t *s = &o->core;

	prop_long(o, "master_pid", s->shm ? s->shm->master_pid : 0);
	prop_long(o, "manager_pid", s->shm ? s->shm->manager_pid : 0);
	prop_long(o, "worker_id", s->worker_id);
	prop_long(o, "worker_pid", s->worker_id >= 0 ? getpid() : 0);
	zend_update_property_bool(tasksrv_server_ce, &o->std, "taskworker", sizeof("taskworker") - 1,
		s->role == TASKSRV_ROLE_TASK_WORKER);
}
/* }}} */

/* {{{ process titles */
/* Sets this process's title to "<prefix>: <what>" (ps, /proc/PID/cmdline) through the
 * CLI SAPI's cli_set_process_title(); nothing when the SAPI has none or
 * process_title is off. Swoole sets no titles: ours come before onManagerStart /
 * onWorkerStart, so a title the user sets there wins. */
void tasksrv_php_process_title(server_obj *o, const char *what)
{
	zend_function *fn;
	zval arg, rv;
	int reporting = EG(error_reporting);

	if (!o->opts.process_title) {
		return;
	}
	fn = zend_hash_str_find_ptr(CG(function_table), "cli_set_process_title", sizeof("cli_set_process_title") - 1);
	if (fn == NULL) {
		return;
	}
	ZVAL_STR(&arg, zend_strpprintf(0, "%s: %s",
		o->opts.process_title_prefix ? ZSTR_VAL(o->opts.process_title_prefix) : "tasksrv", what));
	EG(error_reporting) = 0; /* a title that cannot be set is no reason for a warning */
	zend_call_known_function(fn, NULL, NULL, &rv, 1, &arg, NULL);
	EG(error_reporting) = reporting;
	zval_ptr_dtor(&rv);
	zval_ptr_dtor(&arg);
	if (EG(exception)) {
		zend_clear_exception();
	}
}

/* Whether the script gave the process a title before start(): then the original
 * process keeps it. */
static bool user_title_set(void)
{
	zend_function *fn = zend_hash_str_find_ptr(CG(function_table), "cli_get_process_title",
		sizeof("cli_get_process_title") - 1);
	zval rv;
	bool set;

	if (fn == NULL) {
		return false;
	}
	zend_call_known_function(fn, NULL, NULL, &rv, 0, NULL, NULL);
	set = Z_TYPE(rv) == IS_STRING && Z_STRLEN(rv) > 0;
	zval_ptr_dtor(&rv);
	return set;
}
/* }}} */

/* {{{ hooks called by the core */
static void hook_simple(tasksrv_server_t *s, int ev)
{
	zval argv[1];

	update_process_props(CORE_SERVER(s));
	tasksrv_php_fire(CORE_SERVER(s), ev, 1, argv, NULL);
}

static void hook_start(tasksrv_server_t *s)
{
	/* PROCESS mode: onStart runs in the master (BASE: in worker #0, named already). */
	if (s->role == TASKSRV_ROLE_MASTER && !CORE_SERVER(s)->keep_title) {
		tasksrv_php_process_title(CORE_SERVER(s), "master");
	}
	hook_simple(s, EV_START);
}
static void hook_before_shutdown(tasksrv_server_t *s) { hook_simple(s, EV_BEFORE_SHUTDOWN); }
static void hook_shutdown(tasksrv_server_t *s) { hook_simple(s, EV_SHUTDOWN); }
static void hook_manager_start(tasksrv_server_t *s)
{
	/* The original process keeps a title the script gave it; in PROCESS mode that is the master. */
	if (!CORE_SERVER(s)->keep_title || s->cfg.mode == TASKSRV_MODE_PROCESS) {
		tasksrv_php_process_title(CORE_SERVER(s), "manager");
	}
	hook_simple(s, EV_MANAGER_START);
}
static void hook_manager_stop(tasksrv_server_t *s) { hook_simple(s, EV_MANAGER_STOP); }
static void hook_before_reload(tasksrv_server_t *s) { hook_simple(s, EV_BEFORE_RELOAD); }
static void hook_after_reload(tasksrv_server_t *s) { hook_simple(s, EV_AFTER_RELOAD); }

static void hook_worker_event(tasksrv_server_t *s, int ev, int worker_id)
{
	zval argv[2];

	update_process_props(CORE_SERVER(s));
	ZVAL_LONG(&argv[1], worker_id);
	tasksrv_php_fire(CORE_SERVER(s), ev, 2, argv, NULL);
}

/* max_request/task_max_request with Swoole's grace: N + random(1..grace), grace
 * defaulting to N/2 when N > 10, so a pool does not restart all at once. */
static zend_long recycle_limit(zend_long n, zend_long grace)
{
	if (n <= 0) {
		return 0;
	}
	if (grace < 0) {
		grace = n > 10 ? n / 2 : 0;
	}
	return grace > 0 ? n + php_mt_rand_range(1, grace) : n;
}

static zend_long task_limit(const tasksrv_options_t *opts)
{
	return recycle_limit(opts->task_max_request, opts->task_max_request_grace);
}

static void hook_worker_start(tasksrv_server_t *s, int worker_id)
{
	server_obj *o = CORE_SERVER(s);

	/* Forked processes inherit the random state: give each its own, as Swoole does,
	 * so mt_rand() (and the max_request grace) differ between workers. */
	php_mt_srand((uint32_t) (getpid() ^ (zend_ulong) time(NULL) ^ ((zend_ulong) s->gen << 16)));
	o->tasks_run = 0;
	o->task_limit = s->role == TASKSRV_ROLE_TASK_WORKER ? task_limit(&o->opts) : 0;
	o->requests = 0;
	o->request_limit = s->role == TASKSRV_ROLE_WORKER && !s->single
		? recycle_limit(o->opts.max_request, o->opts.max_request_grace) : 0;
	if (s->role == TASKSRV_ROLE_TASK_WORKER) {
		tasksrv_php_watch_fatal_errors(o);
	}
	if (!s->single || !o->keep_title) {
		char what[48];
		snprintf(what, sizeof(what), "%s #%d", s->role == TASKSRV_ROLE_TASK_WORKER ? "task worker" : "worker", worker_id);
		tasksrv_php_process_title(o, what);
	}
	hook_worker_event(s, EV_WORKER_START, worker_id);
}
static void hook_worker_stop(tasksrv_server_t *s, int worker_id) { hook_worker_event(s, EV_WORKER_STOP, worker_id); }
static void hook_worker_exit(tasksrv_server_t *s, int worker_id) { hook_worker_event(s, EV_WORKER_EXIT, worker_id); }

static void hook_worker_error(tasksrv_server_t *s, int worker_id, pid_t pid, int exit_code, int signo)
{
	zval argv[5];

	ZVAL_LONG(&argv[1], worker_id);
	ZVAL_LONG(&argv[2], pid);
	ZVAL_LONG(&argv[3], exit_code);
	ZVAL_LONG(&argv[4], signo);
	tasksrv_php_fire(CORE_SERVER(s), EV_WORKER_ERROR, 5, argv, NULL);
}

static void hook_conn_event(tasksrv_server_t *s, int ev, int64_t session, int reactor_id)
{
	zval argv[3];

	ZVAL_LONG(&argv[1], session);
	ZVAL_LONG(&argv[2], reactor_id);
	tasksrv_php_fire(CORE_SERVER(s), ev, 3, argv, NULL);
}

static void hook_connect(tasksrv_server_t *s, int64_t session, int reactor_id) { hook_conn_event(s, EV_CONNECT, session, reactor_id); }
static void hook_close(tasksrv_server_t *s, int64_t session, int reactor_id)
{
	server_obj *o = CORE_SERVER(s);
	int64_t outer = o->closing_session;

	o->closing_session = session;
	hook_conn_event(s, EV_CLOSE, session, reactor_id);
	o->closing_session = outer;
}

static void hook_buffer_event(tasksrv_server_t *s, int ev, int64_t session)
{
	zval argv[2];

	ZVAL_LONG(&argv[1], session);
	tasksrv_php_fire(CORE_SERVER(s), ev, 2, argv, NULL);
}

static void hook_buffer_full(tasksrv_server_t *s, int64_t session) { hook_buffer_event(s, EV_BUFFER_FULL, session); }
static void hook_buffer_empty(tasksrv_server_t *s, int64_t session) { hook_buffer_event(s, EV_BUFFER_EMPTY, session); }

static void hook_receive(tasksrv_server_t *s, int64_t session, int reactor_id, const char *data, size_t len)
{
	zval argv[4];

	ZVAL_LONG(&argv[1], session);
	ZVAL_LONG(&argv[2], reactor_id);
	server_obj *o = CORE_SERVER(s);

	if (s->ports.items[s->cur_port]->protocol.open_http_protocol) {
		/* An HTTP port's packet is a parsed request (php_http_server.c). */
		tasksrv_php_http_request(o, session, reactor_id, data, len);
	} else {
		ZVAL_STRINGL(&argv[3], data, len);
		tasksrv_php_fire(o, EV_RECEIVE, 4, argv, NULL);
		zval_ptr_dtor(&argv[3]);
	}
	/* max_request: this worker stops (after draining its tasks) and is replaced. */
	if (o->request_limit > 0 && ++o->requests == o->request_limit) {
		tasksrv_worker_stop(s);
	}
}

static void hook_packet(tasksrv_server_t *s, const tasksrv_listener_t *l, const char *data, size_t len,
	const char *addr, int port)
{
	server_obj *o = CORE_SERVER(s);
	zval argv[3];

	ZVAL_STRINGL(&argv[1], data, len);
	array_init_size(&argv[2], 5);
	/* Swoole 6.2.1's key order: programs print this array. */
	add_assoc_long(&argv[2], "server_socket", l->fd);
	add_assoc_double(&argv[2], "dispatch_time", tasksrv_io_unix_time());
	add_assoc_long(&argv[2], "server_port", l->port);
	add_assoc_string(&argv[2], "address", (char *) addr);
	add_assoc_long(&argv[2], "port", port);
	tasksrv_php_fire(o, EV_PACKET, 3, argv, NULL);
	zval_ptr_dtor(&argv[1]);
	zval_ptr_dtor(&argv[2]);
	/* max_request counts datagrams too, as Swoole does. */
	if (o->request_limit > 0 && ++o->requests == o->request_limit) {
		tasksrv_worker_stop(s);
	}
}


/* Whether a string of len bytes can be allocated within memory_limit, checked as the
 * Zend allocator checks a huge block (whole 2 MiB chunks over the real usage), after
 * it gave back the chunks it keeps cached. Allocating more would end the process
 * with "Allowed memory size exhausted" while the frame is still at the head of its
 * channel, so that every successor would die on it again. */
static bool payload_fits(size_t len)
{
	zend_long limit = PG(memory_limit);
	size_t need = (_ZSTR_STRUCT_SIZE(len) + TASKSRV_HUGE_PAYLOAD - 1) & ~(TASKSRV_HUGE_PAYLOAD - 1);

	if (limit <= 0 || len < TASKSRV_HUGE_PAYLOAD || !is_zend_mm()) {
		return true;
	}
	if (zend_memory_usage(true) + need <= (size_t) limit) {
		return true;
	}
	zend_mm_gc(zend_mm_get_heap());
	return zend_memory_usage(true) + need <= (size_t) limit;
}

static char *hook_payload_alloc(tasksrv_server_t *s, size_t len, void **handle)
{
	server_obj *o = CORE_SERVER(s);
	zend_string *str = tasksrv_spares_take(&o->spares, len);

	if (str) {
		/* A kept payload (php_spare.h): its pages are in place. */
		*handle = str;
		return ZSTR_VAL(str);
	}
	if (!payload_fits(len)) {
		*handle = NULL;
		return NULL; /* the core refuses the frame: too_large */
	}
#ifdef MADV_HUGEPAGE
	/* A large payload lands in fresh pages: ask for huge ones, or every 4 KiB page
	 * faults on the way in (16 MiB: ~20x slower than the copy itself). Zend maps a
	 * block this large on its own, 2 MiB-aligned and untouched: it is advised
	 * before the header is written, since a 2 MiB range that already has a small
	 * page never gets a huge one. The header is then set as zend_string_alloc()
	 * sets it. */
	if (len >= TASKSRV_HUGE_PAYLOAD) {
		size_t size = ZEND_MM_ALIGNED_SIZE(_ZSTR_STRUCT_SIZE(len));
		str = emalloc(size);
		if (((uintptr_t) str & (TASKSRV_HUGE_PAYLOAD - 1)) == 0) {
			madvise(str, (size + 4095) & ~(size_t) 4095, MADV_HUGEPAGE);
		}
		GC_SET_REFCOUNT(str, 1);
		GC_TYPE_INFO(str) = GC_STRING;
		ZSTR_H(str) = 0;
		ZSTR_LEN(str) = len;
	} else
#endif
	{
		str = zend_string_alloc(len, 0);
	}
	ZSTR_VAL(str)[len] = '\0';
	*handle = str;
	return ZSTR_VAL(str);
}



static const char *hook_payload_data(tasksrv_server_t *s, void *handle, size_t *len)
{
	*len = ZSTR_LEN((zend_string *) handle);
	return ZSTR_VAL((zend_string *) handle);
}

static void hook_frame(tasksrv_server_t *s, const tasksrv_frame_t *f, int peer, void *handle)
{
	server_obj *o = CORE_SERVER(s);

	if (f->type == TASKSRV_FRAME_TASK && s->role == TASKSRV_ROLE_TASK_WORKER) {
		tasksrv_php_run_task(o, f, peer, handle);
	} else if (f->type == TASKSRV_FRAME_RESULT && s->role == TASKSRV_ROLE_WORKER) {
		tasksrv_php_deliver_result(o, f, handle);
	} else if (f->type == TASKSRV_FRAME_PIPE && s->role != TASKSRV_ROLE_MANAGER) {
		tasksrv_php_deliver_pipe_message(o, f, handle);
	} else {
		tasksrv_log(TASKSRV_LOG_WARNING, "unexpected frame of type %d from endpoint %d dropped", f->type, peer);
		tasksrv_php_payload_free(s, handle);
	}
}


static const tasksrv_hooks_t hooks = {
	.on_start = hook_start,
	.on_before_shutdown = hook_before_shutdown,
	.on_shutdown = hook_shutdown,
	.on_manager_start = hook_manager_start,
	.on_manager_stop = hook_manager_stop,
	.on_worker_start = hook_worker_start,
	.on_worker_stop = hook_worker_stop,
	.on_worker_error = hook_worker_error,
	.on_connect = hook_connect,
	.on_receive = hook_receive,
	.on_close = hook_close,
	.payload_alloc = hook_payload_alloc,
	.payload_free = tasksrv_php_payload_free,
	.payload_data = hook_payload_data,
	.on_frame = hook_frame,
	.outstanding = tasksrv_php_outstanding,
	.on_drain_expired = tasksrv_php_drain_expired,
	.on_packet = hook_packet,
	.on_buffer_full = hook_buffer_full,
	.on_buffer_empty = hook_buffer_empty,
	.on_before_reload = hook_before_reload,
	.on_after_reload = hook_after_reload,
	.on_worker_exit = hook_worker_exit,
};
/* }}} */

/* {{{ object handlers */
static zend_object *server_create(zend_class_entry *ce)
{
	server_obj *o = zend_object_alloc(sizeof(server_obj), ce);
	zval conns;
	int i;

	tasksrv_server_init(&o->core, &hooks, o);
	tasksrv_options_init(&o->opts);
	for (i = 0; i < EV_COUNT; i++) {
		ZVAL_UNDEF(&o->cb[i].callable);
	}
	zend_hash_init(&o->pending, 0, NULL, finish_callback_dtor, 0);
	ZVAL_UNDEF(&o->user_procs);
	ZVAL_UNDEF(&o->commands);
	zend_object_std_init(&o->std, ce);
	object_properties_init(&o->std, ce);
	o->std.handlers = &tasksrv_server_handlers;
	ZVAL_OBJ(&conns, tasksrv_php_connections_attach(o));
	zend_update_property(tasksrv_server_ce, &o->std, "connections", sizeof("connections") - 1, &conns);
	zval_ptr_dtor(&conns);
	return &o->std;
}

static void server_free(zend_object *obj)
{
	server_obj *o = server_from_obj(obj);
	int i;

	tasksrv_php_connections_detach(o);
	tasksrv_spares_free(&o->spares);
	for (i = 0; i < EV_COUNT; i++) {
		tasksrv_callback_release(&o->cb[i]);
	}
	for (i = 0; i < o->nports; i++) {
		tasksrv_port_detach(o->ports[i]);
		OBJ_RELEASE(&o->ports[i]->std);
	}
	if (o->ports) {
		efree(o->ports);
	}
	o->ports = NULL;
	o->nports = 0;
	zend_hash_destroy(&o->pending);
	if (o->pid_path) {
		zend_string_release(o->pid_path);
	}
	tasksrv_options_free(&o->opts);
	tasksrv_server_free(&o->core);
	zval_ptr_dtor(&o->user_procs);
	zval_ptr_dtor(&o->commands);
	if (constructed_server == o) {
		constructed_server = NULL;
	}
	zend_object_std_dtor(obj);
}

static HashTable *server_get_gc(zend_object *obj, zval **table, int *n)
{
	server_obj *o = server_from_obj(obj);
	zend_get_gc_buffer *buf = zend_get_gc_buffer_create();
	zval *zv;
	int i;

	for (i = 0; i < EV_COUNT; i++) {
		zend_get_gc_buffer_add_zval(buf, &o->cb[i].callable);
	}
	ZEND_HASH_FOREACH_VAL(&o->pending, zv) {
		zend_get_gc_buffer_add_zval(buf, zv);
	} ZEND_HASH_FOREACH_END();
	zend_get_gc_buffer_add_zval(buf, &o->opts.package_length_func);
	zend_get_gc_buffer_add_zval(buf, &o->user_procs);
	zend_get_gc_buffer_add_zval(buf, &o->commands);
	for (i = 0; i < o->nports; i++) {
		zend_get_gc_buffer_add_obj(buf, &o->ports[i]->std);
	}
	zend_get_gc_buffer_use(buf, table, n);
	return zend_std_get_properties(obj);
}
/* }}} */


/* $server->ports: the Port objects, primary first. */
static void update_ports_prop(server_obj *o)
{
	zval arr;
	int i;

	array_init_size(&arr, o->nports);
	for (i = 0; i < o->nports; i++) {
		zval zv;
		ZVAL_OBJ_COPY(&zv, &o->ports[i]->std);
		add_next_index_zval(&arr, &zv);
	}
	zend_update_property(tasksrv_server_ce, &o->std, "ports", sizeof("ports") - 1, &arr);
	zval_ptr_dtor(&arr);
}

/* Checks a listen()/constructor address: argument numbers are the constructor's and
 * listen()'s (the same for host, port and type). A Unix socket ignores the port. */
static bool listen_args_check(zend_long *port, zend_long sock_type, uint32_t port_arg, uint32_t type_arg)
{
	if (sock_type & 512) {
		zend_argument_value_error(type_arg, "must not include SWOOLE_SSL (SSL is not supported)");
		return false;
	}
	if (!tasksrv_listener_type_valid(sock_type)) {
		zend_argument_value_error(type_arg, "must be one of SWOOLE_SOCK_TCP, SWOOLE_SOCK_TCP6, SWOOLE_SOCK_UDP, "
			"SWOOLE_SOCK_UDP6, SWOOLE_SOCK_UNIX_STREAM, SWOOLE_SOCK_UNIX_DGRAM");
		return false;
	}
	if (sock_type == TASKSRV_SOCK_UNIX_STREAM || sock_type == TASKSRV_SOCK_UNIX_DGRAM) {
		*port = 0;
	} else if (*port < 0 || *port > 65535) {
		zend_argument_value_error(port_arg, "must be between 0 and 65535");
		return false;
	}
	return true;
}

static const char *bind_error(int err)
{
	return err == EINVAL ? "Invalid argument (not an address)" : strerror(err);
}

PHP_METHOD(TaskSrv_Server, __construct)
{
	server_obj *o = THIS_SERVER();
	zend_string *host;
	zend_long port = 0, mode = TASKSRV_MODE_BASE, sock_type = TASKSRV_SOCK_TCP;

	ZEND_PARSE_PARAMETERS_START(1, 4)
		Z_PARAM_STR(host)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(port)
		Z_PARAM_LONG(mode)
		Z_PARAM_LONG(sock_type)
	ZEND_PARSE_PARAMETERS_END();

	if (o->constructed) {
		zend_throw_error(NULL, "Constructor of %s can only be called once", ZSTR_VAL(Z_OBJCE_P(ZEND_THIS)->name));
		RETURN_THROWS();
	}
	if (mode != TASKSRV_MODE_BASE && mode != TASKSRV_MODE_PROCESS) {
		zend_argument_value_error(3, "must be SWOOLE_BASE or SWOOLE_PROCESS");
		RETURN_THROWS();
	}
	if (!listen_args_check(&port, sock_type, 2, 4)) {
		RETURN_THROWS();
	}
	if (constructed_server != NULL) {
		TASKSRV_THROW(-3, "server is running. unable to create %s", ZSTR_VAL(Z_OBJCE_P(ZEND_THIS)->name));
		RETURN_THROWS();
	}
	if (tasksrv_server_add_listener(&o->core, ZSTR_VAL(host), (int) port, (int) sock_type) < 0) {
		int err = errno;
		TASKSRV_THROW(err, "failed to listen server port[%s:" ZEND_LONG_FMT "], Error: %s[%d]",
			ZSTR_VAL(host), port, bind_error(err), err);
		RETURN_THROWS();
	}
	o->constructed = 1;
	constructed_server = o;
	o->core.cfg.worker_num = 1;
	o->core.cfg.mode = (int) mode;
	tasksrv_port_create(o, 0, host);
	update_ports_prop(o);
	zend_update_property_str(tasksrv_server_ce, &o->std, "host", sizeof("host") - 1, host);
	prop_long(o, "port", o->core.ports.items[0]->port);
	prop_long(o, "type", sock_type);
	prop_long(o, "mode", mode);
}

/* A TaskNode (docs/distributed.md): a server with no listener, whose task workers
 * read the task backend's queue (one event worker stays, idle). */
PHP_METHOD(TaskSrv_TaskNode, __construct)
{
	server_obj *o = THIS_SERVER();

	ZEND_PARSE_PARAMETERS_NONE();

	if (o->constructed) {
		zend_throw_error(NULL, "Constructor of %s can only be called once", ZSTR_VAL(Z_OBJCE_P(ZEND_THIS)->name));
		RETURN_THROWS();
	}
	if (constructed_server != NULL) {
		TASKSRV_THROW(-3, "server is running. unable to create %s", ZSTR_VAL(Z_OBJCE_P(ZEND_THIS)->name));
		RETURN_THROWS();
	}
	o->constructed = 1;
	constructed_server = o;
	o->core.cfg.worker_num = 1;
	o->core.cfg.mode = TASKSRV_MODE_BASE;
	update_ports_prop(o);
	prop_long(o, "mode", TASKSRV_MODE_BASE);
}

static void listen_method(INTERNAL_FUNCTION_PARAMETERS)
{
	server_obj *o = THIS_SERVER();
	zend_string *host;
	zend_long port, sock_type;
	int index;

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_STR(host)
		Z_PARAM_LONG(port)
		Z_PARAM_LONG(sock_type)
	ZEND_PARSE_PARAMETERS_END();

	if (!listen_args_check(&port, sock_type, 2, 3)) {
		RETURN_THROWS();
	}
	if (o->state != STATE_NEW || !o->constructed) {
		php_error_docref(NULL, E_WARNING, "server is running, cannot add listener");
		RETURN_FALSE;
	}
	index = tasksrv_server_add_listener(&o->core, ZSTR_VAL(host), (int) port, (int) sock_type);
	if (index < 0) {
		int err = errno;
		php_error_docref(NULL, E_WARNING, "failed to listen server port[%s:" ZEND_LONG_FMT "], Error: %s[%d]",
			ZSTR_VAL(host), port, bind_error(err), err);
		RETURN_FALSE;
	}
	RETVAL_OBJ_COPY(&tasksrv_port_create(o, index, host)->std);
	update_ports_prop(o);
}

PHP_METHOD(TaskSrv_Server, listen)
{
	listen_method(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

PHP_METHOD(TaskSrv_Server, addListener)
{
	listen_method(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

/* sendto(), and send() to a Unix datagram path: from the datagram port that fits. */
static bool datagram_send(server_obj *o, zend_string *ip, zend_long port, zend_string *data, zend_long server_socket)
{
	tasksrv_listener_t *l = tasksrv_listener_set_dgram(&o->core.ports, ZSTR_VAL(ip), (int) server_socket);

	if (l == NULL) {
		php_error_docref(NULL, E_WARNING, "UDP listener has to be added before executing sendto");
		return false;
	}
	if (tasksrv_server_sendto(&o->core, l, ZSTR_VAL(ip), (int) port, ZSTR_VAL(data), ZSTR_LEN(data)) < 0) {
		php_error_docref(NULL, E_WARNING, "failed to sendto[%s:" ZEND_LONG_FMT "], Error: %s[%d]",
			ZSTR_VAL(ip), port, strerror(errno), errno);
		return false;
	}
	return true;
}

PHP_METHOD(TaskSrv_Server, sendto)
{
	server_obj *o = THIS_SERVER();
	zend_string *ip, *data;
	zend_long port, server_socket = -1;

	ZEND_PARSE_PARAMETERS_START(3, 4)
		Z_PARAM_STR(ip)
		Z_PARAM_LONG(port)
		Z_PARAM_STR(data)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(server_socket)
	ZEND_PARSE_PARAMETERS_END();

	if (!tasksrv_php_running_check(o)) {
		RETURN_FALSE;
	}
	RETURN_BOOL(datagram_send(o, ip, port, data, server_socket));
}

PHP_METHOD(TaskSrv_Server, set)
{
	server_obj *o = THIS_SERVER();
	HashTable *settings;
	zval *prop, merged, rv;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY_HT(settings)
	ZEND_PARSE_PARAMETERS_END();

	if (o->state != STATE_NEW) {
		php_error_docref(NULL, E_WARNING, "server is running, unable to execute %s->set", ZSTR_VAL(Z_OBJCE_P(ZEND_THIS)->name));
		RETURN_FALSE;
	}
	if (tasksrv_options_apply(&o->opts, settings, 1) == FAILURE) {
		RETURN_THROWS();
	}
	/* As Swoole: the same array applies to the primary port (framing is per port). */
	if (o->nports > 0) {
		tasksrv_port_merge_setting(o->ports[0], settings);
	}
	/* $server->setting keeps what the user gave, merged over earlier calls. */
	prop = zend_read_property(tasksrv_server_ce, &o->std, "setting", sizeof("setting") - 1, 1, &rv);
	if (Z_TYPE_P(prop) == IS_ARRAY) {
		ZVAL_ARR(&merged, zend_array_dup(Z_ARRVAL_P(prop)));
		zend_hash_merge(Z_ARRVAL(merged), settings, zval_add_ref, 1);
	} else {
		ZVAL_ARR(&merged, zend_array_dup(settings));
	}
	zend_update_property(tasksrv_server_ce, &o->std, "setting", sizeof("setting") - 1, &merged);
	zval_ptr_dtor(&merged);
	RETURN_TRUE;
}

static int event_index(zend_string *name)
{
	int i;

	for (i = 0; i < EV_COUNT; i++) {
		if (zend_binary_strcasecmp(ZSTR_VAL(name), ZSTR_LEN(name), event_names[i], strlen(event_names[i])) == 0) {
			return i;
		}
	}
	return -1;
}

const char *tasksrv_server_event_name(int i)
{
	return i >= 0 && i < EV_COUNT ? event_names[i] : NULL;
}

PHP_METHOD(TaskSrv_Server, on)
{
	server_obj *o = THIS_SERVER();
	zend_string *name;
	zend_fcall_info fci;
	zend_fcall_info_cache fcc;
	int ev;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(name)
		Z_PARAM_FUNC(fci, fcc)
	ZEND_PARSE_PARAMETERS_END();

	ev = event_index(name);
	if (ev < 0) {
		tasksrv_php_unknown_event(name);
		RETURN_FALSE;
	}
	if (o->state != STATE_NEW) {
		php_error_docref(NULL, E_WARNING, "server is running, unable to register event callback function");
		RETURN_FALSE;
	}
	tasksrv_callback_release(&o->cb[ev]);
	ZVAL_COPY(&o->cb[ev].callable, &fci.function_name);
	o->cb[ev].fcc = fcc;
	RETURN_TRUE;
}

PHP_METHOD(TaskSrv_Server, getCallback)
{
	server_obj *o = THIS_SERVER();
	zend_string *name;
	int ev;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(name)
	ZEND_PARSE_PARAMETERS_END();

	ev = event_index(name);
	if (ev < 0 || Z_ISUNDEF(o->cb[ev].callable)) { /* Swoole: null for a name it does not know */
		RETURN_NULL();
	}
	RETURN_COPY(&o->cb[ev].callable);
}

/* Moves the checked options into the core's configuration. */
/* task_backend: tasks travel through Redis Streams (docs/distributed.md). set() checked
 * the URL and that this build has the backend. */
static void configure_backend(server_obj *o)
{
	tasksrv_config_t *cfg = &o->core.cfg;
	tasksrv_options_t *opts = &o->opts;
	tasksrv_redis_url_t u;
	char err[200];

	cfg->backend = 0;
	if (opts->task_backend == NULL || tasksrv_transport_redis_ops() == NULL
			|| tasksrv_transport_redis_parse_url(ZSTR_VAL(opts->task_backend), &u, err, sizeof(err)) < 0) {
		return;
	}
	cfg->backend = 1;
	memcpy(cfg->backend_host, u.host, sizeof(cfg->backend_host));
	memcpy(cfg->backend_user, u.user, sizeof(cfg->backend_user));
	memcpy(cfg->backend_pass, u.pass, sizeof(cfg->backend_pass));
	cfg->backend_port = u.port;
	cfg->backend_db = u.db;
	cfg->backend_unix = u.unix_socket;
	cfg->backend_tls = u.tls;
	tasksrv_transport_redis_describe(&u, cfg->backend_where, sizeof(cfg->backend_where));
	ZEND_SECURE_ZERO(&u, sizeof(u));
	cfg->backend_lease_ms = (int) opts->task_backend_lease * 1000;
	cfg->backend_retries = (int) opts->task_backend_retries;
	cfg->backend_max_payload = opts->task_backend_max_payload;
	snprintf(cfg->backend_queue, sizeof(cfg->backend_queue), "%s",
		opts->task_backend_queue ? ZSTR_VAL(opts->task_backend_queue) : "tasksrv");
	o->core.transport.ops = tasksrv_transport_redis_ops();
}

/* metrics_listen: set() checked it; the core binds it at start (src/core/metrics_listen.c). */
static void configure_metrics(server_obj *o)
{
	tasksrv_config_t *cfg = &o->core.cfg;
	char err[160];

	cfg->metrics_port = 0;
	cfg->metrics_version = PHP_TASKSRV_VERSION;
	cfg->metrics_scrape = tasksrv_metrics_scrape;
	if (o->opts.metrics_listen && tasksrv_metrics_listen_parse(ZSTR_VAL(o->opts.metrics_listen), cfg->metrics_host,
			sizeof(cfg->metrics_host), &cfg->metrics_port, err, sizeof(err)) < 0) {
		cfg->metrics_port = 0;
	}
}

/* What this slice of the backend runs: a front (a Server with task_worker_num 0) or a
 * TaskNode (task workers reading the queue). */
static bool backend_check(server_obj *o)
{
	const tasksrv_config_t *cfg = &o->core.cfg;

	if (instanceof_function(o->std.ce, tasksrv_task_node_ce)) {
		if (!cfg->backend) {
			TASKSRV_THROW(0, "failed to start TaskNode: it needs task_backend (redis://HOST:PORT[/DB]) in set()");
			return false;
		}
		if (cfg->task_worker_num == 0) {
			TASKSRV_THROW(0, "failed to start TaskNode: it needs task_worker_num > 0 (its task workers run the tasks)");
			return false;
		}
		return true;
	}
	/* A front with task workers: they consume the queue too (a consumer each). */
	return true;
}

static void configure(server_obj *o)
{
	tasksrv_config_t *cfg = &o->core.cfg;
	tasksrv_options_t *opts = &o->opts;
	zval *prop, rv, setting, setting_rv;

	/* As Swoole: BASE defaults to one worker, PROCESS to one per CPU. */
	cfg->worker_num = opts->worker_num > 0 ? (int) opts->worker_num
		: cfg->mode == TASKSRV_MODE_PROCESS ? MAX(1, (int) sysconf(_SC_NPROCESSORS_ONLN)) : 1;
	cfg->dispatch_mode = (int) opts->dispatch_mode;
	cfg->task_worker_num = (int) opts->task_worker_num;
	cfg->max_wait_time_ms = (int) (opts->max_wait_time * 1000);
	cfg->task_timeout_ms = (int) ceil(opts->task_timeout * 1000);
	/* 3 (preemptive) and 4 (Swoole's stream mode: an idle task worker accepts the next
	 * task) both mean task workers that share the work. */
	cfg->shared_task_queue = opts->task_ipc_mode == 3 || opts->task_ipc_mode == 4;
	cfg->task_timeout_grace_ms = (int) ceil(opts->task_timeout_grace * 1000);
	cfg->reload_async = opts->reload_async;
	cfg->recycle_workers = opts->max_request > 0;
	configure_backend(o);
	configure_metrics(o);
	o->task_object_mode = opts->task_use_object || opts->task_object || opts->task_enable_coroutine;
	/* Framing is per port (before $server->setting gains the defaults below). */
	tasksrv_ports_configure(o, zend_read_property(tasksrv_server_ce, &o->std, "setting", sizeof("setting") - 1, 1, &setting_rv));
	tasksrv_php_connections_configure(o);
	prop = zend_read_property(tasksrv_server_ce, &o->std, "setting", sizeof("setting") - 1, 1, &rv);
	/* At start $server->setting gains the effective process counts. */
	if (Z_TYPE_P(prop) == IS_ARRAY) {
		ZVAL_ARR(&setting, zend_array_dup(Z_ARRVAL_P(prop)));
	} else {
		array_init(&setting);
	}
	if (!zend_hash_str_exists(Z_ARRVAL(setting), "worker_num", sizeof("worker_num") - 1)) {
		add_assoc_long(&setting, "worker_num", cfg->worker_num);
	}
	if (!zend_hash_str_exists(Z_ARRVAL(setting), "task_worker_num", sizeof("task_worker_num") - 1)) {
		add_assoc_long(&setting, "task_worker_num", cfg->task_worker_num);
	}
	if (!zend_hash_str_exists(Z_ARRVAL(setting), "output_buffer_size", sizeof("output_buffer_size") - 1)) {
		add_assoc_long(&setting, "output_buffer_size", (zend_long) cfg->output_buffer_size);
	}
	if (!zend_hash_str_exists(Z_ARRVAL(setting), "max_connection", sizeof("max_connection") - 1)) {
		add_assoc_long(&setting, "max_connection", (zend_long) cfg->max_conn);
	}
	zend_update_property(tasksrv_server_ce, &o->std, "setting", sizeof("setting") - 1, &setting);
	zval_ptr_dtor(&setting);
}

/* PROCESS mode with a dispatch_mode that does not tie a connection to one worker
 * (1, 3): no worker could see a connection from its start to its end, so Swoole drops
 * the connection events at start, with a warning each. */
static void drop_connection_events(server_obj *o)
{
	static const int evs[] = {EV_CONNECT, EV_CLOSE, EV_BUFFER_FULL, EV_BUFFER_EMPTY};
	int mode = o->core.cfg.dispatch_mode, i, p;

	if (o->core.cfg.mode != TASKSRV_MODE_PROCESS || mode == TASKSRV_DISPATCH_FD || mode == TASKSRV_DISPATCH_IP) {
		return;
	}
	for (i = 0; i < (int) (sizeof(evs) / sizeof(evs[0])); i++) {
		if (!Z_ISUNDEF(o->cb[evs[i]].callable)) {
			tasksrv_log(TASKSRV_LOG_WARNING, "Server::start_check() (ERRNO 9015): cannot set 'on%s' event when using dispatch_mode=%d",
				event_names[evs[i]], mode);
			tasksrv_callback_release(&o->cb[evs[i]]);
		}
		/* The other ports' own callbacks go the same way. */
		for (p = 1; p < o->nports; p++) {
			tasksrv_callback_release(&o->ports[p]->cb[evs[i]]);
		}
	}
}

/* As Swoole: every stream port needs onReceive, every datagram port onPacket (its
 * own or the primary port's). */
static bool callbacks_check(server_obj *o)
{
	int i;

	for (i = 0; i < o->nports; i++) {
		tasksrv_listener_t *l = o->core.ports.items[o->ports[i]->index];
		port_obj *p = o->ports[i];
		bool dgram = tasksrv_listener_is_dgram(l);
		/* (The primary port's options are the server's.) */
		bool http = !dgram && (p->configured && p->index > 0 ? p->opts : o->opts).open_http_protocol;
		callback_t *cb = tasksrv_port_callback(o, i, dgram ? EV_PACKET : http ? EV_REQUEST : EV_RECEIVE);
		if (Z_ISUNDEF(cb->callable)) {
			TASKSRV_THROW(0, "require %s callback", dgram ? "onPacket" : http ? "onRequest" : "onReceive");
			return false;
		}
	}
	return true;
}

/* A relative path made absolute against the current directory. */
static zend_string *absolute_path(zend_string *path)
{
	char cwd[MAXPATHLEN];

	if (ZSTR_VAL(path)[0] == '/' || VCWD_GETCWD(cwd, sizeof(cwd)) == NULL) {
		return zend_string_copy(path);
	}
	return zend_strpprintf(0, "%s/%s", cwd, ZSTR_VAL(path));
}

/* start() gives up before anything ran: the pid file it created goes, the log closes. */
static void start_failed(server_obj *o, zend_string *log_path)
{
	if (o->pid_path) {
		unlink(ZSTR_VAL(o->pid_path));
		zend_string_release(o->pid_path);
		o->pid_path = NULL;
	}
	if (log_path) {
		zend_string_release(log_path);
	}
	tasksrv_log_close();
}

PHP_METHOD(TaskSrv_Server, start)
{
	server_obj *o = THIS_SERVER();
	char err[256];
	zend_string *log_path;
	int rc, pid_fd = -1;

	ZEND_PARSE_PARAMETERS_NONE();

	if (o->state == STATE_RUNNING) {
		php_error_docref(NULL, E_WARNING, "The server is running, unable to execute %s->start()", ZSTR_VAL(Z_OBJCE_P(ZEND_THIS)->name));
		RETURN_FALSE;
	}
	if (o->state == STATE_DONE || !o->constructed) {
		php_error_docref(NULL, E_WARNING, "The server have been shutdown, unable to execute %s->start()", ZSTR_VAL(Z_OBJCE_P(ZEND_THIS)->name));
		RETURN_FALSE;
	}
	if (tasksrv_loop_current() != NULL) {
		/* Timers or Event fds made before start() are the script's loop: as Swoole, no server then. */
		php_error_docref(NULL, E_WARNING, "The event-loop has already been created, unable to start %s",
			ZSTR_VAL(Z_OBJCE_P(ZEND_THIS)->name));
		RETURN_FALSE;
	}
	if (!callbacks_check(o)) {
		RETURN_THROWS();
	}
	configure(o);
	if (!backend_check(o)) {
		RETURN_THROWS();
	}
	if (o->core.cfg.task_worker_num > 0 && Z_ISUNDEF(o->cb[EV_TASK].callable)) {
		tasksrv_log(TASKSRV_LOG_WARNING, "Server::start_check() (ERRNO 9015): require 'onTask' callback");
		TASKSRV_THROW(9015, "failed to start server. Error: Server::start_check() (ERRNO 9015): require 'onTask' callback");
		RETURN_THROWS();
	}
	tasksrv_log_set_level((int) o->opts.log_level);
	drop_connection_events(o);
	tasksrv_log_set_date_format(o->opts.log_date_format ? ZSTR_VAL(o->opts.log_date_format) : NULL);
	o->tasks_run = 0;
	/* Absolute paths: a daemon works in "/", and a reopen must find the same file. */
	log_path = o->opts.log_file ? absolute_path(o->opts.log_file) : NULL;
	if (log_path && tasksrv_log_open(ZSTR_VAL(log_path)) < 0) {
		TASKSRV_THROW(errno, "failed to start server. Error: cannot open log_file '%s': %s",
			ZSTR_VAL(o->opts.log_file), strerror(errno));
		zend_string_release(log_path);
		RETURN_THROWS();
	}
	if (o->opts.pid_file) {
		o->pid_path = absolute_path(o->opts.pid_file);
		pid_fd = tasksrv_process_pid_file_open(ZSTR_VAL(o->pid_path));
		if (pid_fd < 0) {
			int err = errno;
			TASKSRV_THROW(err, "failed to start server. Error: cannot write pid_file '%s': %s",
				ZSTR_VAL(o->opts.pid_file), strerror(err));
			start_failed(o, log_path);
			RETURN_THROWS();
		}
	}
	if (o->opts.daemonize) {
		/* The terminal's process ends here (exit status 0); the daemon goes on. */
		if (tasksrv_process_daemonize(log_path ? ZSTR_VAL(log_path) : NULL) < 0) {
			int err = errno;
			TASKSRV_THROW(err, "failed to start server. Error: daemonize failed: %s", strerror(err));
			if (pid_fd >= 0) {
				close(pid_fd);
			}
			start_failed(o, log_path);
			RETURN_THROWS();
		}
		tasksrv_log_redirect_std(log_path != NULL);
	}
	if (log_path) {
		zend_string_release(log_path);
	}
	/* The pid that takes the signals: BASE, the manager (or the single process). */
	if (pid_fd >= 0 && tasksrv_process_pid_file_write(pid_fd) < 0) {
		int err = errno;
		TASKSRV_THROW(err, "failed to start server. Error: cannot write pid_file '%s': %s",
			ZSTR_VAL(o->opts.pid_file), strerror(err));
		start_failed(o, NULL);
		RETURN_THROWS();
	}
	o->keep_title = user_title_set();
	o->state = STATE_RUNNING;
	rc = tasksrv_server_run(&o->core, err, sizeof(err));
	if (rc == 1) {
		/* A child whose work is done: leave the script as exit() would. */
		if (!EG(exception)) {
			EG(exit_status) = o->core.exit_code;
			zend_throw_unwind_exit();
		}
		RETURN_THROWS();
	}
	o->state = STATE_DONE;
	update_process_props(o);
	if (o->pid_path) {
		tasksrv_process_pid_file_remove(ZSTR_VAL(o->pid_path));
		zend_string_release(o->pid_path);
		o->pid_path = NULL;
	}
	tasksrv_log_redirect_std(0);
	tasksrv_log_close();
	if (constructed_server == o) {
		constructed_server = NULL;
	}
	if (EG(exception)) {
		RETURN_THROWS();
	}
	if (rc < 0) {
		TASKSRV_THROW(0, "failed to start server. Error: %s", err);
		RETURN_THROWS();
	}
	RETURN_TRUE;
}

PHP_METHOD(TaskSrv_Server, shutdown)
{
	server_obj *o = THIS_SERVER();

	ZEND_PARSE_PARAMETERS_NONE();

	if (o->state != STATE_RUNNING || o->core.role == TASKSRV_ROLE_NONE) {
		RETURN_FALSE;
	}
	RETURN_BOOL(tasksrv_server_shutdown(&o->core) == 0);
}

PHP_METHOD(TaskSrv_Server, reload)
{
	server_obj *o = THIS_SERVER();
	bool only_task_workers = false;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(only_task_workers)
	ZEND_PARSE_PARAMETERS_END();

	/* A user process may reload (a file watcher is the classic one). */
	if (!tasksrv_php_started_check(o)) {
		RETURN_FALSE;
	}
	if (o->core.single) {
		tasksrv_log(TASKSRV_LOG_WARNING, "Server::reload(): not supported with single process mode");
		RETURN_FALSE;
	}
	/* false also when a reload is already running or the server is stopping. */
	RETURN_BOOL(tasksrv_server_reload(&o->core, only_task_workers) == 0);
}

PHP_METHOD(TaskSrv_Server, stop)
{
	server_obj *o = THIS_SERVER();
	zend_long worker_id = -1;
	bool wait_event = false;

	ZEND_PARSE_PARAMETERS_START(0, 2)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(worker_id)
		Z_PARAM_BOOL(wait_event)
	ZEND_PARSE_PARAMETERS_END();
	(void) wait_event; /* every stop drains: see docs/server.md */

	if (!tasksrv_php_started_check(o)) {
		RETURN_FALSE;
	}
	if (worker_id == -1) {
		if (o->core.worker_id < 0) {
			tasksrv_log(TASKSRV_LOG_WARNING, "Server::stop(): kill worker in non worker process requires specifying an id");
			RETURN_FALSE;
		}
		worker_id = o->core.worker_id;
	}
	if (worker_id < 0 || worker_id >= o->core.cfg.worker_num + o->core.cfg.task_worker_num) {
		php_error_docref(NULL, E_WARNING, "the worker_id[" ZEND_LONG_FMT "] is invalid", worker_id);
		RETURN_FALSE;
	}
	RETURN_BOOL(tasksrv_server_stop_one(&o->core, (int) worker_id) == 0);
}

PHP_METHOD(TaskSrv_Server, send)
{
	server_obj *o = THIS_SERVER();
	zend_long fd = 0, server_socket = -1;
	zend_string *data, *path = NULL;

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_STR_OR_LONG(path, fd)
		Z_PARAM_STR(data)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(server_socket)
	ZEND_PARSE_PARAMETERS_END();

	/* As Swoole: a string starting with "/" is a Unix datagram client's path. */
	if (path && ZSTR_VAL(path)[0] == '/') {
		if (!tasksrv_php_running_check(o)) {
			RETURN_FALSE;
		}
		RETURN_BOOL(datagram_send(o, path, 0, data, server_socket));
	}
	if (path) {
		fd = ZEND_STRTOL(ZSTR_VAL(path), NULL, 10);
	}
	if (!tasksrv_php_session_arg(o, fd)) {
		RETURN_FALSE;
	}
	if (ZSTR_LEN(data) == 0) {
		php_error_docref(NULL, E_WARNING, "the data sent must not be empty");
		RETURN_FALSE;
	}
	/* An unknown or closed session is false without a warning, as in Swoole; an
	 * output buffer cap was logged by the core. */
	errno = 0;
	RETURN_BOOL(tasksrv_php_session_sent(o, fd, tasksrv_forward_send(&o->core, fd, ZSTR_VAL(data), ZSTR_LEN(data))));
}

PHP_METHOD(TaskSrv_Server, close)
{
	server_obj *o = THIS_SERVER();
	zend_long fd;
	bool reset = false;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_LONG(fd)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(reset)
	ZEND_PARSE_PARAMETERS_END();

	if (!tasksrv_php_session_arg(o, fd)) {
		RETURN_FALSE;
	}
	errno = 0;
	RETURN_BOOL(tasksrv_php_session_sent(o, fd,
		tasksrv_forward_conn_op(&o->core, fd, reset ? TASKSRV_CONN_CLOSE_RESET : TASKSRV_CONN_CLOSE, NULL, 0)));
}

PHP_METHOD(TaskSrv_Server, exists)
{
	server_obj *o = THIS_SERVER();
	zend_long fd;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_LONG(fd)
	ZEND_PARSE_PARAMETERS_END();

	if (!tasksrv_php_started_check(o)) {
		RETURN_FALSE;
	}
	RETURN_BOOL(tasksrv_php_session_result(o, fd, tasksrv_shm_session_get(o->core.shm, fd) != NULL));
}

PHP_METHOD(TaskSrv_Server, getWorkerId)
{
	server_obj *o = THIS_SERVER();

	ZEND_PARSE_PARAMETERS_NONE();

	if (o->state != STATE_RUNNING || o->core.worker_id < 0) {
		RETURN_FALSE;
	}
	RETURN_LONG(o->core.worker_id);
}

/* The shm slot of worker `id` (-1: the calling worker), or NULL outside a running server. */
static tasksrv_worker_slot_t *worker_slot(server_obj *o, zend_long id)
{
	if (o->state != STATE_RUNNING || o->core.shm == NULL) {
		return NULL;
	}
	if (id < 0) {
		id = o->core.worker_id;
	}
	if (id < 0 || id >= (zend_long) o->core.shm->nworkers) {
		return NULL;
	}
	return &o->core.shm->workers[id];
}

PHP_METHOD(TaskSrv_Server, getWorkerPid)
{
	server_obj *o = THIS_SERVER();
	tasksrv_worker_slot_t *slot;
	zend_long id = -1;
	int first_user = tasksrv_userproc_worker_id(&o->core, 0);

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(id)
	ZEND_PARSE_PARAMETERS_END();

	/* User processes (addProcess()) have the ids after the task workers'. */
	if (id < 0 && o->state == STATE_RUNNING && o->core.role == TASKSRV_ROLE_USER) {
		RETURN_LONG(getpid());
	}
	if (id >= first_user && o->state == STATE_RUNNING) {
		pid_t pid = tasksrv_userproc_pid(&o->core, (int) (id - first_user));
		if (pid == 0) {
			RETURN_FALSE;
		}
		RETURN_LONG(pid);
	}
	slot = worker_slot(o, id);
	if (slot == NULL || slot->pid == 0) {
		RETURN_FALSE;
	}
	RETURN_LONG(slot->pid);
}

PHP_METHOD(TaskSrv_Server, getWorkerStatus)
{
	tasksrv_worker_slot_t *slot;
	zend_long id = -1;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(id)
	ZEND_PARSE_PARAMETERS_END();

	slot = worker_slot(THIS_SERVER(), id);
	if (slot == NULL) {
		RETURN_FALSE;
	}
	RETURN_LONG(TASKSRV_ATOMIC_LOAD(&slot->status));
}

PHP_METHOD(TaskSrv_Server, getLastError)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_LONG(tasksrv_php_last_error());
}

PHP_METHOD(TaskSrv_Server, getMasterPid)
{
	server_obj *o = THIS_SERVER();

	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_LONG(o->state == STATE_RUNNING && o->core.shm ? o->core.shm->master_pid : 0);
}

PHP_METHOD(TaskSrv_Server, getManagerPid)
{
	server_obj *o = THIS_SERVER();

	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_LONG(o->state == STATE_RUNNING && o->core.shm ? o->core.shm->manager_pid : 0);
}

#define STATS_DEFAULT 0
#define STATS_JSON 1
#define STATS_OPENMETRICS 2

/* STATS_OPENMETRICS: the core's text (src/core/metrics.c). */
static void stats_openmetrics(server_obj *o, const tasksrv_stats_t *st, zval *return_value)
{
	tasksrv_buffer_t out = {0};

	if (tasksrv_metrics_format(&o->core, st, PHP_TASKSRV_VERSION, &out) < 0) {
		tasksrv_buffer_free(&out);
		RETURN_FALSE;
	}
	RETVAL_STRINGL(tasksrv_buffer_head(&out), tasksrv_buffer_size(&out));
	tasksrv_buffer_free(&out);
}

static void stats_array(server_obj *o, const tasksrv_stats_t *st, zval *return_value);

PHP_METHOD(TaskSrv_Server, stats)
{
	server_obj *o = THIS_SERVER();
	tasksrv_stats_t st;
	zend_long mode = STATS_DEFAULT;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(mode)
	ZEND_PARSE_PARAMETERS_END();

	if (mode < STATS_DEFAULT || mode > STATS_OPENMETRICS) {
		zend_argument_value_error(1, "must be one of TaskSrv\\Server::STATS_DEFAULT, STATS_JSON or STATS_OPENMETRICS");
		RETURN_THROWS();
	}
	if (o->state != STATE_RUNNING || tasksrv_server_stats(&o->core, &st) < 0) {
		php_error_docref(NULL, E_WARNING, "server is not running");
		if (mode == STATS_DEFAULT) {
			RETURN_EMPTY_ARRAY();
		}
		RETURN_FALSE;
	}
	if (mode == STATS_OPENMETRICS) {
		stats_openmetrics(o, &st, return_value);
		return;
	}
	stats_array(o, &st, return_value);
	if (mode == STATS_JSON) {
		smart_str json = {0};
		zval arr;

		ZVAL_COPY_VALUE(&arr, return_value);
		php_json_encode(&json, &arr, 0);
		zval_ptr_dtor(&arr);
		smart_str_0(&json);
		RETVAL_STR(json.s ? json.s : ZSTR_EMPTY_ALLOC());
	}
}

static void stats_array(server_obj *o, const tasksrv_stats_t *st_in, zval *return_value)
{
	tasksrv_stats_t st = *st_in;
	int r;

	array_init(return_value);
	add_assoc_long(return_value, "start_time", st.start_time);
	add_assoc_long(return_value, "connection_num", st.connection_num);
	add_assoc_long(return_value, "abort_count", st.abort_count);
	add_assoc_long(return_value, "accept_count", st.accept_count);
	add_assoc_long(return_value, "close_count", st.close_count);
	add_assoc_long(return_value, "worker_num", st.worker_num);
	add_assoc_long(return_value, "task_worker_num", st.task_worker_num);
	add_assoc_long(return_value, "user_worker_num", tasksrv_userproc_count(&o->core));
	add_assoc_long(return_value, "idle_worker_num", st.idle_worker_num);
	add_assoc_long(return_value, "dispatch_count", st.dispatch_count);
	add_assoc_long(return_value, "request_count", st.request_count);
	add_assoc_long(return_value, "response_count", st.response_count);
	add_assoc_long(return_value, "total_recv_bytes", st.total_recv_bytes);
	add_assoc_long(return_value, "total_send_bytes", st.total_send_bytes);
	add_assoc_long(return_value, "pipe_packet_msg_id", st.pipe_packet_msg_id);
	add_assoc_long(return_value, "concurrency", st.concurrency);
	add_assoc_long(return_value, "session_round", st.session_round);
	add_assoc_long(return_value, "min_fd", st.min_fd);
	add_assoc_long(return_value, "max_fd", st.max_fd);
	if (st.has_worker) {
		add_assoc_long(return_value, "worker_request_count", st.worker_request_count);
		add_assoc_long(return_value, "worker_response_count", st.worker_response_count);
		add_assoc_long(return_value, "worker_dispatch_count", st.worker_dispatch_count);
		add_assoc_long(return_value, "worker_concurrency", st.worker_concurrency);
	}
	/* A front with a task backend sends tasks with no task worker of its own. */
	if (st.task_worker_num > 0 || o->core.cfg.backend) {
		zval by;
		add_assoc_long(return_value, "task_idle_worker_num", st.task_idle_worker_num);
		add_assoc_long(return_value, "tasking_num", st.tasking_num);
		add_assoc_long(return_value, "task_count", st.task_count);
		add_assoc_long(return_value, "task_accepted", st.ledger.accepted);
		add_assoc_long(return_value, "task_done", st.ledger.done);
		add_assoc_long(return_value, "task_failed", st.ledger.failed);
		array_init(&by);
		for (r = 1; r <= TASKSRV_FAIL_REASON_MAX; r++) {
			add_assoc_long(&by, tasksrv_failure_reason_name(r), st.ledger.by_reason[r]);
		}
		add_assoc_zval(return_value, "task_failed_by_reason", &by);
		add_assoc_long(return_value, "task_queue_num", st.ledger.queued);
		add_assoc_long(return_value, "task_running_num", st.ledger.running);
		add_assoc_long(return_value, "task_rejected", st.task_rejected);
		if (o->opts.task_ipc_mode != 1) {
			add_assoc_long(return_value, "task_queue_bytes", st.task_queue_bytes);
		}
	}
	/* The Redis task backend: this server's own counts, then the queue across hosts
	 * (read by event worker 0 at most once a second). */
	if (o->core.cfg.backend) {
		add_assoc_long(return_value, "task_late_results", st.task_late_results);
		add_assoc_long(return_value, "task_backend_stream_length", st.backend_stream_length);
		add_assoc_long(return_value, "task_backend_waiting", st.backend_waiting);
		add_assoc_long(return_value, "task_backend_pending", st.backend_pending);
		add_assoc_long(return_value, "task_backend_consumers", st.backend_consumers);
		add_assoc_long(return_value, "task_backend_late_results", st.backend_late_results);
		add_assoc_long(return_value, "task_backend_retried", st.backend_retried);
	}
	/* tasksrv has no coroutines: the main context is the only one. */
	add_assoc_long(return_value, "coroutine_num", 0);
	add_assoc_long(return_value, "coroutine_peek_num", 0);
}

void tasksrv_server_minit(zend_class_entry *ce)
{
	tasksrv_server_ce = ce;
	ce->create_object = server_create;
	memcpy(&tasksrv_server_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	tasksrv_server_handlers.offset = XtOffsetOf(server_obj, std);
	tasksrv_server_handlers.free_obj = server_free;
	tasksrv_server_handlers.get_gc = server_get_gc;
	tasksrv_server_handlers.clone_obj = NULL;
}
