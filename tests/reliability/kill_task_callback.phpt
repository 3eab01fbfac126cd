--TEST--
kill -9 of a task worker during onTask, task() with a per-task callback, under load: the killed task's failure goes to onTaskFailure (its callback never runs), the 1999 others reach their callback (1000) or onFinish (999) exactly once; the counters balance
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/reliability.inc';
$srv = rel_server(<<<'PHP'
    const N = 2000;
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 2]);
    $s->on('WorkerStart', fn($s, $id) => print("START $id " . getmypid() . "\n"));
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $GLOBALS['ledger'] = $l = new RelLedger();
        $GLOBALS['via'] = ['callback' => 0, 'onFinish' => 0];
        $cb = function ($s, $id, $data) {
            $GLOBALS['via']['callback']++;
            if ($data === 'survived') {
                echo "UNEXPECTED victim callback\n";
            }
            $GLOBALS['ledger']->done($id);
            $GLOBALS['ledger']->tell($s, $GLOBALS['fd']);
        };
        for ($i = 0; $i < N; $i++) {
            // Even ones have a callback, and so has the victim.
            $l->sent($s->task($i === 501 ? 'victim' : $i, -1, $i % 2 === 0 || $i === 501 ? $cb : null), $i % 2 ? 'onFinish' : 'callback');
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
    $s->on('Finish', function ($s, $id, $data) {
        $GLOBALS['via']['onFinish']++;
        $GLOBALS['ledger']->done($id);
        $GLOBALS['ledger']->tell($s, $GLOBALS['fd']);
    });
    $s->on('TaskFailure', function ($s, int $id, TaskSrv\TaskFailure $f) {
        echo "FAILURE $id " . rel_describe($f, false) . "\n";
        echo "VIA " . json_encode($GLOBALS['via']) . "\n";
        $GLOBALS['ledger']->failed($id, $f);
        $GLOBALS['ledger']->tell($s, $GLOBALS['fd']);
    });
    $s->on('WorkerStop', fn($s, $id) => $s->taskworker || print("FINAL VIA " . json_encode($GLOBALS['via']) . "\n"));
    $s->start();
PHP);
$c = $srv->connect();
fwrite($c, 'go');
[$vid, $vwid, $vpid] = explode(' ', rel_wait_line($srv, 'VICTIM '));
tasksrv_signal((int) $vpid, 'KILL');
echo rel_recv_line($c, "balanced", 10);
echo "task worker replaced: ", var_export(rel_wait_respawn($srv, (int) $vwid, (int) $vpid) > 0, true), "\n";
echo "exit: ", $srv->stop(), "\n";
$out = $srv->output();
tasksrv_print_lines($out, 'FAILURE ');
tasksrv_print_lines($out, 'FINAL VIA ');
tasksrv_print_lines($out, 'UNEXPECTED');
?>
--EXPECT--
LEDGER 0 sent=2000 refused=0 done=1999 exception=0 fatal_error=0 worker_died=1 timeout=0 shutdown=0 too_large=0 channel_corrupt=0 duplicates=0 missing=0 unknown=0
STATS settled accepted=2000 done=1999 failed=1 queue=0 running=0 rejected=0 by_reason=exception:0,fatal_error:0,worker_died:1,timeout:0,shutdown:0,too_large:0,channel_corrupt:0 balanced=yes
task worker replaced: true
exit: 0
FAILURE 501 reason=worker_died signal=9 exitStatus=NULL exceptionClass=NULL code=NULL file=NULL line=NULL trace=NULL
FINAL VIA {"callback":1000,"onFinish":999}
