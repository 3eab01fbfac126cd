<?php

/** @generate-class-entries */

namespace TaskSrv {
    /**
     * A child process running a callback, with an optional pipe to it (Swoole\Process).
     * Added to a server with Server::addProcess(), it is started, restarted and stopped by the manager.
     */
    class Process
    {
        /** @var int */
        public const IPC_NOWAIT = 256;
        /** @var int */
        public const PIPE_MASTER = 1;
        /** @var int */
        public const PIPE_WORKER = 2;
        /** @var int */
        public const PIPE_READ = 3;
        /** @var int */
        public const PIPE_WRITE = 4;
        /** @var int */
        public const PIPE_TYPE_NONE = 0;
        /** @var int */
        public const PIPE_TYPE_STREAM = 1;
        /** @var int */
        public const PIPE_TYPE_DGRAM = 2;

        /** @var int|null */
        public $pipe = null;
        /** @var int|null */
        public $msgQueueId = null;
        /** @var int|null */
        public $msgQueueKey = null;
        /** @var int|null */
        public $pid = null;
        /** @var int|null */
        public $id = null;
        /** @var callable|null */
        private $callback = null;

        public function __construct(callable $callback, bool $redirect_stdin_and_stdout = false, int $pipe_type = 2, bool $enable_coroutine = false) {}

        public function start(): int|bool {}

        public function write(string $data): int|false {}

        public function read(int $size = 8192): string|false {}

        public function close(int $which = 0): bool {}

        public function setTimeout(float $seconds): bool {}

        public function setBlocking(bool $blocking): bool {}

        public function name(string $process_name): bool {}

        public function exit(int $exit_code = 0): void {}

        public function exec(string $exec_file, array $args): bool {}

        public static function wait(bool $blocking = true): array|false {}

        public static function signal(int $signal_no, ?callable $callback = null): bool {}

        public static function alarm(int $usec, int $type = 0): bool {}

        public static function kill(int $pid, int $signal_no = SIGTERM): bool {}
    }
}
