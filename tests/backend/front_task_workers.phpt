--TEST--
Redis task backend: a front with task_worker_num 1 and a backend: its own task worker consumes the queue (no node needed): task() to onFinish, taskwait(); with a TaskNode on the same queue both take tasks; the front's ledger counts each task once
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php require __DIR__ . '/../inc/backend.inc'; backend_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/backend.inc';
$redis = new TasksrvTestRedis();
$url = $redis->url();
$front = tasksrv_server(<<<PHP
\$s = new TaskSrv\\Server('127.0.0.1', PORT);
\$s->set(['task_backend' => '$url', 'task_worker_num' => 1, 'task_backend_lease' => 1, 'log_level' => 4]);
\$s->on('Receive', function (\$s, \$fd, \$r, \$data) {
    if (trim(\$data) === 'die') {
        \$s->task('die');
        \$s->send(\$fd, "sent die\\n");
        return;
    }
    \$n = (int) trim(\$data);
    if (\$n === 0) {
        \$s->task('one');
        \$s->send(\$fd, 'taskwait: ' . \$s->taskwait('two', 5.0) . "\\n");
        return;
    }
    for (\$i = 0; \$i < \$n; \$i++) {
        \$s->task("t\$i");
    }
    \$s->send(\$fd, "sent \$n\\n");
});
\$s->on('Task', function (\$s, \$id, \$src, \$data) {
    if (\$data === 'die') {
        exec('kill -9 ' . getmypid());
    }
    usleep(100000);
    return "\$data by the front";
});
\$s->on('Finish', function (\$s, \$id, \$result) {
    echo "onFinish: \$result\\n";
    \$l = \$s->stats();
    echo "ledger: accepted={\$l['task_accepted']} done={\$l['task_done']} failed={\$l['task_failed']} queued={\$l['task_queue_num']} running={\$l['task_running_num']}\\n";
});
\$s->on('TaskFailure', function (\$s, \$id, \$failure) {
    echo "onTaskFailure: {\$failure->reason}\n";
    \$l = \$s->stats();
    echo "ledger: accepted={\$l['task_accepted']} done={\$l['task_done']} failed={\$l['task_failed']} queued={\$l['task_queue_num']} running={\$l['task_running_num']}\n";
});
\$s->start();
PHP);
echo tasksrv_request($front->connect(), "0\n"), "\n";
var_dump($front->waitOutput('onFinish: one'));
$node = backend_node($redis, <<<'PHP'
function ($node, int $id, int $src, $data) {
    usleep(100000);
    return "$data by the node";
}
PHP);
echo tasksrv_request($front->connect(), "10\n"), "\n";
var_dump($front->waitOutput('onFinish', 11, 20));
echo "node: ", $node->stop(), "\n";
/* The front's own task worker killed while it runs a task the front sent: one failure
 * (the reclaim's, after the lease), booked once. */
echo tasksrv_request($front->connect(), "die\n"), "\n";
var_dump($front->waitOutput('onTaskFailure', 1, 15));
echo "front: ", $front->stop(), "\n";
$out = $front->output();
preg_match_all('/^onFinish: t\d+ by the (front|node)$/m', $out, $m);
$by = array_count_values($m[1]);
echo "10 tasks: ", count($m[0]), "; the front ran some: ", var_export(($by['front'] ?? 0) > 0, true), "; the node ran some: ", var_export(($by['node'] ?? 0) > 0, true), "\n";
preg_match('/^onFinish: one .*$/m', $out, $m1);
echo $m1[0], "\n";
preg_match_all('/^ledger: .*$/m', $out, $l);
echo $l[0][count($l[0]) - 2], "\n", end($l[0]), "\n";
preg_match_all('/^onTaskFailure: .*$/m', $out, $f);
echo implode("\n", $f[0]), "\n";
?>
--EXPECT--
taskwait: two by the front
bool(true)
sent 10
bool(true)
node: 0
sent die
bool(true)
front: 0
10 tasks: 10; the front ran some: true; the node ran some: true
onFinish: one by the front
ledger: accepted=12 done=12 failed=0 queued=0 running=0
ledger: accepted=13 done=12 failed=1 queued=0 running=0
onTaskFailure: worker_died
