--TEST--
kill -9 of a task worker while it is still reading a large task (the task accepted, not yet started): its successor skips the rest of that frame, and the task still reaches one outcome (worker_died, or a run by the successor) and leaves the queue count
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/reliability.inc';
$srv = rel_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1]);
    $s->on('WorkerStart', fn($s, $id) => print("START $id " . getmypid() . "\n"));
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        if ($data === 'go') {
            $l = $GLOBALS['ledger'] = new RelLedger();
            // 8 MiB: the socket takes a part, the rest waits in this worker's buffer
            // while it stays in PHP for 1 s; the task worker has read a part meanwhile.
            $l->sent($s->task(str_repeat('x', 8 << 20)));
            echo "BIG SENT\n";
            $end = microtime(true) + 1;
            while (microtime(true) < $end) {
            }
            $s->send($fd, "back in the loop\n");
            return;
        }
        // Later: did the big task reach an outcome, and do the counters settle? The
        // outcome is a frame: it is handled between callbacks, so the client asks
        // again until it has been (this message can come in the same wake-up).
        $st = $s->stats();
        $settled = $st['task_queue_num'] + $st['task_running_num'] === 0 && $GLOBALS['ledger']->settled();
        $s->send($fd, ($settled ? "SETTLED\n" : "") . $GLOBALS['ledger']->summary(0) . "\n" . rel_stats_line($st, 'later') . "\n");
    });
    $s->on('Task', fn($s, $id, $src, $data) => strlen($data));
    $s->on('Finish', fn($s, $id, $data) => $GLOBALS['ledger']->done($id));
    $s->on('TaskFailure', fn($s, $id, $f) => $GLOBALS['ledger']->failed($id, $f));
    $s->start();
PHP);
$c = $srv->connect();
fwrite($c, 'go');
$srv->waitOutput('BIG SENT');
usleep(200000);
$pid = rel_pids($srv)[1][0];
tasksrv_signal($pid, 'KILL');
echo tasksrv_recv_until($c, "\n", 10);
echo "replaced: ", var_export(rel_wait_respawn($srv, 1, $pid) > 0, true), "\n";
$deadline = microtime(true) + 5;
do {
    fwrite($c, 'check');
    $reply = rel_recv_line($c, "balanced", 10);
} while (!str_starts_with($reply, 'SETTLED') && microtime(true) < $deadline && usleep(20000) === null);
$l = rel_parse($reply, 'LEDGER')[0];
$st = rel_parse($reply, 'STATS')['later'];
// Failed as worker_died, or run again by the successor: either is one outcome.
echo "the task has one outcome: ", var_export($l['done'] + $l['worker_died'] === 1 && $l['missing'] + $l['duplicates'] === 0, true), "\n";
echo "counters: queue={$st['queue']} running={$st['running']} done+failed=", $st['done'] + $st['failed'], " balanced={$st['balanced']}\n";
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
back in the loop
replaced: true
the task has one outcome: true
counters: queue=0 running=0 done+failed=1 balanced=yes
exit: 0
