--TEST--
SIGKILL to a worker or a task worker: the manager logs the abnormal exit, runs WorkerError, and starts the same id again, which serves
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 1, 'task_worker_num' => 1]);
$s->on('Start', fn($s) => print("Start\n"));
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id) pid=" . getmypid() . "\n"));
$s->on('WorkerError', function ($s, ...$args) {
    echo 'WorkerError(' . implode(', ', $args) . ') in pid=' . getmypid() . "\n";
});
$s->on('Receive', function ($s, $fd, $rid, $data) {
    if ($data === 'task') {
        $s->task($fd);
    } else {
        $s->send($fd, 'worker ' . getmypid() . "\n");
    }
});
$s->on('Task', fn($s, $id, $src, $fd) => [$fd, getmypid()]);
$s->on('Finish', fn($s, $id, $r) => $s->send($r[0], "task worker $r[1]\n"));
$s->start();
PHP);
$srv->waitOutput('WorkerStart', 2);
$names = [$srv->mainPid() => 'manager'];
$pids = [];
$name = function (string $out) use (&$names, &$pids) {
    preg_match_all('/WorkerStart\((\d)\) pid=(\d+)/', $out, $m, PREG_SET_ORDER);
    foreach ($m as [, $id, $pid]) {
        if (!isset($names[$pid])) {
            $pids[$id] = (int) $pid;
            $names[$pid] = ($id == 0 ? 'worker0' : 'task1') . '#' . count(array_filter($names, fn($n) => str_starts_with($n, $id == 0 ? 'worker0' : 'task1')));
        }
    }
};
$ask = function (string $what) use ($srv, &$names) {
    $c = $srv->connect();
    fwrite($c, $what);
    $reply = trim(tasksrv_recv_until($c, "\n"));
    return preg_replace_callback('/\d+$/', fn($m) => $names[$m[0]] ?? $m[0], $reply);
};
$name($srv->output());
echo $ask('hello'), "\n", $ask('task'), "\n";

tasksrv_signal($pids[0], 'KILL');
$srv->waitOutput('WorkerStart(0)', 2);
$name($srv->output());
echo $ask('hello'), "\n", $ask('task'), "\n";

tasksrv_signal($pids[1], 'KILL');
$srv->waitOutput('WorkerStart(1)', 2);
$name($srv->output());
echo $ask('hello'), "\n", $ask('task'), "\n";

echo "processes: ", count(tasksrv_group_pids($srv->pgid)) - 1, "\n";
echo "exit: ", $srv->stop(), "\n";
// Log lines sort by their text, not by the second they were written in.
$out = preg_replace('/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d /m', '[DATE ', $srv->output());
$out = preg_replace_callback('/\d{3,}/', fn($m) => $names[$m[0]] ?? $m[0], $out);
// WorkerStart of a worker and of the task worker may come in either order.
$lines = explode("\n", trim($out));
sort($lines);
echo implode("\n", $lines), "\n";
?>
--EXPECTF--
worker worker0#0
task worker task1#0
worker worker0#1
task worker task1#0
worker worker0#1
task worker task1#1
processes: 3
exit: 0
Start
WorkerError(0, worker0#0, 0, 9) in pid=manager
WorkerError(1, task1#0, 0, 9) in pid=manager
WorkerStart(0) pid=worker0#0
WorkerStart(0) pid=worker0#1
WorkerStart(1) pid=task1#0
WorkerStart(1) pid=task1#1
[DATE $manager.0]	WARNING	Worker::report_error(): worker(pid=task1#0, id=1) abnormal exit, status=0, signal=9
[DATE $manager.0]	WARNING	Worker::report_error(): worker(pid=worker0#0, id=0) abnormal exit, status=0, signal=9
