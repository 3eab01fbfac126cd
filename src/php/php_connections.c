/* tasksrv: the connection API of TaskSrv\Server that reads the shared session table
 * (getClientInfo, getClientList, heartbeat, protect, pause/resume) and the
 * $server->connections iterator, TaskSrv\Connection\Iterator. Every session lives in
 * shared memory (src/core/shm.h), so these work from any process of the server. */
#include "php_connections.h"
#include "php_call.h"
#include "php_errors.h"
#include "server.h"
#include "forward.h"

#include "zend_interfaces.h"

#include <sys/resource.h>

#define MAX_FIND_COUNT 100

zend_class_entry *tasksrv_conn_iterator_ce;
static zend_object_handlers conn_iterator_handlers;

typedef struct {
	server_obj *server;    /* not counted: the Server clears it when it is freed */
	int64_t cur;           /* session id at the cursor, 0 past the end */
	zend_long index;
	int port;              /* a Server\Port's $connections: that port's only; -1: all */
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
	/* SWOOLE_PROCESS: the master holds them all and every worker may use any. */
	return o->core.role != TASKSRV_ROLE_WORKER || o->core.cfg.mode == TASKSRV_MODE_PROCESS
		|| sess->worker_id == o->core.worker_id;
}

/* The next session after `after` (0: the first) that this process sees (of port
 * `port`, unless -1), or 0. */
static int64_t next_visible(server_obj *o, int64_t after, int port)
{
	tasksrv_session_t *sess;
	int64_t id;

	if (!running(o)) {
		return 0;
	}
	while ((sess = tasksrv_shm_session_next(o->core.shm, after, &id)) != NULL) {
		if (visible(o, sess) && (port < 0 || (port < o->core.ports.n
				&& sess->server_fd == o->core.ports.items[port]->sock))) {
			return id;
		}
		after = id;
	}
	return 0;
}

/* getClientInfo()'s array, keys in Swoole's order. */
static void client_info(server_obj *o, const tasksrv_session_t *sess, zval *rv)
{
	uint32_t uid = __atomic_load_n(&sess->uid, __ATOMIC_ACQUIRE);

	array_init(rv);
	/* As Swoole: first, once bound or whenever dispatch_mode is 5 (0: not bound). */
	if (uid || o->core.cfg.dispatch_mode == TASKSRV_DISPATCH_UID) {
		add_assoc_long(rv, "uid", (zend_long) uid);
	}
	add_assoc_long(rv, "server_port", sess->server_port);
	add_assoc_long(rv, "server_fd", sess->server_fd);
	add_assoc_long(rv, "socket_fd", sess->os_fd);
	add_assoc_long(rv, "socket_type", sess->socket_type);
	add_assoc_long(rv, "remote_port", sess->remote_port);
	add_assoc_string(rv, "remote_ip", (char *) sess->remote_ip);
	/* SWOOLE_PROCESS: the master's one reactor; BASE: the worker that accepted it. */
	add_assoc_long(rv, "reactor_id", o->core.cfg.mode == TASKSRV_MODE_PROCESS ? 0 : sess->worker_id);
	add_assoc_long(rv, "connect_time", sess->connect_time);
	add_assoc_long(rv, "last_time", sess->last_time);
	add_assoc_double(rv, "last_recv_time", sess->last_recv_time);
	add_assoc_double(rv, "last_send_time", sess->last_send_time);
	add_assoc_double(rv, "last_dispatch_time", sess->last_dispatch_time);
	add_assoc_long(rv, "close_errno", sess->close_errno);
	add_assoc_long(rv, "recv_queued_bytes", sess->recv_queued_bytes);
	add_assoc_long(rv, "send_queued_bytes", sess->send_queued_bytes);
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

	if (!tasksrv_php_started_check(o)) {
		RETURN_FALSE;
	}
	sess = info_session(o, fd, ignore_error);
	if (sess == NULL) {
		RETURN_FALSE;
	}
	client_info(o, sess, return_value);
}

bool tasksrv_php_session_sent(server_obj *o, zend_long fd, int rc)
{
	if (rc < 0 && errno == EBADMSG) {
		/* The channel to the process that holds the connection (the SWOOLE_PROCESS
		 * master, or in SWOOLE_BASE the event worker that accepted it) was found corrupt. */
		tasksrv_php_set_last_error(TASKSRV_ERROR_SERVER_WORKER_ABNORMAL_PIPE_DATA);
		php_error_docref(NULL, E_WARNING, "connection#" ZEND_LONG_FMT ": the channel to the process that holds it was "
			"found corrupt and is being reset; nothing was sent", fd);
		return false;
	}
	return tasksrv_php_session_result(o, fd, rc == 0);
}

bool tasksrv_php_session_result(server_obj *o, zend_long fd, bool ok)
{
	if (!ok && tasksrv_shm_session_get(o->core.shm, fd) == NULL) {
		tasksrv_php_set_last_error(TASKSRV_ERROR_SESSION_NOT_EXIST);
	}
	return ok;
}

bool tasksrv_php_session_arg(server_obj *o, zend_long fd)
{
	if (!tasksrv_php_started_check(o)) {
		return false;
	}
	if (fd <= 0) {
		php_error_docref(NULL, E_WARNING, "invalid fd[" ZEND_LONG_FMT "]", fd);
		return false;
	}
	return true;
}

/* As Swoole 6.2.1: from any process, in any mode (the uid is in getClientInfo());
 * only dispatch_mode 5 routes by it. A session already bound, or gone, is false. */
PHP_METHOD(TaskSrv_Server, bind)
{
	server_obj *o = THIS_SERVER();
	zend_long fd, uid;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_LONG(fd)
		Z_PARAM_LONG(uid)
	ZEND_PARSE_PARAMETERS_END();

	if (uid > UINT32_MAX || uid < INT32_MIN) {
		php_error_docref(NULL, E_WARNING, "uid can not be greater than %u or less than %d", UINT32_MAX, INT32_MIN);
		RETURN_FALSE;
	}
	if (!tasksrv_php_started_check(o) || fd <= 0) {
		RETURN_FALSE;
	}
	RETURN_BOOL(tasksrv_php_session_result(o, fd, tasksrv_shm_session_bind(o->core.shm, fd, (uint32_t) uid) == 0));
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

	if (!tasksrv_php_started_check(o)) {
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

/* set() options of the connection layer into the core's configuration. */
void tasksrv_php_connections_configure(server_obj *o)
{
	tasksrv_config_t *cfg = &o->core.cfg;
	tasksrv_options_t *opts = &o->opts;
	zend_long interval = opts->heartbeat_check_interval, idle = opts->heartbeat_idle_time;
	struct rlimit rl;

	cfg->max_conn = opts->max_conn;
	if (cfg->max_conn <= 0) {
		/* Swoole's default: min(100000, the fd limit); start() raises the soft limit to the hard one. */
		cfg->max_conn = 100000;
		if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_max != RLIM_INFINITY && (zend_long) rl.rlim_max < cfg->max_conn) {
			cfg->max_conn = (int64_t) rl.rlim_max;
		}
	}
	/* As Swoole: idle_time alone sets the interval to half of it; interval alone, idle to twice it. */
	if (interval == 0 && idle > 0) {
		interval = MAX(1, idle / 2);
	}
	if (idle == 0) {
		idle = interval * 2;
	}
	cfg->heartbeat_check_interval_ms = (int) (interval * 1000);
	cfg->heartbeat_idle_ms = (int) MIN(idle * 1000, INT32_MAX);
	cfg->output_buffer_size = (size_t) opts->output_buffer_size;
	cfg->socket_buffer_size = (size_t) opts->socket_buffer_size;
	cfg->buffer_high_watermark = opts->buffer_high_watermark >= 0 ? (size_t) opts->buffer_high_watermark
		: cfg->socket_buffer_size / 10 * 8;
	cfg->buffer_low_watermark = (size_t) opts->buffer_low_watermark;
}

/* pause()/resume(): done by the owner (forwarded when that is another process). */
static void conn_op_method(INTERNAL_FUNCTION_PARAMETERS, int op)
{
	server_obj *o = THIS_SERVER();
	zend_long fd;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_LONG(fd)
	ZEND_PARSE_PARAMETERS_END();

	if (!tasksrv_php_started_check(o)) {
		RETURN_FALSE;
	}
	RETURN_BOOL(tasksrv_forward_conn_op(&o->core, fd, op, NULL, 0) == 0);
}

PHP_METHOD(TaskSrv_Server, pause)
{
	conn_op_method(INTERNAL_FUNCTION_PARAM_PASSTHRU, TASKSRV_CONN_PAUSE);
}

PHP_METHOD(TaskSrv_Server, resume)
{
	conn_op_method(INTERNAL_FUNCTION_PARAM_PASSTHRU, TASKSRV_CONN_RESUME);
}

PHP_METHOD(TaskSrv_Server, protect)
{
	server_obj *o = THIS_SERVER();
	tasksrv_session_t *sess;
	zend_long fd;
	bool value = true;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_LONG(fd)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(value)
	ZEND_PARSE_PARAMETERS_END();

	if (!tasksrv_php_started_check(o)) {
		RETURN_FALSE;
	}
	sess = tasksrv_shm_session_get(o->core.shm, fd);
	if (sess == NULL) {
		RETURN_FALSE;
	}
	/* A flag in the shared session: any process may set it, the owner's heartbeat reads it. */
	if (value) {
		__atomic_or_fetch(&sess->flags, TASKSRV_SESSION_PROTECTED, __ATOMIC_RELAXED);
	} else {
		__atomic_and_fetch(&sess->flags, ~TASKSRV_SESSION_PROTECTED, __ATOMIC_RELAXED);
	}
	RETURN_TRUE;
}

typedef struct {
	server_obj *o;
	zval *list;
	bool close;
} heartbeat_ctx;

static void heartbeat_one(void *ctx, int64_t session)
{
	heartbeat_ctx *h = ctx;

	add_next_index_long(h->list, session);
	if (h->close) {
		tasksrv_forward_close(&h->o->core, session);
	}
}

PHP_METHOD(TaskSrv_Server, heartbeat)
{
	server_obj *o = THIS_SERVER();
	bool close = true;
	heartbeat_ctx h;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(close)
	ZEND_PARSE_PARAMETERS_END();

	if (!tasksrv_php_running_check(o) || o->core.cfg.heartbeat_check_interval_ms <= 0) {
		RETURN_FALSE;
	}
	array_init(return_value);
	h.o = o;
	h.list = return_value;
	h.close = close;
	tasksrv_forward_idle_sessions(&o->core, o->core.cfg.heartbeat_idle_ms, heartbeat_one, &h);
}

/* {{{ TaskSrv\Connection\Iterator */
static zend_object *conn_iterator_create(zend_class_entry *ce)
{
	conn_iterator_obj *it = zend_object_alloc(sizeof(conn_iterator_obj), ce);

	it->server = NULL;
	it->port = -1;
	zend_object_std_init(&it->std, ce);
	object_properties_init(&it->std, ce);
	it->std.handlers = &conn_iterator_handlers;
	return &it->std;
}

static server_obj *iterator_server(conn_iterator_obj *it)
{
	return it->server;
}

/* A new Server's $connections (the caller owns the reference: the readonly
 * property is its to initialise). The iterator points back without a reference, so
 * no cycle keeps a Server alive (one Server per process). */
zend_object *tasksrv_php_connections_attach(server_obj *o)
{
	zend_object *obj = conn_iterator_create(tasksrv_conn_iterator_ce);
	conn_iterator_obj *it = conn_iterator_from_obj(obj);

	it->server = o;
	o->conn_iter = obj;
	return obj;
}

/* A port's $connections: the connections accepted on it. */
zend_object *tasksrv_php_connections_port_iterator(server_obj *o, int port)
{
	zend_object *obj = conn_iterator_create(tasksrv_conn_iterator_ce);
	conn_iterator_obj *it = conn_iterator_from_obj(obj);

	it->server = o;
	it->port = port;
	return obj;
}

/* The Server is going away: a port's iterator sees no connections any more. */
void tasksrv_php_connections_iterator_detach(zend_object *obj)
{
	conn_iterator_from_obj(obj)->server = NULL;
}

/* The Server is going away: an iterator kept by the script sees no connections. */
void tasksrv_php_connections_detach(server_obj *o)
{
	if (o->conn_iter) {
		conn_iterator_from_obj(o->conn_iter)->server = NULL;
		o->conn_iter = NULL;
	}
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
	it->cur = o ? next_visible(o, 0, it->port) : 0;
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
	/* As Swoole's foreach shows them: 1, 2, 3, ... */
	RETURN_LONG(it->index + 1);
}

PHP_METHOD(TaskSrv_Connection_Iterator, next)
{
	conn_iterator_obj *it = THIS_ITERATOR();
	server_obj *o = iterator_server(it);

	ZEND_PARSE_PARAMETERS_NONE();
	if (it->cur > 0 && o) {
		it->cur = next_visible(o, it->cur, it->port);
		it->index++;
	}
}

PHP_METHOD(TaskSrv_Connection_Iterator, count)
{
	conn_iterator_obj *it = THIS_ITERATOR();
	server_obj *o = iterator_server(it);
	zend_long n = 0;
	int64_t id = 0;

	ZEND_PARSE_PARAMETERS_NONE();
	/* What foreach yields (Swoole counts the whole server's connections here, even
	 * in BASE mode where foreach shows only the worker's own). */
	while (o && (id = next_visible(o, id, it->port)) > 0) {
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
	conn_iterator_handlers.clone_obj = NULL;
}
/* }}} */
