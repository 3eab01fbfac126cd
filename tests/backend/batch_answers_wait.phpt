--TEST--
Redis task backend batching, when Redis refuses a node's answers (maxmemory reached, noeviction): the answer script changes nothing, the answers wait and are sent again (logged once), the node reads no task meanwhile; a task() at that time fails as shutdown naming OOM; once memory is allowed the result arrives, once, and the node runs the next task
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php require __DIR__ . '/../inc/backend.inc'; backend_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/backend.inc';
$redis = new TasksrvTestRedis(['--maxmemory-policy', 'noeviction']);
$url = $redis->url();
$port = $redis->port;
$node = backend_node($redis, <<<PHP
function (TaskSrv\\Server \$node, int \$id, int \$src, \$data) {
    if (\$data === 'oom') {
        /* From now on Redis refuses what needs memory: this task's answer too. */
        \$c = stream_socket_client('tcp://127.0.0.1:$port', \$errno, \$errstr, 2);
        fwrite(\$c, "*4\\r\\n\\\$6\\r\\nCONFIG\\r\\n\\\$3\\r\\nSET\\r\\n\\\$9\\r\\nmaxmemory\\r\\n\\\$1\\r\\n1\\r\\n");
        fgets(\$c);
    }
    return "r:\$data";
}
PHP);
$front = tasksrv_server(<<<PHP
\$s = new TaskSrv\\Server('127.0.0.1', PORT);
\$s->set(['task_backend' => '$url', 'task_worker_num' => 0, 'log_level' => 4]);
\$s->on('Receive', function (\$s, \$fd, \$r, \$data) {
    \$s->send(\$fd, 'task(): ' . (is_int(\$s->task(trim(\$data))) ? 'an id' : 'false') . "\\n");
});
\$s->on('Finish', function (\$s, \$id, \$result) {
    echo "onFinish: \$result\\n";
});
\$s->on('TaskFailure', function (\$s, \$id, \$f) {
    echo "onTaskFailure: {\$f->reason}: ", str_contains(\$f->message, 'OOM') ? 'names OOM' : \$f->message, "\\n";
});
\$s->start();
PHP);
echo tasksrv_request($front->connect(), "oom\n"), "\n";
var_dump($node->waitOutput('cannot be sent', 1, 10.0));
echo tasksrv_request($front->connect(), "more\n"), "\n";
var_dump($front->waitOutput('onTaskFailure'));
usleep(300000);
echo "no result while refused: ", str_contains($front->output(), 'onFinish') ? 'no' : 'yes', "\n";
echo "memory allowed again: ", $redis->command('CONFIG', 'SET', 'maxmemory', '0'), "\n";
var_dump($front->waitOutput('onFinish: r:oom', 1, 10.0));
echo tasksrv_request($front->connect(), "after\n"), "\n";
var_dump($front->waitOutput('onFinish: r:after', 1, 10.0));
echo "front: ", $front->stop(), "\n";
echo "node: ", $node->stop(), "\n";
preg_match_all('/^on(Finish|TaskFailure): .*$/m', $front->output(), $m);
echo implode("\n", $m[0]), "\n";
echo "node logged it once: ", substr_count($node->output(), 'cannot be sent'), "\n";
?>
--EXPECT--
task(): an id
bool(true)
task(): an id
bool(true)
no result while refused: yes
memory allowed again: +OK
bool(true)
task(): an id
bool(true)
front: 0
node: 0
onTaskFailure: shutdown: names OOM
onFinish: r:oom
onFinish: r:after
node logged it once: 1
