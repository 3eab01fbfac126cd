--TEST--
taskwait(): false at its timeout (0.2 s while onTask sleeps 0.4 s, and 0 s); the late result goes neither to the next taskwait() nor to onFinish
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    // One task worker: the next task waits until the slow one is done, and its result comes after the late one.
    $s->set(['worker_num' => 1, 'task_worker_num' => 1]);
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $out = '';
        $t = microtime(true);
        $r = $s->taskwait('sleep', 0.2);
        $d = microtime(true) - $t;
        $out .= "taskwait('sleep', 0.2): " . var_export($r, true) . ", took $d s, returned at " . microtime(true) . "\n";
        $r = $s->taskwait('next', 1);
        $out .= "taskwait('next', 1): " . var_export($r, true) . "\n";
        $t = microtime(true);
        $r = $s->taskwait('sleep', 0);
        $d = microtime(true) - $t;
        $out .= "taskwait('sleep', 0): " . var_export($r, true) . ", took $d s, returned at " . microtime(true) . "\n";
        $out .= "task('async') returned " . $s->task('async') . "\n";
        $s->send($fd, $out);
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        if ($data === 'sleep') {
            usleep(400000);
            echo "D id=$task_id done at " . microtime(true) . "\n";
        }
        echo "T id=$task_id data=$data\n";
        return "$data: result of $task_id";
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        $s->send($GLOBALS['fd'], "onFinish id=$task_id data=$data\n" . ($data === 'async: result of 3' ? "end\n" : ''));
    });
    $s->start();
PHP);
// The late results came before the last one: onFinish had its chance to (wrongly) see them.
$reply = tasksrv_request($srv->connect(), 'go', "end\n", 5 * tasksrv_test_slowdown());
$out = $srv->output();
// When each slow task was done (ids 0 and 2), in the task worker.
preg_match_all('/^D id=(\d+) done at ([\d.]+)$/m', $out, $m);
$done = array_combine($m[1], array_map('floatval', $m[2]));
$n = 0;
echo preg_replace_callback('/^(taskwait\(\'sleep\', ([\d.]+)\): .*), took ([\d.E-]+) s, returned at ([\d.]+)$/m', function ($m) use ($done, &$n) {
    [$timeout, $took, $at] = [(float) $m[2], (float) $m[3], (float) $m[4]];
    $task_done = $done[$n ? 2 : 0] ?? 0;
    $n++;
    // Not before the timeout, and at the timeout: before the task's result existed. (Not a
    // limit in seconds: on a loaded machine the wake-up may come late, but so does the task.)
    $ok = $took >= $timeout - 0.005 && $at < $task_done;
    return "$m[1], took the timeout: " . ($ok ? 'yes' : "no (took $took s, returned at $at, task done at $task_done)");
}, $reply);
tasksrv_print_lines($out, 'T ', false);
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
taskwait('sleep', 0.2): false, took the timeout: yes
taskwait('next', 1): 'next: result of 1'
taskwait('sleep', 0): false, took the timeout: yes
task('async') returned 3
onFinish id=3 data=async: result of 3
T id=0 data=sleep
T id=1 data=next
T id=2 data=sleep
T id=3 data=async
exit: 0
