--TEST--
PROCESS mode: kill -9 of the master: the manager gets SIGTERM (its parent-death signal) and stops every worker gracefully (WorkerStop, ManagerStop; no Shutdown): nothing is left, the port is released
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
$s->on('ManagerStop', fn($s) => print("ManagerStop\n"));
$s->on('Shutdown', fn($s) => print("Shutdown\n"));
$s->on('Receive', fn($s, $fd, $rid, $data) => $s->send($fd, "ok\n"));
$s->on('Task', fn() => null);
$s->start();
PHP);
$srv->waitOutput('WorkerStart', 3);
$c = $srv->connect();
fwrite($c, 'x');
echo "reply: ", tasksrv_recv_until($c, "\n");
tasksrv_signal($srv->mainPid(), 'KILL');
$deadline = microtime(true) + 10;
while (tasksrv_group_pids($srv->pgid) && microtime(true) < $deadline) {
    usleep(10000);
}
echo "left: ", count(tasksrv_group_pids($srv->pgid)), "\n";
echo "client sees EOF: ", tasksrv_recv($c, 2.0) === '' && feof($c) ? "yes" : "no", "\n";
echo "port released: ", tasksrv_port_open($srv->port) ? "no" : "yes", "\n";
$lines = explode("\n", trim($srv->output()));
$lines = array_filter($lines, fn($l) => !str_starts_with($l, 'WorkerStart'));
echo "ManagerStop last: ", var_export(end($lines) === 'ManagerStop', true), "\n";
sort($lines);
echo implode("\n", $lines), "\n";
?>
--EXPECT--
reply: ok
left: 0
client sees EOF: yes
port released: yes
ManagerStop last: true
ManagerStop
WorkerStop(0)
WorkerStop(1)
WorkerStop(2)
