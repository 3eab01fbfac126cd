/* tasksrv: the local task transport (transport_local.c): the channels of this
 * process tree (channel.c), shared-memory rings between event workers and task
 * workers with socketpairs for big payloads. */
#ifndef TASKSRV_TRANSPORT_LOCAL_H
#define TASKSRV_TRANSPORT_LOCAL_H

#include "transport.h"

const tasksrv_transport_ops_t *tasksrv_transport_local_ops(void);

#endif
