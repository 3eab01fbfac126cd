--TEST--
heartbeat_check_interval/heartbeat_idle_time close idle connections (onClose with the worker's reactor id); protect() exempts one; heartbeat() lists idle ids (closing them unless false is given); false without a heartbeat
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 2, 'heartbeat_check_interval' => 1, 'heartbeat_idle_time' => 1]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    switch (trim($data)) {
        case 'protect':
            $s->send($fd, "protect: " . var_export($s->protect($fd), true) . ", unknown: " . var_export($s->protect(999), true) . "\n");
            break;
        case 'list':
            $s->send($fd, json_encode($s->heartbeat(false)) . "\n");
            break;
        default:
            $s->send($fd, "fd=$fd\n");
    }
});
$s->on('Close', fn($s, $fd, $rid) => print("Close($fd) reactor_id is " . ($rid === $s->getWorkerId() ? "the worker" : $rid) . "\n"));
$s->start();
PHP, ['wait' => false]);
$srv->waitOutput('WorkerStart', 2);
$idle = $srv->connect();
fwrite($idle, "hi\n");
echo tasksrv_recv_until($idle, "\n");
$prot = $srv->connect();
fwrite($prot, "protect\n");
echo tasksrv_recv_until($prot, "\n");
echo "idle one closed by the heartbeat: ", var_export(tasksrv_recv($idle, 5.0) === '' && feof($idle), true), "\n";
$srv->waitOutput('Close(1)');
usleep(1100000); // the protected one is idle as long, and stays
fwrite($prot, "hi\n");
echo "protected still served: ", tasksrv_recv_until($prot, "\n");
echo preg_replace('/^(?!Close).*\n/m', '', $srv->output());
echo "exit: ", $srv->stop(), "\n";

// heartbeat() from PHP: the idle sessions, closed by default; without the option: false.
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 1, 'heartbeat_check_interval' => 600, 'heartbeat_idle_time' => 1]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    $s->send($fd, json_encode([$s->heartbeat(false), $s->exists(1), $s->heartbeat(), $s->exists(1), $s->heartbeat()]) . "\n");
});
$s->on('Close', fn($s, $fd, $rid) => print("Close($fd, $rid)\n"));
$s->start();
PHP, ['wait' => false]);
$srv->waitOutput('WorkerStart');
$c1 = $srv->connect();
usleep(1100000);
$c2 = $srv->connect();
fwrite($c2, "x");
echo "list, exists, close, exists, list: ", tasksrv_recv_until($c2, "\n");
echo "closed: ", var_export(tasksrv_recv($c1, 5.0) === '' && feof($c1), true), "\n";
echo "exit: ", $srv->stop(), "\n";
echo preg_replace('/^(?!Close).*\n/m', '', $srv->output());
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('Receive', fn($s, $fd, $rid, $data) => $s->send($fd, json_encode($s->heartbeat()) . "\n"));
$s->start();
PHP, ['wait' => false]);
$srv->waitOutput('WorkerStart');
$c = $srv->connect();
fwrite($c, "x");
echo "no heartbeat: ", tasksrv_recv_until($c, "\n");
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
fd=1
protect: true, unknown: false
idle one closed by the heartbeat: true
protected still served: fd=2
Close(1) reactor_id is the worker
exit: 0
list, exists, close, exists, list: [[1],true,[1],false,[]]
closed: true
exit: 0
Close(1, -1)
Close(2, -1)
no heartbeat: false
exit: 0
