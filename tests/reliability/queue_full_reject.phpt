--TEST--
task_queue_full = reject: with task_queue_max tasks waiting, task() returns false and taskwait()/taskWaitMulti()/taskCo() throw QueueFullException, nothing is logged per task, stats() count the rejections (never accepted); under load (2000 task() calls) the queue never exceeds task_queue_max; every accepted task has exactly one outcome and the counters balance
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/reliability.inc';
$flag = sys_get_temp_dir() . '/tasksrv-hold-' . getmypid() . '-' . mt_rand();
register_shutdown_function(fn() => @unlink($flag));
$srv = rel_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 2, 'task_queue_max' => 10, 'task_queue_full' => 'reject']);
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $l = $GLOBALS['ledger'] = new RelLedger();
        $out = '';
        // Both task workers hold a task until FLAG exists: nothing leaves the queue meanwhile.
        $l->sent($s->task('hold', 0));
        $l->sent($s->task('hold', 1));
        while ($s->stats()['task_running_num'] < 2) {
            usleep(1000);
        }
        $ids = [];
        for ($i = 0; $i < 100; $i++) {
            $ids[] = $id = $s->task("fill $i");
            $l->sent($id);
        }
        $out .= "task() with the task workers held: " . count(array_filter($ids, 'is_int')) . " accepted, "
            . count(array_filter($ids, fn($id) => $id === false)) . " false; the first false is call #"
            . array_search(false, $ids, true) . "\n";
        try {
            $s->taskwait('wait', 5);
            $out .= "taskwait() was accepted\n";
        } catch (TaskSrv\QueueFullException $e) {
            $out .= "taskwait(): " . get_class($e) . " (a " . get_parent_class($e) . "): " . $e->getMessage() . "\n";
        }
        try {
            $s->taskWaitMulti(['a' => 1, 'b' => 2], 5, $failures);
            $out .= "taskWaitMulti() was accepted\n";
        } catch (TaskSrv\QueueFullException $e) {
            $out .= "taskWaitMulti(): " . get_class($e) . ": " . $e->getMessage() . "\n";
        }
        try {
            $s->taskCo(['a' => 1], 5);
            $out .= "taskCo() was accepted\n";
        } catch (TaskSrv\QueueFullException $e) {
            $out .= "taskCo(): " . get_class($e) . "\n";
        }
        $st = $s->stats();
        $out .= "stats: accepted={$st['task_accepted']} rejected={$st['task_rejected']} queue={$st['task_queue_num']} running={$st['task_running_num']}\n";
        touch('FLAG');
        // Under load: the task workers run while task() keeps coming.
        $max = 0;
        $before = $l->refused;
        for ($i = 0; $i < 2000; $i++) {
            $l->sent($s->task($i));
            $max = max($max, $s->stats()['task_queue_num']);
        }
        $out .= "under load: the queue never exceeded task_queue_max: " . var_export($max <= 10, true) . "\n";
        $st = $s->stats();
        $out .= "task_rejected counts every refusal: " . var_export($st['task_rejected'] === $l->refused + 3, true)
            . ", task_accepted every id: " . var_export($st['task_accepted'] === count($l->sent), true) . "\n";
        $GLOBALS['out'] = $out;
        $l->tell($s, $fd, $out);
    });
    $s->on('Task', function ($s, $id, $src, $data) {
        if ($data === 'hold') {
            while (!file_exists('FLAG')) {
                usleep(1000);
            }
        }
        usleep(500);
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
$reply = rel_recv_line($c, "balanced", 10);
// How many of the 2000 were refused depends on the machine's speed; the summary must add up.
$l = rel_parse($reply, 'LEDGER')[0];
$st = rel_parse($reply, 'STATS')['settled'];
echo preg_replace(['/^LEDGER .*\n/m', '/^STATS .*\n/m'], '', $reply);
echo "ledger: sent + refused = ", $l['sent'] + $l['refused'], ", one outcome each: ",
    var_export($l['done'] === $l['sent'] && $l['duplicates'] + $l['missing'] + $l['unknown'] === 0, true), "\n";
echo "stats: accepted = sent: ", var_export($st['accepted'] === $l['sent'], true), ", done = sent: ",
    var_export($st['done'] === $l['sent'], true), ", rejected = refused + taskwait + taskWaitMulti + taskCo: ",
    var_export($st['rejected'] === $l['refused'] + 3, true), ", failed={$st['failed']} queue={$st['queue']} running={$st['running']} balanced={$st['balanced']}\n";
echo "server output (no line per rejected task):\n", $srv->output(), "--\n";
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
task() with the task workers held: 10 accepted, 90 false; the first false is call #10
taskwait(): TaskSrv\QueueFullException (a TaskSrv\Exception): the task queue is full (task_queue_max = 10, task_queue_full = reject)
taskWaitMulti(): TaskSrv\QueueFullException: the task queue is full (task_queue_max = 10, task_queue_full = reject)
taskCo(): TaskSrv\QueueFullException
stats: accepted=12 rejected=93 queue=10 running=2
under load: the queue never exceeded task_queue_max: true
task_rejected counts every refusal: true, task_accepted every id: true
ledger: sent + refused = 2102, one outcome each: true
stats: accepted = sent: true, done = sent: true, rejected = refused + taskwait + taskWaitMulti + taskCo: true, failed=0 queue=0 running=0 balanced=yes
server output (no line per rejected task):
--
exit: 0
