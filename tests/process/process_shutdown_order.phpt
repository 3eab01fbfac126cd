--TEST--
PROCESS mode events and shutdown: Start/BeforeShutdown/Shutdown in the master (getWorkerId() false there), ManagerStart/ManagerStop in the manager, master_pid/manager_pid and getMasterPid() everywhere; SIGTERM to the master: BeforeShutdown, WorkerStop everywhere, ManagerStop, Shutdown; start() returns true, exit 0, nothing left, port released
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
function ppid(): int
{
    $st = file_get_contents('/proc/self/stat');
    return (int) explode(' ', substr($st, strrpos($st, ')') + 2))[1];
}
$s = new TaskSrv\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
$s->set(['worker_num' => 2, 'task_worker_num' => 1]);
$script = getmypid();
$who = function ($s) {
    $me = getmypid();
    $role = $me === $s->master_pid ? 'master' : ($me === $s->manager_pid ? 'manager' : 'other');
    return "$role ids=" . var_export($s->getWorkerId(), true) . ' getMasterPid=' . ($s->getMasterPid() === $s->master_pid ? 'ok' : 'wrong')
        . ' getManagerPid=' . ($s->getManagerPid() === $s->manager_pid && $s->manager_pid > 0 ? 'ok' : 'wrong');
};
foreach (['Start', 'BeforeShutdown', 'Shutdown', 'ManagerStart', 'ManagerStop'] as $ev) {
    $s->on($ev, fn($s) => print("$ev in {$who($s)}\n"));
}
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('WorkerStop', fn($s, $id) => print("WorkerStop($id) in {$who($s)}\n"));
$s->on('Receive', fn($s, $fd, $rid, $data) => $s->send($fd, "master_pid=" . ($s->master_pid === $s->getMasterPid() ? 'ok' : 'wrong') . " parent=" . (ppid() === $s->manager_pid ? 'manager' : 'other') . "\n"));
$s->on('Task', fn() => null);
echo "start() returned " . var_export($s->start(), true) . " in the script's process: " . var_export(getmypid() === $script, true) . "\n";
PHP);
$srv->waitOutput('WorkerStart', 3);
$c = $srv->connect();
fwrite($c, 'x');
echo "worker: ", tasksrv_recv_until($c, "\n");
$master = $srv->mainPid();
echo "master is the script's process: ", var_export(tasksrv_children($srv->pgid) === [$master], true), "\n";
echo "manager is its only child: ", var_export(count(tasksrv_children($master)) === 1, true), "\n";
echo "exit: ", var_export($srv->stop('TERM'), true), "\n";
echo "client sees EOF: ", tasksrv_recv($c, 2.0) === '' && feof($c) ? "yes" : "no", "\n";
echo "left: ", count(tasksrv_group_pids($srv->pgid)), "\n";
echo "port released: ", tasksrv_port_open($srv->port) ? "no" : "yes", "\n";
$lines = array_values(array_filter(explode("\n", trim($srv->output())), fn($l) => !str_starts_with($l, 'WorkerStart(')));
$rank = fn($l) => match (true) {
    str_starts_with($l, 'Start in'), str_starts_with($l, 'ManagerStart') => 0,
    str_starts_with($l, 'BeforeShutdown') => 1,
    str_starts_with($l, 'WorkerStop') => 2,
    str_starts_with($l, 'ManagerStop') => 3,
    str_starts_with($l, 'Shutdown') => 4,
    default => 5,
};
$ranks = array_map($rank, $lines);
$sorted = $ranks;
sort($sorted);
echo "order: ", $ranks === $sorted ? "ok" : "wrong:\n" . implode("\n", $lines), "\n";
sort($lines);
echo implode("\n", $lines), "\n";
?>
--EXPECT--
worker: master_pid=ok parent=manager
master is the script's process: true
manager is its only child: true
exit: 0
client sees EOF: yes
left: 0
port released: yes
order: ok
BeforeShutdown in master ids=false getMasterPid=ok getManagerPid=ok
ManagerStart in manager ids=false getMasterPid=ok getManagerPid=ok
ManagerStop in manager ids=false getMasterPid=ok getManagerPid=ok
Shutdown in master ids=false getMasterPid=ok getManagerPid=ok
Start in master ids=false getMasterPid=ok getManagerPid=ok
WorkerStop(0) in other ids=0 getMasterPid=ok getManagerPid=ok
WorkerStop(1) in other ids=1 getMasterPid=ok getManagerPid=ok
WorkerStop(2) in other ids=2 getMasterPid=ok getManagerPid=ok
start() returned true in the script's process: true
