--TEST--
max_request recycling waits for the worker's own tasks: results still reach onFinish while max_wait_time lasts, the rest fail as shutdown, the successor starts only after; every task gets exactly one outcome and the counters balance
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/reliability.inc';
$srv = rel_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 2, 'max_request' => 1, 'max_wait_time' => 0.5]);
    $s->on('WorkerStart', fn($s, $id) => print("START $id " . getmypid() . "\n"));
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $l = $GLOBALS['ledger'] = new RelLedger();
        if ($data === 'quick') {
            for ($i = 0; $i < 500; $i++) {
                $l->sent($s->task(0.0003));
            }
        } elseif ($data === 'slow') {
            // 20 tasks of 0.1 s on two task workers: about 1 s of work, 0.5 s to do it.
            for ($i = 0; $i < 20; $i++) {
                $l->sent($s->task(0.1));
            }
        } else {
            $end = microtime(true) + 5;
            while (($st = $s->stats())['task_queue_num'] + $st['task_running_num'] > 0 && microtime(true) < $end) {
                usleep(10000);
            }
            $s->send($fd, rel_stats_line($st, 'later') . "\n");
            return;
        }
        // This was the worker's last request: it drains, then a new process takes over.
        $s->send($fd, "sent " . count($l->sent) . "\n");
    });
    $s->on('Task', function ($s, $id, $src, $secs) {
        usleep((int) ($secs * 1e6));
        return $secs;
    });
    $s->on('Finish', fn($s, $id, $data) => $GLOBALS['ledger']->done($id));
    $s->on('TaskFailure', function ($s, int $id, TaskSrv\TaskFailure $f) {
        if ($f->reason !== 'shutdown') {
            echo "UNEXPECTED FAILURE " . rel_describe($f) . "\n";
        }
        $GLOBALS['ledger']->failed($id, $f);
    });
    $s->on('WorkerStop', fn($s, $id) => $s->taskworker || print($GLOBALS['ledger']->summary($id) . "\n"));
    $s->start();
PHP);
foreach (['quick', 'slow'] as $n => $cmd) {
    echo "-- $cmd\n";
    $t = microtime(true);
    echo tasksrv_request($srv->connect(), $cmd), "\n";
    // The worker stops after its request and drains; its successor starts after it stopped.
    $srv->waitOutput('LEDGER ', $n + 1, 5);
    $drained = microtime(true) - $t;
    echo "replaced: ", var_export($srv->waitOutput('START 0 ', $n + 2, 5), true), "\n";
    $out = $srv->output();
    echo "the successor started after the worker stopped: ",
        var_export(strrpos($out, 'START 0 ') > strrpos($out, 'LEDGER '), true), "\n";
    $l = rel_parse($out, 'LEDGER')[0];
    echo "one outcome each: ", var_export($l['done'] + $l['shutdown'] === $l['sent'] && $l['duplicates'] + $l['missing'] + $l['unknown'] === 0, true), "\n";
    if ($cmd === 'quick') {
        echo "all done within max_wait_time: ", var_export($l['done'] === 500, true), "\n";
    } else {
        echo "some done, the rest failed as shutdown after max_wait_time: ",
            var_export($l['done'] > 0 && $l['shutdown'] > 0 && $drained > 0.45, true), "\n";
        $slow = $l;
    }
}
$reply = tasksrv_request($srv->connect(), 'stats');
$st = rel_parse($reply, 'STATS')['later'];
echo "counters settle: queue={$st['queue']} running={$st['running']} balanced={$st['balanced']}, accepted=", $st['accepted'],
    ", done at least the callers' done: ", var_export($st['done'] >= 500 + $slow['done'], true),
    ", each of the 520 counted once: ", var_export($st['done'] + $st['failed'] === 520, true), "\n";
tasksrv_print_lines($srv->output(), 'UNEXPECTED');
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
-- quick
sent 500
replaced: true
the successor started after the worker stopped: true
one outcome each: true
all done within max_wait_time: true
-- slow
sent 20
replaced: true
the successor started after the worker stopped: true
one outcome each: true
some done, the rest failed as shutdown after max_wait_time: true
counters settle: queue=0 running=0 balanced=yes, accepted=520, done at least the callers' done: true, each of the 520 counted once: true
exit: 0
