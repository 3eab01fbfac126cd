/* tasksrv: TaskSrv\Atomic, TaskSrv\Atomic\Long, TaskSrv\Lock and TaskSrv\Table: state
 * shared by the processes of one family (Swoole\Atomic, Swoole\Lock, Swoole\Table). */
#ifndef TASKSRV_PHP_SHARED_H
#define TASKSRV_PHP_SHARED_H

#include "php.h"

extern zend_class_entry *tasksrv_atomic_ce;
extern zend_class_entry *tasksrv_atomic_long_ce;
extern zend_class_entry *tasksrv_lock_ce;

/* Registers Atomic, Atomic\Long and Lock (php_shared.c). */
void tasksrv_shared_minit(void);

#endif
