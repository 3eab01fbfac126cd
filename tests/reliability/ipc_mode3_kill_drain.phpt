--TEST--
task_ipc_mode 3 (one shared queue: tasks wait in the sender until a task worker is free): kill -9 of a task worker mid-task fails that task as worker_died, then SIGTERM with thousands of tasks still in the sender's backlog fails them as shutdown; every task gets exactly one outcome and the counters agree with the callers
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/reliability.inc';
$srv = rel_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 2, 'task_ipc_mode' => 3, 'max_wait_time' => 0.5]);
    $s->on('WorkerStart', fn($s, $id) => print("START $id " . getmypid() . "\n"));
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $l = $GLOBALS['ledger'] = new RelLedger();
        for ($i = 0; $i < 5000; $i++) {
            $l->sent($s->task($i === 50 ? 'victim' : $i));
        }
        $s->send($fd, "sent; waiting in this worker: " . var_export($s->stats()['task_queue_num'] > 1000, true) . "\n");
    });
    $s->on('Task', function ($s, $id, $src, $data) {
        if ($data === 'victim') {
            echo "VICTIM $id {$s->worker_id} " . getmypid() . "\n";
            for ($i = 0; $i < 1000; $i++) {
                usleep(10000); // until kill -9
            }
        }
        usleep(300);
        return $data;
    });
    $s->on('Finish', fn($s, $id, $data) => $GLOBALS['ledger']->done($id));
    $s->on('TaskFailure', function ($s, int $id, TaskSrv\TaskFailure $f) {
        if ($f->reason === 'worker_died') {
            echo "FAILURE $id " . rel_describe($f, false) . "\n";
        }
        $GLOBALS['ledger']->failed($id, $f);
    });
    $s->on('WorkerStop', fn($s, $id) => $s->taskworker || print($GLOBALS['ledger']->summary($id) . "\n"));
    $s->on('Shutdown', fn($s) => print(rel_stats_line($s->stats(), 'shutdown') . "\n"));
    $s->start();
PHP);
echo tasksrv_request($srv->connect(), 'go'), "\n";
[$vid, $vwid, $vpid] = explode(' ', rel_wait_line($srv, 'VICTIM '));
tasksrv_signal((int) $vpid, 'KILL');
echo "replaced: ", var_export(rel_wait_respawn($srv, (int) $vwid, (int) $vpid) > 0, true), "\n";
$srv->waitOutput('FAILURE ');
echo "exit: ", $srv->stop(), "\n";
$out = $srv->output();
tasksrv_print_lines($out, 'FAILURE ');
$l = rel_parse($out, 'LEDGER')[0];
$st = rel_parse($out, 'STATS')['shutdown'];
echo "one outcome each: ", var_export($l['done'] + $l['worker_died'] + $l['shutdown'] === 5000
    && $l['duplicates'] + $l['missing'] + $l['unknown'] === 0, true), ", worker_died={$l['worker_died']}, some done and some shutdown: ",
    var_export($l['done'] > 0 && $l['shutdown'] > 0, true), "\n";
echo "stats: balanced={$st['balanced']} queue={$st['queue']} running={$st['running']}, agree with the callers: ",
    var_export($st['done'] === $l['done'] && $st['failed'] === $l['worker_died'] + $l['shutdown']
        && $st['by_reason'] === "exception:0,fatal_error:0,worker_died:1,timeout:0,shutdown:{$l['shutdown']},too_large:0,channel_corrupt:0", true), "\n";
?>
--EXPECT--
sent; waiting in this worker: true
replaced: true
exit: 0
FAILURE 50 reason=worker_died signal=9 exitStatus=NULL exceptionClass=NULL code=NULL file=NULL line=NULL trace=NULL
one outcome each: true, worker_died=1, some done and some shutdown: true
stats: balanced=yes queue=0 running=0, agree with the callers: true
