--TEST--
metrics_listen (Http\Server, BASE): after a known workload (4 tasks: 3 done, 1 failed with exception; 3 answers 2xx, 1 4xx; a task worker stopped and started again; a user process) /metrics fetched with curl parses with prometheus_client and says exactly that: the task ledger, requests by status class, respawns by kind, workers by state, each process's RSS (manager, workers, task workers, the user process)
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php
require __DIR__ . '/../inc/metrics.inc';
metrics_skipif();
?>
--FILE--
<?php
require __DIR__ . '/../inc/metrics.inc';
$mport = tasksrv_free_port();
$srv = tasksrv_server(<<<PHP
\$s = new Swoole\Http\Server('127.0.0.1', PORT);
\$s->set(['worker_num' => 2, 'task_worker_num' => 2, 'metrics_listen' => '127.0.0.1:$mport', 'http_compression' => false]);
\$s->on('Request', function (\$req, \$res) use (\$s) {
    switch (\$req->server['request_uri']) {
        case '/tasks':
            \$r = \$s->taskWaitMulti(['a', 'b', 'c'], 5);
            ksort(\$r);
            \$res->end(implode(',', \$r));
            return;
        case '/fail':
            try {
                \$s->taskwait('fail', 5);
            } catch (TaskSrv\TaskFailedException \$e) {
                \$res->end(\$e->getFailure()->reason);
                return;
            }
            \$res->end('no failure?');
            return;
        case '/restart':
            \$res->end(var_export(\$s->stop(3), true));
            return;
    }
    \$res->status(404);
    \$res->end('nope');
});
\$s->on('Task', function (\$s, \$id, \$src, \$d) {
    if (\$d === 'fail') {
        throw new RuntimeException('no');
    }
    return strtoupper(\$d);
});
\$s->addProcess(new Swoole\Process(function () {
    while (true) {
        sleep(1);
    }
}));
\$s->start();
PHP);
echo "listening: ", var_export(metrics_wait_port($mport), true), "\n";
$url = "http://127.0.0.1:{$srv->port}";
foreach (['/tasks', '/fail', '/nope', '/restart'] as $path) {
    $r = metrics_curl($srv->port, $path);
    echo "$path: {$r['status']} {$r['body']}\n";
}
/* The manager starts task worker 3 again: wait until it says so. */
$deadline = microtime(true) + 10;
do {
    $r = metrics_curl($mport);
    $fams = metrics_parse($r['body']);
    $respawned = metrics_value($fams, 'tasksrv_respawns', ['kind' => 'task_worker']);
    $idle = metrics_value($fams, 'tasksrv_workers', ['kind' => 'task_worker', 'state' => 'idle']);
} while (($respawned < 1 || $idle < 2) && microtime(true) < $deadline && usleep(50000) === null);
echo "status {$r['status']}, {$r['type']}\n";
echo metrics_show($fams, 'tasksrv_build', 'tasksrv_tasks_accepted', 'tasksrv_tasks_done', 'tasksrv_tasks_failed',
    'tasksrv_tasks_queued', 'tasksrv_tasks_running', 'tasksrv_http_requests', 'tasksrv_workers', 'tasksrv_respawns',
    'tasksrv_abnormal_exits');
echo "units: ", $fams['tasksrv_process_resident_memory_bytes']['unit'], " ", $fams['tasksrv_start_time_seconds']['unit'],
    " ", $fams['tasksrv_received_bytes']['unit'], "\n";
$rss = [];
foreach ($fams['tasksrv_process_resident_memory_bytes']['samples'] as [$n, $l, $v]) {
    $rss[] = "{$l['role']}#{$l['id']}" . ($v > 1e6 ? '' : "(only $v bytes?)");
}
echo "rss: ", implode(' ', $rss), "\n";
echo "connections accepted by the workers: ", metrics_value($fams, 'tasksrv_connections_accepted', [], 'tasksrv_connections_accepted_total') >= 4 ? 'at least 4' : 'fewer', "\n";
echo "exit: ", $srv->stop(), "\n", $srv->output();
?>
--EXPECTF--
listening: true
/tasks: 200 A,B,C
/fail: 200 exception
/nope: 404 nope
/restart: 200 true
status 200, application/openmetrics-text; version=1.0.0; charset=utf-8
tasksrv_build (info): tasksrv_build_info{version=%s,mode=base}=1
tasksrv_tasks_accepted (counter): tasksrv_tasks_accepted_total=4
tasksrv_tasks_done (counter): tasksrv_tasks_done_total=3
tasksrv_tasks_failed (counter): %Atasksrv_tasks_failed_total{reason=exception}=1 %A
tasksrv_tasks_queued (gauge): tasksrv_tasks_queued=0
tasksrv_tasks_running (gauge): tasksrv_tasks_running=0
tasksrv_http_requests (counter): tasksrv_http_requests_total{code=1xx}=0 tasksrv_http_requests_total{code=2xx}=3 tasksrv_http_requests_total{code=3xx}=0 tasksrv_http_requests_total{code=4xx}=1 tasksrv_http_requests_total{code=5xx}=0
tasksrv_workers (gauge): tasksrv_workers{kind=worker,state=busy}=0 tasksrv_workers{kind=worker,state=idle}=2 tasksrv_workers{kind=worker,state=exiting}=0 tasksrv_workers{kind=task_worker,state=busy}=0 tasksrv_workers{kind=task_worker,state=idle}=2 tasksrv_workers{kind=task_worker,state=exiting}=0
tasksrv_respawns (counter): tasksrv_respawns_total{kind=worker}=0 tasksrv_respawns_total{kind=task_worker}=1 tasksrv_respawns_total{kind=user_process}=0
tasksrv_abnormal_exits (counter): tasksrv_abnormal_exits_total{kind=worker}=0 tasksrv_abnormal_exits_total{kind=task_worker}=0 tasksrv_abnormal_exits_total{kind=user_process}=0
units: bytes seconds bytes
rss: manager#0 worker#0 worker#1 task_worker#2 task_worker#3 user_process#4
connections accepted by the workers: at least 4
exit: 0
