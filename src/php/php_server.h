/* tasksrv: TaskSrv\Server, the PHP face of the core in server.c. */
#ifndef TASKSRV_PHP_SERVER_H
#define TASKSRV_PHP_SERVER_H

#include "php.h"

extern zend_class_entry *tasksrv_server_ce;
extern zend_class_entry *tasksrv_task_ce;
extern zend_class_entry *tasksrv_queue_full_exception_ce;
extern zend_class_entry *tasksrv_port_ce;

void tasksrv_server_minit(zend_class_entry *ce);
void tasksrv_task_minit(zend_class_entry *ce);
void tasksrv_port_minit(zend_class_entry *ce);
/* The i-th event name on() accepts ("Start", ...); NULL past the last one. */
const char *tasksrv_server_event_name(int i);
extern zend_class_entry *tasksrv_conn_iterator_ce;
void tasksrv_connections_minit(zend_class_entry *ce);

/* PHP's exit() is unwinding a callback of this process's loop (a timer, an Event
 * callback): the server running in this process, if any, leaves its loop. */
void tasksrv_php_server_exit(void);

#endif
