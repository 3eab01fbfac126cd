--TEST--
Timers fire in every process type (PROCESS master, manager, event workers, task worker), with per-process ids; a task worker's timer waits for the task in hand, an event worker's for the callback in hand
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$code = <<<'PHP'
$s = new Swoole\Server('127.0.0.1', PORT, MODE);
$s->set(['worker_num' => 2, 'task_worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
// (in SWOOLE_BASE onStart runs in event worker 0, as in Swoole; one echo per line: one write,
// so the processes' lines do not interleave)
MODE === SWOOLE_PROCESS && $s->on('Start', function ($s) {
    Swoole\Timer::after(20, function (...$a) use ($s) {
        echo "master after " . json_encode($a) . " in " . (getmypid() === $s->master_pid ? "master" : "?") . "\n";
    }, 'a', 1);
});
$s->on('ManagerStart', function ($s) {
    Swoole\Timer::tick(20, function ($id, $p) use ($s) {
        echo "manager tick $p in " . (getmypid() === $s->manager_pid ? "manager" : "?") . "\n";
        Swoole\Timer::clear($id);
    }, 'x');
});
$s->on('WorkerStart', function ($s, $wid) {
    $n = 0;
    Swoole\Timer::tick(20, function ($tid) use ($s, $wid, &$n) {
        if (++$n === 3) {
            Swoole\Timer::clear($tid);
            echo "worker $wid (" . ($s->taskworker ? "task" : "event") . ") ticked 3 times, id $tid\n";
        }
    });
});
$s->on('Receive', function ($s, $fd, $rid, $data) {
    $t0 = microtime(true);
    Swoole\Timer::after(1, function () use ($t0) {
        printf("receive timer after %s ms\n", (microtime(true) - $t0) * 1000 >= 150 ? ">= 150" : "< 150");
    });
    usleep(150000);
    echo "receive done\n";
    $s->task($data);
    $s->send($fd, "ok");
});
$s->on('Task', function ($s, $tid, $src, $data) {
    $t0 = microtime(true);
    Swoole\Timer::after(1, function () use ($t0) {
        printf("task timer after %s ms\n", (microtime(true) - $t0) * 1000 >= 200 ? ">= 200" : "< 200");
    });
    usleep(200000);
    echo "task done\n";
});
$s->start();
PHP;
foreach (['SWOOLE_BASE', 'SWOOLE_PROCESS'] as $mode) {
    echo "== $mode\n";
    $srv = tasksrv_server(str_replace('MODE', $mode, $code));
    $srv->waitOutput('ticked 3 times', 3);
    $srv->waitOutput('manager tick');
    if ($mode === 'SWOOLE_PROCESS') {
        $srv->waitOutput('master after');
    }
    $c = $srv->connect();
    fwrite($c, 'go');
    echo tasksrv_recv($c), "\n";
    $srv->waitOutput('task timer');
    $srv->waitOutput('receive timer');
    $lines = explode("\n", trim($srv->output()));
    sort($lines);
    echo implode("\n", $lines), "\n";
    $out = $srv->output();
    echo "task done before its timer: ", var_export(strpos($out, 'task done') < strpos($out, 'task timer'), true), "\n";
    echo "receive done before its timer: ", var_export(strpos($out, 'receive done') < strpos($out, 'receive timer'), true), "\n";
    echo "exit: ", $srv->stop(), "\n";
}
?>
--EXPECT--
== SWOOLE_BASE
ok
manager tick x in manager
receive done
receive timer after >= 150 ms
task done
task timer after >= 200 ms
worker 0 (event) ticked 3 times, id 1
worker 1 (event) ticked 3 times, id 1
worker 2 (task) ticked 3 times, id 1
task done before its timer: true
receive done before its timer: true
exit: 0
== SWOOLE_PROCESS
ok
manager tick x in manager
master after ["a",1] in master
receive done
receive timer after >= 150 ms
task done
task timer after >= 200 ms
worker 0 (event) ticked 3 times, id 1
worker 1 (event) ticked 3 times, id 1
worker 2 (task) ticked 3 times, id 1
task done before its timer: true
receive done before its timer: true
exit: 0
