--TEST--
Redis task backend batching: a task() from the master (onStart) or the manager (onManagerStart) of a SWOOLE_PROCESS front leaves at once (only the workers' loops write a batch each turn) and runs on the node
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
    echo "NODE RAN $data\n";
}
PHP);
$front = tasksrv_server(<<<PHP
\$s = new TaskSrv\\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
\$s->set(['task_backend' => '$url', 'task_worker_num' => 0, 'worker_num' => 1, 'log_level' => 4]);
\$s->on('ManagerStart', function (\$s) { \$ok = is_int(\$s->task('from the manager')); echo 'manager task(): ' . var_export(\$ok, true) . "\\n"; });
\$s->on('Start', function (\$s) { \$ok = is_int(\$s->task('from the master')); echo 'master task(): ' . var_export(\$ok, true) . "\\n"; });
\$s->on('Receive', function (\$s, \$fd, \$r, \$data) {
});
\$s->start();
PHP);
var_dump($node->waitOutput('NODE RAN', 2, 10.0));
preg_match_all('/^(master|manager) task\(\): .*$/m', $front->output(), $m);
sort($m[0]);
echo implode("\n", $m[0]), "\n";
preg_match_all('/^NODE RAN .*$/m', $node->output(), $m);
sort($m[0]);
echo implode("\n", $m[0]), "\n";
echo "front: ", $front->stop(), "\n";
echo "node: ", $node->stop(), "\n";
?>
--EXPECT--
bool(true)
manager task(): true
master task(): true
NODE RAN from the manager
NODE RAN from the master
front: 0
node: 0
