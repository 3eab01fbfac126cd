--TEST--
E_USER_ERROR (trigger_error) in onTask, under load, for task(), taskwait() and taskWaitMulti(): the task fails as fatal_error with the message, file and line, exitStatus 255; the task worker exits 255 and is replaced; every other task has exactly one outcome; the counters balance
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/reliability.inc';
$srv = rel_server(<<<'PHP'
    const N = 1000;
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 2]);
    $s->on('WorkerStart', fn($s, $id) => print("START $id " . getmypid() . "\n"));
    $s->on('WorkerError', fn($s, $id, $pid, $code, $sig) => print("WORKERERROR $code $sig\n"));
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $l = $GLOBALS['ledger'] ??= new RelLedger();
        $out = '';
        for ($i = 0; $i < N; $i++) {
            $l->sent($s->task($i === 200 && $data === 'async' ? 'fatal' : $i));
        }
        if ($data === 'wait') {
            try {
                $s->taskwait('fatal', 10);
            } catch (TaskSrv\TaskFailedException $e) {
                $out .= "taskwait threw: " . rel_describe($e->getFailure()) . "\n";
            }
        }
        if ($data === 'multi') {
            $r = $s->taskWaitMulti(['a' => 1, 'b' => 'fatal', 'c' => 3], 10, $failures);
            ksort($r); // results come in the order they arrive
            $out .= "taskWaitMulti: " . json_encode($r) . ", failures: " . implode(',', array_keys($failures)) . " "
                . rel_describe($failures['b']) . "\n";
        }
        $GLOBALS['out'] = $out;
        $l->tell($s, $fd, $out);
    });
    $s->on('Task', function ($s, $id, $src, $data) {
        if ($data === 'fatal') {
            trigger_error("task $id gave up", E_USER_ERROR);
            echo "UNEXPECTED: after E_USER_ERROR\n";
        }
        usleep(200);
        return $data;
    });
    $s->on('Finish', function ($s, $id, $data) {
        $GLOBALS['ledger']->done($id);
        $GLOBALS['ledger']->tell($s, $GLOBALS['fd'], $GLOBALS['out'] ?? '');
    });
    $s->on('TaskFailure', function ($s, int $id, TaskSrv\TaskFailure $f) {
        echo "FAILURE $id " . rel_describe($f) . "\n";
        $GLOBALS['ledger']->failed($id, $f);
        $GLOBALS['ledger']->tell($s, $GLOBALS['fd'], $GLOBALS['out'] ?? '');
    });
    $s->start();
PHP);
foreach (['async', 'wait', 'multi'] as $n => $cmd) {
    echo "-- $cmd\n";
    $c = $srv->connect();
    fwrite($c, $cmd);
    echo rel_recv_line($c, "balanced", 10);
    echo "replaced: ", var_export($srv->waitOutput('START ', 4 + $n), true), "\n";
}
$out = $srv->output();
tasksrv_print_lines($out, 'FAILURE ');
tasksrv_print_lines($out, 'WORKERERROR ');
tasksrv_print_lines($out, 'Fatal error');
tasksrv_print_lines($out, 'UNEXPECTED');
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECTF--
-- async
LEDGER 0 sent=1000 refused=0 done=999 exception=0 fatal_error=1 worker_died=0 timeout=0 shutdown=0 too_large=0 channel_corrupt=0 duplicates=0 missing=0 unknown=0
STATS settled accepted=1000 done=999 failed=1 queue=0 running=0 rejected=0 by_reason=exception:0,fatal_error:1,worker_died:0,timeout:0,shutdown:0,too_large:0,channel_corrupt:0 balanced=yes
replaced: true
-- wait
taskwait threw: reason=fatal_error signal=NULL exitStatus=255 exceptionClass=NULL code=NULL file=tasksrv-srv-%s.php line=%d trace=NULL message=task 2000 gave up
LEDGER 0 sent=2000 refused=0 done=1999 exception=0 fatal_error=1 worker_died=0 timeout=0 shutdown=0 too_large=0 channel_corrupt=0 duplicates=0 missing=0 unknown=0
STATS settled accepted=2001 done=1999 failed=2 queue=0 running=0 rejected=0 by_reason=exception:0,fatal_error:2,worker_died:0,timeout:0,shutdown:0,too_large:0,channel_corrupt:0 balanced=yes
replaced: true
-- multi
taskWaitMulti: {"a":1,"c":3}, failures: b reason=fatal_error signal=NULL exitStatus=255 exceptionClass=NULL code=NULL file=tasksrv-srv-%s.php line=%d trace=NULL message=task 3002 gave up
LEDGER 0 sent=3000 refused=0 done=2999 exception=0 fatal_error=1 worker_died=0 timeout=0 shutdown=0 too_large=0 channel_corrupt=0 duplicates=0 missing=0 unknown=0
STATS settled accepted=3004 done=3001 failed=3 queue=0 running=0 rejected=0 by_reason=exception:0,fatal_error:3,worker_died:0,timeout:0,shutdown:0,too_large:0,channel_corrupt:0 balanced=yes
replaced: true
FAILURE 200 reason=fatal_error signal=NULL exitStatus=255 exceptionClass=NULL code=NULL file=tasksrv-srv-%s.php line=%d trace=NULL message=task 200 gave up
WORKERERROR 255 0
WORKERERROR 255 0
WORKERERROR 255 0
Fatal error: task 200 gave up in %s on line %d
Fatal error: task 2000 gave up in %s on line %d
Fatal error: task 3002 gave up in %s on line %d
exit: 0
