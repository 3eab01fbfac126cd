--TEST--
task_ipc_mode 3 with every task worker busy: taskwait(), taskWaitMulti() and taskCo() still give up at their timeout (the tasks wait in the shared queue, the caller does not wait for a free task worker)
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task_timing.inc';
$srv = tasksrv_server(tasksrv_timed(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    // Three 400 ms tasks may still be queued at the stop: the drain waits for them.
    $s->set(['worker_num' => 1, 'task_worker_num' => 1, 'task_ipc_mode' => 3, 'max_wait_time' => (int) ceil(3 * SLOWDOWN)]);
    $s->on('Receive', function ($s, $fd, $rid, $cmd) {
        $out = [];
        foreach (['taskwait' => fn() => $s->taskwait('x', 0.1 * SLOWDOWN),
                  'taskWaitMulti' => fn() => $s->taskWaitMulti(['a' => 'a', 'b' => 'b'], 0.1 * SLOWDOWN),
                  'taskCo' => fn() => $s->taskCo(['a' => 'a', 'b' => 'b'], 0.1 * SLOWDOWN)] as $what => $call) {
            // The only task worker is busy for 400 ms (or has that task queued).
            $s->task('sleep');
            $deadline = microtime(true) + 2 * SLOWDOWN;
            while ($s->getWorkerStatus(1) !== SWOOLE_WORKER_BUSY && microtime(true) < $deadline) {
                usleep(1000);
            }
            $t = microtime(true);
            $r = $call();
            $took = microtime(true) - $t;
            $out[] = "$what(timeout 0.1): " . json_encode($r) . ', ' . ($took < 0.35 * SLOWDOWN ? 'at the timeout' : sprintf('after %.2f s', $took));
        }
        $s->send($fd, implode("\n", $out) . "\n.\n");
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        if ($data === 'sleep') {
            usleep((int) (400000 * SLOWDOWN));
        }
        return $data;
    });
    $s->on('Finish', function () {});
    $s->start();
PHP));
$c = $srv->connect();
echo tasksrv_request($c, "go\n", "\n.\n"), "\n";
echo "exit: ", $srv->stop(), "\n";
echo $srv->output();
?>
--EXPECT--
taskwait(timeout 0.1): false, at the timeout
taskWaitMulti(timeout 0.1): [], at the timeout
taskCo(timeout 0.1): {"a":false,"b":false}, at the timeout
exit: 0
