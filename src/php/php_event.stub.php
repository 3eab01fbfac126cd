<?php

/** @generate-class-entries */

namespace TaskSrv {
    /** User streams and sockets in this process's event loop (Swoole\Event). */
    class Event
    {
        /** Watches $fd (a stream, a Socket or an fd number); returns the fd number. */
        public static function add(mixed $fd, ?callable $read_callback = null, ?callable $write_callback = null, int $events = 512): int|false {}

        public static function del(mixed $fd): bool {}

        public static function set(mixed $fd, ?callable $read_callback = null, ?callable $write_callback = null, int $events = 0): bool {}

        public static function isset(mixed $fd, int $events = 1536): bool {}

        /** Runs one turn of the loop (outside a running loop). */
        public static function dispatch(): bool {}

        /** Runs $callback() at the end of this turn of the loop. */
        public static function defer(callable $callback): bool {}

        /** Runs $callback() at every turn of the loop (null: none). */
        public static function cycle(?callable $callback, bool $before = false): bool {}

        /** Queues $data to be written to $fd (added before) as the socket takes it. */
        public static function write(mixed $fd, string $data): bool {}

        /** Runs the loop until no timer, watched fd or deferred callback is left. */
        public static function wait(): void {}

        /** The implicit wait() at the end of a script that left timers or fds behind. */
        public static function rshutdown(): void {}

        /** Leaves the loop at the end of this turn. */
        public static function exit(): void {}
    }

    /** @alias swoole_set_process_name */
    function set_process_name(string $process_name): bool {}
}

namespace {
    function swoole_event_add(mixed $fd, ?callable $read_callback = null, ?callable $write_callback = null, int $events = 512): int|false {}

    function swoole_event_del(mixed $fd): bool {}

    function swoole_event_set(mixed $fd, ?callable $read_callback = null, ?callable $write_callback = null, int $events = 0): bool {}

    function swoole_event_isset(mixed $fd, int $events = 1536): bool {}

    function swoole_event_dispatch(): bool {}

    function swoole_event_defer(callable $callback): bool {}

    function swoole_event_cycle(?callable $callback, bool $before = false): bool {}

    function swoole_event_write(mixed $fd, string $data): bool {}

    function swoole_event_wait(): void {}

    function swoole_event_rshutdown(): void {}

    function swoole_event_exit(): void {}

    /** Sets this process's title as ps shows it (cli_set_process_title()). */
    function swoole_set_process_name(string $process_name): bool {}
}
