--TEST--
exit() in onTask ends the task worker: the task fails as worker_died with its exit status (signal null); without an onTaskFailure handler an async failure is a warning naming the task id and reason; taskwait() throws; the worker is replaced; the counters balance
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/reliability.inc';
$srv = rel_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1]);
    $s->on('WorkerStart', fn($s, $id) => print("START $id " . getmypid() . "\n"));
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $l = $GLOBALS['ledger'] ??= new RelLedger();
        if ($data === 'async') {
            for ($i = 0; $i < 200; $i++) {
                $l->sent($s->task($i === 50 ? 'exit 3' : $i));
            }
            return;
        }
        try {
            $s->taskwait('exit 0', 5);
        } catch (TaskSrv\TaskFailedException $e) {
            $s->send($fd, "taskwait threw: " . rel_describe($e->getFailure()) . "\n" . rel_stats_line($s->stats(), 'now') . "\n");
        }
    });
    $s->on('Task', function ($s, $id, $src, $data) {
        if (is_string($data)) {
            exit((int) substr($data, 5));
        }
        return $data;
    });
    $s->on('Finish', function ($s, $id, $data) {
        $GLOBALS['ledger']->done($id);
        // No TaskFailure handler: the failure is a warning, and this ledger never sees it.
        if (count($GLOBALS['ledger']->seen) === 199) {
            $s->send($GLOBALS['fd'], $GLOBALS['ledger']->summary(0) . "\n");
        }
    });
    $s->start();
PHP);
$c = $srv->connect();
fwrite($c, 'async');
echo tasksrv_recv_until($c, "\n", 10);
$pids = rel_pids($srv);
echo "task worker replaced: ", var_export(count($pids[1] ?? []) === 2, true), "\n";
$c = $srv->connect();
fwrite($c, 'wait');
echo preg_replace('/pid \d+/', 'pid P', rel_recv_line($c, "balanced", 10));
echo "task worker replaced again: ", var_export(rel_wait_respawn($srv, 1, end($pids[1])) > 0, true), "\n";
echo "exit: ", $srv->stop(), "\n";
tasksrv_print_lines(preg_replace('/pid \d+/', 'pid P', $srv->output()), 'Warning');
print_r(rel_log_lines($srv->output(), 'abnormal'));
?>
--EXPECTF--
LEDGER 0 sent=200 refused=0 done=199 exception=0 fatal_error=0 worker_died=0 timeout=0 shutdown=0 too_large=0 channel_corrupt=0 duplicates=0 missing=1 unknown=0
task worker replaced: true
taskwait threw: reason=worker_died signal=NULL exitStatus=0 exceptionClass=NULL code=NULL file=NULL line=NULL trace=NULL message=task worker #1 (pid P) exited with status 0 while running task 200
STATS now accepted=201 done=199 failed=2 queue=0 running=0 rejected=0 by_reason=exception:0,fatal_error:0,worker_died:2,timeout:0,shutdown:0,too_large:0,channel_corrupt:0 balanced=yes
task worker replaced again: true
exit: 0
Warning: TaskSrv\Server::start(): task 50 failed (worker_died): task worker #1 (pid P) exited with status 3 while running task 50; register on('TaskFailure') to handle it in %s on line %d
Array
(
    [0] => WARNING	Worker::report_error(): worker(pid=N, id=N) abnormal exit, status=N, signal=N
)
