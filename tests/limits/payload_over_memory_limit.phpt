--TEST--
A payload its receiver cannot allocate (memory_limit) fails that task as too_large and the receiver lives on: a 300 MiB task() to a task worker with 128M (onTaskFailure, taskwait throws), a 300 MiB result to an event worker with 128M (onTaskFailure), a 300 MiB sendMessage() (dropped, logged); no respawn, the same pids serve on, the ledger balances
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php
/* memory_limit is the Zend allocator's: without it (ASan and valgrind runs) nothing enforces it. */
if (getenv('USE_ZEND_ALLOC') === '0') die('skip memory_limit needs the Zend allocator (USE_ZEND_ALLOC=0)');
if ((int) shell_exec("awk '/MemAvailable/ {print \$2}' /proc/meminfo") < 3 * 1024 * 1024) die('skip needs 3 GiB of free memory');
if (getenv('USE_ZEND_ALLOC') === '0') die('skip memory_limit does not work without the Zend memory manager (USE_ZEND_ALLOC=0, scripts/asan-tests)');
?>
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 2, 'task_worker_num' => 1]);
$s->on('WorkerStart', function ($s, $id) {
    if ($s->taskworker) {
        ini_set('memory_limit', '128M');
    }
    echo "start $id " . getmypid() . "\n";   /* one write: three processes share the log */
});
$s->on('Receive', function ($s, $fd, $r, $d) {
    switch (trim($d)) {
        case 'task':
            $ok = is_int($s->task(str_repeat('x', 300 << 20)));
            echo "task() gave an id: " . var_export($ok, true) . "\n";
            break;
        case 'wait':
            try {
                $s->taskwait(str_repeat('y', 300 << 20), 10);
            } catch (TaskSrv\TaskFailedException $e) {
                echo get_class($e), ": ", $e->getFailure()->reason, "\n";
            }
            break;
        case 'result':
            $s->task('big result');
            ini_set('memory_limit', '128M');   /* too little for the result on its way */
            break;
        case 'msg':
            $other = 1 - $s->worker_id;
            $s->sendMessage('lower', $other);
            $s->sendMessage(str_repeat('z', 300 << 20), $other);
            $s->sendMessage('after', $other);
            break;
        case 'stats':
            $st = $s->stats();
            $s->send($fd, json_encode([$st['task_done'], $st['task_failed'], $st['task_failed_by_reason']['too_large'],
                $st['task_accepted'] === $st['task_done'] + $st['task_failed'] + $st['task_queue_num'] + $st['task_running_num']]) . "\n");
            return;
    }
    $s->send($fd, "ok\n");
});
$s->on('PipeMessage', function ($s, $src, $m) {
    if ($m === 'lower') {
        ini_set('memory_limit', '128M');
    } else {
        echo "pipe message: $m\n";
        ini_set('memory_limit', '2G');
    }
});
$s->on('Task', function ($s, $id, $src, $d) {
    if ($d === 'big result') {
        ini_set('memory_limit', '2G');
        return str_repeat('r', 300 << 20);
    }
    echo "onTask ran with ", strlen($d), " bytes\n";
});
$s->on('Finish', function ($s, $id, $d) { echo "onFinish ", strlen($d), "\n"; });
$s->on('TaskFailure', function ($s, $id, $f) {
    echo "onTaskFailure: {$f->reason}\n";
    ini_set('memory_limit', '2G');
});
$s->start();
PHP, ['ini' => ['memory_limit' => '2G']]);
$srv->waitOutput('start', 3);
preg_match_all('/^start (\d) (\d+)$/m', $srv->output(), $m);
$pids = array_combine($m[1], $m[2]);
/* One at a time: each step waits for what the previous one leads to. */
foreach (['task' => 'onTaskFailure', 'wait' => 'TaskFailedException', 'result' => 'onTaskFailure', 'msg' => 'pipe message'] as $cmd => $then) {
    $n = substr_count($srv->output(), $then);
    $c = $srv->connect();
    fwrite($c, "$cmd\n");
    tasksrv_recv_until($c, "\n", 20);
    fclose($c);
    $srv->waitOutput($then, $n + 1, 20);
}
$c = $srv->connect();
fwrite($c, "stats\n");
echo "done, failed, too_large, balanced: ", tasksrv_recv_until($c, "\n");
$out = $srv->output();
preg_match_all('/^(task\(\).*|TaskSrv.*|onTask.*|onFinish.*|pipe message.*)$/m', $out, $lines);
echo implode("\n", $lines[0]), "\n";
echo "warnings: ", substr_count($out, 'more than task worker #2 can take'), " task, ",
    substr_count($out, 'the task fails as too_large'), " result, ", substr_count($out, 'dropped a message of 314572800 bytes'), " message\n";
preg_match_all('/^start (\d) (\d+)$/m', $out, $m);
echo "starts: ", count($m[0]), ", abnormal exits: ", substr_count($out, 'abnormal exit'), "\n";
if (getenv("SHOW")) echo $out;
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
done, failed, too_large, balanced: [0,3,3,true]
task() gave an id: true
onTaskFailure: too_large
TaskSrv\TaskFailedException: too_large
onTaskFailure: too_large
pipe message: after
warnings: 2 task, 1 result, 1 message
starts: 3, abnormal exits: 0
exit: 0
