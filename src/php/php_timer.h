/* tasksrv: TaskSrv\Timer (Swoole\Timer) and the swoole_timer_* functions, over the
 * core's per-process timers (src/core/timer.c). */
#ifndef TASKSRV_PHP_TIMER_H
#define TASKSRV_PHP_TIMER_H

#include "php.h"

void tasksrv_timer_minit(bool swoole_names, int module_number);

#endif
