--TEST--
Redis task backend leases: a TaskNode killed with SIGKILL (its whole process group, as a lost host) mid-task stops renewing its lease; the front fails the task as worker_died naming the node within the lease, a long task on a live node is not taken, and the ledger balances
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php require __DIR__ . '/../inc/backend.inc'; backend_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/backend.inc';
$redis = new TasksrvTestRedis();
$url = $redis->url();
/* Lease 1 s: a task of 2.5 s on a live node outlives it and must not be taken. */
$onTask = <<<'PHP'
function (TaskSrv\Server $node, int $id, int $src, $data) {
    echo "RUNNING $data ", getmypid(), "\n";
    if ($data === 'victim') {
        sleep(30);
    }
    usleep(2500000);
    return "$data done";
}
PHP;
$front = tasksrv_server(<<<PHP
\$s = new TaskSrv\\Server('127.0.0.1', PORT);
\$s->set(['task_backend' => '$url', 'task_worker_num' => 0, 'task_backend_lease' => 1, 'log_level' => 4]);
\$s->on('Receive', function (\$s, \$fd, \$r, \$data) {
    \$s->task(trim(\$data));
    \$s->send(\$fd, "sent\\n");
});
\$s->on('Finish', function (\$s, \$id, \$result) {
    echo "onFinish: \$result\\n";
});
\$s->on('TaskFailure', function (\$s, \$id, \$failure) {
    echo "onTaskFailure: {\$failure->reason}: ", preg_replace('/\\(\\S+:\\d+\\)/', '(HOST:PID)', \$failure->message), "\\n";
    \$l = \$s->stats();
    echo "ledger: accepted={\$l['task_accepted']} done={\$l['task_done']} failed={\$l['task_failed']} queued={\$l['task_queue_num']}\\n";
});
\$s->start();
PHP);
$victim = backend_node($redis, $onTask, 1, 'tasksrv', 1);
echo tasksrv_request($front->connect(), "victim\n"), "\n";
var_dump($victim->waitOutput('RUNNING victim'));
tasksrv_signal(-$victim->pgid, 'KILL');
$t0 = microtime(true);
var_dump($front->waitOutput('onTaskFailure'));
$took = microtime(true) - $t0;
echo $took < 1 + 3 * tasksrv_slowdown() ? "failed within the lease and a reclaim period\n" : "took $took s\n";
/* A live node's long task (2.5 s, lease 1 s) ends as done. */
$node = backend_node($redis, $onTask, 1, 'tasksrv', 1);
echo tasksrv_request($front->connect(), "long\n"), "\n";
var_dump($front->waitOutput('onFinish', 1, 15));
echo "node: ", $node->stop(), "\n";
echo "front: ", $front->stop(), "\n";
preg_match_all('/^(onFinish|onTaskFailure|ledger): .*$/m', $front->output(), $m);
echo implode("\n", $m[0]), "\n";
?>
--EXPECT--
sent
bool(true)
bool(true)
failed within the lease and a reclaim period
sent
bool(true)
node: 0
front: 0
onTaskFailure: worker_died: task 0: its node (HOST:PID) stopped renewing its lease (task_backend_lease = 1 s) while running it: the node died or lost the task backend
ledger: accepted=1 done=0 failed=1 queued=0
onFinish: long done
