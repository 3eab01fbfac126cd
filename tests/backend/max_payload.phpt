--TEST--
task_backend_max_payload: a task's data over the limit is refused before sending (task() false with a warning naming the sizes and the option, taskwait() throws TaskSrv\BackendException), nothing reaches Redis; a result over the node's limit fails the task as too_large; php --ri shows the default (64 MiB)
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php require __DIR__ . '/../inc/backend.inc'; backend_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/backend.inc';
ob_start();
(new ReflectionExtension('tasksrv'))->info();
preg_match('/^task_backend_max_payload => .*$/m', ob_get_clean(), $m);
echo $m[0], "\n";
$redis = new TasksrvTestRedis();
$url = $redis->url();
$front = tasksrv_server(<<<PHP
\$s = new TaskSrv\\Server('127.0.0.1', PORT);
\$s->set(['task_backend' => '$url', 'task_worker_num' => 0, 'task_backend_max_payload' => 1000, 'log_level' => 4]);
\$s->on('Receive', function (\$s, \$fd, \$r, \$data) {
    if (trim(\$data) === 'big') {
        \$r = @\$s->task(str_repeat('x', 1001));
        echo "task: ", var_export(\$r, true), "; ", error_get_last()['message'] ?? 'no warning', "\\n";
        try {
            \$s->taskwait(['data' => str_repeat('y', 2000)], 1.0);
            echo "taskwait: no exception\\n";
        } catch (TaskSrv\\BackendException \$e) {
            echo "taskwait: ", get_class(\$e), ": ", \$e->getMessage(), "\\n";
        }
        \$r = \$s->task(str_repeat('z', 1000));
        echo "task of 1000 bytes: ", var_export(is_int(\$r), true), "\\n";
    } else {
        \$s->task('small');
    }
    \$s->send(\$fd, "ok\\n");
});
\$s->on('Finish', function (\$s, \$id, \$result) {
    echo "onFinish: ", strlen(\$result), " bytes\\n";
});
\$s->on('TaskFailure', function (\$s, \$id, \$failure) {
    echo "onTaskFailure: {\$failure->reason}: {\$failure->message}\\n";
});
\$s->start();
PHP);
echo tasksrv_request($front->connect(), "big\n"), "\n";
// The task of 1000 bytes is written with the batch at the end of its loop turn, which may
// come after the client has read "ok": wait for it (the two refused ones never come).
for ($t = microtime(true); ($len = $redis->command('XLEN', 'tasksrv:tasks')) !== ':1' && microtime(true) - $t < 3;) {
    usleep(10000);
}
usleep(100000);
echo "in Redis: ", $redis->command('XLEN', 'tasksrv:tasks'), "\n";
$node = tasksrv_server(<<<PHP
\$node = new TaskSrv\\TaskNode();
\$node->set(['task_backend' => '$url', 'task_worker_num' => 1, 'task_backend_max_payload' => 1000, 'log_level' => 4]);
\$node->on('Task', fn (\$node, \$id, \$src, \$data) => \$data === 'small' ? str_repeat('r', 5000) : \$data);
\$node->start();
PHP, ['wait' => false]);
var_dump($front->waitOutput('onFinish'));
echo tasksrv_request($front->connect(), "small\n"), "\n";
var_dump($front->waitOutput('onTaskFailure'));
echo "node: ", $node->stop(), "\n";
echo "front: ", $front->stop(), "\n";
preg_match_all('/^(task|taskwait|task of 1000 bytes|onFinish|onTaskFailure): .*$/m', $front->output(), $m);
echo implode("\n", $m[0]), "\n";
echo preg_match('/WARNING\ttask backend: the result of task \d+ is 5000 bytes/', $node->output()) ? "node logged it\n" : $node->output();
?>
--EXPECT--
task_backend_max_payload => int => 67108864
ok
in Redis: :1
bool(true)
ok
bool(true)
node: 0
front: 0
task: false; TaskSrv\Server::task(): task backend: the task's data is 1001 bytes, over task_backend_max_payload (1000 bytes): not sent
taskwait: TaskSrv\BackendException: taskwait(): task backend: the task's data is 2027 bytes, over task_backend_max_payload (1000 bytes): not sent
task of 1000 bytes: true
onFinish: 1000 bytes
onTaskFailure: too_large: the result of task 3 is 5000 bytes, over task_backend_max_payload (1000 bytes): not sent
node logged it
