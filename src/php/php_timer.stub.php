<?php

/** @generate-class-entries */

namespace TaskSrv {
    /** Timers on this process's event loop (Swoole\Timer). Ids count from 1 in each process. */
    class Timer
    {
        /** Runs $callback($timerId, ...$params) every $ms milliseconds. */
        public static function tick(int $ms, callable $callback, mixed ...$params): int|false {}

        /** Runs $callback(...$params) once, in $ms milliseconds. */
        public static function after(int $ms, callable $callback, mixed ...$params): int|false {}

        public static function exists(int $timer_id): bool {}

        /** exec_msec, exec_count, interval, round, removed; null for no such timer. */
        public static function info(int $timer_id): ?array {}

        /** initialized, num, round. */
        public static function stats(): array {}

        /** The ids of this process's timers. */
        public static function list(): \TaskSrv\Timer\Iterator {}

        public static function clear(int $timer_id): bool {}

        public static function clearAll(): bool {}
    }
}

namespace TaskSrv\Timer {
    /** What Timer::list() returns: the ids, as an ArrayIterator (Swoole\Timer\Iterator). */
    class Iterator extends \ArrayIterator
    {
    }
}

namespace {
    function swoole_timer_tick(int $ms, callable $callback, mixed ...$params): int|false {}

    function swoole_timer_after(int $ms, callable $callback, mixed ...$params): int|false {}

    function swoole_timer_exists(int $timer_id): bool {}

    function swoole_timer_info(int $timer_id): ?array {}

    function swoole_timer_stats(): array {}

    function swoole_timer_list(): \TaskSrv\Timer\Iterator {}

    function swoole_timer_clear(int $timer_id): bool {}

    function swoole_timer_clear_all(): bool {}
}
