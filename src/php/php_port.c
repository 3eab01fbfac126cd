/* tasksrv: TaskSrv\Server\Port (also Swoole\Server\Port): one listening port of a
 * server, as Server::listen() returns it and $server->ports lists it. A port has
 * its own framing settings (set()) and its own connection callbacks (on()); what
 * it lacks it takes from the server: settings at start, callbacks when they fire. */
#include "php_port.h"
#include "php_call.h"
#include "php_connections.h"
#include "php_options.h"
#include "php_protocol.h"
#include "listener.h"

#include "zend_exceptions.h"

zend_class_entry *tasksrv_port_ce;
static zend_object_handlers tasksrv_port_handlers;

/* The events a port has; the rest are the server's. */
static const int port_events[] = {EV_CONNECT, EV_RECEIVE, EV_CLOSE, EV_PACKET, EV_BUFFER_FULL, EV_BUFFER_EMPTY, EV_REQUEST};
static const char *const port_event_names[] = {"Connect", "Receive", "Close", "Packet", "BufferFull", "BufferEmpty", "Request"};
#define PORT_EVENTS (sizeof(port_events) / sizeof(port_events[0]))

static inline port_obj *port_from_obj(zend_object *obj)
{
	return (port_obj *) ((char *) obj - XtOffsetOf(port_obj, std));
}

#define THIS_PORT() port_from_obj(Z_OBJ_P(ZEND_THIS))

void tasksrv_callback_release(callback_t *cb)
{
	if (!Z_ISUNDEF(cb->callable)) {
		zval_ptr_dtor(&cb->callable);
		ZVAL_UNDEF(&cb->callable);
	}
}

/* {{{ object handlers */
static zend_object *port_create(zend_class_entry *ce)
{
	port_obj *p = zend_object_alloc(sizeof(port_obj), ce);
	int i;

	tasksrv_options_init(&p->opts);
	for (i = 0; i < EV_COUNT; i++) {
		ZVAL_UNDEF(&p->cb[i].callable);
	}
	zend_object_std_init(&p->std, ce);
	object_properties_init(&p->std, ce);
	p->std.handlers = &tasksrv_port_handlers;
	return &p->std;
}

static void port_free(zend_object *obj)
{
	port_obj *p = port_from_obj(obj);
	int i;

	for (i = 0; i < EV_COUNT; i++) {
		tasksrv_callback_release(&p->cb[i]);
	}
	tasksrv_options_free(&p->opts);
	zend_object_std_dtor(obj);
}

static HashTable *port_get_gc(zend_object *obj, zval **table, int *n)
{
	port_obj *p = port_from_obj(obj);
	zend_get_gc_buffer *buf = zend_get_gc_buffer_create();
	int i;

	for (i = 0; i < EV_COUNT; i++) {
		zend_get_gc_buffer_add_zval(buf, &p->cb[i].callable);
	}
	zend_get_gc_buffer_add_zval(buf, &p->opts.package_length_func);
	zend_get_gc_buffer_use(buf, table, n);
	return zend_std_get_properties(obj);
}
/* }}} */

static void prop_long(port_obj *p, const char *name, zend_long v)
{
	zend_update_property_long(tasksrv_port_ce, &p->std, name, strlen(name), v);
}

/* A new port for listener index of o; o keeps a reference to it. */
port_obj *tasksrv_port_create(server_obj *o, int index, zend_string *host)
{
	tasksrv_listener_t *l = o->core.ports.items[index];
	zval zv;
	port_obj *p, **list;

	object_init_ex(&zv, tasksrv_port_ce);
	p = port_from_obj(Z_OBJ(zv));
	p->server = o;
	p->index = index;
	zend_update_property_str(tasksrv_port_ce, &p->std, "host", sizeof("host") - 1, host);
	prop_long(p, "port", l->port);
	prop_long(p, "type", l->type);
	prop_long(p, "sock", l->fd);
	{
		zval it;
		p->conn_iter = tasksrv_php_connections_port_iterator(o, index);
		ZVAL_OBJ(&it, p->conn_iter);
		zend_update_property(tasksrv_port_ce, &p->std, "connections", sizeof("connections") - 1, &it);
		zval_ptr_dtor(&it);
	}
	list = erealloc(o->ports, sizeof(*list) * (o->nports + 1));
	list[o->nports++] = p;
	o->ports = list;
	return p;
}

/* The server is going away: its ports stay valid objects that refuse to work. */
void tasksrv_port_detach(port_obj *p)
{
	p->server = NULL;
	if (p->conn_iter) {
		tasksrv_php_connections_iterator_detach(p->conn_iter);
		p->conn_iter = NULL;
	}
}

void tasksrv_port_set_setting(port_obj *p, zval *setting)
{
	zend_update_property(tasksrv_port_ce, &p->std, "setting", sizeof("setting") - 1, setting);
}

static zval *port_setting(port_obj *p, zval *rv)
{
	return zend_read_property(tasksrv_port_ce, &p->std, "setting", sizeof("setting") - 1, 1, rv);
}

/* The options a port's set() changes: the primary port's are the server's own. */
static tasksrv_options_t *port_options(port_obj *p)
{
	return p->index == 0 ? &p->server->opts : &p->opts;
}

zend_result tasksrv_port_apply(port_obj *p, HashTable *settings, uint32_t arg_num)
{
	if (tasksrv_options_apply(port_options(p), settings, arg_num) == FAILURE) {
		return FAILURE;
	}
	tasksrv_port_merge_setting(p, settings);
	return SUCCESS;
}

void tasksrv_port_merge_setting(port_obj *p, HashTable *settings)
{
	zval *prop, merged, rv;

	p->configured = true;
	prop = port_setting(p, &rv);
	if (Z_TYPE_P(prop) == IS_ARRAY) {
		ZVAL_ARR(&merged, zend_array_dup(Z_ARRVAL_P(prop)));
		zend_hash_merge(Z_ARRVAL(merged), settings, zval_add_ref, 1);
	} else {
		ZVAL_ARR(&merged, zend_array_dup(settings));
	}
	tasksrv_port_set_setting(p, &merged);
	zval_ptr_dtor(&merged);
}

/* A port's settings from options (which live as long as the port: the
 * package_length_func hook reads them); setting is the user's array (or NULL). */
static void configure_port(server_obj *o, tasksrv_listener_t *l, tasksrv_options_t *opts, zval *setting)
{
	tasksrv_php_protocol_configure(&l->protocol, opts, o);
	l->backlog = (int) opts->backlog;
	/* As Swoole: on once set() was called, unless turned off. */
	l->open_tcp_nodelay = setting && Z_TYPE_P(setting) == IS_ARRAY && (opts->open_tcp_nodelay
		|| !zend_hash_str_exists(Z_ARRVAL_P(setting), "open_tcp_nodelay", sizeof("open_tcp_nodelay") - 1));
}

void tasksrv_ports_configure(server_obj *o, zval *server_setting)
{
	zval prv;
	int i;

	for (i = 0; i < o->nports; i++) {
		port_obj *p = o->ports[i];
		tasksrv_listener_t *l = o->core.ports.items[p->index];
		if (p->configured) {
			configure_port(o, l, port_options(p), port_setting(p, &prv));
			continue;
		}
		/* A port never set() takes the server's settings, and shows them. */
		configure_port(o, l, &o->opts, server_setting);
		if (Z_TYPE_P(server_setting) == IS_ARRAY) {
			tasksrv_port_set_setting(p, server_setting);
		}
	}
}

/* {{{ methods */
static bool server_alive(port_obj *p, const char *method)
{
	if (p->server == NULL) {
		zend_throw_error(NULL, "%s(): the server of this port is gone", method);
		return false;
	}
	return true;
}

static int port_event_index(zend_string *name)
{
	size_t i;

	for (i = 0; i < PORT_EVENTS; i++) {
		if (zend_binary_strcasecmp(ZSTR_VAL(name), ZSTR_LEN(name), port_event_names[i], strlen(port_event_names[i])) == 0) {
			return port_events[i];
		}
	}
	return -1;
}

/* The primary port's callbacks are the server's own. */
static callback_t *own_callback(port_obj *p, int ev)
{
	return p->index == 0 ? &p->server->cb[ev] : &p->cb[ev];
}

PHP_METHOD(TaskSrv_Server_Port, __construct)
{
	zend_throw_error(NULL, "please use the Swoole\\Server->listen method");
}

PHP_METHOD(TaskSrv_Server_Port, set)
{
	port_obj *p = THIS_PORT();
	HashTable *settings;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY_HT(settings)
	ZEND_PARSE_PARAMETERS_END();

	if (!server_alive(p, "set")) {
		RETURN_THROWS();
	}
	if (p->server->state != STATE_NEW) {
		php_error_docref(NULL, E_WARNING, "server is running, unable to execute %s->set",
			ZSTR_VAL(Z_OBJCE_P(ZEND_THIS)->name));
		RETURN_FALSE;
	}
	if (tasksrv_port_apply(p, settings, 1) == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_TRUE;
}

PHP_METHOD(TaskSrv_Server_Port, on)
{
	port_obj *p = THIS_PORT();
	zend_string *name;
	zend_fcall_info fci;
	zend_fcall_info_cache fcc;
	callback_t *cb;
	int ev;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(name)
		Z_PARAM_FUNC(fci, fcc)
	ZEND_PARSE_PARAMETERS_END();

	ev = port_event_index(name);
	if (ev < 0) {
		/* Swoole: a server event (Task, Start...) on a port is unknown there too */
		tasksrv_php_unknown_event(name);
		RETURN_FALSE;
	}
	if (!server_alive(p, "on")) {
		RETURN_THROWS();
	}
	if (p->server->state != STATE_NEW) {
		php_error_docref(NULL, E_WARNING, "can't register event callback function after server started");
		RETURN_FALSE;
	}
	cb = own_callback(p, ev);
	tasksrv_callback_release(cb);
	ZVAL_COPY(&cb->callable, &fci.function_name);
	cb->fcc = fcc;
	RETURN_TRUE;
}

PHP_METHOD(TaskSrv_Server_Port, getCallback)
{
	port_obj *p = THIS_PORT();
	zend_string *name;
	callback_t *cb;
	int ev;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(name)
	ZEND_PARSE_PARAMETERS_END();

	ev = port_event_index(name);
	if (!server_alive(p, "getCallback")) {
		RETURN_THROWS();
	}
	if (ev < 0) {
		RETURN_NULL(); /* as Swoole */
	}
	cb = own_callback(p, ev);
	if (Z_ISUNDEF(cb->callable)) {
		RETURN_NULL();
	}
	RETURN_COPY(&cb->callable);
}
/* }}} */

void tasksrv_port_minit(zend_class_entry *ce)
{
	tasksrv_port_ce = ce;
	ce->create_object = port_create;
	memcpy(&tasksrv_port_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	tasksrv_port_handlers.offset = XtOffsetOf(port_obj, std);
	tasksrv_port_handlers.free_obj = port_free;
	tasksrv_port_handlers.get_gc = port_get_gc;
	tasksrv_port_handlers.clone_obj = NULL;
}
