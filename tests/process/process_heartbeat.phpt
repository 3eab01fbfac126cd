--TEST--
PROCESS mode: heartbeat_check_interval/heartbeat_idle_time: the master closes an idle connection (onClose in its worker with the master's reactor id 0); a protect()ed one stays
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
$s->set(['worker_num' => 1, 'heartbeat_check_interval' => 1, 'heartbeat_idle_time' => 1]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    if (trim($data) === 'protect') {
        $s->send($fd, "protect: " . var_export($s->protect($fd), true) . "\n");
    } else {
        $s->send($fd, "fd=$fd\n");
    }
});
$s->on('Close', fn($s, $fd, $rid) => print("Close($fd, $rid)\n"));
$s->start();
PHP, ['wait' => false]);
$srv->waitOutput('WorkerStart');
$srv->waitListening();
$idle = $srv->connect();
fwrite($idle, "hi\n");
echo tasksrv_recv_until($idle, "\n");
$prot = $srv->connect();
fwrite($prot, "protect\n");
echo tasksrv_recv_until($prot, "\n");
echo "idle one closed by the heartbeat: ", var_export(tasksrv_recv($idle, 5.0) === '' && feof($idle), true), "\n";
$srv->waitOutput('Close(1');
usleep(1100000);
fwrite($prot, "hi\n");
echo "protected still served: ", tasksrv_recv_until($prot, "\n");
echo preg_replace('/^(?!Close).*\n/m', '', $srv->output());
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
fd=1
protect: true
idle one closed by the heartbeat: true
protected still served: fd=2
Close(1, 0)
exit: 0
