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
        $out .= "taskwait('sleep', 0.2): " . var_export($r, true) . ", took $d s\n";
        $r = $s->taskwait('next', 1);
        $out .= "taskwait('next', 1): " . var_export($r, true) . "\n";
        $t = microtime(true);
        $r = $s->taskwait('sleep', 0);
        $d = microtime(true) - $t;
        $out .= "taskwait('sleep', 0): " . var_export($r, true) . ", took $d s\n";
        $out .= "task('async') returned " . $s->task('async') . "\n";
        $s->send($fd, $out);
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        if ($data === 'sleep') {
            usleep(400000);
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
$slow = tasksrv_test_slowdown();
echo preg_replace_callback('/^(taskwait\(\'sleep\', ([\d.]+)\): .*), took ([\d.E-]+) s$/m', function ($m) use ($slow) {
    [$timeout, $took] = [(float) $m[2], (float) $m[3]];
    // Not before the timeout, and not much after it.
    $ok = $took >= $timeout - 0.005 && $took < $timeout + 0.15 * $slow;
    return "$m[1], took about {$m[2]} s: " . ($ok ? 'yes' : "no ($took s)");
}, $reply);
$out = $srv->output();
tasksrv_print_lines($out, 'T ', false);
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
taskwait('sleep', 0.2): false, took about 0.2 s: yes
taskwait('next', 1): 'next: result of 1'
taskwait('sleep', 0): false, took about 0 s: yes
task('async') returned 3
onFinish id=3 data=async: result of 3
T id=0 data=sleep
T id=1 data=next
T id=2 data=sleep
T id=3 data=async
exit: 0
