<?php

/** @generate-class-entries */

namespace TaskSrv {
    /** The task backend (Redis) failed: unreachable, or it refused a command. */
    class BackendException extends Exception {}

    /**
     * A host that runs tasks for fronts through the task backend (docs/distributed.md):
     * set(['task_backend' => ..., 'task_worker_num' => N]), on('Task'), start().
     * No listener; its task workers read the queue.
     */
    class TaskNode extends Server
    {
        public function __construct() {}
    }
}
