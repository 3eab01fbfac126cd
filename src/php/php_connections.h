/* tasksrv: $server->connections and client operations (php_connections.c). */
#ifndef TASKSRV_PHP_CONNECTIONS_H
#define TASKSRV_PHP_CONNECTIONS_H

#include "php_server_int.h"

zend_object *tasksrv_php_connections_attach(server_obj *o);
void tasksrv_php_connections_configure(server_obj *o);
void tasksrv_php_connections_detach(server_obj *o);
/* A Server\Port's $connections (a new object: the caller owns it), and its detach. */
zend_object *tasksrv_php_connections_port_iterator(server_obj *o, int port);
void tasksrv_php_connections_iterator_detach(zend_object *obj);

/* A session argument of a connection method: the server runs and fd > 0 (else a warning). */
bool tasksrv_php_session_arg(server_obj *o, zend_long fd);
/* ok; when !ok for a session that does not exist, last error 1005 (SESSION_NOT_EXIST), as Swoole. */
bool tasksrv_php_session_result(server_obj *o, zend_long fd, bool ok);
/* The same for the core's return code rc of a send()/close() (errno set by the call:
 * the caller clears it first): EBADMSG, a broken channel, warns with last error 9102. */
bool tasksrv_php_session_sent(server_obj *o, zend_long fd, int rc);

extern zend_class_entry *tasksrv_conn_iterator_ce;
void tasksrv_connections_minit(zend_class_entry *ce);

#endif
