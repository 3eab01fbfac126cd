/* tasksrv: TaskSrv\TaskFailure and TaskSrv\TaskFailedException, built from the
 * Zend-free tasksrv_failure_t records that travel between processes. */
#ifndef TASKSRV_PHP_FAILURE_H
#define TASKSRV_PHP_FAILURE_H

#include "php.h"
#include "failure.h"
#include "buffer.h"

extern zend_class_entry *tasksrv_task_failure_ce;
extern zend_class_entry *tasksrv_task_failed_exception_ce;

/* Makes a TaskSrv\TaskFailure for task_id from a record. */
void tasksrv_failure_to_zval(const tasksrv_failure_t *f, zend_long task_id, zval *out);
/* Fills a record from a PHP exception (strings borrowed from `holder`, an array kept
 * alive by the caller) and encodes it into out. */
int tasksrv_failure_from_exception(zend_object *ex, int32_t worker_id, zval *holder, tasksrv_buffer_t *out);
/* Throws TaskSrv\TaskFailedException carrying failure (a TaskFailure zval, copied). */
void tasksrv_throw_task_failed(zval *failure);

#endif
