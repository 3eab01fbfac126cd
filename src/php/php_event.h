/* tasksrv: this process's event loop as PHP sees it: TaskSrv\Event (Swoole\Event),
 * the script's own loop outside a server, and how a callback run from the loop
 * (an Event callback, a timer, a deferred call) reports what it throws. */
#ifndef TASKSRV_PHP_EVENT_H
#define TASKSRV_PHP_EVENT_H

#include "php.h"

#define TASKSRV_EVENT_READ 512
#define TASKSRV_EVENT_WRITE 1024

void tasksrv_event_minit(bool swoole_names, int module_number);
/* Makes sure the process has a loop to run its timers and fds: the server's, or
 * outside a server the script's own (Event::wait() runs it, or the end of the
 * script does). Returns false when none can be made (a warning was raised). */
bool tasksrv_php_loop_ready(void);
/* Whether a callback must not run now: one before it threw or exit()ed, and the
 * loop is on its way out. */
bool tasksrv_php_loop_stopping(void);
/* Calls a user callback from the loop. An uncaught exception is reported as in the
 * server's callbacks (the process goes on); outside a server it is fatal, as in
 * Swoole: the script's loop stops and the script ends. exit() leaves the loop. */
void tasksrv_php_loop_call(zval *callable, uint32_t argc, zval *argv);

#endif
