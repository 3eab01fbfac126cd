--TEST--
Reload with a worker stuck in a callback: after max_wait_time the manager kills it with Swoole's log lines, AfterReload still runs and the id serves again
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 2, 'task_worker_num' => 1, 'max_wait_time' => 0.2]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('WorkerStop', fn($s, $id) => print("WorkerStop($id)\n"));
$s->on('WorkerError', fn($s, $id, $pid, $code, $sig) => print("WorkerError($id, $code, $sig)\n"));
$s->on('AfterReload', fn($s) => print("AfterReload\n"));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    if ($data === 'stuck') {
        echo "stuck($rid)\n";
        $end = microtime(true) + 30;
        while (microtime(true) < $end) {
            // CPU-bound: no signal interrupts it
        }
    }
    $s->send($fd, "worker $rid\n");
});
$s->on('Task', function () {});
$s->start();
PHP);
$srv->waitOutput('WorkerStart', 3);
$c = $srv->connect();
fwrite($c, 'stuck');
$srv->waitOutput('stuck');
tasksrv_signal($srv->mainPid(), 'USR1');
echo "AfterReload: ", $srv->waitOutput('AfterReload') ? "yes" : "no", "\n";
$srv->waitOutput('WorkerStart', 6);
echo "client of the killed worker sees EOF: ", tasksrv_recv($c, 2.0) === '' && feof($c) ? "yes" : "no", "\n";
$c = $srv->connect();
fwrite($c, 'hello');
echo "served again: ", str_starts_with(tasksrv_recv_until($c, "\n"), 'worker ') ? "yes" : "no", "\n";
echo "exit: ", $srv->stop(), "\n";
$out = preg_replace('/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d /m', '[DATE ', $srv->output());
preg_match_all('/^\[DATE .*|^WorkerError.*/m', $out, $m);
echo implode("\n", $m[0]), "\n";
?>
--EXPECTF--
AfterReload: yes
client of the killed worker sees EOF: yes
served again: yes
exit: 0
[DATE $%d.0]	INFO	Server is reloading all workers now
[DATE $%d.0]	WARNING	ReloadTask::kill_all(): force kill worker process(pid=%d, id=%d)
[DATE $%d.0]	WARNING	Worker::report_error(): worker(pid=%d, id=%d) abnormal exit, status=0, signal=9
WorkerError(%d, 0, 9)
