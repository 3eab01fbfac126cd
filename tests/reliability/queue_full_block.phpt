--TEST--
task_queue_full = block (the default) under load: task(), taskwait() and taskWaitMulti() wait for room instead of failing, the queue never exceeds task_queue_max, results that arrive while a call waits are kept (each of 2000 tasks reaches onFinish once), nothing is logged per task, nothing is rejected, the counters balance
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/reliability.inc';
$flag = sys_get_temp_dir() . '/tasksrv-hold-' . getmypid() . '-' . mt_rand();
register_shutdown_function(fn() => @unlink($flag));
$srv = rel_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 2, 'task_queue_max' => 5]);
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $l = $GLOBALS['ledger'] = new RelLedger();
        $out = '';
        // Both task workers hold a task until FLAG exists, then 5 tasks fill the queue.
        $l->sent($s->task('hold', 0));
        $l->sent($s->task('hold', 1));
        while ($s->stats()['task_running_num'] < 2) {
            usleep(1000);
        }
        for ($i = 0; $i < 5; $i++) {
            $l->sent($s->task("fill $i"));
        }
        $out .= "queue full: " . var_export($s->stats()['task_queue_num'] === 5, true) . "\n";
        // A task() now blocks until room is made: the flag is set by a helper 0.3 s later.
        $pid = pcntl_fork();
        if ($pid === 0) {
            usleep(300000);
            touch('FLAG');
            exit(0);
        }
        $t = microtime(true);
        $l->sent($s->task('blocked'));
        $d = microtime(true) - $t;
        pcntl_waitpid($pid, $status);
        $out .= "task() blocked until room was made: " . var_export($d > 0.2 && $d < 2, true) . "\n";
        $max = 0;
        for ($i = 0; $i < 2000; $i++) {
            $l->sent($s->task($i));
            $max = max($max, $s->stats()['task_queue_num']);
            if ($i === 1000) {
                // With the queue full: taskwait() and taskWaitMulti() wait for room too.
                $out .= "taskwait: " . var_export($s->taskwait('w', 5), true) . "\n";
                $r = $s->taskWaitMulti(array_combine(range(0, 19), range(0, 19)), 5, $failures);
                $out .= "taskWaitMulti: " . count($r) . " results, in order of keys: " . var_export(ksort($r) && $r === range(0, 19), true)
                    . ", failures: " . count($failures) . "\n";
            }
        }
        $out .= "under load: the queue never exceeded task_queue_max: " . var_export($max <= 5, true) . "\n";
        $out .= "task() never returned false: " . var_export($l->refused === 0, true) . "\n";
        $GLOBALS['out'] = $out;
        $l->tell($s, $fd, $out);
    });
    $s->on('Task', function ($s, $id, $src, $data) {
        while ($data === 'hold' && !file_exists('FLAG')) {
            usleep(1000);
        }
        usleep(300);
        return $data;
    });
    $s->on('Finish', function ($s, $id, $data) {
        $GLOBALS['ledger']->done($id);
        $GLOBALS['ledger']->tell($s, $GLOBALS['fd'], $GLOBALS['out'] ?? '');
    });
    $s->on('TaskFailure', function ($s, int $id, TaskSrv\TaskFailure $f) {
        echo "UNEXPECTED FAILURE $id " . rel_describe($f) . "\n";
        $GLOBALS['ledger']->failed($id, $f);
    });
    $s->start();
PHP, [], ['FLAG' => $flag]);
$c = $srv->connect();
fwrite($c, 'go');
echo rel_recv_line($c, "balanced", 15);
echo "server output (no line per waiting task):\n", $srv->output(), "--\n";
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
queue full: true
task() blocked until room was made: true
taskwait: 'w'
taskWaitMulti: 20 results, in order of keys: true, failures: 0
under load: the queue never exceeded task_queue_max: true
task() never returned false: true
LEDGER 0 sent=2008 refused=0 done=2008 exception=0 fatal_error=0 worker_died=0 timeout=0 shutdown=0 too_large=0 channel_corrupt=0 duplicates=0 missing=0 unknown=0
STATS settled accepted=2029 done=2029 failed=0 queue=0 running=0 rejected=0 by_reason=exception:0,fatal_error:0,worker_died:0,timeout:0,shutdown:0,too_large:0,channel_corrupt:0 balanced=yes
server output (no line per waiting task):
--
exit: 0
