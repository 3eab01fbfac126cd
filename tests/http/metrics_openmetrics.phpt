--TEST--
stats(TaskSrv\Server::STATS_OPENMETRICS) is OpenMetrics text that Debian's prometheus_client parses strictly: the task ledger (accepted, done, failed by reason, queued, running), workers by state, connections, requests, bytes, each process's RSS; SWOOLE_STATS_OPENMETRICS; STATS_JSON
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php
exec("/usr/bin/python3 -c 'import prometheus_client.openmetrics.parser' 2>&1", $o, $rc);
if ($rc) die('skip needs python3-prometheus-client');
?>
--FILE--
<?php
require __DIR__ . '/../inc/http.inc';
var_dump(TaskSrv\Server::STATS_OPENMETRICS, SWOOLE_STATS_OPENMETRICS);
$srv = tasksrv_server(<<<'PHP'
$s = new Swoole\Http\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 1, 'task_worker_num' => 2, 'http_compression' => false]);
$s->on('Request', function ($req, $res) use ($s) {
    switch ($req->server['request_uri']) {
        case '/work':
            $s->taskwait('ok', 5);
            try {
                $s->taskwait('fail', 5);
            } catch (TaskSrv\TaskFailedException $e) {
            }
            $res->end('worked');
            return;
        case '/json':
            $res->end(var_export(json_decode($s->stats(TaskSrv\Server::STATS_JSON), true)['task_done'], true));
            return;
    }
    $res->header('Content-Type', 'application/openmetrics-text; version=1.0.0; charset=utf-8');
    $res->end($s->stats(SWOOLE_STATS_OPENMETRICS));
});
$s->on('Task', function ($s, $id, $src, $d) {
    if ($d === 'fail') {
        throw new RuntimeException('no');
    }
    return $d;
});
$s->start();
PHP);
echo http_status(http_raw($srv->port, "GET /work HTTP/1.1\r\nConnection: close\r\n\r\n")), "\n";
$r = http_raw($srv->port, "GET /json HTTP/1.1\r\nConnection: close\r\n\r\n");
echo "json task_done: ", substr($r, strpos($r, "\r\n\r\n") + 4), "\n";
$r = http_raw($srv->port, "GET /metrics HTTP/1.1\r\nConnection: close\r\n\r\n");
$text = substr($r, strpos($r, "\r\n\r\n") + 4, -strlen('<closed>'));
$py = <<<'PY'
import sys
from prometheus_client.openmetrics.parser import text_string_to_metric_families
fams = list(text_string_to_metric_families(sys.stdin.read()))
for f in fams:
    samples = [s for s in f.samples]
    if f.name == 'tasksrv_process_resident_memory_bytes':
        roles = sorted(set(s.labels['role'] for s in samples))
        print(f.name, f.type, roles, all(s.value > 1000000 for s in samples))
    elif f.name in ('tasksrv_start_time_seconds', 'tasksrv_received_bytes', 'tasksrv_sent_bytes',
                    'tasksrv_connections_accepted', 'tasksrv_connections_closed', 'tasksrv_requests', 'tasksrv_dispatched', 'tasksrv_responses'):
        print(f.name, f.type, 'positive' if samples[0].value > 0 else samples[0].value)
    else:
        print(f.name, f.type, ' '.join('%s%s=%g' % (s.name, ''.join(',%s=%s' % kv for kv in sorted(s.labels.items())), s.value) for s in samples))
PY;
$pyfile = tempnam(sys_get_temp_dir(), 'tasksrv-om');
file_put_contents($pyfile, $py);
$p = proc_open(['/usr/bin/python3', $pyfile], [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
fwrite($pipes[0], $text);
fclose($pipes[0]);
echo stream_get_contents($pipes[1]), stream_get_contents($pipes[2]);
proc_close($p);
unlink($pyfile);
echo "exit: ", $srv->stop(), "\n", $srv->output();
?>
--EXPECTF--
int(2)
int(2)
HTTP/1.1 200 OK <closed>
json task_done: 1<closed>
tasksrv_build info tasksrv_build_info,mode=base,version=%s=1
tasksrv_start_time_seconds gauge positive
tasksrv_connections gauge tasksrv_connections=1
tasksrv_connections_accepted counter positive
tasksrv_connections_closed counter positive
tasksrv_connections_aborted counter tasksrv_connections_aborted_total=0
tasksrv_requests counter positive
tasksrv_dispatched counter positive
tasksrv_responses counter positive
tasksrv_received_bytes counter positive
tasksrv_sent_bytes counter positive
tasksrv_http_requests counter tasksrv_http_requests_total,code=1xx=0 tasksrv_http_requests_total,code=2xx=2 tasksrv_http_requests_total,code=3xx=0 tasksrv_http_requests_total,code=4xx=0 tasksrv_http_requests_total,code=5xx=0
tasksrv_workers gauge tasksrv_workers,kind=worker,state=busy=1 tasksrv_workers,kind=worker,state=idle=0 tasksrv_workers,kind=worker,state=exiting=0 tasksrv_workers,kind=task_worker,state=busy=0 tasksrv_workers,kind=task_worker,state=idle=2 tasksrv_workers,kind=task_worker,state=exiting=0
tasksrv_respawns counter tasksrv_respawns_total,kind=worker=0 tasksrv_respawns_total,kind=task_worker=0 tasksrv_respawns_total,kind=user_process=0
tasksrv_abnormal_exits counter tasksrv_abnormal_exits_total,kind=worker=0 tasksrv_abnormal_exits_total,kind=task_worker=0 tasksrv_abnormal_exits_total,kind=user_process=0
tasksrv_tasks_accepted counter tasksrv_tasks_accepted_total=2
tasksrv_tasks_done counter tasksrv_tasks_done_total=1
tasksrv_tasks_failed counter %s,reason=exception=1 %s
tasksrv_tasks_queued gauge tasksrv_tasks_queued=0
tasksrv_tasks_running gauge tasksrv_tasks_running=0
tasksrv_tasks_rejected counter tasksrv_tasks_rejected_total=0
tasksrv_process_resident_memory_bytes gauge ['manager', 'task_worker', 'worker'] True
exit: 0
