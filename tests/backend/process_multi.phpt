--TEST--
Redis task backend with a SWOOLE_PROCESS front of two event workers and a TaskNode of two task workers: taskWaitMulti() gets every result under its key, a fatal error in onTask on the node comes back to onTaskFailure, the node's task worker is replaced and runs the next task
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php require __DIR__ . '/../inc/backend.inc'; backend_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/backend.inc';
$redis = new TasksrvTestRedis();
$url = $redis->url();
$node = backend_node($redis, <<<'PHP'
function (TaskSrv\Server $node, int $id, int $src, $data) {
    if ($data === 'fatal') {
        /* E_USER_ERROR, not memory_limit: the asan leg runs without the Zend allocator,
         * which is what enforces memory_limit. */
        trigger_error('boom on the node', E_USER_ERROR);
    }
    return "r:$data";
}
PHP, 2);
$front = tasksrv_server(<<<PHP
\$s = new TaskSrv\\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
\$s->set(['task_backend' => '$url', 'task_worker_num' => 0, 'worker_num' => 2, 'log_level' => 4]);
\$s->on('Receive', function (\$s, \$fd, \$r, \$data) {
    if (trim(\$data) === 'multi') {
        \$res = \$s->taskWaitMulti(['x' => 'a', 'y' => 'b', 'z' => 'c'], 5.0);
        ksort(\$res);
        \$s->send(\$fd, json_encode(\$res) . "\\n");
    } elseif (trim(\$data) === 'fatal') {
        \$s->task('fatal');
        \$s->send(\$fd, "sent\\n");
    } else {
        \$s->send(\$fd, \$s->taskwait('after', 5.0) . "\\n");
    }
});
\$s->on('TaskFailure', function (\$s, \$id, \$f) {
    echo "onTaskFailure: {\$f->reason}: ", str_contains(\$f->message, 'boom on the node') ? 'names the fatal error' : \$f->message, "\\n";
});
\$s->start();
PHP);
echo tasksrv_request($front->connect(), "multi\n"), "\n";
echo tasksrv_request($front->connect(), "fatal\n"), "\n";
var_dump($front->waitOutput('onTaskFailure'));
/* Both task workers run it in turn, the replaced one too. */
echo tasksrv_request($front->connect(), "again\n"), "\n";
echo tasksrv_request($front->connect(), "again\n"), "\n";
echo "front: ", $front->stop(), "\n";
echo "node: ", $node->stop(), "\n";
preg_match_all('/^onTaskFailure: .*$/m', $front->output(), $m);
echo implode("\n", $m[0]), "\n";
?>
--EXPECT--
{"x":"r:a","y":"r:b","z":"r:c"}
sent
bool(true)
r:after
r:after
front: 0
node: 0
onTaskFailure: fatal_error: names the fatal error
