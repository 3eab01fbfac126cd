--TEST--
kill -9 of a task worker during onTask, task() style, under load: the killed task fails as worker_died (signal 9) through onTaskFailure, every other of 3000 tasks reaches onFinish exactly once, the worker is replaced and the counters balance
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/reliability.inc';
$srv = rel_server(<<<'PHP'
    const N = 3000;
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 2]);
    $s->on('WorkerStart', fn($s, $id) => print("START $id " . getmypid() . "\n"));
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $GLOBALS['ledger'] = $l = new RelLedger();
        for ($i = 0; $i < N; $i++) {
            $l->sent($s->task($i === 100 ? 'victim' : $i));
        }
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
        return $data;
    });
    $check = function ($s) {
        $l = $GLOBALS['ledger'];
        if ($l->settled() && !isset($GLOBALS['told'])) {
            $GLOBALS['told'] = true;
            $s->send($GLOBALS['fd'], $l->summary($s->worker_id) . "\n" . rel_stats_line($s->stats(), 'settled') . "\n");
        }
    };
    $s->on('Finish', function ($s, $id, $data) use ($check) {
        $GLOBALS['ledger']->done($id);
        $check($s);
    });
    $s->on('TaskFailure', function ($s, int $id, TaskSrv\TaskFailure $f) use ($check) {
        echo "FAILURE $id " . rel_describe($f) . "\n";
        echo "FAILURE-WORKER {$f->workerId}\n";
        $GLOBALS['ledger']->failed($id, $f);
        $check($s);
    });
    $s->start();
PHP);
$c = $srv->connect();
fwrite($c, 'go');
[$vid, $vwid, $vpid] = explode(' ', rel_wait_line($srv, 'VICTIM '));
tasksrv_signal((int) $vpid, 'KILL');
echo rel_recv_line($c, "balanced", 10);
$out = $srv->output();
echo "victim task id: $vid\n";
echo "failure names the victim's worker: ", var_export(tasksrv_lines($out, 'FAILURE-WORKER ') === [$vwid], true), "\n";
echo str_replace(["$vid reason", "#$vwid", "pid $vpid", "task $vid"], ['VID reason', '#W', 'pid P', 'task VID'], implode("\n", tasksrv_lines($out, 'FAILURE '))), "\n";
$new = rel_wait_respawn($srv, (int) $vwid, (int) $vpid);
echo "task worker replaced: ", var_export($new > 0 && $new !== (int) $vpid, true), "\n";
print_r(rel_log_lines($out, 'abnormal exit'));
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECTF--
LEDGER 0 sent=3000 refused=0 done=2999 exception=0 fatal_error=0 worker_died=1 timeout=0 shutdown=0 too_large=0 channel_corrupt=0 duplicates=0 missing=0 unknown=0
STATS settled accepted=3000 done=2999 failed=1 queue=0 running=0 rejected=0 by_reason=exception:0,fatal_error:0,worker_died:1,timeout:0,shutdown:0,too_large:0,channel_corrupt:0 balanced=yes
victim task id: 100
failure names the victim's worker: true
VID reason=worker_died signal=9 exitStatus=NULL exceptionClass=NULL code=NULL file=NULL line=NULL trace=NULL message=task worker #W (pid P) was killed by signal 9 while running task VID
task worker replaced: true
Array
(
    [0] => WARNING	Worker::report_error(): worker(pid=N, id=N) abnormal exit, status=N, signal=N
)
exit: 0
