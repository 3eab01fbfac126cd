--TEST--
finish() in an event worker (onWorkerStart, onReceive, onFinish) or in a task worker outside onTask: warning and false, the process lives on (Swoole crashes here)
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    function try_finish($s, string $where): void
    {
        $out = '';
        set_error_handler(function ($no, $str) use (&$out) { $out .= "Warning: $str\n"; return true; });
        $r = $s->finish("from $where");
        $r2 = $s->finish(['array', 'from', $where]);
        restore_error_handler();
        echo "$where (" . ($s->taskworker ? 'task worker' : 'event worker') . ", pid " . getmypid() . "):\n"
            . $out . "finish() returned " . var_export($r, true) . ', ' . var_export($r2, true) . "\n";
    }
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1]);
    $s->on('WorkerStart', function ($s, $id) {
        try_finish($s, 'onWorkerStart');
    });
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        try_finish($s, 'onReceive');
        $s->task($data);
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        return "$data done";
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        try_finish($s, 'onFinish');
        $s->send($GLOBALS['fd'], "onFinish id=$task_id data=$data\n");
    });
    $s->start();
PHP);
$c = $srv->connect();
echo tasksrv_request($c, 'one'), "\n";
echo tasksrv_request($c, 'two'), "\n";
$out = $srv->output();
// Group the blocks by process and keep each process's order.
preg_match_all('/^(\w+) \((event worker|task worker), pid (\d+)\):\n((?:Warning: .*\n)*finish\(\) returned .*)$/m', $out, $m, PREG_SET_ORDER);
$pids = [];
foreach (['task worker', 'event worker'] as $role) {
    foreach ($m as $b) {
        if ($b[2] === $role) {
            echo "$b[1] ($role):\n$b[4]\n";
            $pids[$role][$b[3]] = true;
        }
    }
}
echo "one pid per role: ", var_export(count($pids['event worker']) === 1 && count($pids['task worker']) === 1, true), "\n";
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
onFinish id=0 data=one done
onFinish id=1 data=two done
onWorkerStart (task worker):
Warning: TaskSrv\Server::finish(): finish() can only be used inside onTask
Warning: TaskSrv\Server::finish(): finish() can only be used inside onTask
finish() returned false, false
onWorkerStart (event worker):
Warning: TaskSrv\Server::finish(): finish() can only be used in a task worker, inside onTask
Warning: TaskSrv\Server::finish(): finish() can only be used in a task worker, inside onTask
finish() returned false, false
onReceive (event worker):
Warning: TaskSrv\Server::finish(): finish() can only be used in a task worker, inside onTask
Warning: TaskSrv\Server::finish(): finish() can only be used in a task worker, inside onTask
finish() returned false, false
onFinish (event worker):
Warning: TaskSrv\Server::finish(): finish() can only be used in a task worker, inside onTask
Warning: TaskSrv\Server::finish(): finish() can only be used in a task worker, inside onTask
finish() returned false, false
onReceive (event worker):
Warning: TaskSrv\Server::finish(): finish() can only be used in a task worker, inside onTask
Warning: TaskSrv\Server::finish(): finish() can only be used in a task worker, inside onTask
finish() returned false, false
onFinish (event worker):
Warning: TaskSrv\Server::finish(): finish() can only be used in a task worker, inside onTask
Warning: TaskSrv\Server::finish(): finish() can only be used in a task worker, inside onTask
finish() returned false, false
one pid per role: true
exit: 0
