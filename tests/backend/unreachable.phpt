--TEST--
Redis task backend unreachable: task() returns false with a warning naming the cause, taskwait() throws TaskSrv\BackendException naming the cause
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php require __DIR__ . '/../inc/backend.inc'; backend_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/backend.inc';
$dead = tasksrv_free_port(); /* nothing listens there */
$front = tasksrv_server(<<<PHP
\$s = new TaskSrv\\Server('127.0.0.1', PORT);
\$s->set(['task_backend' => 'redis://127.0.0.1:$dead', 'task_worker_num' => 0, 'log_level' => 4]);
\$s->on('Receive', function (\$s, \$fd, \$r, \$data) {
    \$r = @\$s->task('x');
    echo "task: ", var_export(\$r, true), "; ", str_contains(error_get_last()['message'] ?? '', 'cannot connect to redis://127.0.0.1:$dead') ? 'warning names the backend' : (error_get_last()['message'] ?? 'no warning'), "\\n";
    try {
        \$s->taskwait('y', 1.0);
        echo "taskwait: no exception\\n";
    } catch (TaskSrv\\BackendException \$e) {
        echo "taskwait: ", get_class(\$e), " is a TaskSrv\\\\Exception: ", var_export(\$e instanceof TaskSrv\\Exception, true), "; ", str_contains(\$e->getMessage(), 'Connection refused') ? 'names the cause' : \$e->getMessage(), "\\n";
    }
    try {
        \$s->task('z', 0);
    } catch (ValueError \$e) {
        echo "task: dst_worker_id: ", \$e->getMessage(), "\\n";
    }
    \$s->send(\$fd, "done\\n");
});
\$s->start();
PHP);
echo tasksrv_request($front->connect(), "go\n"), "\n";
$front->stop();
$out = $front->output();
echo implode("\n", array_filter(explode("\n", $out), fn ($l) => preg_match('/^(task|taskwait):/', $l))), "\n";
?>
--EXPECT--
done
task: false; warning names the backend
taskwait: TaskSrv\BackendException is a TaskSrv\Exception: true; names the cause
task: dst_worker_id: TaskSrv\Server::task(): Argument #2 ($dst_worker_id) must be -1 with a task_backend (tasks go to the queue, not to a task worker)
