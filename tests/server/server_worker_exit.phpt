--TEST--
exit() inside a worker callback ends that worker: its client sees EOF, the manager logs status=3, runs WorkerError and starts the id again; in the single-process form it ends the server with that status
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server_wait.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 1, 'task_worker_num' => 1]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id) pid=" . getmypid() . "\n"));
$s->on('WorkerError', function ($s, ...$args) {
    echo 'WorkerError(' . implode(', ', $args) . ') in pid=' . getmypid() . "\n";
});
$s->on('Receive', function ($s, $fd, $rid, $data) {
    if ($data === 'exit') {
        echo "exit(3) in pid=" . getmypid() . "\n";
        exit(3);
    }
    $s->send($fd, 'worker ' . getmypid() . "\n");
});
$s->on('Task', function () {});
$s->start();
PHP);
$srv->waitOutput('WorkerStart', 2);
$names = [$srv->mainPid() => 'manager'];
preg_match('/WorkerStart\(0\) pid=(\d+)/', $srv->output(), $m);
$names[$m[1]] = 'worker0#0';

$c = $srv->connect();
fwrite($c, 'hello');
echo tasksrv_recv_until($c, "\n");
$other = $srv->connect();   // another connection of the same worker, once it was accepted
fwrite($other, 'hello');
tasksrv_recv_until($other, "\n");
fwrite($c, 'exit');
echo "client sees EOF: ", tasksrv_recv($c, 5.0) === '' && feof($c) ? "yes" : "no", "\n";
echo "other client sees EOF: ", tasksrv_recv($other, 5.0) === '' && feof($other) ? "yes" : "no", "\n";
$srv->waitOutput('WorkerStart(0)', 2);
preg_match_all('/WorkerStart\(0\) pid=(\d+)/', $srv->output(), $m);
$names[$m[1][1]] = 'worker0#1';
$c = $srv->connect();
fwrite($c, 'hello');
echo str_replace($m[1][1], 'worker0#1', tasksrv_recv_until($c, "\n"));
echo "exit: ", $srv->stop(), "\n";
$out = preg_replace_callback('/\d{3,}/', fn($m) => $names[$m[0]] ?? $m[0], $srv->output());
$lines = explode("\n", trim($out));
sort($lines);
echo implode("\n", $lines), "\n";

// Single process: the worker is the server.
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->on('Receive', function ($s, $fd, $rid, $data) {
    echo "exit(3)\n";
    exit(3);
});
$s->start();
echo "not reached\n";
PHP);
$c = $srv->connect();
fwrite($c, 'exit');
echo "single process exit: ", tasksrv_wait_exit($srv), "\n";
echo "port released: ", tasksrv_port_open($srv->port) ? "no" : "yes", "\n";
echo $srv->output();
?>
--EXPECTF--
worker %d
client sees EOF: yes
other client sees EOF: yes
worker worker0#1
exit: 0
WorkerError(0, worker0#0, 3, 0) in pid=manager
WorkerStart(0) pid=worker0#0
WorkerStart(0) pid=worker0#1
WorkerStart(1) pid=%d
[%s $manager.0]	WARNING	Worker::report_error(): worker(pid=worker0#0, id=0) abnormal exit, status=3, signal=0
exit(3) in pid=worker0#0
single process exit: 3
port released: yes
exit(3)
