--TEST--
PROCESS mode reload: SIGUSR1 to the master reaches the manager, which restarts every worker and task worker; SIGUSR2 restarts the task workers only; a connected client stays connected throughout and is served by the new workers (counted: one start at launch, one per reload, one stop per reload and at the end)
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
$s->set(['worker_num' => 2, 'task_worker_num' => 1]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('WorkerStop', fn($s, $id) => print("WorkerStop($id)\n"));
$s->on('Receive', fn($s, $fd, $rid, $data) => $s->task($fd));
$s->on('Task', fn($s, $id, $src, $fd) => $s->send($fd, "task worker " . getmypid() . "\n") ? $fd : $fd);
$s->on('Finish', fn($s, $id, $fd) => $s->send($fd, "worker " . getmypid() . "\n"));
$s->start();
PHP);
$srv->waitOutput('WorkerStart', 3);
$c = $srv->connect();
$ask = function () use ($c) {
    fwrite($c, 'x');
    $got = tasksrv_recv_until($c, "\n");
    while (substr_count($got, "\n") < 2) {
        $got .= tasksrv_recv_until($c, "\n");
    }
    preg_match('/task worker (\d+)/', $got, $t);
    preg_match('/^worker (\d+)/m', $got, $w);
    return [$w[1] ?? 0, $t[1] ?? 0];
};
[$w1, $t1] = $ask();
$master = $srv->mainPid();
tasksrv_signal($master, 'USR1');
$srv->waitOutput('WorkerStart', 6);
[$w2, $t2] = $ask();
echo "after USR1: client connected: ", var_export(!feof($c), true), ", new task worker: ", var_export($t2 !== $t1, true), "\n";
tasksrv_signal($master, 'USR2');
$srv->waitOutput('WorkerStart', 7);
[$w3, $t3] = $ask();
echo "after USR2: client connected: ", var_export(!feof($c), true), ", new task worker: ", var_export($t3 !== $t2, true), "\n";
echo "exit: ", $srv->stop(), "\n";
$out = preg_replace('/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \$\d+\.0\]/m', '[DATE $M]', $srv->output());
$lines = explode("\n", trim($out));
$counts = array_count_values($lines);
ksort($counts);
foreach ($counts as $l => $n) {
    echo "$n x $l\n";
}
?>
--EXPECT--
after USR1: client connected: true, new task worker: true
after USR2: client connected: true, new task worker: true
exit: 0
2 x WorkerStart(0)
2 x WorkerStart(1)
3 x WorkerStart(2)
2 x WorkerStop(0)
2 x WorkerStop(1)
3 x WorkerStop(2)
1 x [DATE $M]	INFO	Server is reloading all workers now
1 x [DATE $M]	INFO	Server is reloading task workers now
