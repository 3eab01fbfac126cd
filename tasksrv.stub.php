<?php

/** @generate-class-entries */

namespace TaskSrv {
    /** Base of every exception tasksrv throws for a runtime failure. */
    class Exception extends \Exception {}

    /** A value cannot cross to another process: a Closure, a resource, or an object that refuses serialize(). */
    class SerializationException extends Exception {}

    /**
     * @strict-properties
     * @not-serializable
     */
    class Server
    {
        public ?array $setting = null;
        public string $host = "";
        public int $port = 0;
        public int $type = 0;
        public int $mode = 0;
        public int $master_pid = 0;
        public int $manager_pid = 0;
        public int $worker_id = -1;
        public int $worker_pid = 0;
        public bool $taskworker = false;

        public function __construct(string $host, int $port = 0, int $mode = SWOOLE_BASE, int $sock_type = SWOOLE_SOCK_TCP) {}

        public function set(array $settings): bool {}

        public function on(string $event_name, callable $callback): bool {}

        public function getCallback(string $event_name): \Closure|string|array|null {}

        public function start(): bool {}

        public function shutdown(): bool {}

        public function task(mixed $data, int $dst_worker_id = -1, ?callable $finish_callback = null): int|false {}

        public function taskwait(mixed $data, float $timeout = 0.5, int $dst_worker_id = -1): mixed {}

        public function finish(mixed $data): bool {}

        public function send(int $fd, string $data, int $server_socket = -1): bool {}

        public function close(int $fd, bool $reset = false): bool {}

        public function exists(int $fd): bool {}

        public function getWorkerId(): int|false {}

        public function getWorkerPid(int $worker_id = -1): int|false {}

        public function getMasterPid(): int {}

        public function getManagerPid(): int {}

        public function stats(): array {}
    }
}
