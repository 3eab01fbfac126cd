--TEST--
exit() in a timer callback of an event worker ends that worker with its status (the manager logs it and starts another, whose timers are its own); the timers of the process that exited never fire elsewhere
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$flag = tempnam(sys_get_temp_dir(), 'tasksrv-timer-exit-');
unlink($flag);
$srv = tasksrv_server(str_replace('FLAG', var_export($flag, true), <<<'PHP'
$s = new Swoole\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 1, 'task_worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
$s->on('WorkerStart', function ($s, $wid) {
    if ($wid !== 0) {
        return;
    }
    if (!file_exists(FLAG)) {
        touch(FLAG);
        Swoole\Timer::after(100, fn() => print("never: a timer of the worker that exited\n"));
        $id = Swoole\Timer::after(20, function () { echo "exit(3) in a timer\n"; exit(3); });
        echo "first worker, timer $id\n";
    } else {
        $id = Swoole\Timer::after(200, fn() => print("timer of the new worker fired\n"));
        echo "new worker, timer $id\n";
    }
});
$s->on('WorkerStop', fn($s, $wid) => print("WorkerStop $wid\n"));
$s->on('Receive', function () {});
$s->on('Task', function () {});
$s->start();
PHP));
$srv->waitOutput('timer of the new worker fired');
@unlink($flag);
echo preg_replace('/^\[.*?\]\s+/m', '', $srv->output());
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECTF--
first worker, timer 2
exit(3) in a timer
WARNING	Worker::report_error(): worker(pid=%d, id=0) abnormal exit, status=3, signal=0
new worker, timer 1
timer of the new worker fired
exit: 0
