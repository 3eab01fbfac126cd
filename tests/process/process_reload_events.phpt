--TEST--
PROCESS mode reload events: SIGUSR1 to the master and $server->reload() from a worker both run BeforeReload and AfterReload in the manager, around the workers' restart; a connected client stays connected
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
$s->set(['worker_num' => 2, 'task_worker_num' => 1]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$where = fn($s) => getmypid() === $s->getManagerPid() ? 'manager' : 'elsewhere';
$s->on('BeforeReload', fn($s) => print("BeforeReload in {$where($s)}\n"));
$s->on('AfterReload', fn($s) => print("AfterReload in {$where($s)}\n"));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    if ($data === 'reload') {
        $s->send($fd, 'reload() returned ' . var_export($s->reload(), true) . "\n");
        return;
    }
    $s->send($fd, getmypid() . "\n");
});
$s->on('Task', fn() => null);
$s->start();
PHP);
$srv->waitOutput('WorkerStart', 3);
$c = $srv->connect();
fwrite($c, 'x');
$p1 = trim(tasksrv_recv_until($c, "\n"));
tasksrv_signal($srv->mainPid(), 'USR1');
$srv->waitOutput('AfterReload');
$srv->waitOutput('WorkerStart', 6);
fwrite($c, 'reload');
echo trim(tasksrv_recv_until($c, "\n")), "\n";
$srv->waitOutput('AfterReload', 2);
$srv->waitOutput('WorkerStart', 9);
fwrite($c, 'x');
$p3 = trim(tasksrv_recv_until($c, "\n"));
echo "still connected, served by a new worker: ", var_export($p3 !== $p1 && (int) $p3 > 0, true), "\n";
echo "exit: ", $srv->stop(), "\n";
$lines = array_values(array_filter(explode("\n", trim($srv->output())), fn($l) => str_contains($l, 'Reload')));
echo implode("\n", $lines), "\n";
?>
--EXPECT--
reload() returned true
still connected, served by a new worker: true
exit: 0
BeforeReload in manager
AfterReload in manager
BeforeReload in manager
AfterReload in manager
