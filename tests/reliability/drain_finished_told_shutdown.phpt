--TEST--
Draining: a task that ends while its stopping worker fails the left-over tasks (after max_wait_time) gets one outcome, and its caller and stats() agree on it (it was once told "shutdown" while stats() counted it done)
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/reliability.inc';
require __DIR__ . '/../inc/server_wait.inc';
/* One task worker runs z, a, b in turn; shutdown() comes as z starts; max_wait_time is 0.5 s.
 *   0.30  z ends; onFinish(z) keeps the draining worker busy until 0.60 (the deadline passes)
 *   0.45  a ends; its result waits in the channel
 *   0.60  the deadline is seen: the results in the channel are swept (a); onFinish(a) runs until 0.90
 *   0.70  b ends: its task worker books it done and sends its result
 *   0.90  b has no outcome yet: failed as shutdown, and so booked (or delivered, and booked done) */
$srv = rel_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1, 'max_wait_time' => 0.5]);
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['ledger'] = $l = new RelLedger();
        foreach (['z' => 0.3, 'a' => 0.15, 'b' => 0.25] as $name => $secs) {
            $l->sent($s->task([$name, $secs]));
        }
        $s->shutdown();
    });
    $s->on('Task', function ($s, $id, $src, $data) {
        $end = microtime(true) + $data[1];
        while (microtime(true) < $end) {
        }
        return $data[0];
    });
    $s->on('Finish', function ($s, $id, $data) {
        echo "onFinish($data)\n";
        $end = microtime(true) + ['z' => 0.3, 'a' => 0.3, 'b' => 0][$data];
        while (microtime(true) < $end) {
        }
        $GLOBALS['ledger']->done($id);
    });
    $s->on('TaskFailure', function ($s, int $id, TaskSrv\TaskFailure $f) {
        echo "onTaskFailure($id, {$f->reason})\n";
        $GLOBALS['ledger']->failed($id, $f);
    });
    $s->on('WorkerStop', fn($s, $id) => $s->taskworker || print($GLOBALS['ledger']->summary($id) . "\n"));
    $s->on('Shutdown', fn($s) => print(rel_stats_line($s->stats(), 'shutdown') . "\n"));
    $s->start();
PHP);
fwrite($srv->connect(), 'go');
echo "exit: ", tasksrv_wait_exit($srv), "\n";
$out = $srv->output();
tasksrv_print_lines($out, 'on', false);
$l = rel_parse($out, 'LEDGER')[0];
$st = rel_parse($out, 'STATS')['shutdown'];
echo "callers: done={$l['done']} shutdown={$l['shutdown']}; stats: done={$st['done']} failed={$st['failed']} balanced={$st['balanced']}\n";
echo "each caller got one outcome: ", var_export($l['done'] + $l['shutdown'] === 3 && $l['duplicates'] === 0, true), "\n";
echo "callers and stats agree: ", var_export($l['done'] === $st['done'] && $l['shutdown'] === $st['failed'], true), "\n";
?>
--EXPECTF--
exit: 0
onFinish(z)
onFinish(a)
%s
callers: done=%d shutdown=%d; stats: done=%d failed=%d balanced=yes
each caller got one outcome: true
callers and stats agree: true
