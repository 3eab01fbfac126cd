/* tasksrv: TaskSrv\Table (Swoole\Table), the PHP face of table.c. */
#ifndef TASKSRV_PHP_TABLE_H
#define TASKSRV_PHP_TABLE_H

#include "php.h"

extern zend_class_entry *tasksrv_table_ce;

void tasksrv_table_minit(void);

#endif
