--TEST--
PROCESS mode max_request: a worker that reaches it is replaced and its client stays connected (the master holds the socket); with worker_num 1, every 3 packets come from a new worker process
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
$s->set(['worker_num' => 1, 'max_request' => 3]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('Receive', fn($s, $fd, $rid, $data) => $s->send($fd, getmypid() . "\n"));
$s->start();
PHP);
$srv->waitOutput('WorkerStart');
$c = $srv->connect();
$pids = [];
for ($i = 0; $i < 8; $i++) {
    fwrite($c, "p$i");
    $pids[] = (int) trim(tasksrv_recv_until($c, "\n"));
}
$names = array_flip(array_values(array_unique($pids)));
echo implode(' ', array_map(fn($p) => $names[$p], $pids)), "\n";
echo "still connected: ", var_export(!feof($c), true), "\n";
echo "exit: ", $srv->stop(), "\n";
echo "WorkerStart: ", substr_count($srv->output(), 'WorkerStart(0)'), "\n";
?>
--EXPECT--
0 0 0 1 1 1 2 2
still connected: true
exit: 0
WorkerStart: 3
