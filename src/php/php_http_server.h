/* tasksrv: TaskSrv\Http\Server (php_http_server.c): the class, and onRequest. */
#ifndef TASKSRV_PHP_HTTP_SERVER_H
#define TASKSRV_PHP_HTTP_SERVER_H

#include "php.h"
#include "php_server_int.h"

extern zend_class_entry *tasksrv_http_server_ce;

/* Registers Http\Server (extending server_ce), Http\Request and Http\Response. */
void tasksrv_http_minit(zend_class_entry *server_ce);
/* Swoole's names of the three (when ext/swoole is not loaded). */
void tasksrv_http_register_swoole_names(void);
/* A request's blob (src/core/http.h) from an HTTP port: onRequest. */
void tasksrv_php_http_request(server_obj *o, int64_t session, int reactor_id, const char *blob, size_t len);

#endif
