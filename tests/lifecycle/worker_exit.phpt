--TEST--
WorkerExit: a worker stopping with work left (a task it awaits, output a client has not read yet) gets onWorkerExit with getWorkerStatus() == 3 (EXIT), then the work completes, then WorkerStop; a worker with nothing left gets no WorkerExit
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
// max_wait_time scales with the helpers' slowdown (valgrind): the 16 MiB must drain in it.
$srv = tasksrv_server(str_replace('MAX_WAIT', (string) (10 * tasksrv_slowdown()), <<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 2, 'task_worker_num' => 1, 'max_wait_time' => MAX_WAIT]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('WorkerExit', function ($s, $id) {
    static $once = false;
    if (!$once) {
        $once = true;
        echo "WorkerExit($id) status=" . $s->getWorkerStatus() . " own=" . $s->getWorkerStatus($id) . "\n";
    }
});
$s->on('WorkerStop', fn($s, $id) => print("WorkerStop($id)\n"));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    if ($data === 'task') {
        $s->task($data);
        $s->send($fd, "sent\n");
    } elseif ($data === 'big') {
        $s->send($fd, str_repeat('x', 16 << 20) . "\n");
    } else {
        $s->send($fd, "hello\n");
    }
    $s->stop();
});
$s->on('Task', function ($s, $id, $src, $data) {
    usleep(300000);
    return 'result';
});
$s->on('Finish', fn($s, $id, $data) => print("Finish($data)\n"));
$s->start();
PHP));
$srv->waitOutput('WorkerStart', 3);
$c = $srv->connect();
fwrite($c, 'task');
echo tasksrv_recv_until($c, "\n");
$srv->waitOutput('WorkerStop');
$srv->waitOutput('WorkerStart', 4);
$out = $srv->output();
preg_match_all('/WorkerExit.*|Finish.*|WorkerStop.*/', $out, $m);
echo implode("\n", $m[0]), "\n";

$c = $srv->connect();
fwrite($c, 'big');
$srv->waitOutput('WorkerExit', 2);
usleep(100000);
$got = strlen(tasksrv_recv_until($c, "\n", 20 * tasksrv_slowdown()));
echo "client got all the output: ", $got === (16 << 20) + 1 ? "yes" : "no ($got)", "\n";
$srv->waitOutput('WorkerStop', 2);
$srv->waitOutput('WorkerStart', 5);

$c = $srv->connect();
fwrite($c, 'hello');
echo tasksrv_recv_until($c, "\n");
$srv->waitOutput('WorkerStop', 3);
$srv->waitOutput('WorkerStart', 6);
echo "WorkerExit: ", substr_count($srv->output(), 'WorkerExit'), "\n";
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECTF--
sent
WorkerExit(%d) status=3 own=3
Finish(result)
WorkerStop(%d)
client got all the output: yes
hello
WorkerExit: 2
exit: 0
