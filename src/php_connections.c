/* tasksrv: the connection API of TaskSrv\Server that reads the shared session table
 * (getClientInfo, getClientList, heartbeat, protect, pause/resume) and the
 * $server->connections iterator, TaskSrv\Connection\Iterator. Every session lives in
 * shared memory (src/shm.h), so these work from any process of the server. */
#include "php_server.h"
#include "php_server_int.h"
#include "server.h"

#include "zend_interfaces.h"

#define MAX_FIND_COUNT 100

zend_class_entry *tasksrv_conn_iterator_ce;
static zend_object_handlers conn_iterator_handlers;

typedef struct {
	zval server;           /* the Server it belongs to (a counted reference) */
	int64_t cur;           /* session id at the cursor, 0 past the end */
	zend_long index;
	zend_object std;
} conn_iterator_obj;

static inline conn_iterator_obj *conn_iterator_from_obj(zend_object *obj)
{
	return (conn_iterator_obj *) ((char *) obj - XtOffsetOf(conn_iterator_obj, std));
}

#define THIS_ITERATOR() conn_iterator_from_obj(Z_OBJ_P(ZEND_THIS))

/* {{{ session table */
static bool running(server_obj *o)
{
	return o->state == STATE_RUNNING && o->core.role != TASKSRV_ROLE_NONE && o->core.shm != NULL;
}

/* An event worker sees its own connections (as in Swoole's BASE mode); the other
 * processes, which hold no socket, see them all. */
static bool visible(server_obj *o, const tasksrv_session_t *sess)
{
	return o->core.role != TASKSRV_ROLE_WORKER || sess->worker_id == o->core.worker_id;
}

/* The next session after `after` (0: the first) that this process sees, or 0. */
static int64_t next_visible(server_obj *o, int64_t after)
{
	tasksrv_session_t *sess;
	int64_t id;

	if (!running(o)) {
		return 0;
	}
	while ((sess = tasksrv_shm_session_next(o->core.shm, after, &id)) != NULL) {
		if (visible(o, sess)) {
			return id;
		}
		after = id;
	}
	return 0;
}

/* getClientInfo()'s array, keys in Swoole's order. */
static void client_info(server_obj *o, const tasksrv_session_t *sess, zval *rv)
{
	array_init(rv);
	add_assoc_long(rv, "server_port", sess->server_port);
	add_assoc_long(rv, "server_fd", sess->server_fd);
	add_assoc_long(rv, "socket_fd", sess->os_fd);
	add_assoc_long(rv, "socket_type", sess->socket_type);
	add_assoc_long(rv, "remote_port", sess->remote_port);
	add_assoc_string(rv, "remote_ip", (char *) sess->remote_ip);
	add_assoc_long(rv, "reactor_id", sess->worker_id);
	add_assoc_long(rv, "connect_time", sess->connect_time);
	add_assoc_long(rv, "last_time", sess->last_time);
	add_assoc_double(rv, "last_recv_time", sess->last_recv_time);
	add_assoc_double(rv, "last_send_time", sess->last_send_time);
	add_assoc_double(rv, "last_dispatch_time", sess->last_dispatch_time);
	add_assoc_long(rv, "close_errno", sess->close_errno);
	add_assoc_long(rv, "recv_queued_bytes", sess->recv_queued_bytes);
	add_assoc_long(rv, "send_queued_bytes", sess->send_queued_bytes);
	(void) o;
}

/* The session of $fd for getClientInfo(): a live one, or (inside its onClose, or
 * with $ignore_error) one just closed whose slot is not reused yet. */
static tasksrv_session_t *info_session(server_obj *o, zend_long fd, bool ignore_error)
{
	tasksrv_session_t *sess = tasksrv_shm_session_get(o->core.shm, fd);

	if (sess == NULL && (ignore_error || fd == o->closing_session)) {
		sess = tasksrv_shm_session_get_closed(o->core.shm, fd);
	}
	return sess;
}
/* }}} */

PHP_METHOD(TaskSrv_Server, getClientInfo)
{
	server_obj *o = THIS_SERVER();
	tasksrv_session_t *sess;
	zend_long fd, reactor_id = -1;
	bool ignore_error = false;

	ZEND_PARSE_PARAMETERS_START(1, 3)
		Z_PARAM_LONG(fd)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(reactor_id)
		Z_PARAM_BOOL(ignore_error)
	ZEND_PARSE_PARAMETERS_END();
	(void) reactor_id; /* Swoole ignores it too: the session id is enough */

	if (!tasksrv_php_running_check(o)) {
		RETURN_FALSE;
	}
	sess = info_session(o, fd, ignore_error);
	if (sess == NULL) {
		RETURN_FALSE;
	}
	client_info(o, sess, return_value);
}

PHP_METHOD(TaskSrv_Server, getClientList)
{
	server_obj *o = THIS_SERVER();
	zend_long start = 0, count = 10, n = 0;
	int64_t after;

	ZEND_PARSE_PARAMETERS_START(0, 2)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(start)
		Z_PARAM_LONG(count)
	ZEND_PARSE_PARAMETERS_END();

	if (!tasksrv_php_running_check(o)) {
		RETURN_FALSE;
	}
	if (count > MAX_FIND_COUNT) {
		php_error_docref(NULL, E_WARNING, "swoole connection list max_find_count=%d", MAX_FIND_COUNT);
		RETURN_FALSE;
	}
	/* Paging goes on from the last id of the previous page, which must still be live. */
	if (start < 0 || (start > 0 && tasksrv_shm_session_get(o->core.shm, start) == NULL)) {
		RETURN_FALSE;
	}
	array_init(return_value);
	after = start;
	while (n < count && tasksrv_shm_session_next(o->core.shm, after, &after) != NULL) {
		add_next_index_long(return_value, after);
		n++;
	}
}

/* {{{ TaskSrv\Connection\Iterator */
static zend_object *conn_iterator_create(zend_class_entry *ce)
{
	conn_iterator_obj *it = zend_object_alloc(sizeof(conn_iterator_obj), ce);

	ZVAL_UNDEF(&it->server);
	zend_object_std_init(&it->std, ce);
	object_properties_init(&it->std, ce);
	it->std.handlers = &conn_iterator_handlers;
	return &it->std;
}

static void conn_iterator_free(zend_object *obj)
{
	conn_iterator_obj *it = conn_iterator_from_obj(obj);

	zval_ptr_dtor(&it->server);
	zend_object_std_dtor(obj);
}

static HashTable *conn_iterator_get_gc(zend_object *obj, zval **table, int *n)
{
	conn_iterator_obj *it = conn_iterator_from_obj(obj);

	*table = &it->server;
	*n = 1;
	return zend_std_get_properties(obj);
}

static server_obj *iterator_server(conn_iterator_obj *it)
{
	return Z_TYPE(it->server) == IS_OBJECT ? server_from_obj(Z_OBJ(it->server)) : NULL;
}

/* Gives a new Server its $connections. */
void tasksrv_php_connections_attach(server_obj *o)
{
	zend_object *obj = conn_iterator_create(tasksrv_conn_iterator_ce);
	conn_iterator_obj *it = conn_iterator_from_obj(obj);
	zval zv;

	ZVAL_OBJ(&zv, obj);
	zend_update_property(o->std.ce, &o->std, "connections", sizeof("connections") - 1, &zv);
	zval_ptr_dtor(&zv);
	/* The Server holds the iterator and the iterator the Server: a cycle the GC
	 * sees through both get_gc handlers. */
	ZVAL_OBJ_COPY(&it->server, &o->std);
}

PHP_METHOD(TaskSrv_Connection_Iterator, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
}

PHP_METHOD(TaskSrv_Connection_Iterator, rewind)
{
	conn_iterator_obj *it = THIS_ITERATOR();
	server_obj *o = iterator_server(it);

	ZEND_PARSE_PARAMETERS_NONE();
	it->index = 0;
	it->cur = o ? next_visible(o, 0) : 0;
}

PHP_METHOD(TaskSrv_Connection_Iterator, valid)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_BOOL(THIS_ITERATOR()->cur > 0);
}

PHP_METHOD(TaskSrv_Connection_Iterator, current)
{
	conn_iterator_obj *it = THIS_ITERATOR();

	ZEND_PARSE_PARAMETERS_NONE();
	if (it->cur <= 0) {
		RETURN_NULL();
	}
	RETURN_LONG(it->cur);
}

PHP_METHOD(TaskSrv_Connection_Iterator, key)
{
	conn_iterator_obj *it = THIS_ITERATOR();

	ZEND_PARSE_PARAMETERS_NONE();
	if (it->cur <= 0) {
		RETURN_NULL();
	}
	RETURN_LONG(it->index);
}

PHP_METHOD(TaskSrv_Connection_Iterator, next)
{
	conn_iterator_obj *it = THIS_ITERATOR();
	server_obj *o = iterator_server(it);

	ZEND_PARSE_PARAMETERS_NONE();
	if (it->cur > 0 && o) {
		it->cur = next_visible(o, it->cur);
		it->index++;
	}
}

PHP_METHOD(TaskSrv_Connection_Iterator, count)
{
	server_obj *o = iterator_server(THIS_ITERATOR());
	zend_long n = 0;
	int64_t id = 0;

	ZEND_PARSE_PARAMETERS_NONE();
	/* What foreach yields (Swoole counts the whole server's connections here, even
	 * in BASE mode where foreach shows only the worker's own). */
	while (o && (id = next_visible(o, id)) > 0) {
		n++;
	}
	RETURN_LONG(n);
}

static tasksrv_session_t *offset_session(conn_iterator_obj *it, zval *offset)
{
	server_obj *o = iterator_server(it);

	if (o == NULL || !running(o)) {
		return NULL;
	}
	return tasksrv_shm_session_get(o->core.shm, zval_get_long(offset));
}

PHP_METHOD(TaskSrv_Connection_Iterator, offsetExists)
{
	zval *offset;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(offset)
	ZEND_PARSE_PARAMETERS_END();
	RETURN_BOOL(offset_session(THIS_ITERATOR(), offset) != NULL);
}

PHP_METHOD(TaskSrv_Connection_Iterator, offsetGet)
{
	conn_iterator_obj *it = THIS_ITERATOR();
	tasksrv_session_t *sess;
	zval *offset;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(offset)
	ZEND_PARSE_PARAMETERS_END();
	sess = offset_session(it, offset);
	if (sess == NULL) {
		RETURN_FALSE;
	}
	client_info(iterator_server(it), sess, return_value);
}

PHP_METHOD(TaskSrv_Connection_Iterator, offsetSet)
{
	zval *offset, *value;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_ZVAL(offset)
		Z_PARAM_ZVAL(value)
	ZEND_PARSE_PARAMETERS_END();
	zend_throw_error(NULL, "Cannot modify %s", ZSTR_VAL(tasksrv_conn_iterator_ce->name));
}

PHP_METHOD(TaskSrv_Connection_Iterator, offsetUnset)
{
	zval *offset;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(offset)
	ZEND_PARSE_PARAMETERS_END();
	zend_throw_error(NULL, "Cannot modify %s", ZSTR_VAL(tasksrv_conn_iterator_ce->name));
}

void tasksrv_connections_minit(zend_class_entry *ce)
{
	tasksrv_conn_iterator_ce = ce;
	ce->create_object = conn_iterator_create;
	memcpy(&conn_iterator_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	conn_iterator_handlers.offset = XtOffsetOf(conn_iterator_obj, std);
	conn_iterator_handlers.free_obj = conn_iterator_free;
	conn_iterator_handlers.get_gc = conn_iterator_get_gc;
	conn_iterator_handlers.clone_obj = NULL;
}
/* }}} */
