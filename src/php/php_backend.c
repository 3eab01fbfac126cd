/* tasksrv: the PHP side of the task backend (docs/distributed.md). The classes exist in
 * every build, so code naming them loads anywhere; without hiredis, set() refuses
 * task_backend and a TaskNode cannot start. TaskNode's constructor lives beside
 * Server's (php_server.c), which owns the one-server-per-process rule. */
#include "php_backend.h"
#include "php_exceptions.h"

#include "php_backend_arginfo.h"

zend_class_entry *tasksrv_task_node_ce;
zend_class_entry *tasksrv_backend_exception_ce;

void tasksrv_backend_minit(zend_class_entry *server_ce)
{
	tasksrv_backend_exception_ce = register_class_TaskSrv_BackendException(tasksrv_exception_ce);
	tasksrv_task_node_ce = register_class_TaskSrv_TaskNode(server_ce);
}
