/* tasksrv: the task API's glue (php_task.c): frames handed out by the core, draining. */
#ifndef TASKSRV_PHP_TASK_H
#define TASKSRV_PHP_TASK_H

#include "php_server_int.h"

void tasksrv_php_run_task(server_obj *o, const tasksrv_frame_t *f, int peer, void *handle);
void tasksrv_php_deliver_result(server_obj *o, const tasksrv_frame_t *f, void *handle);
void tasksrv_php_deliver_pipe_message(server_obj *o, const tasksrv_frame_t *f, void *handle);
int tasksrv_php_outstanding(tasksrv_server_t *s);
void tasksrv_php_drain_expired(tasksrv_server_t *s);
void tasksrv_php_watch_fatal_errors(server_obj *o);

extern zend_class_entry *tasksrv_task_ce;
extern zend_class_entry *tasksrv_queue_full_exception_ce;
void tasksrv_task_minit(zend_class_entry *ce);

#endif
