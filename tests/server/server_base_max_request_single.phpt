--TEST--
SWOOLE_BASE, worker_num 1, no task workers, max_request 2: a manager and one event worker (not the single process, as Swoole), the worker is replaced every 2 requests and its connection closes with it
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new Swoole\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 1, 'max_request' => 2, 'max_request_grace' => 0]);
$s->on('ManagerStart', fn($s) => print("ManagerStart\n"));
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('WorkerStop', fn($s, $id) => print("WorkerStop($id)\n"));
$s->on('Receive', fn($s, $fd, $rid, $data) => $s->send($fd, getmypid() . ' ' . $s->getManagerPid() . "\n"));
$s->start();
PHP);
$srv->waitOutput('WorkerStart');
$pids = [];
$managers = [];
for ($round = 0; $round < 3; $round++) {
    $c = $srv->connect();
    for ($i = 0; $i < 2; $i++) {
        fwrite($c, "r$i");
        [$pid, $manager] = explode(' ', trim(tasksrv_recv_until($c, "\n")));
        $pids[] = (int) $pid;
        $managers[(int) $manager] = true;
    }
    // The worker leaves after its second request: the connection closes.
    stream_set_timeout($c, 5);
    echo "round $round: closed by the server: ", var_export(fread($c, 10) === '' && feof($c), true), "\n";
    $srv->waitOutput('WorkerStart', $round + 2);
}
$names = array_flip(array_values(array_unique($pids)));
echo implode(' ', array_map(fn($p) => $names[$p], $pids)), "\n";
echo "one manager, not a worker: ", var_export(count($managers) === 1 && !in_array(array_key_first($managers), $pids, true) && array_key_first($managers) > 0, true), "\n";
echo "exit: ", $srv->stop(), "\n";
echo "ManagerStart: ", substr_count($srv->output(), 'ManagerStart'), ", WorkerStop: ", substr_count($srv->output(), 'WorkerStop(0)'), "\n";
?>
--EXPECT--
round 0: closed by the server: true
round 1: closed by the server: true
round 2: closed by the server: true
0 0 1 1 2 2
one manager, not a worker: true
exit: 0
ManagerStart: 1, WorkerStop: 4
