--TEST--
SWOOLE_BASE multi-process form: 1 manager (the original process) + W workers + T task workers; ids, pids and properties in each process; startup order
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 2, 'task_worker_num' => 2]);
$p = function ($s, $ev) {
    echo $ev . ' pid=' . getmypid() . " worker_id={$s->worker_id} worker_pid={$s->worker_pid} taskworker="
        . var_export($s->taskworker, true) . " master_pid={$s->master_pid} manager_pid={$s->manager_pid}"
        . ' getWorkerId()=' . var_export($s->getWorkerId(), true) . ' getWorkerPid()=' . var_export($s->getWorkerPid(), true)
        . ' getManagerPid()=' . $s->getManagerPid() . ' getMasterPid()=' . $s->getMasterPid() . "\n";
};
$s->on('ManagerStart', fn($s) => $p($s, 'ManagerStart'));
$s->on('Start', fn($s) => $p($s, 'Start'));
$s->on('WorkerStart', fn($s, $id) => $p($s, "WorkerStart($id)"));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    // Whichever worker accepted: by now worker 0 has published its pid.
    echo 'Receive getManagerPid()=' . $s->getManagerPid() . ' getMasterPid()=' . $s->getMasterPid() . "\n";
    $s->send($fd, "pong\n");
});
$s->on('Task', function () {});
$s->start();
PHP);
$w = 2;
$srv->waitOutput('WorkerStart', 4);
$c = $srv->connect();
fwrite($c, "ping\n");
echo "reply: ", tasksrv_recv_until($c, "\n");
$main = $srv->mainPid();
$group = tasksrv_group_pids($srv->pgid);
echo "processes: ", count($group) - 1, "\n"; // minus the timeout leader

// Name every pid after the process it belongs to.
$out = $srv->output();
$names = [$main => 'main'];
preg_match_all('/^(ManagerStart|WorkerStart\((\d+)\)) pid=(\d+)/m', $out, $m, PREG_SET_ORDER);
foreach ($m as [, $ev, $id, $pid]) {
    $names[(int) $pid] = $ev === 'ManagerStart' ? 'manager' : ((int) $id < $w ? "worker$id" : "task$id");
}
echo "manager is the main process: ", ($names[$main] ?? '') === 'manager' ? "yes" : "no", "\n";
$children = array_map(fn($p) => $names[$p] ?? $p, tasksrv_children($main));
sort($children);
echo "children of the main process: ", implode(',', $children), "\n";
$lines = explode("\n", trim($out));
foreach ($lines as &$line) {
    $line = preg_replace_callback('/=(\d{2,})/', fn($m) => '=' . ($names[(int) $m[1]] ?? $m[1]), $line);
    // The manager and every process but worker 0 may run before worker 0 has published
    // its pid as master_pid, exactly as in Swoole: either value is right there.
    if (preg_match('/^(ManagerStart|WorkerStart\([123]\))/', $line)) {
        $line = preg_replace('/(master_pid|getMasterPid\(\))=(0|worker0)\b/', '$1=0|worker0', $line);
    }
}
unset($line);
// Start runs in worker 0 before its WorkerStart.
$start = array_search(true, array_map(fn($l) => str_starts_with($l, 'Start '), $lines), true);
$ws0 = array_search(true, array_map(fn($l) => str_starts_with($l, 'WorkerStart(0) '), $lines), true);
echo "Start before WorkerStart(0): ", $start !== false && $ws0 !== false && $start < $ws0 ? "yes" : "no", "\n";
sort($lines);
echo implode("\n", $lines), "\n";
echo "exit: ", $srv->stop(), "\n";
echo "left: ", count(tasksrv_group_pids($srv->pgid)), "\n";
?>
--EXPECT--
reply: pong
processes: 5
manager is the main process: yes
children of the main process: task2,task3,worker0,worker1
Start before WorkerStart(0): yes
ManagerStart pid=manager worker_id=-1 worker_pid=0 taskworker=false master_pid=0|worker0 manager_pid=manager getWorkerId()=false getWorkerPid()=false getManagerPid()=manager getMasterPid()=0|worker0
Receive getManagerPid()=manager getMasterPid()=worker0
Start pid=worker0 worker_id=0 worker_pid=worker0 taskworker=false master_pid=worker0 manager_pid=manager getWorkerId()=0 getWorkerPid()=worker0 getManagerPid()=manager getMasterPid()=worker0
WorkerStart(0) pid=worker0 worker_id=0 worker_pid=worker0 taskworker=false master_pid=worker0 manager_pid=manager getWorkerId()=0 getWorkerPid()=worker0 getManagerPid()=manager getMasterPid()=worker0
WorkerStart(1) pid=worker1 worker_id=1 worker_pid=worker1 taskworker=false master_pid=0|worker0 manager_pid=manager getWorkerId()=1 getWorkerPid()=worker1 getManagerPid()=manager getMasterPid()=0|worker0
WorkerStart(2) pid=task2 worker_id=2 worker_pid=task2 taskworker=true master_pid=0|worker0 manager_pid=manager getWorkerId()=2 getWorkerPid()=task2 getManagerPid()=manager getMasterPid()=0|worker0
WorkerStart(3) pid=task3 worker_id=3 worker_pid=task3 taskworker=true master_pid=0|worker0 manager_pid=manager getWorkerId()=3 getWorkerPid()=task3 getManagerPid()=manager getMasterPid()=0|worker0
exit: 0
left: 0
