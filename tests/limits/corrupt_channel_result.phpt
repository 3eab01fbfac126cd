--TEST--
A corrupt frame header on the channel from a task worker back to an event worker (fault injection): the event worker marks it broken and reads on elsewhere (nobody is replaced); the task whose result was behind the corrupt header ran, but its caller gets a channel_corrupt failure once the channel is emptied (taskwait() throws), and the ledger books it failed, not done; the next tasks' results arrive
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
/* Endpoints: worker 0, task worker 1, the manager 2. Task worker 1's fifth frame to
 * worker 0, the result of the taskwait() below, goes out with a corrupt header. */
putenv('TASKSRV_DEV_CORRUPT_FRAME=1:0:5');
$s = new TaskSrv\Server('127.0.0.1', PORT, SWOOLE_BASE);
$s->set(['worker_num' => 1, 'task_worker_num' => 1]);
$s->on('WorkerStart', function ($s, $id) { echo "start $id " . getmypid() . "\n"; });
$s->on('Receive', function ($s, $fd, $r, $d) {
    global $client, $seen;
    $client = $fd;
    $seen = [];
    for ($i = 0; $i < 4; $i++) {
        $s->task("a$i");
    }
    try {
        $r = $s->taskwait('w', 10);
        echo "taskwait returned " . var_export($r, true) . "\n";
    } catch (TaskSrv\TaskFailedException $e) {
        $f = $e->getFailure();
        echo "taskwait threw: {$f->reason}, workerId {$f->workerId}: {$f->message}\n";
    }
    for ($i = 4; $i < 9; $i++) {
        $s->task("a$i");
    }
});
$s->on('Task', function ($s, $id, $src, $d) {
    usleep(20000);
    return "r$d";
});
function outcome($s, $what) {
    global $client, $seen;
    $seen[] = $what;
    if (count($seen) === 9) {
        $st = $s->stats();
        $s->send($client, implode(' ', $seen) . "\naccepted={$st['task_accepted']} done={$st['task_done']} failed={$st['task_failed']}"
            . " channel_corrupt={$st['task_failed_by_reason']['channel_corrupt']} queue={$st['task_queue_num']}"
            . " running={$st['task_running_num']}\n");
    }
}
$s->on('Finish', fn($s, $id, $d) => outcome($s, $d));
$s->on('TaskFailure', fn($s, $id, $f) => outcome($s, "$id:{$f->reason}"));
$s->start();
PHP);
$srv->waitOutput('start', 2);
$c = $srv->connect();
fwrite($c, "go\n");
/* The two lines come in one send(): read until both are in (a second read for a line
 * the first one already got waited out its whole timeout: 20 s, past run-tests' limit
 * under ASan). */
$got = '';
for ($t = microtime(true); substr_count($got, "\n") < 2 && microtime(true) - $t < 20;) {
    if (($more = tasksrv_recv_until($c, "\n", 20)) === '') {
        break;
    }
    $got .= $more;
}
echo $got;
fclose($c);
$out = $srv->output();
preg_match_all('/^taskwait .*$/m', $out, $m);
echo implode("\n", $m[0]), "\n";
preg_match_all('/^start (\d) (\d+)$/m', $out, $m);
echo "starts: ", count($m[0]), "\n";
echo "log: ", substr_count($out, 'channel from task worker #1 to worker #0 is corrupt (unknown frame version)'), " corrupt (",
    substr_count($out, 'its writer is told'), " writer told), ",
    substr_count($out, 'channel from task worker #1 to worker #0 was found corrupt by its reader'), " writer gave up, ",
    substr_count($out, 'channel from task worker #1 to worker #0: emptied, in use again'), " emptied, ",
    substr_count($out, 'abnormal exit'), " abnormal exits\n";
if (getenv('SHOW')) echo $out;
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
ra0 ra1 ra2 ra3 ra4 ra5 ra6 ra7 ra8
accepted=10 done=9 failed=1 channel_corrupt=1 queue=0 running=0
taskwait threw: channel_corrupt, workerId 1: the result of task 4 was lost on the way to worker #0: the channel to it was found corrupt (its reader met a frame header it cannot trust); task worker #1 ran the task
starts: 2
log: 1 corrupt (1 writer told), 1 writer gave up, 1 emptied, 0 abnormal exits
exit: 0
