/* tasksrv: TaskSrv\\Server (php_server.c), the PHP face of the core. */
#ifndef TASKSRV_PHP_SERVER_H
#define TASKSRV_PHP_SERVER_H

#include "php.h"
#include "php_server_int.h"

extern zend_class_entry *tasksrv_server_ce;

void tasksrv_server_minit(zend_class_entry *ce);
/* The i-th event name on() accepts ("Start", ...); NULL past the last one. */
const char *tasksrv_server_event_name(int i);
/* Sets this process's title to "<process_title_prefix>: <what>", e.g. "master" (see docs/server.md). */
void tasksrv_php_process_title(server_obj *o, const char *what);

/* SWOOLE_SERVER_COMMAND_* (and TaskSrv\SERVER_COMMAND_*) for addCommand()/command() (php_command.c). */
void tasksrv_command_minit(bool swoole_names, int module_number);

/* PHP's exit() is unwinding a callback of this process's loop (a timer, an Event
 * callback): the server running in this process, if any, leaves its loop. */
void tasksrv_php_server_exit(void);

#endif
