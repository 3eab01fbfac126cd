--TEST--
SIGTERM to the top process: BeforeShutdown, Close(-1) for open connections, WorkerStop everywhere (workers before task workers), ManagerStop, Shutdown; exit 0, nothing left, port released
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 2, 'task_worker_num' => 2]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('BeforeShutdown', fn($s) => print("BeforeShutdown in worker {$s->getWorkerId()}\n"));
$clients = [];  // the helper's probe connection is not one of them
$s->on('Receive', function ($s, $fd, $rid, $data) use (&$clients) {
    $clients[$fd] = true;
    $s->send($fd, "fd=$fd\n");
});
$s->on('Close', function ($s, $fd, $rid) use (&$clients) {
    if (isset($clients[$fd])) {
        echo "Close(fd=$fd, $rid)\n";
    }
});
$s->on('Task', function () {});
$s->on('WorkerStop', fn($s, $id) => print("WorkerStop($id)" . ($s->taskworker ? ' task worker' : '') . "\n"));
$s->on('ManagerStop', fn($s) => print("ManagerStop\n"));
$s->on('Shutdown', fn($s) => print("Shutdown\n"));
echo "start() returned " . var_export($s->start(), true) . "\n";
PHP);
$srv->waitOutput('WorkerStart', 4);
$c = $srv->connect();
fwrite($c, "x");
$fd = (int) substr(tasksrv_recv_until($c, "\n"), 3);
echo "fd: ", $fd > 0 ? "yes" : "no", "\n";
echo "exit: ", var_export($srv->stop('TERM'), true), "\n";
echo "client sees EOF: ", tasksrv_recv($c, 2.0) === '' && feof($c) ? "yes" : "no", "\n";
echo "left: ", count(tasksrv_group_pids($srv->pgid)), "\n";
echo "port released: ", tasksrv_port_open($srv->port) ? "no" : "yes", "\n";
$lines = explode("\n", trim(str_replace("fd=$fd,", "fd=FD,", $srv->output())));
$lines = array_values(array_filter($lines, fn($l) => !str_starts_with($l, 'WorkerStart(')));
// The cross-process order that must hold: event workers, then task workers, then the manager.
$rank = fn($l) => match (true) {
    str_starts_with($l, 'BeforeShutdown'), str_starts_with($l, 'Close('), (bool) preg_match('/^WorkerStop\(\d\)$/', $l) => 0,
    str_ends_with($l, 'task worker') => 1,
    $l === 'ManagerStop' => 2,
    $l === 'Shutdown' => 3,
    default => 4,
};
$ranks = array_map($rank, $lines);
$sorted = $ranks;
sort($sorted);
echo "order: ", $ranks === $sorted ? "ok" : "wrong:\n" . implode("\n", $lines), "\n";
sort($lines);
echo implode("\n", $lines), "\n";
?>
--EXPECT--
fd: yes
exit: 0
client sees EOF: yes
left: 0
port released: yes
order: ok
BeforeShutdown in worker 0
Close(fd=FD, -1)
ManagerStop
Shutdown
WorkerStop(0)
WorkerStop(1)
WorkerStop(2) task worker
WorkerStop(3) task worker
start() returned true
