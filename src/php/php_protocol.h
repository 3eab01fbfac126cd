/* tasksrv: from a port's checked set() options to its core framing settings
 * (src/core/protocol.h), and the hook through which the core calls package_length_func. */
#ifndef TASKSRV_PHP_PROTOCOL_H
#define TASKSRV_PHP_PROTOCOL_H

#include "php_server_int.h"
#include "protocol.h"

/* At start, per listening port: opts must live as long as the server runs (the
 * hook reads the callable from it), o is the server whose worker calls it. */
void tasksrv_php_protocol_configure(tasksrv_protocol_t *p, tasksrv_options_t *opts, server_obj *o);

#endif
