--TEST--
Server::stop(): stops itself, another worker or a task worker gracefully (WorkerStop runs, the id is started again with a new pid, no WorkerError); errors for a bad id, a manager without an id, a server not running
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 2, 'task_worker_num' => 1]);
$r = $s->stop(0);
echo "before start: ", var_export($r, true), "\n";
$s->on('ManagerStart', function ($s) {
    $r = $s->stop();
    echo "stop() in the manager: " . var_export($r, true) . "\n";
});
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id) pid=" . getmypid() . "\n"));
$s->on('WorkerStop', fn($s, $id) => print("WorkerStop($id) pid=" . getmypid() . "\n"));
$s->on('WorkerError', fn($s, $id) => print("WorkerError($id)\n"));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    [$cmd, $arg] = explode(' ', $data . ' ');
    $r = match ($cmd) {
        'self' => $s->stop(),
        'stop' => $s->stop((int) $arg),
        'wait' => $s->stop((int) $arg, true),
        'task' => $s->taskwait('stop ' . $arg, 5),
    };
    $s->send($fd, "worker $rid: " . var_export($r, true) . "\n");
});
$s->on('Task', fn($s, $id, $src, $data) => $s->stop((int) explode(' ', $data)[1]));
$s->start();
PHP);
$srv->waitOutput('WorkerStart', 3);
$starts = 3;
$pid = function ($id) use ($srv) {
    preg_match_all("/WorkerStart\($id\) pid=(\d+)/", $srv->output(), $m);
    return end($m[1]);
};
$run = function (string $cmd, int $restarted) use ($srv, $pid, &$starts) {
    $pids = [$pid(0), $pid(1), $pid(2)];
    $c = $srv->connect();
    fwrite($c, $cmd);
    $answer = trim(tasksrv_recv_until($c, "\n"));
    if ($restarted < 0) {
        $restarted = (int) substr($answer, 7, 1); // itself
    }
    $before = $pids[$restarted];
    $srv->waitOutput('WorkerStart', ++$starts);
    $after = $pid($restarted);
    $stopped = str_contains($srv->output(), "WorkerStop($restarted) pid=$before");
    echo "$cmd: ", preg_replace('/worker \d/', 'worker N', $answer), "; #", $cmd === 'self' ? 'self' : $restarted, " stopped: ", $stopped ? "yes" : "no",
        ", new pid: ", $after !== $before ? "yes" : "no", "\n";
    return $answer;
};
$run('self', -1);
$c = $srv->connect();
fwrite($c, 'stop 5');
echo "bad id: ", tasksrv_recv_until($c, "\n");
fwrite($c, 'stop -2');
echo "bad id: ", tasksrv_recv_until($c, "\n");
$run('stop 2', 2);
$run('wait 2', 2);
$run('task 0', 0);
$run('task 1', 1);
echo "WorkerError: ", substr_count($srv->output(), 'WorkerError'), "\n";
echo "exit: ", $srv->stop(), "\n";
preg_match_all('/^before start.*|^stop\(\) in the manager.*|\tWARNING\t.*|Warning: .*/m', $srv->output(), $m);
echo implode("\n", $m[0]), "\n";
?>
--EXPECTF--
self: worker N: true; #self stopped: yes, new pid: yes
bad id: worker %d: false
bad id: worker %d: false
stop 2: worker N: true; #2 stopped: yes, new pid: yes
wait 2: worker N: true; #2 stopped: yes, new pid: yes
task 0: worker N: true; #0 stopped: yes, new pid: yes
task 1: worker N: true; #1 stopped: yes, new pid: yes
WorkerError: 0
exit: 0
Warning: TaskSrv\Server::stop(): server is not running in %s on line %d
before start: false
	WARNING	Server::stop(): kill worker in non worker process requires specifying an id
stop() in the manager: false
Warning: TaskSrv\Server::stop(): the worker_id[5] is invalid in %s on line %d
Warning: TaskSrv\Server::stop(): the worker_id[-2] is invalid in %s on line %d
