--TEST--
kill -9 of a task worker during onTask, taskwait() style, under load: taskwait() throws TaskFailedException (worker_died, signal 9) as soon as the worker dies, not at its timeout; 1000 async tasks sent before it each reach onFinish exactly once; the successor serves the next taskwait() sent to the same task worker id; the counters balance
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
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $GLOBALS['ledger'] = $l = new RelLedger();
        for ($i = 0; $i < N; $i++) {
            $l->sent($s->task($i));
        }
        $out = '';
        $t = microtime(true);
        try {
            $r = $s->taskwait('victim', 10);
            $out .= "taskwait returned " . var_export($r, true) . "\n";
        } catch (TaskSrv\TaskFailedException $e) {
            $f = $e->getFailure();
            $out .= "taskwait threw " . get_class($e) . " after the kill, well before its timeout: "
                . var_export(microtime(true) - $t < 5, true) . "\n";
            $out .= "exception message: {$e->getMessage()}\n";
            $out .= "failure: " . rel_describe($f) . "\n";
            $out .= "failure taskId is not one of the async ones: " . var_export(!isset($l->sent[$f->taskId]), true) . "\n";
            $GLOBALS['victim_id'] = $f->taskId;
        }
        // To the killed worker's id: its successor answers.
        $out .= "next taskwait: " . var_export($s->taskwait('after', 5, ($GLOBALS['victim_id'] ?? 0) ? $f->workerId - 1 : -1), true) . "\n";
        $l->tell($s, $fd, $out);
        $GLOBALS['out'] = $out;
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
        return $data === 'after' ? 'after: done by ' . ($s->worker_id) : $data;
    });
    $s->on('Finish', function ($s, $id, $data) {
        $GLOBALS['ledger']->done($id);
        if (isset($GLOBALS['out'])) {
            $GLOBALS['ledger']->tell($s, $GLOBALS['fd'], $GLOBALS['out']);
        }
    });
    $s->on('TaskFailure', function ($s, int $id, TaskSrv\TaskFailure $f) {
        echo "UNEXPECTED FAILURE $id " . rel_describe($f) . "\n";
        $GLOBALS['ledger']->failed($id, $f);
    });
    $s->start();
PHP);
$c = $srv->connect();
fwrite($c, 'go');
[$vid, $vwid, $vpid] = explode(' ', rel_wait_line($srv, 'VICTIM '));
tasksrv_signal((int) $vpid, 'KILL');
$reply = rel_recv_line($c, "balanced", 10);
echo str_replace(["task $vid", "#$vwid", "pid $vpid", "done by $vwid"], ['task VID', '#W', 'pid P', 'done by W'], $reply);
$out = $srv->output();
tasksrv_print_lines($out, 'UNEXPECTED');
echo "task worker replaced: ", var_export(rel_wait_respawn($srv, (int) $vwid, (int) $vpid) > 0, true), "\n";
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
taskwait threw TaskSrv\TaskFailedException after the kill, well before its timeout: true
exception message: task VID failed (worker_died): task worker #W (pid P) was killed by signal 9 while running task VID
failure: reason=worker_died signal=9 exitStatus=NULL exceptionClass=NULL code=NULL file=NULL line=NULL trace=NULL message=task worker #W (pid P) was killed by signal 9 while running task VID
failure taskId is not one of the async ones: true
next taskwait: 'after: done by W'
LEDGER 0 sent=1000 refused=0 done=1000 exception=0 fatal_error=0 worker_died=0 timeout=0 shutdown=0 too_large=0 channel_corrupt=0 duplicates=0 missing=0 unknown=0
STATS settled accepted=1002 done=1001 failed=1 queue=0 running=0 rejected=0 by_reason=exception:0,fatal_error:0,worker_died:1,timeout:0,shutdown:0,too_large:0,channel_corrupt:0 balanced=yes
task worker replaced: true
exit: 0
