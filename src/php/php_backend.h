/* tasksrv: the PHP side of the task backend (php_backend.c, docs/distributed.md):
 * TaskSrv\TaskNode and TaskSrv\BackendException. */
#ifndef TASKSRV_PHP_BACKEND_H
#define TASKSRV_PHP_BACKEND_H

#include "php.h"

extern zend_class_entry *tasksrv_task_node_ce;
extern zend_class_entry *tasksrv_backend_exception_ce;

/* Registers the classes (after TaskSrv\Server, given, and TaskSrv\Exception). */
void tasksrv_backend_minit(zend_class_entry *server_ce);

#endif
