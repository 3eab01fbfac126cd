--TEST--
Reload: SIGUSR1 restarts every worker and task worker, SIGUSR2 and reload(true) only the task workers, reload() from a worker all of them; BeforeReload/AfterReload run once each in the manager; ids stay, pids change
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 2, 'task_worker_num' => 2]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id) pid=" . getmypid() . "\n"));
$s->on('WorkerStop', fn($s, $id) => print("WorkerStop($id) pid=" . getmypid() . "\n"));
$s->on('BeforeReload', function ($s) {
    echo "BeforeReload pid=" . getmypid() . "\n";
    // one reload at a time: a second request while this one runs is refused
    echo "reload() during a reload: " . var_export($s->reload(), true) . "\n";
});
$s->on('AfterReload', fn($s) => print("AfterReload pid=" . getmypid() . "\n"));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    $s->send($fd, var_export($s->reload($data === 'tasks'), true) . "\n");
});
$s->on('Task', function () {});
$s->start();
PHP);
$srv->waitOutput('WorkerStart', 4);
$main = $srv->mainPid();
$pids = function () use ($srv) {
    preg_match_all('/WorkerStart\((\d)\) pid=(\d+)/', $srv->output(), $m, PREG_SET_ORDER);
    $last = [];
    foreach ($m as [, $id, $pid]) {
        $last[$id] = (int) $pid;
    }
    ksort($last);
    return $last;
};
$changed = function ($before, $after) {
    $ids = [];
    foreach ($after as $id => $pid) {
        if ($pid !== $before[$id]) {
            $ids[] = $id;
        }
    }
    return implode(',', $ids);
};
$p0 = $pids();

tasksrv_signal($main, 'USR1');
$srv->waitOutput('AfterReload', 1);
$srv->waitOutput('WorkerStart', 8);
$p1 = $pids();
echo "USR1 restarted: ", $changed($p0, $p1), "\n";

tasksrv_signal($main, 'USR2');
$srv->waitOutput('AfterReload', 2);
$srv->waitOutput('WorkerStart', 10);
$p2 = $pids();
echo "USR2 restarted: ", $changed($p1, $p2), "\n";

$c = $srv->connect();
fwrite($c, 'tasks');
echo "reload(true) from a worker: ", tasksrv_recv_until($c, "\n");
$srv->waitOutput('AfterReload', 3);
$srv->waitOutput('WorkerStart', 12);
$p3 = $pids();
echo "reload(true) restarted: ", $changed($p2, $p3), "\n";

$c = $srv->connect();
fwrite($c, 'all');
echo "reload() from a worker: ", tasksrv_recv_until($c, "\n");
$srv->waitOutput('AfterReload', 4);
$srv->waitOutput('WorkerStart', 16);
$p4 = $pids();
echo "reload() restarted: ", $changed($p3, $p4), "\n";

$out = $srv->output();
echo "BeforeReload/AfterReload in the manager: ",
    substr_count($out, "BeforeReload pid=$main") . '/' . substr_count($out, "AfterReload pid=$main"), "\n";
echo "WorkerStop: ", substr_count($out, 'WorkerStop('), "\n";
echo "exit: ", $srv->stop(), "\n";
preg_match_all('/\tINFO\t.*|\tWARNING\t.*|reload\(\) during a reload: .*/', $srv->output(), $m);
echo implode("\n", $m[0]), "\n";
?>
--EXPECT--
USR1 restarted: 0,1,2,3
USR2 restarted: 2,3
reload(true) from a worker: true
reload(true) restarted: 2,3
reload() from a worker: true
reload() restarted: 0,1,2,3
BeforeReload/AfterReload in the manager: 4/4
WorkerStop: 12
exit: 0
	INFO	Server is reloading all workers now
reload() during a reload: false
	INFO	Server is reloading task workers now
reload() during a reload: false
	INFO	Server is reloading task workers now
reload() during a reload: false
	INFO	Server is reloading all workers now
reload() during a reload: false
