/* tasksrv: how the glue calls PHP back: a callback with the report of an uncaught
 * exception (or exit()'s unwinding), an event's callback (its port's, or the primary
 * port's), the running check of the methods that need a running server, and the
 * release of a frame's payload storage. php_server.c, php_task.c, php_port.c and
 * php_connections.c call down into it; it calls none of them. */
#include "php_call.h"
#include "php_errors.h"
#include "server.h"

#include "zend_exceptions.h"

/* An uncaught exception in a callback is reported the way PHP reports one and the
 * process goes on serving, as Swoole's synchronous workers do. exit() ends the process. */
static void after_callback(server_obj *o)
{
	zend_object *ex = EG(exception);
	int status;

	if (ex == NULL) {
		return;
	}
	if (zend_is_unwind_exit(ex)) {
		tasksrv_server_abort(&o->core);
		return;
	}
	status = EG(exit_status);
	zend_exception_error(ex, E_ERROR);
	EG(exit_status) = status;
}

/* Calls without reporting exceptions: the caller decides what they mean. */
static bool call_raw(server_obj *o, zval *callable, zend_fcall_info_cache *fcc, uint32_t argc, zval *argv, zval *retval)
{
	zend_fcall_info fci;
	zval rv;

	if (o->core.exiting) {
		return false;
	}
	fci.size = sizeof(fci);
	ZVAL_COPY_VALUE(&fci.function_name, callable);
	fci.object = fcc ? fcc->object : NULL;
	fci.retval = retval ? retval : &rv;
	fci.param_count = argc;
	fci.params = argv;
	fci.named_params = NULL;
	ZVAL_UNDEF(fci.retval);
	zend_call_function(&fci, fcc);
	if (!retval) {
		zval_ptr_dtor(&rv);
	}
	if (EG(exception) && zend_is_unwind_exit(EG(exception))) {
		tasksrv_server_abort(&o->core);
	}
	return true;
}

bool tasksrv_php_call(server_obj *o, zval *callable, zend_fcall_info_cache *fcc, uint32_t argc, zval *argv, zval *retval)
{
	bool called = call_raw(o, callable, fcc, argc, argv, retval);

	after_callback(o);
	return called;
}

static bool fire_ex(server_obj *o, int ev, uint32_t argc, zval *argv, zval *retval, bool report)
{
	/* A connection or datagram event uses its port's callback, or the primary port's. */
	callback_t *cb = tasksrv_port_callback(o, o->core.cur_port, ev);
	tasksrv_worker_slot_t *slot = NULL;
	int32_t status = 0;
	bool called;

	if (Z_ISUNDEF(cb->callable)) {
		return false;
	}
	ZVAL_OBJ(&argv[0], &o->std);
	/* A worker is BUSY while PHP code runs in it (getWorkerStatus(), idle_worker_num);
	 * in onWorkerExit it shows EXIT, as in Swoole. */
	if (o->core.worker_id >= 0 && o->core.shm && ev != EV_WORKER_EXIT) {
		slot = &o->core.shm->workers[o->core.worker_id];
		status = TASKSRV_ATOMIC_LOAD(&slot->status);
		TASKSRV_ATOMIC_STORE(&slot->status, TASKSRV_WORKER_BUSY);
	}
	called = report ? tasksrv_php_call(o, &cb->callable, &cb->fcc, argc, argv, retval)
		: call_raw(o, &cb->callable, &cb->fcc, argc, argv, retval);
	if (slot) {
		TASKSRV_ATOMIC_STORE(&slot->status, status);
	}
	return called;
}

/* Calls the callback of an event with the server as first argument; argv[0] is filled here. */
bool tasksrv_php_fire(server_obj *o, int ev, uint32_t argc, zval *argv, zval *retval)
{
	return fire_ex(o, ev, argc, argv, retval, true);
}

/* The same, leaving an exception pending for the caller. */
bool tasksrv_php_fire_catching(server_obj *o, int ev, uint32_t argc, zval *argv, zval *retval)
{
	return fire_ex(o, ev, argc, argv, retval, false);
}

/* The events a port has (a secondary port's own callbacks); the rest are the server's. */
static const bool port_event[EV_COUNT] = {
	[EV_CONNECT] = true, [EV_RECEIVE] = true, [EV_CLOSE] = true, [EV_PACKET] = true,
	[EV_BUFFER_FULL] = true, [EV_BUFFER_EMPTY] = true,
};

/* A connection or datagram event uses its port's callback, or the primary port's. */
callback_t *tasksrv_port_callback(server_obj *o, int port, int ev)
{
	if (port > 0 && port < o->nports && port_event[ev] && !Z_ISUNDEF(o->ports[port]->cb[ev].callable)) {
		return &o->ports[port]->cb[ev];
	}
	return &o->cb[ev];
}

bool tasksrv_php_started_check(server_obj *o)
{
	if (o->state != STATE_RUNNING || o->core.role == TASKSRV_ROLE_NONE) {
		php_error_docref(NULL, E_WARNING, "server is not running");
		return false;
	}
	return true;
}

bool tasksrv_php_running_check(server_obj *o)
{
	if (!tasksrv_php_started_check(o)) {
		return false;
	}
	/* A user process (addProcess()) has no loop and no port: sendto(), the heartbeat
	 * and command() fail there (its connection calls, sendMessage() and one-way
	 * task()s go through its channels; they use started_check). */
	if (o->core.role == TASKSRV_ROLE_USER) {
		php_error_docref(NULL, E_WARNING, "not available in a user process");
		return false;
	}
	return true;
}

void tasksrv_php_payload_free(tasksrv_server_t *s, void *handle)
{
	if (handle) {
		/* A huge one may be kept to receive the next into. */
		tasksrv_spares_keep(&CORE_SERVER(s)->spares, (zend_string *) handle, false);
	}
}

/* As Swoole 6.2.1: an event name it does not know (older programs register "Timer")
 * is a warning and false, and the program runs on. Shared with Server\Port::on(). */
void tasksrv_php_unknown_event(zend_string *name)
{
	tasksrv_php_set_last_error(TASKSRV_ERROR_PHP_RUNTIME_NOTICE);
	php_error_docref(NULL, E_WARNING, "unknown event types[%s]", ZSTR_VAL(name));
}
