/* tasksrv: Swoole's error codes (SWOOLE_ERROR_*), the last error of this process
 * (swoole_last_error(), Server::getLastError()) and swoole_strerror(). */
#ifndef TASKSRV_PHP_ERRORS_H
#define TASKSRV_PHP_ERRORS_H

#include "php.h"

/* The codes the glue sets; every code Swoole 6.2.1 defines is registered as a constant. */
#define TASKSRV_ERROR_INVALID_PARAMS 505
#define TASKSRV_ERROR_PHP_RUNTIME_NOTICE 510
#define TASKSRV_ERROR_FILE_NOT_EXIST 700
#define TASKSRV_ERROR_FILE_EMPTY 702
#define TASKSRV_ERROR_SESSION_NOT_EXIST 1005
#define TASKSRV_ERROR_TASK_TIMEOUT 2003
#define TASKSRV_ERROR_SERVER_IS_NOT_REGULAR_FILE 9013
/* A send on a channel found corrupt (errno EBADMSG from the core): nothing was sent. */
#define TASKSRV_ERROR_SERVER_WORKER_ABNORMAL_PIPE_DATA 9102
#define TASKSRV_ERROR_SERVER_INVALID_COMMAND 9012
#define TASKSRV_ERROR_CO_TIMEDOUT 10018

void tasksrv_php_set_last_error(int code);
int tasksrv_php_last_error(void);

/* Registers the functions of a generated table: the TaskSrv\ ones always, the swoole_*
 * ones only when swoole_names (ext/swoole is not loaded). */
void tasksrv_php_register_functions(const zend_function_entry *fe, bool swoole_names);

/* MINIT: TaskSrv\ERROR_* (and SWOOLE_ERROR_*, SWOOLE_STRERROR_* when swoole_names) and the functions. */
void tasksrv_errors_minit(bool swoole_names, int module_number);

#endif
