/* tasksrv: TaskSrv\Process (Swoole\Process), and Server::addProcess(). */
#ifndef TASKSRV_PHP_PROCESS_H
#define TASKSRV_PHP_PROCESS_H

#include "php.h"

extern zend_class_entry *tasksrv_process_ce;

/* Registers the class (its arginfo is php_process_arginfo.h, from php_process.stub.php). */
void tasksrv_process_minit(void);
/* Swoole\Process, and SOCK_STREAM / SOCK_DGRAM (the pipe types) when ext/sockets does not define them. */
void tasksrv_process_register_swoole_names(int module_number);
/* End of a request: the signal callbacks go, their signals get their default action back. */
void tasksrv_process_rshutdown(void);

#endif
