--TEST--
metrics_listen on both sides of the Redis task backend: the front's /metrics (its manager: a front with one worker keeps one) has the ledger of the tasks it sent (4 accepted, 3 done, 1 failed with exception); the TaskNode's (its manager) its task workers by state and every process's RSS; both parse with prometheus_client
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php
require __DIR__ . '/../inc/backend.inc';
backend_skipif();
require __DIR__ . '/../inc/metrics.inc';
metrics_skipif();
?>
--FILE--
<?php
require __DIR__ . '/../inc/backend.inc';
require __DIR__ . '/../inc/metrics.inc';
$redis = new TasksrvTestRedis();
$url = $redis->url();
$nport = tasksrv_free_port();
$node = tasksrv_server(<<<PHP
\$node = new TaskSrv\\TaskNode();
\$node->set(['task_backend' => '$url', 'task_worker_num' => 2, 'log_level' => 4, 'metrics_listen' => '127.0.0.1:$nport']);
\$node->on('WorkerStart', function (\$node, \$id) { if (\$node->taskworker) { echo "NODE READY \$id\\n"; } });
\$node->on('Task', function (\$node, \$id, \$src, \$data) {
    if (\$data === 'boom') {
        throw new RuntimeException('boom');
    }
    return \$data;
});
\$node->start();
PHP, ['wait' => false]);
var_dump($node->waitOutput('NODE READY', 2));
$fport = tasksrv_free_port();
$front = tasksrv_server(<<<PHP
\$s = new TaskSrv\\Server('127.0.0.1', PORT);
\$s->set(['task_backend' => '$url', 'task_worker_num' => 0, 'log_level' => 4, 'metrics_listen' => '127.0.0.1:$fport']);
\$s->on('Receive', function (\$s, \$fd, \$r, \$data) {
    \$r = \$s->taskWaitMulti(['a', 'b', 'c'], 5.0);
    ksort(\$r);
    try {
        \$s->taskwait('boom', 5.0);
    } catch (TaskSrv\\TaskFailedException \$e) {
        \$r[] = \$e->getFailure()->reason;
    }
    \$s->send(\$fd, implode(',', \$r) . "\\n");
});
\$s->start();
PHP);
echo tasksrv_request($front->connect(), "go\n"), "\n";
var_dump(metrics_wait_port($fport), metrics_wait_port($nport));
$f = metrics_parse(metrics_curl($fport)['body']);
echo "front:\n", metrics_show($f, 'tasksrv_tasks_accepted', 'tasksrv_tasks_done', 'tasksrv_tasks_failed', 'tasksrv_tasks_queued');
$n = metrics_parse(metrics_curl($nport)['body']);
echo "node:\n", metrics_show($n, 'tasksrv_workers');
$rss = [];
foreach ($n['tasksrv_process_resident_memory_bytes']['samples'] as [$name, $l, $v]) {
    $rss[] = "{$l['role']}#{$l['id']}";
}
echo "node rss: ", implode(' ', $rss), "\n";
echo "front: ", $front->stop(), "\n";
echo "node: ", $node->stop(), "\n";
?>
--EXPECTF--
bool(true)
a,b,c,exception
bool(true)
bool(true)
front:
tasksrv_tasks_accepted (counter): tasksrv_tasks_accepted_total=4
tasksrv_tasks_done (counter): tasksrv_tasks_done_total=3
tasksrv_tasks_failed (counter): %Atasksrv_tasks_failed_total{reason=exception}=1 %A
tasksrv_tasks_queued (gauge): tasksrv_tasks_queued=0
node:
tasksrv_workers (gauge): tasksrv_workers{kind=worker,state=busy}=0 tasksrv_workers{kind=worker,state=idle}=1 tasksrv_workers{kind=worker,state=exiting}=0 tasksrv_workers{kind=task_worker,state=busy}=0 tasksrv_workers{kind=task_worker,state=idle}=2 tasksrv_workers{kind=task_worker,state=exiting}=0
node rss: manager#0 worker#0 task_worker#1 task_worker#2
front: 0
node: 0
