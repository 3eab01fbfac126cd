/* tasksrv: TaskSrv\Http\Server (Swoole\Http\Server when ext/swoole is absent): a
 * Server whose ports speak HTTP/1.1 (open_http_protocol on), and onRequest. The
 * core parses (src/core/http_parser.c, in the event worker in BASE, in the master
 * in PROCESS) and hands over each request as a blob; here it becomes a Request and a
 * Response and onRequest runs, in the event worker, like onReceive: task(),
 * taskwait(), taskWaitMulti(), taskCo() and finish() work as they do there. */
#include "php_http_server.h"
#include "php_http_request.h"
#include "php_http_response.h"
#include "php_call.h"
#include "forward.h"

#include "log.h"
#include "shm.h"

#include "zend_attributes.h"
#ifndef ZEND_ACC_ALLOW_DYNAMIC_PROPERTIES
/* PHP 8.1: every class without @strict-properties takes dynamic properties silently */
#define ZEND_ACC_ALLOW_DYNAMIC_PROPERTIES 0
#endif
#include "php_http_arginfo.h"

zend_class_entry *tasksrv_http_server_ce;
static zend_object *(*server_create_parent)(zend_class_entry *ce);
static zend_object_handlers http_server_handlers;
static const zend_object_handlers *server_handlers_parent;

/* Responses write through the server: they forget it when it goes. */
static void http_server_free(zend_object *obj)
{
	tasksrv_http_response_bind(NULL);
	server_handlers_parent->free_obj(obj);
}

/* An Http\Server's ports speak HTTP unless their own set() says otherwise. */
static zend_object *http_server_create(zend_class_entry *ce)
{
	zend_object *obj = server_create_parent(ce);

	if (server_handlers_parent == NULL) {
		server_handlers_parent = obj->handlers;
		memcpy(&http_server_handlers, obj->handlers, sizeof(http_server_handlers));
		http_server_handlers.free_obj = http_server_free;
	}
	obj->handlers = &http_server_handlers;
	server_from_obj(obj)->opts.open_http_protocol = true;
	tasksrv_http_response_bind(server_from_obj(obj));
	return obj;
}

static bool accepts_gzip(server_obj *o, const tasksrv_http_request_t *r)
{
	size_t n;
	const char *v = o->opts.http_compression ? tasksrv_http_header(r, "accept-encoding", &n) : NULL;

	return v && zend_memnstr(v, "gzip", 4, v + n) != NULL;
}

void tasksrv_php_http_request(server_obj *o, int64_t session, int reactor_id, const char *blob, size_t len)
{
	callback_t *cb = tasksrv_port_callback(o, o->core.cur_port, EV_REQUEST);
	tasksrv_http_request_t r;
	tasksrv_worker_slot_t *slot = NULL;
	int32_t status = 0;
	zval argv[2];

	(void) reactor_id;
	if (tasksrv_http_unpack(blob, len, &r) < 0) {
		tasksrv_log(TASKSRV_LOG_WARNING, "http: session#%ld: a request that does not unpack, connection closed",
			(long) session);
		tasksrv_forward_close(&o->core, session);
		return;
	}
	tasksrv_http_response_init(&argv[1], session, &r, accepts_gzip(o, &r));
	tasksrv_http_request_build(o, &argv[0], session, &r);
	if (!Z_ISUNDEF(cb->callable)) {
		/* BUSY while onRequest runs, as for onReceive (getWorkerStatus(), idle_worker_num). */
		if (o->core.worker_id >= 0 && o->core.shm) {
			slot = &o->core.shm->workers[o->core.worker_id];
			status = TASKSRV_ATOMIC_LOAD(&slot->status);
			TASKSRV_ATOMIC_STORE(&slot->status, TASKSRV_WORKER_BUSY);
		}
		tasksrv_php_call(o, &cb->callable, &cb->fcc, 2, argv, NULL);
		if (slot) {
			TASKSRV_ATOMIC_STORE(&slot->status, status);
		}
	}
	tasksrv_http_request_cleanup(&argv[0]);
	zval_ptr_dtor(&argv[0]);
	/* A Response nobody kept and nobody answered sends Swoole's 500 here. */
	zval_ptr_dtor(&argv[1]);
}

void tasksrv_http_minit(zend_class_entry *server_ce)
{
	tasksrv_http_server_ce = register_class_TaskSrv_Http_Server(server_ce);
	server_create_parent = server_ce->create_object;
	tasksrv_http_server_ce->create_object = http_server_create;
	tasksrv_http_request_minit(register_class_TaskSrv_Http_Request());
	tasksrv_http_response_minit(register_class_TaskSrv_Http_Response());
}

void tasksrv_http_register_swoole_names(void)
{
	zend_register_class_alias("Swoole\\Http\\Server", tasksrv_http_server_ce);
	zend_register_class_alias("Swoole\\Http\\Request", tasksrv_http_request_ce);
	zend_register_class_alias("Swoole\\Http\\Response", tasksrv_http_response_ce);
}
