<?php

/** @generate-class-entries */

namespace TaskSrv {
    /** Base of every exception tasksrv throws for a runtime failure. */
    class Exception extends \Exception {}

    /** A value cannot cross to another process: a Closure, a resource, or an object that refuses serialize(). */
    class SerializationException extends Exception {}

    /** taskwait()/taskWaitMulti() with task_queue_full = "reject" when task_queue_max tasks are already queued. */
    class QueueFullException extends Exception {}

    /** Thrown by taskwait() when the task failed; getFailure() says how. */
    class TaskFailedException extends Exception
    {
        private ?TaskFailure $failure = null;

        public function getFailure(): TaskFailure {}
    }

    /**
     * Why an accepted task did not succeed: every accepted task ends done or with one of these.
     * @strict-properties
     * @not-serializable
     */
    final class TaskFailure
    {
        public readonly int $taskId;
        public readonly int $workerId;
        /** exception, fatal_error, worker_died, timeout, shutdown, too_large or channel_corrupt */
        public readonly string $reason;
        public readonly string $message;
        public readonly ?string $exceptionClass;
        public readonly ?int $code;
        public readonly ?string $file;
        public readonly ?int $line;
        public readonly ?string $trace;
        public readonly ?int $signal;
        public readonly ?int $exitStatus;

        private function __construct() {}
    }

    /**
     * Swoole programs hang their own state on the server ($serv->fdlist = []): dynamic
     * properties are allowed, set before start() they are in every process.
     * @not-serializable
     */
    #[\AllowDynamicProperties]
    class Server
    {
        /** @var int */
        public const STATS_DEFAULT = 0;
        /** @var int */
        public const STATS_JSON = 1;
        /** @var int */
        public const STATS_OPENMETRICS = 2;

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
        /** @var array<int, Server\Port> the listening ports, primary first */
        public array $ports = [];
        /** The connections this process can see: foreach, count(), isset($c[$fd]), $c[$fd] (getClientInfo). */
        public readonly Connection\Iterator $connections;

        public function __construct(string $host, int $port = 0, int $mode = SWOOLE_BASE, int $sock_type = SWOOLE_SOCK_TCP) {}

        public function set(array $settings): bool {}

        public function on(string $event_name, callable $callback): bool {}

        public function getCallback(string $event_name): \Closure|string|array|null {}

        public function start(): bool {}

        /** Adds a listening port before start(); false with a warning after start() or when bind() fails. */
        public function listen(string $host, int $port, int $sock_type): Server\Port|false {}

        public function addListener(string $host, int $port, int $sock_type): Server\Port|false {}

        /** Sends a datagram from a UDP (or Unix datagram: $ip is a path) port. */
        public function sendto(string $ip, int $port, string $data, int $server_socket = -1): bool {}

        public function shutdown(): bool {}

        public function reload(bool $only_reload_taskworker = false): bool {}

        /** $waitEvent is accepted for compatibility: every stop is graceful (see docs/server.md). */
        public function stop(int $worker_id = -1, bool $waitEvent = false): bool {}

        public function task(mixed $data, int $dst_worker_id = -1, ?callable $finish_callback = null): int|false {}

        public function taskwait(mixed $data, float $timeout = 0.5, int $dst_worker_id = -1): mixed {}

        /** @param array $failures filled with a TaskFailure per failed entry, under the entry's key */
        public function taskWaitMulti(array $tasks, float $timeout = 0.5, &$failures = null): array|false {}

        public function taskCo(array $tasks, float $timeout = 0.5): array|false {}

        public function finish(mixed $data): bool {}

        public function sendMessage(mixed $message, int $dst_worker_id): bool {}

        /** $fd: a session id, or (a string starting with "/") a Unix datagram client's socket path. */
        public function send(int|string $fd, string $data, int $server_socket = -1): bool {}

        public function close(int $fd, bool $reset = false): bool {}

        public function exists(int $fd): bool {}

        /** @alias TaskSrv\Server::exists */
        public function exist(int $fd): bool {}

        public function getClientInfo(int $fd, int $reactor_id = -1, bool $ignore_error = false): array|false {}

        /** @alias TaskSrv\Server::getClientInfo */
        public function connection_info(int $fd, int $reactor_id = -1, bool $ignore_error = false): array|false {}

        public function getClientList(int $start_fd = 0, int $find_count = 10): array|false {}

        /** @alias TaskSrv\Server::getClientList */
        public function connection_list(int $start_fd = 0, int $find_count = 10): array|false {}

        public function protect(int $fd, bool $value = true): bool {}

        public function pause(int $fd): bool {}

        public function resume(int $fd): bool {}

        /** @alias TaskSrv\Server::resume */
        public function confirm(int $fd): bool {}

        public function heartbeat(bool $if_close_connection = true): array|false {}

        public function getWorkerId(): int|false {}

        public function getWorkerPid(int $worker_id = -1): int|false {}

        public function getWorkerStatus(int $worker_id = -1): int|false {}

        public function getMasterPid(): int {}

        public function getManagerPid(): int {}

        /** stats() as an array (STATS_DEFAULT), JSON (STATS_JSON) or OpenMetrics text (STATS_OPENMETRICS, OpenSwoole's values). */
        public function stats(int $mode = Server::STATS_DEFAULT): array|string|false {}

        /** Sends length bytes (0: to the end) of a regular file from offset, from any process, as send() does. */
        public function sendfile(int $conn_fd, string $filename, int $offset = 0, int $length = 0): bool {}

        /** SWOOLE_BASE, in an event worker, on its own connection: send() and wait until the socket took it all. */
        public function sendwait(int $conn_fd, string $send_data): bool {}

        /** The listening socket of a port (its number; 0: the primary port) as an ext/sockets Socket. */
        public function getSocket(int $port = 0): \Socket|false {}

        /** Registers an admin command: a callback fn(Server $s, string $json): string for the process types (SWOOLE_SERVER_COMMAND_*) it accepts; before start(). */
        public function addCommand(string $name, int $accepted_process_types, callable $callback): bool {}

        /** Runs a command in the process (process_id, process_type) with json_encode($data); its result, JSON-decoded unless $json_decode is false. */
        public function command(string $name, int $process_id, int $process_type, mixed $data, bool $json_decode = true): array|string|false {}

        /** Binds a connection to a uid, once (dispatch_mode 5 then sends its packets to worker uid % worker_num). */
        public function bind(int $fd, int $uid): bool {}

        /** This process's last error code (SWOOLE_ERROR_*), as swoole_last_error(). */
        public function getLastError(): int {}

        /** A user process, started with the server by the manager and restarted when it exits; returns its index. */
        public function addProcess(Process $process): int|false {}
    }
}

namespace TaskSrv\Connection {
    /**
     * $server->connections: the session ids of the connections visible to this process
     * (an event worker: its own; a task worker or the manager: all).
     * @strict-properties
     * @not-serializable
     */
    final class Iterator implements \Iterator, \Countable, \ArrayAccess
    {
        private function __construct() {}

        public function rewind(): void {}

        public function valid(): bool {}

        public function current(): mixed {}

        public function key(): mixed {}

        public function next(): void {}

        public function count(): int {}

        /** @param int $fd */
        public function offsetExists(mixed $fd): bool {}

        /** @param int $fd */
        public function offsetGet(mixed $fd): mixed {}

        public function offsetSet(mixed $fd, mixed $value): void {}

        public function offsetUnset(mixed $fd): void {}
    }
}

namespace TaskSrv\Server {
    /**
     * The task handed to onTask when task_use_object (or task_object, task_enable_coroutine) is on.
     * @strict-properties
     * @not-serializable
     */
    final class Task
    {
        public mixed $data = null;
        public float $dispatch_time = 0.0;
        public int $id = -1;
        public int $worker_id = -1;
        public int $flags = 0;

        /** Sends a result for this task to the worker that dispatched it. */
        public function finish(mixed $data): bool {}

        /** The value as a task package string (a Closure or resource throws, as serialize()). */
        public static function pack(mixed $data): string|false {}

        /** The value of a pack()ed package; anything else: warning "invalid task package", false. */
        public static function unpack(string $data): mixed {}
    }

    /**
     * A listening port: Server::listen() returns one, $server->ports lists them.
     * Dynamic properties are allowed, as on the Server.
     * @not-serializable
     */
    #[\AllowDynamicProperties]
    final class Port
    {
        public ?array $setting = null;
        public string $host = "";
        public int $port = 0;
        public int $type = 0;
        public int $sock = -1;
        /** The connections accepted on this port that this process can see (as $server->connections). */
        public readonly \TaskSrv\Connection\Iterator $connections;

        private function __construct() {}

        /** Framing settings of this port; a port never set() takes the server's at start(). */
        public function set(array $settings): bool {}

        /** Connect, Receive, Close, Packet, BufferFull or BufferEmpty for this port's connections. */
        public function on(string $event_name, callable $callback): bool {}

        public function getCallback(string $event_name): \Closure|string|array|null {}

        /** This port's listening socket as an ext/sockets Socket. */
        public function getSocket(): \Socket|false {}
    }
}
