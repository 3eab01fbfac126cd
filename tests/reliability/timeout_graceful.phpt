--TEST--
task_timeout, the task worker finishing within task_timeout_grace: the task fails as timeout at its deadline (async and taskwait), its late finish() returns false and its late return value reaches nobody (exactly one outcome), the worker leaves on the SIGTERM with status 0 and is replaced (no SIGKILL); the counters balance
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/reliability.inc';
$srv = rel_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 2, 'task_timeout' => 0.3, 'task_timeout_grace' => 3]);
    $s->on('WorkerStart', fn($s, $id) => print("START $id " . getmypid() . "\n"));
    $s->on('WorkerStop', fn($s, $id) => print("STOP $id " . getmypid() . "\n"));
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $l = $GLOBALS['ledger'] ??= new RelLedger();
        $t = microtime(true);
        if ($data === 'async') {
            for ($i = 0; $i < 500; $i++) {
                $l->sent($s->task($i === 10 ? 'slow' : $i));
            }
            $GLOBALS['t'] = $t;
            return;
        }
        try {
            $s->taskwait('slow', 5);
        } catch (TaskSrv\TaskFailedException $e) {
            $d = microtime(true) - $t;
            $s->send($fd, "taskwait threw at the deadline: " . var_export($d > 0.25 && $d < 0.75, true) . " "
                . rel_describe($e->getFailure(), false) . "\n");
        }
    });
    $s->on('Task', function ($s, $id, $src, $data) {
        if ($data === 'slow') {
            $end = microtime(true) + 0.8;
            while (microtime(true) < $end) {
                // CPU-bound past the deadline: the SIGTERM waits for the task to end
            }
            echo "LATE finish() returns " . var_export($s->finish('late finish'), true) . "\n";
            return 'late return';
        }
        usleep(100);
        return $data;
    });
    $s->on('Finish', function ($s, $id, $data) {
        if (is_string($data)) {
            echo "UNEXPECTED late result $id $data\n";
        }
        $GLOBALS['ledger']->done($id);
        $GLOBALS['ledger']->tell($s, $GLOBALS['fd']);
    });
    $s->on('TaskFailure', function ($s, int $id, TaskSrv\TaskFailure $f) {
        $d = microtime(true) - $GLOBALS['t'];
        echo "FAILURE at the deadline: " . var_export($d > 0.25 && $d < 0.75, true) . " " . rel_describe($f, false) . "\n";
        $GLOBALS['ledger']->failed($id, $f);
        $GLOBALS['ledger']->tell($s, $GLOBALS['fd']);
    });
    $s->start();
PHP);
foreach (['async', 'wait'] as $n => $cmd) {
    echo "-- $cmd\n";
    $c = $srv->connect();
    fwrite($c, $cmd);
    echo rel_recv_line($c, $cmd === 'async' ? "balanced" : "\n", 10);
    // The slow task's worker ends its task at 0.8 s, then leaves on the SIGTERM.
    echo "late finish() seen: ", var_export($srv->waitOutput('LATE', $n + 1), true), "\n";
    echo "a task worker stopped and was replaced: ", var_export($srv->waitOutput('STOP ', $n + 1) && $srv->waitOutput('START ', 4 + $n), true), "\n";
}
// The late result did not reach anyone, and the ledger still balances.
$c = $srv->connect();
$out = $srv->output();
tasksrv_print_lines($out, 'FAILURE ');
tasksrv_print_lines($out, 'LATE ');
tasksrv_print_lines($out, 'UNEXPECTED');
print_r(rel_log_lines($out, 'WARNING'));
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
-- async
LEDGER 0 sent=500 refused=0 done=499 exception=0 fatal_error=0 worker_died=0 timeout=1 shutdown=0 too_large=0 channel_corrupt=0 duplicates=0 missing=0 unknown=0
STATS settled accepted=500 done=499 failed=1 queue=0 running=0 rejected=0 by_reason=exception:0,fatal_error:0,worker_died:0,timeout:1,shutdown:0,too_large:0,channel_corrupt:0 balanced=yes
late finish() seen: true
a task worker stopped and was replaced: true
-- wait
taskwait threw at the deadline: true reason=timeout signal=NULL exitStatus=NULL exceptionClass=NULL code=NULL file=NULL line=NULL trace=NULL
late finish() seen: true
a task worker stopped and was replaced: true
FAILURE at the deadline: true reason=timeout signal=NULL exitStatus=NULL exceptionClass=NULL code=NULL file=NULL line=NULL trace=NULL
LATE finish() returns false
LATE finish() returns false
Array
(
)
exit: 0
