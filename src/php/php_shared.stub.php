<?php

/** @generate-class-entries */

namespace TaskSrv {
    /**
     * A 32-bit unsigned counter in shared memory, shared with the processes forked after it was made.
     * @not-serializable
     */
    class Atomic
    {
        public function __construct(int $value = 0) {}

        public function add(int $add_value = 1): int {}

        public function sub(int $sub_value = 1): int {}

        public function get(): int {}

        public function set(int $value): void {}

        public function cmpset(int $cmp_value, int $new_value): bool {}

        /** Sleeps while the value is 0, takes a 1 back to 0; $timeout <= 0 waits for ever. */
        public function wait(float $timeout = 1.0): bool {}

        /** Turns a 0 into 1 and wakes up to $count processes sleeping in wait(). */
        public function wakeup(int $count = 1): bool {}
    }

    /**
     * A process-shared lock: MUTEX (robust: a holder that dies passes it on), RWLOCK or SPINLOCK.
     * @not-serializable
     */
    class Lock
    {
        /**
         * @var int
         * @cvalue TASKSRV_LOCK_MUTEX
         */
        public const MUTEX = UNKNOWN;
        /**
         * @var int
         * @cvalue TASKSRV_LOCK_RWLOCK
         */
        public const RWLOCK = UNKNOWN;
        /**
         * @var int
         * @cvalue TASKSRV_LOCK_SPINLOCK
         */
        public const SPINLOCK = UNKNOWN;

        /** @var int the errno of the last lock() that failed */
        public $errCode = 0;

        public function __construct(int $type = Lock::MUTEX) {}

        /** LOCK_EX or LOCK_SH, | LOCK_NB not to wait; $timeout > 0 waits at most that many seconds. */
        public function lock(int $operation = LOCK_EX, float $timeout = -1): bool {}

        public function unlock(): bool {}
    }
}

namespace TaskSrv\Atomic {
    /**
     * A 64-bit signed counter in shared memory.
     * @not-serializable
     */
    class Long
    {
        public function __construct(int $value = 0) {}

        public function add(int $add_value = 1): int {}

        public function sub(int $sub_value = 1): int {}

        public function get(): int {}

        public function set(int $value): void {}

        public function cmpset(int $cmp_value, int $new_value): bool {}
    }
}
