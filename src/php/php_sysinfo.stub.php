<?php

/** @generate-function-entries */

namespace {
    /** The Swoole version whose API tasksrv implements ("6.2.1"), as SWOOLE_VERSION; TaskSrv\version() is tasksrv's own. */
    function swoole_version(): string {}

    /** The number of CPUs online. */
    function swoole_cpu_num(): int {}

    /** Interface name => address of every interface but loopback, for $family AF_INET (2) or AF_INET6 (10). */
    function swoole_get_local_ip(int $family = 2): array {}

    /** Interface name => MAC address ("02:FC:00:00:00:01") of every interface with an IPv4 address, loopback left out. */
    function swoole_get_local_mac(): array {}
}

namespace TaskSrv {
    /** tasksrv's own version (PHP_TASKSRV_VERSION). */
    function version(): string {}

    /** @alias swoole_cpu_num */
    function cpu_num(): int {}

    /** @alias swoole_get_local_ip */
    function get_local_ip(int $family = 2): array {}

    /** @alias swoole_get_local_mac */
    function get_local_mac(): array {}
}
