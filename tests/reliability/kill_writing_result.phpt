--TEST--
kill -9 of a task worker while it is blocked writing a large result (its outcome already booked done): that one result is lost to its caller (a stated limit), but the channel stays usable: the successor completes the cut frame, the worker drops it, and every later task of the successor reaches its caller
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/reliability.inc';
$srv = rel_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1, 'max_wait_time' => 0.5]);
    $s->on('WorkerStart', fn($s, $id) => print("START $id " . getmypid() . "\n"));
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $l = $GLOBALS['ledger'] ??= new RelLedger();
        if ($data === 'go') {
            // The result is 8 MiB: the task worker blocks writing it while this worker stays in PHP.
            $l->sent($s->task('big'));
            $end = microtime(true) + 1;
            while (microtime(true) < $end) {
            }
            $s->send($fd, "back in the loop\n");
            return;
        }
        // A new count: the big task's outcome was booked, but its result is lost (the limit).
        $l = $GLOBALS['ledger'] = new RelLedger();
        for ($i = 0; $i < 100; $i++) {
            $l->sent($s->task($i));
        }
        $out = '';
        try {
            $out .= "taskwait: " . var_export($s->taskwait('w', 1), true) . "\n";
        } catch (TaskSrv\TaskFailedException $e) {
            $out .= "taskwait threw: " . rel_describe($e->getFailure(), false) . "\n";
        }
        $s->send($fd, $out);
        $GLOBALS['out'] = '';
        $l->tell($s, $fd);
    });
    $s->on('Task', function ($s, $id, $src, $data) {
        if ($data === 'big') {
            echo "WRITING\n";
            return str_repeat('r', 8 << 20);
        }
        return $data;
    });
    $s->on('Finish', function ($s, $id, $data) {
        $GLOBALS['ledger']->done($id);
        if (isset($GLOBALS['out'])) {
            $GLOBALS['ledger']->tell($s, $GLOBALS['fd'], $GLOBALS['out']);
        }
    });
    $s->on('TaskFailure', function ($s, int $id, TaskSrv\TaskFailure $f) {
        $GLOBALS['ledger']->failed($id, $f);
        if (isset($GLOBALS['out'])) {
            $GLOBALS['ledger']->tell($s, $GLOBALS['fd'], $GLOBALS['out']);
        }
    });
    $s->start();
PHP);
$c = $srv->connect();
fwrite($c, 'go');
$srv->waitOutput('WRITING');
usleep(200000);
$pid = rel_pids($srv)[1][0];
tasksrv_signal($pid, 'KILL');
echo tasksrv_recv_until($c, "\n", 10);
echo "replaced: ", var_export(rel_wait_respawn($srv, 1, $pid) > 0, true), "\n";
fwrite($c, 'more');
$reply = rel_recv_line($c, "taskwait", 5);
echo preg_replace('/^(LEDGER|STATS) .*\n/m', '', $reply);
if (!str_contains($reply, 'balanced')) {
    $reply .= rel_recv_line($c, "balanced", 1);
}
$l = rel_parse($reply, 'LEDGER')[0] ?? null;
echo "the 100 later tasks reached onFinish: ", var_export($l !== null && $l['done'] >= 100, true), "\n";
echo "log:\n";
// The successor completes the cut frame and the worker drops it: no channel is
// ever found corrupt or closed.
print_r(array_values(array_filter(rel_log_lines($srv->output(), 'channel'),
    fn($l) => str_contains($l, 'corrupt') || str_contains($l, 'closed'))));
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
back in the loop
replaced: true
taskwait: 'w'
the 100 later tasks reached onFinish: true
log:
Array
(
)
exit: 0
