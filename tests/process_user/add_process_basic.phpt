--TEST--
Server::addProcess() (BASE mode): the manager starts the user process after the workers with id worker_num + task_worker_num; it reads what an event worker and a task worker write to its pipe; stats() counts it; getWorkerPid(id) finds it from a worker; kill -9 of it: WorkerError, a new pid with the same id that reads on; addProcess() while running warns; shutdown leaves no process
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new Swoole\Server('127.0.0.1', PORT, SWOOLE_BASE);
$s->set(['worker_num' => 2, 'task_worker_num' => 1, 'max_wait_time' => 1]);
/* The server from the globals, not by use(): the server holds the Process, so a captured server
 * would be a cycle that outlives the script, which valgrind (USE_ZEND_ALLOC=0) reports as lost. */
$p = new Swoole\Process(function (Swoole\Process $proc) {
    $s = $GLOBALS['s'];
    echo "USER start id={$proc->id} own pid=", var_export($proc->pid === getmypid(), true),
        " getWorkerId=", var_export($s->getWorkerId(), true),
        " getWorkerPid=", var_export($s->getWorkerPid() === getmypid(), true), "\n";
    while (true) {
        $m = $proc->read();
        echo "USER got: $m\n";
        if ($m === 'user-stats') {
            $st = $s->stats();
            echo "USER stats: user_worker_num={$st['user_worker_num']}\n";
        }
    }
});
echo "before add: id=", var_export($p->id, true), "\n";
echo "addProcess: ", var_export($s->addProcess($p), true), " id=", var_export($p->id, true), " pid=", var_export($p->pid, true), "\n";
$s->on('WorkerStart', function ($s, $id) {
    if ($id === 0) {
        $r = @$s->addProcess(new Swoole\Process(fn() => null));
        echo "addProcess while running: ", var_export($r, true), " (", error_get_last()['message'], ")\n";
    }
});
$s->on('Receive', function ($s, $fd, $rid, $data) use ($p) {
    $data = trim($data);
    if ($data === 'pid') {
        $s->send($fd, $s->getWorkerPid(3) . "\n");
    } elseif ($data === 'stats') {
        $st = $s->stats();
        $s->send($fd, "user_worker_num={$st['user_worker_num']} worker_num={$st['worker_num']} task_worker_num={$st['task_worker_num']}\n");
    } elseif ($data === 'task') {
        $s->task('via a task');
        $s->send($fd, "ok\n");
    } else {
        $s->send($fd, $p->write($data) . "\n");
    }
});
$s->on('Task', function ($s, $tid, $src, $data) use ($p) {
    $p->write("task worker: $data");
});
$s->on('WorkerError', fn($s, $id, $pid, $code, $sig) => print("WorkerError($id, $code, $sig) in " . ($s->getManagerPid() === getmypid() ? 'manager' : 'other') . "\n"));
$s->start();
echo "start() returned\n";
PHP);
$srv->waitOutput('USER start');
$srv->waitOutput('addProcess while running');
$c = $srv->connect();
function ask($c, string $what): string
{
    fwrite($c, "$what\n");
    return trim(tasksrv_recv_until($c, "\n"));
}
echo "write from a worker: ", ask($c, 'hello'), "\n";
$srv->waitOutput('USER got: hello');
echo "task: ", ask($c, 'task'), "\n";
$srv->waitOutput('USER got: task worker: via a task');
echo "stats: ", ask($c, 'stats'), "\n";
ask($c, 'user-stats');
$srv->waitOutput('USER stats');
$pid1 = (int) ask($c, 'pid');
echo "pid in the group: ", var_export(in_array($pid1, tasksrv_group_pids($srv->pgid), true), true), "\n";
tasksrv_signal($pid1, 'KILL');
$srv->waitOutput('USER start', 2);
$pid2 = (int) ask($c, 'pid');
echo "new pid: ", var_export($pid2 > 0 && $pid2 !== $pid1, true), "\n";
ask($c, 'again');
$srv->waitOutput('USER got: again');
fclose($c);
echo "exit: ", $srv->stop(), "\n";
echo "left: ", count(tasksrv_group_pids($srv->pgid)), "\n";
$out = preg_replace('/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \$\d+\.0\]/m', '[DATE $M]', $srv->output());
/* WorkerStart and the user process run at once: that line is taken out of the order. */
preg_match('/^addProcess while running.*\n/m', $out, $m);
echo $m[0], str_replace([$m[0], (string) $pid1], ['', 'PID'], $out);
?>
--EXPECT--
write from a worker: 5
task: ok
stats: user_worker_num=1 worker_num=2 task_worker_num=1
pid in the group: true
new pid: true
exit: 0
left: 0
addProcess while running: false (TaskSrv\Server::addProcess(): server is running, cannot add process)
before add: id=1
addProcess: 0 id=0 pid=NULL
USER start id=3 own pid=true getWorkerId=false getWorkerPid=true
USER got: hello
USER got: task worker: via a task
USER got: user-stats
USER stats: user_worker_num=1
[DATE $M]	WARNING	Worker::report_error(): worker(pid=PID, id=3) abnormal exit, status=0, signal=9
WorkerError(3, 0, 9) in manager
USER start id=3 own pid=true getWorkerId=false getWorkerPid=true
USER got: again
start() returned
