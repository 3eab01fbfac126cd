--TEST--
Redis task backend: a front (task_worker_num 0) sends tasks through Redis Streams to a TaskNode; onFinish, a per-task callback, taskwait and an exception in onTask come back; the front's ledger balances
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
    if ($data === 'boom') {
        throw new RuntimeException('boom from the node');
    }
    return ['echo' => $data, 'node_class' => get_class($node), 'pid' => getmypid()];
}
PHP);
$front = tasksrv_server(<<<PHP
\$s = new TaskSrv\\Server('127.0.0.1', PORT);
\$s->set(['task_backend' => '$url', 'task_worker_num' => 0, 'log_level' => 4]);
\$s->on('Receive', function (\$s, \$fd, \$r, \$data) {
    \$s->task('async', -1);
    \$s->task('cb', -1, function (\$s, \$id, \$result) use (\$fd) {
        echo "callback: {\$result['echo']} from {\$result['node_class']}\\n";
    });
    \$r = \$s->taskwait('waited', 5.0);
    echo "taskwait: {\$r['echo']}\\n";
    \$s->task('boom');
    \$s->send(\$fd, "ok\\n");
});
\$s->on('Finish', function (\$s, \$id, \$result) {
    echo "onFinish: {\$result['echo']}\\n";
});
\$s->on('TaskFailure', function (\$s, \$id, \$failure) {
    echo "onTaskFailure: {\$failure->reason}: ", str_contains(\$failure->message, 'boom from the node') ? 'message names the exception' : \$failure->message, "\\n";
    \$l = \$s->stats();
    echo "ledger: accepted={\$l['task_accepted']} done={\$l['task_done']} failed={\$l['task_failed']} queued={\$l['task_queue_num']}\\n";
});
\$s->start();
PHP);
echo tasksrv_request($front->connect(), "go\n"), "\n";
var_dump($front->waitOutput('ledger:'));
echo "front: ", $front->stop(), "\n";
echo "node: ", $node->stop(), "\n";
$out = $front->output();
foreach (['onFinish', 'callback', 'taskwait', 'onTaskFailure', 'ledger'] as $k) {
    preg_match("/^$k: .*$/m", $out, $m);
    echo $m[0] ?? "$k: MISSING\n$out", "\n";
}
echo str_contains($node->output(), 'NODE STOPPED') ? "node stopped in order\n" : $node->output();
?>
--EXPECT--
ok
bool(true)
front: 0
node: 0
onFinish: async
callback: cb from TaskSrv\TaskNode
taskwait: waited
onTaskFailure: exception: message names the exception
ledger: accepted=4 done=3 failed=1 queued=0
node stopped in order
