--TEST--
Redis task backend unreachable: task() returns false with a warning naming the cause, taskwait() throws TaskSrv\BackendException; a build without the backend refuses task_backend
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
    \$s->send(\$fd, "done\\n");
});
\$s->start();
PHP);
echo tasksrv_request($front->connect(), "go\n"), "\n";
$front->stop();
echo implode("\n", array_filter(explode("\n", $front->output()), fn ($l) => preg_match('/^(task|taskwait):/', $l))), "\n";
foreach (['redis://h', 'http://127.0.0.1:1', 'redis://127.0.0.1:70000', 'redis://u:p@127.0.0.1:1'] as $bad) {
    $s = new TaskSrv\Server('127.0.0.1', 0);
    try {
        $s->set(['task_backend' => $bad]);
        echo "$bad: accepted\n";
    } catch (ValueError $e) {
        echo "$bad: ", str_contains($e->getMessage(), 'option "task_backend"') ? 'ValueError naming the key' : $e->getMessage(), "\n";
    }
    unset($s);
}
?>
--EXPECT--
done
task: false; warning names the backend
taskwait: TaskSrv\BackendException is a TaskSrv\Exception: true; names the cause
redis://h: ValueError naming the key
http://127.0.0.1:1: ValueError naming the key
redis://127.0.0.1:70000: ValueError naming the key
redis://u:p@127.0.0.1:1: ValueError naming the key
