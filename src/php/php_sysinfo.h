/* tasksrv: swoole_version(), swoole_cpu_num(), swoole_get_local_ip(), swoole_get_local_mac()
 * and the SWOOLE_VERSION constants. */
#ifndef TASKSRV_PHP_SYSINFO_H
#define TASKSRV_PHP_SYSINFO_H

#include "php.h"

/* The Swoole release whose Server API tasksrv implements: what SWOOLE_VERSION and
 * swoole_version() report, so programs that check the version take the 6.x paths. */
#define TASKSRV_SWOOLE_VERSION "6.2.1"
#define TASKSRV_SWOOLE_VERSION_ID 60201

void tasksrv_sysinfo_minit(bool swoole_names, int module_number);

#endif
