--TEST--
SIGINT to the top process stops the server cleanly, like SIGTERM (multi-process and single-process forms)
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$code = <<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => WORKERS, 'task_worker_num' => TASKS]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('Receive', fn($s, $fd, $rid, $data) => $s->send($fd, "ok\n"));
$s->on('Task', function () {});
$s->on('WorkerStop', fn($s, $id) => print("WorkerStop($id)\n"));
$s->on('ManagerStop', fn($s) => print("ManagerStop\n"));
$s->on('Shutdown', fn($s) => print("Shutdown\n"));
echo "start() returned " . var_export($s->start(), true) . "\n";
PHP;
foreach ([[2, 1], [1, 0]] as [$w, $t]) {
    echo "-- worker_num $w, task_worker_num $t\n";
    $srv = tasksrv_server(str_replace(['WORKERS', 'TASKS'], [$w, $t], $code));
    $srv->waitOutput('WorkerStart', $w + $t);
    $c = $srv->connect();
    fwrite($c, "x");
    echo "reply: ", tasksrv_recv_until($c, "\n");
    echo "exit: ", var_export($srv->stop('INT'), true), "\n";
    echo "client sees EOF: ", tasksrv_recv($c, 2.0) === '' && feof($c) ? "yes" : "no", "\n";
    echo "left: ", count(tasksrv_group_pids($srv->pgid)), "\n";
    echo "port released: ", tasksrv_port_open($srv->port) ? "no" : "yes", "\n";
    $lines = array_filter(explode("\n", trim($srv->output())), fn($l) => !str_starts_with($l, 'WorkerStart'));
    sort($lines);
    echo implode("\n", $lines), "\n";
}
?>
--EXPECT--
-- worker_num 2, task_worker_num 1
reply: ok
exit: 0
client sees EOF: yes
left: 0
port released: yes
ManagerStop
Shutdown
WorkerStop(0)
WorkerStop(1)
WorkerStop(2)
start() returned true
-- worker_num 1, task_worker_num 0
reply: ok
exit: 0
client sees EOF: yes
left: 0
port released: yes
Shutdown
WorkerStop(0)
start() returned true
