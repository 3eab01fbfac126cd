--TEST--
metrics_listen in SWOOLE_PROCESS (the master answers): after 1 task done and 1 failed, 2 answers 2xx and 2 4xx (one of them the master's 400 for a bad request) /metrics parses with prometheus_client: mode=process, the ledger, requests by status class, the RSS of master, manager, workers and task worker; a kept-alive scrape connection survives a reload, which counts as respawns
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
\$s = new Swoole\Http\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
\$s->set(['worker_num' => 2, 'task_worker_num' => 1, 'metrics_listen' => '127.0.0.1:$mport', 'http_compression' => false]);
\$s->on('Request', function (\$req, \$res) use (\$s) {
    if (\$req->server['request_uri'] === '/work') {
        \$ok = \$s->taskwait('x', 5);
        try {
            \$s->taskwait('fail', 5);
        } catch (TaskSrv\TaskFailedException \$e) {
            \$ok .= ' ' . \$e->getFailure()->reason;
        }
        \$res->end(\$ok);
        return;
    }
    if (\$req->server['request_uri'] === '/reload') {
        \$res->end(var_export(\$s->reload(), true));
        return;
    }
    \$res->status(403);
    \$res->end('no');
});
\$s->on('Task', function (\$s, \$id, \$src, \$d) {
    if (\$d === 'fail') {
        throw new RuntimeException('no');
    }
    return 'done';
});
\$s->start();
PHP);
echo "listening: ", var_export(metrics_wait_port($mport), true), "\n";
echo "/work: ", metrics_curl($srv->port, '/work')['body'], "\n";
echo "/other: ", metrics_curl($srv->port, '/other')['status'], "\n";
echo "bad request: ", http_status(http_raw($srv->port, "GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")), "\n";

$keep = stream_socket_client("tcp://127.0.0.1:$mport", $e, $es, 5);
fwrite($keep, "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
[$line, $body] = metrics_read_response($keep);
echo "kept-alive scrape: $line\n";
echo "/reload: ", metrics_curl($srv->port, '/reload')['body'], "\n";
/* Three processes started again (2 workers, 1 task worker). */
$deadline = microtime(true) + 10;
do {
    usleep(50000);
    fwrite($keep, "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
    [$line, $body] = metrics_read_response($keep);
    $fams = metrics_parse($body);
    $n = metrics_value($fams, 'tasksrv_respawns', ['kind' => 'worker']) + metrics_value($fams, 'tasksrv_respawns', ['kind' => 'task_worker']);
    $idle = metrics_value($fams, 'tasksrv_workers', ['kind' => 'worker', 'state' => 'idle']);
} while (($n < 3 || $idle < 2) && microtime(true) < $deadline);
echo "same connection after the reload: $line\n";
echo metrics_show($fams, 'tasksrv_build', 'tasksrv_tasks_accepted', 'tasksrv_tasks_done', 'tasksrv_tasks_failed',
    'tasksrv_http_requests', 'tasksrv_respawns', 'tasksrv_workers');
$rss = [];
foreach ($fams['tasksrv_process_resident_memory_bytes']['samples'] as [$n, $l, $v]) {
    $rss[] = "{$l['role']}#{$l['id']}" . ($v > 1e6 ? '' : "(only $v bytes?)");
}
echo "rss: ", implode(' ', $rss), "\n";
fclose($keep);
echo "exit: ", $srv->stop(), "\n", $srv->output();
?>
--EXPECTF--
listening: true
/work: done exception
/other: 403
bad request: HTTP/1.1 400 Bad Request <closed>
kept-alive scrape: HTTP/1.1 200 OK
/reload: true
same connection after the reload: HTTP/1.1 200 OK
tasksrv_build (info): tasksrv_build_info{version=%s,mode=process}=1
tasksrv_tasks_accepted (counter): tasksrv_tasks_accepted_total=2
tasksrv_tasks_done (counter): tasksrv_tasks_done_total=1
tasksrv_tasks_failed (counter): %Atasksrv_tasks_failed_total{reason=exception}=1 %A
tasksrv_http_requests (counter): tasksrv_http_requests_total{code=1xx}=0 tasksrv_http_requests_total{code=2xx}=2 tasksrv_http_requests_total{code=3xx}=0 tasksrv_http_requests_total{code=4xx}=2 tasksrv_http_requests_total{code=5xx}=0
tasksrv_respawns (counter): tasksrv_respawns_total{kind=worker}=2 tasksrv_respawns_total{kind=task_worker}=1 tasksrv_respawns_total{kind=user_process}=0
tasksrv_workers (gauge): tasksrv_workers{kind=worker,state=busy}=0 tasksrv_workers{kind=worker,state=idle}=2 tasksrv_workers{kind=worker,state=exiting}=0 tasksrv_workers{kind=task_worker,state=busy}=0 tasksrv_workers{kind=task_worker,state=idle}=1 tasksrv_workers{kind=task_worker,state=exiting}=0
rss: master#0 manager#0 worker#0 worker#1 task_worker#2
exit: 0
%A
