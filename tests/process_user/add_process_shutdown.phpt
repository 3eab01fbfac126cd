--TEST--
Server::addProcess() (PROCESS mode): two user processes (ids 2 and 3 after one worker and one task worker), one with no pipe; one exits with 5 and is restarted with WorkerError; at shutdown they stop last: the one that keeps running after SIGTERM is killed after max_wait_time; the server exits 0 and leaves no process
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new Swoole\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
$s->set(['worker_num' => 1, 'task_worker_num' => 1, 'max_wait_time' => 1]);
$stubborn = new Swoole\Process(function (Swoole\Process $proc) {
    Swoole\Process::signal(SIGTERM, function () {
        echo "STUBBORN got SIGTERM, stays\n";
    });
    echo "STUBBORN start id={$proc->id}\n";
    while (true) {
        if ($proc->read() === 'exit') {
            echo "STUBBORN exits 5\n";
            $proc->exit(5);
        }
    }
}, false, SOCK_STREAM);
$quiet = new Swoole\Process(function (Swoole\Process $proc) {
    echo "QUIET start id={$proc->id} pipe=", var_export($proc->pipe, true), "\n";
    while (true) {
        sleep(1);
    }
}, false, 0);
$s->addProcess($stubborn);
$s->addProcess($quiet);
$s->on('Receive', function ($s, $fd, $rid, $data) use ($stubborn) {
    $stubborn->write(trim($data));
    $s->send($fd, "ok\n");
});
$s->on('Task', fn() => null);
$s->on('WorkerStop', fn($s, $id) => print("WorkerStop($id)\n"));
$s->on('WorkerError', fn($s, $id, $pid, $code, $sig) => print("WorkerError($id, $code, $sig)\n"));
$s->on('Shutdown', fn() => print("Shutdown\n"));
$s->start();
PHP);
$srv->waitOutput('STUBBORN start');
$srv->waitOutput('QUIET start');
$c = $srv->connect();
fwrite($c, "exit\n");
echo "sent: ", trim(tasksrv_recv_until($c, "\n")), "\n";
$srv->waitOutput('STUBBORN start', 2);
fclose($c);
$t = microtime(true);
echo "exit: ", $srv->stop(), "\n";
echo "took max_wait_time: ", var_export(microtime(true) - $t >= 0.9, true), "\n";
echo "left: ", count(tasksrv_group_pids($srv->pgid)), "\n";
$out = preg_replace('/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \$\d+\.0\]/m', '[DATE $M]', $srv->output());
$out = preg_replace('/pid=\d+/', 'pid=PID', $out);
/* The two user processes start at once: their first lines come in either order. */
$lines = explode("\n", $out);
$first = array_splice($lines, 0, 2);
sort($first);
echo implode("\n", array_merge($first, $lines));
?>
--EXPECT--
sent: ok
exit: 0
took max_wait_time: true
left: 0
QUIET start id=3 pipe=NULL
STUBBORN start id=2
STUBBORN exits 5
[DATE $M]	WARNING	Worker::report_error(): worker(pid=PID, id=2) abnormal exit, status=5, signal=0
WorkerError(2, 5, 0)
STUBBORN start id=2
WorkerStop(0)
WorkerStop(1)
STUBBORN got SIGTERM, stays
[DATE $M]	WARNING	user process(pid=PID, id=2) did not stop within max_wait_time, killed
Shutdown
