/* tasksrv: TaskSrv\\Server\\Port (php_port.c). */
#ifndef TASKSRV_PHP_PORT_H
#define TASKSRV_PHP_PORT_H

#include "php_server_int.h"

void tasksrv_callback_release(callback_t *cb);
port_obj *tasksrv_port_create(server_obj *o, int index, zend_string *host);
void tasksrv_port_detach(port_obj *p);
void tasksrv_port_set_setting(port_obj *p, zval *setting);
/* Applies settings to a port's options (the primary port's are the server's) and
 * merges them into its $setting; merge_setting does only the second half. */
zend_result tasksrv_port_apply(port_obj *p, HashTable *settings, uint32_t arg_num);
void tasksrv_port_merge_setting(port_obj *p, HashTable *settings);
/* At start: every port's framing settings from its own set(), or the server's
 * (server_setting: the server's $setting). */
void tasksrv_ports_configure(server_obj *o, zval *server_setting);

extern zend_class_entry *tasksrv_port_ce;
void tasksrv_port_minit(zend_class_entry *ce);

#endif
