--TEST--
Redis task backend: redis-server killed and started again on its port: a node's task worker and a front's event worker (waiting for results) each log once that the backend went away and once that it is back (back-off 100 ms doubling to 5 s), task() meanwhile returns false with the warning, and tasks run again afterwards
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php require __DIR__ . '/../inc/backend.inc'; backend_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/backend.inc';
$redis = new TasksrvTestRedis();
$url = $redis->url();
$node = backend_node($redis, 'function ($node, $id, $src, $data) { return "$data done"; }');
$front = tasksrv_server(<<<PHP
\$s = new TaskSrv\\Server('127.0.0.1', PORT);
\$s->set(['task_backend' => '$url', 'task_worker_num' => 0, 'log_level' => 4]);
\$s->on('Receive', function (\$s, \$fd, \$r, \$data) {
    \$r = @\$s->task(trim(\$data));
    \$s->send(\$fd, (\$r === false ? 'task: false: ' . (error_get_last()['message'] ?? '') : 'task: sent') . "\\n");
});
\$s->on('Finish', function (\$s, \$id, \$result) {
    echo "onFinish: \$result\\n";
});
\$s->start();
PHP);
echo tasksrv_request($front->connect(), "before\n"), "\n";
var_dump($front->waitOutput('onFinish: before'));
$redis->kill();
var_dump($node->waitOutput('task backend unreachable'), $front->waitOutput('task backend unreachable'));
echo preg_replace('/:\d+:/', ':PORT:', tasksrv_request($front->connect(), "during\n")), "\n";
usleep((int) (2000000 * tasksrv_slowdown())); /* several tries, one line */
$redis->start();
var_dump($node->waitOutput('reachable again', 1, 15), $front->waitOutput('reachable again', 1, 15));
echo tasksrv_request($front->connect(), "after\n"), "\n";
var_dump($front->waitOutput('onFinish: after', 1, 15));
echo "node: ", $node->stop(), "\n";
echo "front: ", $front->stop(), "\n";
foreach (['node' => $node, 'front' => $front] as $name => $p) {
    $log = $p->output();
    echo "$name: ", substr_count($log, 'task backend unreachable'), " line down, ", substr_count($log, 'reachable again'), " line back\n";
}
preg_match('/WARNING\t(task backend unreachable .*)$/m', $node->output(), $m);
echo preg_replace('/:\d+/', ':PORT', $m[1]), "\n";
?>
--EXPECT--
task: sent
bool(true)
bool(true)
bool(true)
task: false: TaskSrv\Server::task(): task backend: cannot connect to redis://127.0.0.1:PORT: Connection refused
bool(true)
bool(true)
task: sent
bool(true)
node: 0
front: 0
node: 1 line down, 1 line back
front: 1 line down, 1 line back
task backend unreachable (the task backend's connection: Server closed the connection); trying again from 100 ms, doubling to 5 s
