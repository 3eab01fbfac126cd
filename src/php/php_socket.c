/* tasksrv: Server::getSocket() and Server\Port::getSocket(): a listening socket as an
 * ext/sockets Socket, for socket_set_option() (multicast groups, buffer sizes). The
 * Socket wraps a dup() of the listener's fd, made through socket_import_stream(), so
 * tasksrv needs no link to ext/sockets: without it loaded, a warning and false. The
 * options set on it are the listener's own (one socket, two fds). */
#include "php_server.h"
#include "php_server_int.h"
#include "php_call.h"
#include "listener.h"

#include "php_network.h"

#include <errno.h>
#include <unistd.h>

static void listener_socket(tasksrv_listener_t *l, zval *return_value)
{
	zend_function *import = zend_hash_str_find_ptr(CG(function_table), "socket_import_stream",
		sizeof("socket_import_stream") - 1);
	php_stream *stream;
	zval zstream;
	int fd;

	if (import == NULL) {
		php_error_docref(NULL, E_WARNING, "ext/sockets is not loaded");
		RETURN_FALSE;
	}
	if (l == NULL || l->fd < 0) {
		php_error_docref(NULL, E_WARNING, "the port is closed");
		RETURN_FALSE;
	}
	fd = dup(l->fd);
	if (fd < 0) {
		php_error_docref(NULL, E_WARNING, "dup() failed: %s", strerror(errno));
		RETURN_FALSE;
	}
	stream = php_stream_sock_open_from_socket(fd, NULL);
	if (stream == NULL) {
		close(fd);
		RETURN_FALSE;
	}
	php_stream_to_zval(stream, &zstream);
	zend_call_known_function(import, NULL, NULL, return_value, 1, &zstream, NULL);
	/* the Socket keeps its own reference to the stream */
	zval_ptr_dtor(&zstream);
}

/* $port: a port number (0: the primary port), as Swoole. */
PHP_METHOD(TaskSrv_Server, getSocket)
{
	server_obj *o = THIS_SERVER();
	zend_long port = 0;
	int i;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(port)
	ZEND_PARSE_PARAMETERS_END();

	for (i = 0; i < o->core.ports.n; i++) {
		if ((port == 0 && i == 0) || (port != 0 && o->core.ports.items[i]->port == port)) {
			listener_socket(o->core.ports.items[i], return_value);
			return;
		}
	}
	php_error_docref(NULL, E_WARNING, "port[" ZEND_LONG_FMT "] is not listened", port);
	RETURN_FALSE;
}

PHP_METHOD(TaskSrv_Server_Port, getSocket)
{
	port_obj *p = (port_obj *) ((char *) Z_OBJ_P(ZEND_THIS) - XtOffsetOf(port_obj, std));

	ZEND_PARSE_PARAMETERS_NONE();
	if (p->server == NULL) {
		zend_throw_error(NULL, "the server of this port is gone");
		RETURN_THROWS();
	}
	listener_socket(p->index < p->server->core.ports.n ? p->server->core.ports.items[p->index] : NULL, return_value);
}
