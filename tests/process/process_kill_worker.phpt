--TEST--
PROCESS mode: kill -9 of the event worker serving a client: the client stays connected (the master holds the socket), the manager logs the abnormal exit, runs WorkerError and respawns the worker, which serves the next packet; stats() still counts the connection
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
$s->set(['worker_num' => 1, 'task_worker_num' => 1]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('WorkerError', fn($s, $id, $pid, $code, $sig) => print("WorkerError($id, $code, $sig) in " . ($s->getManagerPid() === getmypid() ? 'manager' : 'other') . "\n"));
$s->on('Close', fn($s, $fd, $rid) => print("Close($fd)\n"));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    $st = $s->stats();
    $s->send($fd, getmypid() . " conns={$st['connection_num']} exists=" . var_export($s->exists($fd), true) . "\n");
});
$s->on('Task', fn() => null);
$s->start();
PHP);
$srv->waitOutput('WorkerStart', 2);
$c = $srv->connect();
fwrite($c, 'one');
[$pid1, $rest1] = explode(' ', trim(tasksrv_recv_until($c, "\n")), 2);
echo "before: $rest1\n";
tasksrv_signal((int) $pid1, 'KILL');
$srv->waitOutput('WorkerStart(0)', 2);
echo "client still connected: ", var_export(!feof($c) && tasksrv_recv($c, 0.2) === '', true), "\n";
fwrite($c, 'two');
[$pid2, $rest2] = explode(' ', trim(tasksrv_recv_until($c, "\n")), 2);
echo "after: $rest2\n";
echo "served by the new worker: ", var_export($pid2 !== $pid1 && $pid2 > 0, true), "\n";
fwrite($c, 'three');
echo "and again: ", explode(' ', trim(tasksrv_recv_until($c, "\n")))[0] === $pid2 ? "yes" : "no", "\n";
echo "exit: ", $srv->stop(), "\n";
echo "left: ", count(tasksrv_group_pids($srv->pgid)), "\n";
$out = preg_replace('/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \$\d+\.0\]/m', '[DATE $M]', $srv->output());
$out = str_replace($pid1, 'PID', $out);
$lines = array_filter(explode("\n", trim($out)), fn($l) => !str_starts_with($l, 'WorkerStart'));
echo implode("\n", $lines), "\n";
?>
--EXPECT--
before: conns=1 exists=true
client still connected: true
after: conns=1 exists=true
served by the new worker: true
and again: yes
exit: 0
left: 0
[DATE $M]	WARNING	Worker::report_error(): worker(pid=PID, id=0) abnormal exit, status=0, signal=9
WorkerError(0, 0, 9) in manager
