--TEST--
kill -9 of a task worker during onTask, taskWaitMulti() and taskCo() styles, under load: taskWaitMulti() leaves the killed entry out of its result and puts its TaskFailure (worker_died) under the same key in $failures, returning as soon as the rest are in; taskCo() gives false for it; 1000 async tasks each reach onFinish once; the counters balance
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/reliability.inc';
$srv = rel_server(<<<'PHP'
    const N = 1000;
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 3]);
    $s->on('WorkerStart', fn($s, $id) => print("START $id " . getmypid() . "\n"));
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $l = $GLOBALS['ledger'] ??= new RelLedger();
        for ($i = 0; $i < N / 2; $i++) {
            $l->sent($s->task("async $i"));
        }
        $tasks = [];
        for ($i = 0; $i < 8; $i++) {
            $tasks[$i] = "entry $i";
            $tasks["k$i"] = "entry k$i";
        }
        $tasks['victim'] = 'victim';
        $out = '';
        $t = microtime(true);
        if ($data === 'multi') {
            $failures = 'overwritten';
            $r = $s->taskWaitMulti($tasks, 10, $failures);
            $out .= "taskWaitMulti returned after the kill, well before its timeout: " . var_export(microtime(true) - $t < 5, true) . "\n";
            ksort($r);
            $out .= "results: " . count($r) . ", keys " . implode(',', array_keys($r)) . "\n";
            $ok = true;
            foreach ($r as $k => $v) {
                $ok = $ok && $v === "done {$tasks[$k]}";
            }
            $out .= "each result matches its key: " . var_export($ok, true) . "\n";
            $out .= "failures keys: " . implode(',', array_keys($failures)) . "\n";
            $out .= "failures['victim']: " . rel_describe($failures['victim'], false) . "\n";
        } else {
            $r = $s->taskCo($tasks, 10);
            $out .= "taskCo returned after the kill, well before its timeout: " . var_export(microtime(true) - $t < 5, true) . "\n";
            $out .= "taskCo: " . count($r) . " entries in input order: " . var_export(array_keys($r) === array_keys($tasks), true)
                . ", victim => " . var_export($r['victim'], true) . ", false entries: " . count(array_keys($r, false, true)) . "\n";
        }
        for ($i = N / 2; $i < N; $i++) {
            $l->sent($s->task("async $i"));
        }
        $GLOBALS['out'] = $out;
        $GLOBALS['ledger']->tell($s, $fd, $out);
    });
    $s->on('Task', function ($s, $id, $src, $data) {
        if ($data === 'victim') {
            echo "VICTIM $id {$s->worker_id} " . getmypid() . "\n";
            for ($i = 0; $i < 1000; $i++) {
                usleep(10000); // until kill -9
            }
            return 'survived';
        }
        usleep(200);
        return "done $data";
    });
    $s->on('Finish', function ($s, $id, $data) {
        $l = $GLOBALS['ledger'];
        $l->done($id);
        if (isset($GLOBALS['out'])) {
            $l->tell($s, $GLOBALS['fd'], $GLOBALS['out']);
        }
    });
    $s->on('TaskFailure', function ($s, int $id, TaskSrv\TaskFailure $f) {
        echo "UNEXPECTED FAILURE $id " . rel_describe($f) . "\n";
        $GLOBALS['ledger']->failed($id, $f);
    });
    $s->start();
PHP);
foreach (['multi', 'co'] as $n => $cmd) {
    echo "-- $cmd\n";
    $c = $srv->connect();
    fwrite($c, $cmd);
    [$vid, $vwid, $vpid] = explode(' ', rel_wait_line($srv, 'VICTIM ', $n + 1));
    tasksrv_signal((int) $vpid, 'KILL');
    echo rel_recv_line($c, "balanced", 10);
    echo "task worker replaced: ", var_export(rel_wait_respawn($srv, (int) $vwid, (int) $vpid) > 0, true), "\n";
    fclose($c);
}
tasksrv_print_lines($srv->output(), 'UNEXPECTED');
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
-- multi
taskWaitMulti returned after the kill, well before its timeout: true
results: 16, keys 0,1,2,3,4,5,6,7,k0,k1,k2,k3,k4,k5,k6,k7
each result matches its key: true
failures keys: victim
failures['victim']: reason=worker_died signal=9 exitStatus=NULL exceptionClass=NULL code=NULL file=NULL line=NULL trace=NULL
LEDGER 0 sent=1000 refused=0 done=1000 exception=0 fatal_error=0 worker_died=0 timeout=0 shutdown=0 too_large=0 channel_corrupt=0 duplicates=0 missing=0 unknown=0
STATS settled accepted=1017 done=1016 failed=1 queue=0 running=0 rejected=0 by_reason=exception:0,fatal_error:0,worker_died:1,timeout:0,shutdown:0,too_large:0,channel_corrupt:0 balanced=yes
task worker replaced: true
-- co
taskCo returned after the kill, well before its timeout: true
taskCo: 17 entries in input order: true, victim => false, false entries: 1
LEDGER 0 sent=2000 refused=0 done=2000 exception=0 fatal_error=0 worker_died=0 timeout=0 shutdown=0 too_large=0 channel_corrupt=0 duplicates=0 missing=0 unknown=0
STATS settled accepted=2034 done=2032 failed=2 queue=0 running=0 rejected=0 by_reason=exception:0,fatal_error:0,worker_died:2,timeout:0,shutdown:0,too_large:0,channel_corrupt:0 balanced=yes
task worker replaced: true
exit: 0
