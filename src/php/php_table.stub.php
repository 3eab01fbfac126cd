<?php

/** @generate-class-entries */

namespace TaskSrv {
    /**
     * Rows of typed columns in shared memory: declare the columns, create() before the
     * server starts, then every process reads and writes the same rows.
     * @not-serializable
     */
    class Table implements \Iterator, \Countable
    {
        /**
         * @var int
         * @cvalue TASKSRV_TABLE_INT
         */
        public const TYPE_INT = UNKNOWN;
        /**
         * @var int
         * @cvalue TASKSRV_TABLE_STRING
         */
        public const TYPE_STRING = UNKNOWN;
        /**
         * @var int
         * @cvalue TASKSRV_TABLE_FLOAT
         */
        public const TYPE_FLOAT = UNKNOWN;

        /** @var int|null rows (a power of two), set by create() */
        public $size = null;
        /** @var int|null bytes of shared memory, set by create() */
        public $memorySize = null;

        public function __construct(int $table_size, float $conflict_proportion = 0.2) {}

        public function column(string $name, int $type, int $size = 0): bool {}

        public function create(): bool {}

        public function destroy(): bool {}

        public function set(string $key, array $value): bool {}

        /** set() only when the row does not exist yet. */
        public function add(string $key, array $values): bool {}

        /** set() only when the row exists. */
        public function update(string $key, array $values): bool {}

        /** set() when every column of $expected has that value. */
        public function cmpset(string $key, array $expected, array $values): bool {}

        public function get(string $key, ?string $field = null): array|string|int|float|false {}

        /** get(), then del(), under one lock. */
        public function getdel(string $key, ?string $field = null): array|string|int|float|false {}

        public function count(): int {}

        public function del(string $key): bool {}

        /** @alias TaskSrv\Table::del */
        public function delete(string $key): bool {}

        /** del() when every column of $expected has that value. */
        public function cmpdel(string $key, array $expected): bool {}

        public function exists(string $key): bool {}

        /** @alias TaskSrv\Table::exists */
        public function exist(string $key): bool {}

        public function incr(string $key, string $column, int|float $incrby = 1): int|float|false {}

        public function decr(string $key, string $column, int|float $incrby = 1): int|float|false {}

        public function getSize(): int {}

        public function getMemorySize(): int {}

        public function stats(): array|false {}

        public function rewind(): void {}

        public function valid(): bool {}

        public function next(): void {}

        public function current(): mixed {}

        public function key(): mixed {}
    }
}
