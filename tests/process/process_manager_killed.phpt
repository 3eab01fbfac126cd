--TEST--
PROCESS mode: kill -9 of the manager: its workers die with it, the master logs "Fatal Error: manager process exit" with its '#' symbol, closes the clients, runs Shutdown and start() returns; nothing is left, the port is released
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
$s->on('Shutdown', fn($s) => print("Shutdown\n"));
$s->on('Receive', fn($s, $fd, $rid, $data) => $s->send($fd, "ok\n"));
$s->on('Task', fn() => null);
echo "start() returned " . var_export($s->start(), true) . "\n";
PHP);
$srv->waitOutput('WorkerStart', 3);
$c = $srv->connect();
fwrite($c, 'x');
echo "reply: ", tasksrv_recv_until($c, "\n");
$master = $srv->mainPid();
[$manager] = tasksrv_children($master);
tasksrv_signal($manager, 'KILL');
$deadline = microtime(true) + 5;
while ($srv->running() && microtime(true) < $deadline) {
    usleep(10000);
}
echo "master exited: ", var_export(!$srv->running(), true), "\n";
echo "client sees EOF: ", tasksrv_recv($c, 2.0) === '' && feof($c) ? "yes" : "no", "\n";
echo "exit: ", $srv->stop(), "\n";
echo "left: ", count(tasksrv_group_pids($srv->pgid)), "\n";
echo "port released: ", tasksrv_port_open($srv->port) ? "no" : "yes", "\n";
$out = preg_replace('/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d /m', '[DATE ', $srv->output());
$out = str_replace("#$master.", '#MASTER.', $out);
echo implode("\n", array_filter(explode("\n", trim($out)), fn($l) => !str_starts_with($l, 'WorkerStart'))), "\n";
?>
--EXPECT--
reply: ok
master exited: true
client sees EOF: yes
exit: 0
left: 0
port released: yes
[DATE #MASTER.0]	WARNING	Fatal Error: manager process exit. status=0, signal=[Killed: 9]
Shutdown
start() returned true
