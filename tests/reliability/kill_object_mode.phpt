--TEST--
kill -9 of a task worker during onTask in object mode (task_use_object), under load: async (a finish() sent before the kill still reaches onFinish, then the failure reaches onTaskFailure) and taskwait() (TaskFailedException; its task calls no finish(), which would end the wait); every other task has exactly one outcome; the counters balance
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/reliability.inc';
$srv = rel_server(<<<'PHP'
    const N = 1000;
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 2, 'task_use_object' => true]);
    $s->on('WorkerStart', fn($s, $id) => print("START $id " . getmypid() . "\n"));
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        if ($data === 'stats') {
            $s->send($fd, rel_stats_line($s->stats(), 'now') . "\n");
            return;
        }
        $GLOBALS['fd'] = $fd;
        $l = $GLOBALS['ledger'] ??= new RelLedger();
        $out = '';
        for ($i = 0; $i < N; $i++) {
            $l->sent($s->task($i === 300 && $data === 'async' ? 'victim' : $i));
        }
        if ($data === 'wait') {
            try {
                $out .= "taskwait returned " . var_export($s->taskwait('victim (no finish)', 10), true) . "\n";
            } catch (TaskSrv\TaskFailedException $e) {
                $out .= "taskwait threw: " . rel_describe($e->getFailure(), false) . "\n";
            }
        }
        $GLOBALS['out'] = $out;
        $l->tell($s, $fd, $out);
    });
    $s->on('Task', function ($s, TaskSrv\Server\Task $t) {
        if (str_starts_with((string) $t->data, 'victim')) {
            if ($t->data === 'victim') {
                $t->finish('partial'); // delivered: it was sent before the worker died
            }
            echo "VICTIM {$t->id} {$s->worker_id} " . getmypid() . "\n";
            for ($i = 0; $i < 1000; $i++) {
                usleep(10000); // until kill -9
            }
            return 'survived';
        }
        usleep(200);
        if ($t->data % 2) {
            $t->finish($t->data);
            return null;
        }
        return $t->data;
    });
    $s->on('Finish', function ($s, $id, $data) {
        if ($data === 'partial') {
            echo "PARTIAL $id\n";
            return;
        }
        $GLOBALS['ledger']->done($id);
        $GLOBALS['ledger']->tell($s, $GLOBALS['fd'], $GLOBALS['out'] ?? '');
    });
    $s->on('TaskFailure', function ($s, int $id, TaskSrv\TaskFailure $f) {
        echo "FAILURE $id " . rel_describe($f, false) . "\n";
        $GLOBALS['ledger']->failed($id, $f);
        $GLOBALS['ledger']->tell($s, $GLOBALS['fd'], $GLOBALS['out'] ?? '');
    });
    $s->start();
PHP);
foreach (['async', 'wait'] as $n => $cmd) {
    echo "-- $cmd\n";
    $c = $srv->connect();
    fwrite($c, $cmd);
    [$vid, $vwid, $vpid] = explode(' ', rel_wait_line($srv, 'VICTIM ', $n + 1));
    tasksrv_signal((int) $vpid, 'KILL');
    // A finish() result reaches onFinish before its onTask has ended: the counters may
    // still show that task running when the last outcome arrives, so wait for them.
    echo preg_replace('/^STATS .*\n/m', '', rel_recv_line($c, "balanced", 10));
    $end = microtime(true) + 5;
    while (!str_contains($st = tasksrv_request($c, 'stats'), 'queue=0 running=0') && microtime(true) < $end) {
        usleep(10000);
    }
    echo $st, "\n";
    echo "task worker replaced: ", var_export(rel_wait_respawn($srv, (int) $vwid, (int) $vpid) > 0, true), "\n";
    fclose($c);
}
echo "exit: ", $srv->stop(), "\n";
$out = $srv->output();
// onFinish got the partial result, then onTaskFailure the failure of the same task.
preg_match_all('/^(PARTIAL|FAILURE) (\d+)/m', $out, $m, PREG_SET_ORDER);
echo implode("\n", array_map(fn($x) => "$x[1] " . ($x[2] === $m[0][2] ? 'victim' : $x[2]), $m)), "\n";
tasksrv_print_lines($out, 'FAILURE ');
?>
--EXPECT--
-- async
LEDGER 0 sent=1000 refused=0 done=999 exception=0 fatal_error=0 worker_died=1 timeout=0 shutdown=0 too_large=0 channel_corrupt=0 duplicates=0 missing=0 unknown=0
STATS now accepted=1000 done=999 failed=1 queue=0 running=0 rejected=0 by_reason=exception:0,fatal_error:0,worker_died:1,timeout:0,shutdown:0,too_large:0,channel_corrupt:0 balanced=yes
task worker replaced: true
-- wait
taskwait threw: reason=worker_died signal=9 exitStatus=NULL exceptionClass=NULL code=NULL file=NULL line=NULL trace=NULL
LEDGER 0 sent=2000 refused=0 done=1999 exception=0 fatal_error=0 worker_died=1 timeout=0 shutdown=0 too_large=0 channel_corrupt=0 duplicates=0 missing=0 unknown=0
STATS now accepted=2001 done=1999 failed=2 queue=0 running=0 rejected=0 by_reason=exception:0,fatal_error:0,worker_died:2,timeout:0,shutdown:0,too_large:0,channel_corrupt:0 balanced=yes
task worker replaced: true
exit: 0
PARTIAL victim
FAILURE victim
FAILURE 300 reason=worker_died signal=9 exitStatus=NULL exceptionClass=NULL code=NULL file=NULL line=NULL trace=NULL
