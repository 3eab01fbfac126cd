--TEST--
A corrupt frame header on the channel from an event worker to a task worker (fault injection): the task worker finds it, marks the channel broken and is replaced; the tasks behind the corrupt header fail once as channel_corrupt (onTaskFailure, taskwait throws); while the channel is broken task() and sendMessage() to that task worker return false with a warning and getLastError() 9102; once the successor has emptied the channel tasks run again and the ledger balances
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php
ob_start(); phpinfo(INFO_MODULES);
if (!str_contains(ob_get_clean(), 'TASKSRV_DEV_CORRUPT_FRAME')) die('skip needs a developer build (--enable-tasksrv-dev): fault injection');
?>
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
/* Endpoints: worker 0, task worker 1, the manager 2. The 50th frame worker 0 writes to
 * task worker 1 goes out with a header its reader cannot trust. */
putenv('TASKSRV_DEV_CORRUPT_FRAME=0:1:50');
$s = new TaskSrv\Server('127.0.0.1', PORT, SWOOLE_BASE);
$s->set(['worker_num' => 1, 'task_worker_num' => 1]);
$s->on('WorkerStart', function ($s, $id) {
    echo "start $id " . getmypid() . "\n";
    if ($s->taskworker) {
        usleep(300000);   /* a successor empties the channel after this: it stays broken meanwhile */
    }
});
$s->on('Receive', function ($s, $fd, $r, $d) {
    global $client, $want, $seen, $first;
    [$cmd, $n] = explode(' ', trim($d));
    $client = $fd;
    $want = (int) $n;
    $seen = [];
    $first = null;
    for ($i = 0; $i < $want; $i++) {
        if ($s->task("t$i") === false) {
            echo "task() false\n";
        }
    }
    if ($cmd === 'corrupt') {
        try {
            $s->taskwait('w', 10);
            echo "taskwait returned\n";
        } catch (TaskSrv\TaskFailedException $e) {
            $f = $e->getFailure();
            echo "taskwait threw: {$f->reason} (task worker #{$f->workerId})\n";
        }
        /* The channel is broken until the successor has emptied it. */
        $r = $s->task('x', 0);
        echo "task(): " . var_export($r, true) . " " . $s->getLastError() . "\n";
        $r = $s->sendMessage('m', 1);
        echo "sendMessage(): " . var_export($r, true) . " " . $s->getLastError() . "\n";
    }
});
$s->on('PipeMessage', function ($s, $src, $m) { echo "pipe message $m\n"; });
$s->on('Task', function ($s, $id, $src, $d) {
    usleep(1000);
    return "r$d";
});
function outcome($s, $what, $f = null) {
    global $client, $want, $seen, $first;
    $seen[] = $what;
    if ($f && $first === null) {
        $first = "first failure: task {$f->taskId} {$f->reason}, workerId {$f->workerId}: {$f->message}";
    }
    if (count($seen) === $want) {
        $c = array_count_values($seen);
        ksort($c);
        $st = $s->stats();
        $s->send($client, json_encode($c) . " accepted={$st['task_accepted']} done={$st['task_done']} failed={$st['task_failed']}"
            . " channel_corrupt={$st['task_failed_by_reason']['channel_corrupt']} queue={$st['task_queue_num']}"
            . " running={$st['task_running_num']}" . ($first ? "\n$first" : '') . "\n.\n");
    }
}
$s->on('Finish', fn($s, $id, $d) => outcome($s, 'done'));
$s->on('TaskFailure', fn($s, $id, $f) => outcome($s, $f->reason, $f));
$s->start();
PHP);
$srv->waitOutput('start', 2);
$c = $srv->connect();
fwrite($c, "corrupt 100\n");
echo "corrupt: ", substr(tasksrv_recv_until($c, "\n.\n", 20), 0, -2);
fclose($c);
$srv->waitOutput('emptied, in use again', 1, 20);
$c = $srv->connect();
fwrite($c, "again 20\n");
echo "again: ", substr(tasksrv_recv_until($c, "\n.\n", 20), 0, -2);
fclose($c);
$out = $srv->output();
preg_match_all('/^(taskwait .*|task\(\).*|sendMessage\(\).*|pipe message.*)$/m', $out, $m);
echo implode("\n", $m[0]), "\n";
preg_match_all('/^start 1 (\d+)$/m', $out, $m);
echo "task worker starts: ", count($m[1]), ", replaced: ", var_export(count(array_unique($m[1])) === 2, true), "\n";
echo "log: ", substr_count($out, 'channel from worker #0 to task worker #1 is corrupt (unknown frame version)'), " corrupt, ",
    substr_count($out, 'was found corrupt by its reader'), " writer gave up, ",
    substr_count($out, 'channel from worker #0 to task worker #1: emptied, in use again'), " emptied, ",
    substr_count($out, 'the channel to it was found corrupt and is being reset'), " warnings, ",
    substr_count($out, 'abnormal exit'), " abnormal exits\n";
if (getenv('SHOW')) echo $out;
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
corrupt: {"channel_corrupt":51,"done":49} accepted=101 done=49 failed=52 channel_corrupt=52 queue=0 running=0
first failure: task 49 channel_corrupt, workerId 1: task 49 was lost on the way to task worker #1: the channel to it was found corrupt (its reader met a frame header it cannot trust); the task did not run
again: {"done":20} accepted=121 done=69 failed=52 channel_corrupt=52 queue=0 running=0
taskwait threw: channel_corrupt (task worker #1)
task(): false 9102
sendMessage(): false 9102
task worker starts: 2, replaced: true
log: 1 corrupt, 1 writer gave up, 1 emptied, 2 warnings, 0 abnormal exits
exit: 0
