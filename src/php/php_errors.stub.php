<?php

/** @generate-function-entries */

namespace {
    /** The code of the last error of this process (a SWOOLE_ERROR_* value, 0 when none), as Server::getLastError(). */
    function swoole_last_error(): int {}

    /** The message of an error code: $error_type SWOOLE_STRERROR_SYSTEM (an errno or a SWOOLE_ERROR_*), _GAI, _DNS or _SWOOLE. */
    function swoole_strerror(int $errno, int $error_type = SWOOLE_STRERROR_SYSTEM): string {}

    /** The C library's errno in this process. */
    function swoole_errno(): int {}
}

namespace TaskSrv {
    /** @alias swoole_last_error */
    function last_error(): int {}

    /** @alias swoole_strerror */
    function strerror(int $errno, int $error_type = SWOOLE_STRERROR_SYSTEM): string {}

    /** @alias swoole_errno */
    function errno(): int {}
}
