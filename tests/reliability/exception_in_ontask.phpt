--TEST--
Exceptions in onTask, under load (every 10th of 2000 async tasks, a taskwait(), a taskWaitMulti() entry, an Error, a return value that cannot be serialized): each fails as exception with class, code, message, file, line and trace; the task workers live on (no respawn); every task has exactly one outcome; the counters balance
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/reliability.inc';
$srv = rel_server(<<<'PHP'
    const N = 2000;
    class JobError extends RuntimeException {}
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 2]);
    $s->on('WorkerStart', fn($s, $id) => print("START $id " . getmypid() . "\n"));
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $GLOBALS['ledger'] = $l = new RelLedger();
        $GLOBALS['classes'] = [];
        for ($i = 0; $i < N; $i++) {
            $l->sent($s->task($i));
        }
        $out = '';
        try {
            $s->taskwait('throw', 5);
        } catch (TaskSrv\TaskFailedException $e) {
            $out .= "taskwait: " . get_class($e) . ": " . preg_replace('/task \d+/', 'task N', $e->getMessage()) . "\n";
            $out .= "  " . rel_describe($e->getFailure(), false) . "\n";
        }
        $r = $s->taskWaitMulti(['ok' => 1, 'error' => 'error', 'closure' => 'closure'], 5, $failures);
        $out .= "taskWaitMulti: " . json_encode($r) . "\n";
        ksort($failures);
        foreach ($failures as $k => $f) {
            $out .= "  $k: " . rel_describe($f) . "\n";
        }
        $GLOBALS['out'] = $out;
        $l->tell($s, $fd, $out);
    });
    $s->on('Task', function ($s, $id, $src, $data) {
        echo "RAN-BY " . getmypid() . "\n";
        if ($data === 'throw' || (is_int($data) && $data % 10 === 3)) {
            throw new JobError("job $id failed", 1000 + $id);
        }
        if ($data === 'error') {
            return intdiv(1, 0);
        }
        if ($data === 'closure') {
            return fn() => 1;
        }
        usleep(100);
        return $data;
    });
    $s->on('Finish', function ($s, $id, $data) {
        $GLOBALS['ledger']->done($id);
        $GLOBALS['ledger']->tell($s, $GLOBALS['fd'], $GLOBALS['out'] ?? '');
    });
    $s->on('TaskFailure', function ($s, int $id, TaskSrv\TaskFailure $f) {
        $ok = $f->reason === 'exception' && $f->exceptionClass === 'JobError' && $f->code === 1000 + $id
            && $f->message === "job $id failed" && $f->line === 34 && str_contains($f->trace, '{main}')
            && $f->signal === null && $f->exitStatus === null;
        if (!$ok || $id % 10 !== 3) {
            echo "UNEXPECTED FAILURE $id " . rel_describe($f) . "\n";
        }
        if ($id === 13) {
            echo "FAILURE 13 " . rel_describe($f) . "\n";
        }
        $GLOBALS['ledger']->failed($id, $f);
        $GLOBALS['ledger']->tell($s, $GLOBALS['fd'], $GLOBALS['out'] ?? '');
    });
    $s->start();
PHP);
$c = $srv->connect();
fwrite($c, 'go');
echo rel_recv_line($c, "balanced", 10);
$out = $srv->output();
tasksrv_print_lines($out, 'FAILURE ');
tasksrv_print_lines($out, 'UNEXPECTED');
$pids = rel_pids($srv);
$ran_by = array_map('intval', array_unique(tasksrv_lines($out, 'RAN-BY ')));
sort($ran_by);
$task_pids = array_merge($pids[1], $pids[2]);
sort($task_pids);
echo "processes started: ", count($pids[0]), " ", count($pids[1]), " ", count($pids[2]), "\n";
echo "all tasks ran in the first two task worker processes: ", var_export($ran_by === $task_pids, true), "\n";
echo "no 'Uncaught' report: ", var_export(!str_contains($out, 'Uncaught'), true), "\n";
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECTF--
taskwait: TaskSrv\TaskFailedException: task N failed (exception): job %d failed
  reason=exception signal=NULL exitStatus=NULL exceptionClass='JobError' code=%d file=tasksrv-srv-%s.php line=34 trace=set
taskWaitMulti: {"ok":1}
  closure: reason=exception signal=NULL exitStatus=NULL exceptionClass='TaskSrv\\SerializationException' code=0 file=tasksrv-srv-%s.php line=%d trace=set message=onTask return value: the data cannot be sent to another process: a Closure at $data
  error: reason=exception signal=NULL exitStatus=NULL exceptionClass='DivisionByZeroError' code=0 file=tasksrv-srv-%s.php line=37 trace=set message=Division by zero
LEDGER 0 sent=2000 refused=0 done=1800 exception=200 fatal_error=0 worker_died=0 timeout=0 shutdown=0 too_large=0 channel_corrupt=0 duplicates=0 missing=0 unknown=0
STATS settled accepted=2004 done=1801 failed=203 queue=0 running=0 rejected=0 by_reason=exception:203,fatal_error:0,worker_died:0,timeout:0,shutdown:0,too_large:0,channel_corrupt:0 balanced=yes
FAILURE 13 reason=exception signal=NULL exitStatus=NULL exceptionClass='JobError' code=1013 file=tasksrv-srv-%s.php line=34 trace=set message=job 13 failed
processes started: 1 1 1
all tasks ran in the first two task worker processes: true
no 'Uncaught' report: true
exit: 0
