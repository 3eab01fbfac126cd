--TEST--
task_timeout with a SIGSTOPped task worker, under load: the task fails as timeout at its deadline (not as worker_died later), the stopped worker ignores SIGTERM and is SIGKILLed after task_timeout_grace and replaced; the tasks queued behind it run on the successor; 2000 others reach onFinish once; the counters balance
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/reliability.inc';
$srv = rel_server(<<<'PHP'
    const N = 2000;
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 2, 'task_timeout' => 0.5, 'task_timeout_grace' => 0.3]);
    $s->on('WorkerStart', fn($s, $id) => print("START $id " . getmypid() . "\n"));
    $s->on('WorkerError', fn($s, $id, $pid, $code, $sig) => print("WORKERERROR $id $pid $code $sig\n"));
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $GLOBALS['ledger'] = $l = new RelLedger();
        for ($i = 0; $i <= N; $i++) {
            $l->sent($s->task($i === 100 ? 'victim' : $i));
        }
    });
    $s->on('Task', function ($s, $id, $src, $data) {
        if ($data === 'victim') {
            echo "VICTIM $id {$s->worker_id} " . getmypid() . "\n";
            for ($i = 0; $i < 1000; $i++) {
                usleep(10000); // SIGSTOPped here
            }
            return 'survived';
        }
        usleep(200);
        return $data;
    });
    $s->on('Finish', function ($s, $id, $data) {
        $GLOBALS['ledger']->done($id);
        $GLOBALS['ledger']->tell($s, $GLOBALS['fd']);
    });
    $s->on('TaskFailure', function ($s, int $id, TaskSrv\TaskFailure $f) {
        echo "FAILED AT " . microtime(true) . "\n";
        echo "FAILURE $id " . rel_describe($f) . "\n";
        $GLOBALS['ledger']->failed($id, $f);
        $GLOBALS['ledger']->tell($s, $GLOBALS['fd']);
    });
    $s->start();
PHP);
$c = $srv->connect();
fwrite($c, 'go');
[$vid, $vwid, $vpid] = explode(' ', rel_wait_line($srv, 'VICTIM '));
tasksrv_signal((int) $vpid, 'STOP');
$stopped = microtime(true);
echo rel_recv_line($c, "balanced", 10);
$failed_at = (float) rel_wait_line($srv, 'FAILED AT ');
// The VICTIM line is printed when the task starts; the test stopped it a moment later.
$d = $failed_at - $stopped;
echo "failed at the deadline (0.5 s after it started): ", var_export($d > 0.3 && $d < 1.5, true), "\n";
$new = rel_wait_respawn($srv, (int) $vwid, (int) $vpid);
echo "replaced: ", var_export($new > 0, true), "\n";
$out = $srv->output();
echo str_replace(["#$vwid", "task $vid "], ['#W', 'task VID '], implode("\n", tasksrv_lines($out, 'FAILURE '))), "\n";
echo "onWorkerError: ", str_replace("$vwid $vpid ", 'W P ', implode("\n", tasksrv_lines($out, 'WORKERERROR '))), "\n";
print_r(rel_log_lines($out, 'WARNING'));
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
LEDGER 0 sent=2001 refused=0 done=2000 exception=0 fatal_error=0 worker_died=0 timeout=1 shutdown=0 too_large=0 channel_corrupt=0 duplicates=0 missing=0 unknown=0
STATS settled accepted=2001 done=2000 failed=1 queue=0 running=0 rejected=0 by_reason=exception:0,fatal_error:0,worker_died:0,timeout:1,shutdown:0,too_large:0,channel_corrupt:0 balanced=yes
failed at the deadline (0.5 s after it started): true
replaced: true
100 reason=timeout signal=NULL exitStatus=NULL exceptionClass=NULL code=NULL file=NULL line=NULL trace=NULL message=task VID ran longer than task_timeout (0.500 s); task worker #W is being stopped
onWorkerError: W P 0 9
Array
(
    [0] => WARNING	Worker::report_error(): worker(pid=N, id=N) abnormal exit, status=N, signal=N
    [1] => WARNING	task worker #N (pid N) did not stop within task_timeout_grace, killed
)
exit: 0
