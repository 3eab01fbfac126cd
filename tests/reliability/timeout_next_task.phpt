--TEST--
task_timeout: once its task timed out, a task worker starts no other task before it leaves, so a task queued behind the late one is never killed with it (nor reported as timeout without having run for task_timeout)
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/reliability.inc';
$srv = rel_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1, 'task_timeout' => 0.3, 'task_timeout_grace' => 0.5]);
    $s->on('WorkerStart', fn($s, $id) => print("START $id " . getmypid() . "\n"));
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $l = $GLOBALS['ledger'] = new RelLedger();
        // late: 0.6 s (its deadline is 0.3 s; it ends within the 0.5 s grace);
        // next 0..2: 0.25 s each, queued behind it on the same task worker.
        $l->sent($s->task(['late', 0.6]));
        for ($i = 0; $i < 3; $i++) {
            $l->sent($s->task(["next $i", 0.25]));
        }
    });
    $s->on('Task', function ($s, $id, $src, $data) {
        echo "RUN {$data[0]} in " . getmypid() . "\n";
        $end = microtime(true) + $data[1];
        while (microtime(true) < $end) {
        }
        return $data[0];
    });
    $s->on('Finish', function ($s, $id, $data) {
        echo "DONE $data\n";
        $GLOBALS['ledger']->done($id);
        $GLOBALS['ledger']->tell($s, $GLOBALS['fd']);
    });
    $s->on('TaskFailure', function ($s, int $id, TaskSrv\TaskFailure $f) {
        echo "FAILED $id {$f->reason}\n";
        $GLOBALS['ledger']->failed($id, $f);
        $GLOBALS['ledger']->tell($s, $GLOBALS['fd']);
    });
    $s->start();
PHP);
$c = $srv->connect();
fwrite($c, 'go');
echo rel_recv_line($c, "balanced", 10);
$out = $srv->output();
$pids = rel_pids($srv)[1];
echo "the late task ran in the first task worker: ", var_export(str_contains($out, "RUN late in {$pids[0]}"), true), "\n";
echo "no other task ran there: ", var_export(substr_count($out, "in {$pids[0]}\n") === 1, true), "\n";
tasksrv_print_lines($out, 'DONE ');
tasksrv_print_lines($out, 'FAILED ');
print_r(rel_log_lines($out, 'WARNING'));
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
LEDGER 0 sent=4 refused=0 done=3 exception=0 fatal_error=0 worker_died=0 timeout=1 shutdown=0 too_large=0 channel_corrupt=0 duplicates=0 missing=0 unknown=0
STATS settled accepted=4 done=3 failed=1 queue=0 running=0 rejected=0 by_reason=exception:0,fatal_error:0,worker_died:0,timeout:1,shutdown:0,too_large:0,channel_corrupt:0 balanced=yes
the late task ran in the first task worker: true
no other task ran there: true
DONE next 0
DONE next 1
DONE next 2
FAILED 0 timeout
Array
(
)
exit: 0
