--TEST--
Server::stats(): the basic keys exist; accept_count, connection_num and close_count follow the connections
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 1, 'task_worker_num' => 1]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('Receive', fn($s, $fd, $rid, $data) => $s->send($fd, json_encode($s->stats()) . "\n"));
$s->on('Close', fn($s, $fd, $rid) => print("Close($fd)\n"));
$s->on('Task', function () {});
$s->start();
PHP, ['wait' => false]);  // no probe connection: the counts start at 0
$srv->waitOutput('WorkerStart', 2);
$t0 = time();
$stats = function ($c) {
    fwrite($c, 'stats');
    return json_decode(tasksrv_recv_until($c, "\n"), true);
};
$c1 = $srv->connect();
$s1 = $stats($c1);
$keys = ['start_time', 'connection_num', 'abort_count', 'accept_count', 'close_count', 'worker_num', 'task_worker_num',
    'idle_worker_num', 'request_count', 'response_count', 'total_recv_bytes', 'total_send_bytes', 'session_round',
    'worker_request_count', 'task_idle_worker_num', 'tasking_num'];
foreach ($keys as $k) {
    if (!is_int($s1[$k] ?? null)) {
        echo "$k: ", json_encode($s1[$k] ?? 'missing'), "\n";
    }
}
echo "start_time is now: ", abs($s1['start_time'] - $t0) <= 2 ? "yes" : "no", "\n";
$show = fn($s) => "accept_count={$s['accept_count']} connection_num={$s['connection_num']} close_count={$s['close_count']}"
    . " abort_count={$s['abort_count']} session_round={$s['session_round']} worker_num={$s['worker_num']}"
    . " task_worker_num={$s['task_worker_num']}";
echo $show($s1), "\n";
$c2 = $srv->connect();
$s2 = $stats($c2);
echo $show($s2), "\n";
fclose($c1);
$srv->waitOutput('Close(1)');
$s3 = $stats($c2);
echo $show($s3), "\n";
echo "request_count grows: ", $s1['request_count'] < $s2['request_count'] && $s2['request_count'] < $s3['request_count'] ? "yes" : "no", "\n";
echo "total_recv_bytes grows: ", $s1['total_recv_bytes'] < $s2['total_recv_bytes'] && $s2['total_recv_bytes'] < $s3['total_recv_bytes'] ? "yes" : "no", "\n";
echo "total_send_bytes grows: ", $s1['total_send_bytes'] < $s2['total_send_bytes'] ? "yes" : "no", "\n";
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
start_time is now: yes
accept_count=1 connection_num=1 close_count=0 abort_count=0 session_round=1 worker_num=1 task_worker_num=1
accept_count=2 connection_num=2 close_count=0 abort_count=0 session_round=2 worker_num=1 task_worker_num=1
accept_count=2 connection_num=1 close_count=1 abort_count=0 session_round=2 worker_num=1 task_worker_num=1
request_count grows: yes
total_recv_bytes grows: yes
total_send_bytes grows: yes
exit: 0
