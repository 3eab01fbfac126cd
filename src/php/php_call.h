/* tasksrv: calling PHP back from the core's hooks (php_call.c). */
#ifndef TASKSRV_PHP_CALL_H
#define TASKSRV_PHP_CALL_H

#include "php_server_int.h"

/* Calling PHP. Exceptions: call/fire report an uncaught one the way PHP
 * does and go on; fire_catching leaves it pending for the caller. */
bool tasksrv_php_call(server_obj *o, zval *callable, zend_fcall_info_cache *fcc, uint32_t argc, zval *argv, zval *retval);
bool tasksrv_php_fire(server_obj *o, int ev, uint32_t argc, zval *argv, zval *retval);
bool tasksrv_php_fire_catching(server_obj *o, int ev, uint32_t argc, zval *argv, zval *retval);
/* The server runs (a warning and false otherwise): started_check for what a user
 * process (addProcess()) may do too (the connection calls, sendMessage(), task());
 * running_check also refuses a user process, for what needs a port or a loop
 * (sendto(), heartbeat(), command()). */
bool tasksrv_php_started_check(server_obj *o);
bool tasksrv_php_running_check(server_obj *o);
void tasksrv_php_payload_free(tasksrv_server_t *s, void *handle);
/* The callback that fires for event ev of port index (a port event falls back to the primary port's). */
callback_t *tasksrv_port_callback(server_obj *o, int port, int ev);

/* on() with an event name Swoole does not know: the warning (false is the caller's). */
void tasksrv_php_unknown_event(zend_string *name);

#endif
