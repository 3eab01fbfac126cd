/* tasksrv: a task-worker TCP server for PHP, compatible with Swoole\Server. */
#ifndef PHP_TASKSRV_H
#define PHP_TASKSRV_H

extern zend_module_entry tasksrv_module_entry;
#define phpext_tasksrv_ptr &tasksrv_module_entry

#define PHP_TASKSRV_VERSION "0.1.0"

#endif
