--TEST--
stats(): every key in Swoole's order (tasksrv's task keys where they were), with real values after N requests
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 1, 'task_worker_num' => 1]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    if ($data === "stats\n") {
        $st = $s->stats();
        $st['my_socket_fd'] = $s->getClientInfo($fd)['socket_fd'];
        $s->send($fd, json_encode($st) . "\n");
    } elseif ($data === "task\n") {
        $s->send($fd, $s->taskwait('t', 5) . "\n");
    } else {
        $s->send($fd, "ok\n");
    }
});
$s->on('Task', fn($s, $id, $src, $d) => $d);
$s->start();
PHP, ['wait' => false]);
$srv->waitOutput('WorkerStart', 2);
$c = $srv->connect();
for ($i = 0; $i < 5; $i++) {
    fwrite($c, "x\n");
    tasksrv_recv_until($c, "\n");
}
fwrite($c, "stats\n");
$st = json_decode(tasksrv_recv_until($c, "\n"), true);
echo implode(",", array_keys($st)), "\n";
foreach (['connection_num', 'abort_count', 'accept_count', 'close_count', 'worker_num', 'task_worker_num', 'user_worker_num',
    'idle_worker_num', 'dispatch_count', 'request_count', 'response_count', 'total_recv_bytes', 'total_send_bytes',
    'pipe_packet_msg_id', 'concurrency', 'session_round', 'worker_request_count', 'worker_response_count',
    'worker_dispatch_count', 'worker_concurrency', 'coroutine_num', 'coroutine_peek_num'] as $k) {
    echo "$k=", json_encode($st[$k]), "\n";
}
echo "min_fd = max_fd = the socket: ", var_export($st['min_fd'] === $st['my_socket_fd'] && $st['max_fd'] === $st['my_socket_fd'], true), "\n";
fwrite($c, "task\n");
echo tasksrv_recv_until($c, "\n");
fwrite($c, "stats\n");
$st = json_decode(tasksrv_recv_until($c, "\n"), true);
echo "after a taskwait: pipe_packet_msg_id=", $st['pipe_packet_msg_id'], " request_count=", $st['request_count'], " response_count=", $st['response_count'], "\n";
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
start_time,connection_num,abort_count,accept_count,close_count,worker_num,task_worker_num,user_worker_num,idle_worker_num,dispatch_count,request_count,response_count,total_recv_bytes,total_send_bytes,pipe_packet_msg_id,concurrency,session_round,min_fd,max_fd,worker_request_count,worker_response_count,worker_dispatch_count,worker_concurrency,task_idle_worker_num,tasking_num,task_count,task_accepted,task_done,task_failed,task_failed_by_reason,task_queue_num,task_running_num,task_rejected,coroutine_num,coroutine_peek_num,my_socket_fd
connection_num=1
abort_count=0
accept_count=1
close_count=0
worker_num=1
task_worker_num=1
user_worker_num=0
idle_worker_num=0
dispatch_count=6
request_count=5
response_count=5
total_recv_bytes=16
total_send_bytes=15
pipe_packet_msg_id=0
concurrency=1
session_round=1
worker_request_count=5
worker_response_count=5
worker_dispatch_count=6
worker_concurrency=1
coroutine_num=0
coroutine_peek_num=0
min_fd = max_fd = the socket: true
t
after a taskwait: pipe_packet_msg_id=2 request_count=7 response_count=7
exit: 0
