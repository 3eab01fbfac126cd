--TEST--
PROCESS mode stats(): the connection counters live in shared memory, kept by the master, so every worker (and the master) sees the same connection_num, accept_count, close_count, request_count and byte counts
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
$s->set(['worker_num' => 2, 'dispatch_mode' => 1]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    $st = $s->stats();
    $keys = ['connection_num', 'accept_count', 'close_count', 'request_count', 'total_recv_bytes', 'total_send_bytes', 'response_count'];
    $line = "worker {$s->getWorkerId()}:";
    foreach ($keys as $k) {
        $line .= " $k=" . $st[$k];
    }
    $s->send($fd, "$line\n");
});
$s->start();
PHP);
$srv->waitOutput('WorkerStart', 2);
$a = $srv->connect();
$b = $srv->connect();
fwrite($a, 'hello');
echo tasksrv_recv_until($a, "\n");
fclose($b);
usleep(200000);
fwrite($a, 'again');
echo preg_replace('/total_send_bytes=\d+/', 'total_send_bytes=N', tasksrv_recv_until($a, "\n"));
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
worker 0: connection_num=2 accept_count=2 close_count=0 request_count=0 total_recv_bytes=5 total_send_bytes=0 response_count=0
worker 1: connection_num=1 accept_count=2 close_count=1 request_count=1 total_recv_bytes=10 total_send_bytes=N response_count=1
exit: 0
