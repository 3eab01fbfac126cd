--TEST--
SWOOLE_BASE single-process form (worker_num 1, no task workers): one process runs Start, WorkerStart(0) and the connections; no manager
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$p = function ($s, $ev) {
    $self = getmypid();
    $n = fn($v) => $v === $self ? 'self' : var_export($v, true);
    echo "$ev: worker_id={$s->worker_id} worker_pid={$n($s->worker_pid)} taskworker=" . var_export($s->taskworker, true)
        . " master_pid={$n($s->master_pid)} manager_pid={$n($s->manager_pid)} getWorkerId()={$n($s->getWorkerId())}"
        . " getWorkerPid()={$n($s->getWorkerPid())} getMasterPid()={$n($s->getMasterPid())} getManagerPid()={$n($s->getManagerPid())}\n";
};
$s->on('ManagerStart', fn($s) => $p($s, 'ManagerStart'));
$s->on('Start', fn($s) => print("Start: pid " . getmypid() . ", master_pid=" . ($s->master_pid === getmypid() ? 'self' : $s->master_pid)
    . ", manager_pid={$s->manager_pid}\n"));
$s->on('WorkerStart', fn($s, $id) => $p($s, "WorkerStart($id)"));
$s->on('Receive', function ($s, $fd, $rid, $data) use ($p) {
    $p($s, "Receive($rid)");
    $s->send($fd, "pong\n");
});
$s->on('WorkerStop', fn($s, $id) => $p($s, "WorkerStop($id)"));
$s->on('ManagerStop', fn($s) => $p($s, 'ManagerStop'));
$s->on('Shutdown', fn($s) => print("Shutdown: pid " . getmypid() . "\n"));
echo "after start: " . var_export($s->start(), true) . "\n";
PHP);
$srv->waitOutput('WorkerStart');
$c = $srv->connect();
fwrite($c, "ping\n");
echo "reply: ", tasksrv_recv_until($c, "\n");
$main = $srv->mainPid();
echo "processes: ", count(tasksrv_group_pids($srv->pgid)) - 1, "\n";
echo "children: ", count(tasksrv_children($main)), "\n";
echo "exit: ", $srv->stop(), "\n";
echo str_replace("pid $main", "pid MAIN", $srv->output());
?>
--EXPECT--
reply: pong
processes: 1
children: 0
exit: 0
Start: pid MAIN, master_pid=self, manager_pid=0
WorkerStart(0): worker_id=0 worker_pid=self taskworker=false master_pid=self manager_pid=0 getWorkerId()=0 getWorkerPid()=self getMasterPid()=self getManagerPid()=0
Receive(0): worker_id=0 worker_pid=self taskworker=false master_pid=self manager_pid=0 getWorkerId()=0 getWorkerPid()=self getMasterPid()=self getManagerPid()=0
WorkerStop(0): worker_id=0 worker_pid=self taskworker=false master_pid=self manager_pid=0 getWorkerId()=0 getWorkerPid()=self getMasterPid()=self getManagerPid()=0
Shutdown: pid MAIN
after start: true
