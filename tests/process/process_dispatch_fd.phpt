--TEST--
PROCESS mode, dispatch_mode 2 (the default): every packet of a connection goes to worker os_fd % worker_num, and so do its onConnect and onClose; reactor_id is the master's (0)
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
$s->set(['worker_num' => 2]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('Connect', fn($s, $fd, $rid) => print("Connect fd=$fd rid=$rid worker={$s->getWorkerId()}\n"));
$s->on('Close', fn($s, $fd, $rid) => print("Close fd=$fd rid=$rid worker={$s->getWorkerId()}\n"));
$s->on('Receive', fn($s, $fd, $rid, $data) => $s->send($fd, "fd=$fd rid=$rid worker={$s->getWorkerId()}\n"));
$s->start();
PHP);
$srv->waitOutput('WorkerStart', 2);
$workers = [];
for ($i = 0; $i < 4; $i++) {
    $c = $srv->connect();
    $seen = [];
    for ($j = 0; $j < 3; $j++) {
        fwrite($c, "p$j");
        $reply = trim(tasksrv_recv_until($c, "\n"));
        preg_match('/fd=(\d+) rid=(-?\d+) worker=(\d+)/', $reply, $m);
        $seen[] = "$m[2]/$m[3]";
        $fd = (int) $m[1];
    }
    fclose($c);
    $srv->waitOutput("Close fd=$fd ");
    $one = count(array_unique($seen)) === 1;
    $w = explode('/', $seen[0])[1];
    $workers[] = $w;
    $out = $srv->output();
    $conn = str_contains($out, "Connect fd=$fd rid=0 worker=$w\n");
    $close = str_contains($out, "Close fd=$fd rid=0 worker=$w\n");
    echo "connection $i: one worker: ", var_export($one, true), ", reactor 0: ", var_export($seen[0][0] === '0', true),
        ", onConnect there: ", var_export($conn, true), ", onClose there: ", var_export($close, true), "\n";
}
echo "exit: ", $srv->stop(), "\n";
echo "left: ", count(tasksrv_group_pids($srv->pgid)), "\n";
?>
--EXPECT--
connection 0: one worker: true, reactor 0: true, onConnect there: true, onClose there: true
connection 1: one worker: true, reactor 0: true, onConnect there: true, onClose there: true
connection 2: one worker: true, reactor 0: true, onConnect there: true, onClose there: true
connection 3: one worker: true, reactor 0: true, onConnect there: true, onClose there: true
exit: 0
left: 0
