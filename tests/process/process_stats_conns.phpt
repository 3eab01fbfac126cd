--TEST--
PROCESS mode: stats() counts dispatches in the master and finished requests in the worker (dispatch_count, request_count, concurrency, worker_* keys); getClientInfo() and the connections iterator work in a worker for the master's connections
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
$s->set(['worker_num' => 1]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    if ($data !== "stats\n") {
        $s->send($fd, "ok\n");
        return;
    }
    $st = $s->stats();
    $i = $s->getClientInfo($fd);
    $keys = ['dispatch_count', 'request_count', 'response_count', 'concurrency', 'worker_request_count',
        'worker_response_count', 'worker_dispatch_count', 'worker_concurrency', 'connection_num', 'session_round'];
    $out = array_intersect_key($st, array_flip($keys));
    $out['info'] = [$i['socket_type'], $i['server_port'] > 0, $i['last_dispatch_time'] >= $i['last_recv_time'],
        $i['last_recv_time'] > 0, $i['last_send_time'] > 0];
    $out['iterator'] = iterator_to_array($s->connections);
    $s->send($fd, json_encode($out) . "\n");
});
$s->start();
PHP, ['wait' => false]);
$srv->waitOutput('WorkerStart');
$srv->waitListening();
$c = $srv->connect();
for ($i = 0; $i < 3; $i++) {
    fwrite($c, "x\n");
    tasksrv_recv_until($c, "\n");
}
fwrite($c, "stats\n");
echo tasksrv_recv_until($c, "\n");
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
{"connection_num":1,"dispatch_count":4,"request_count":3,"response_count":3,"concurrency":1,"session_round":1,"worker_request_count":3,"worker_response_count":3,"worker_dispatch_count":4,"worker_concurrency":1,"info":[1,true,true,true,true],"iterator":{"1":1}}
exit: 0
