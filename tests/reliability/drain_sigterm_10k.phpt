--TEST--
SIGTERM during 10,000 in-flight tasks (two event workers, two task workers, max_wait_time 0.5 s): every task gets exactly one outcome (onFinish while max_wait_time lasts, then TaskFailure "shutdown"), the task workers skip the given-up tasks, and after the server settles the counters balance and agree with what the callers saw (TASKSRV_HEAVY=1: 100,000 tasks)
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/reliability.inc';
$per_worker = getenv('TASKSRV_HEAVY') ? 50000 : 5000;
$srv = rel_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 2, 'task_worker_num' => 2, 'max_wait_time' => 0.5]);
    $s->on('WorkerStart', function ($s, $id) {
        echo "START $id " . getmypid() . "\n";
        if ($s->taskworker) {
            return;
        }
        $GLOBALS['ledger'] = $l = new RelLedger();
        for ($i = 0; $i < PER_WORKER; $i++) {
            $l->sent($s->task($i));
        }
        echo "SENT $id\n";
    });
    $s->on('Receive', fn() => null);
    $s->on('Task', function ($s, $id, $src, $data) {
        usleep(300);
        return $data;
    });
    $s->on('Finish', fn($s, $id, $data) => $GLOBALS['ledger']->done($id));
    $s->on('TaskFailure', function ($s, int $id, TaskSrv\TaskFailure $f) {
        if ($f->reason !== 'shutdown' || $f->workerId !== -1 || $f->signal !== null || $f->exitStatus !== null) {
            echo "UNEXPECTED FAILURE " . rel_describe($f) . "\n";
        }
        if (!isset($GLOBALS['first'])) {
            $GLOBALS['first'] = true;
            echo "SHUTDOWN-FAILURE workerId={$f->workerId} " . rel_describe($f) . "\n";
        }
        $GLOBALS['ledger']->failed($id, $f);
    });
    $s->on('WorkerStop', function ($s, $id) {
        if (!$s->taskworker) {
            echo $GLOBALS['ledger']->summary($id) . "\n";
            echo "PROBLEMS $id " . $GLOBALS['ledger']->problems() . "\n";
        }
    });
    $s->on('Shutdown', fn($s) => print(rel_stats_line($s->stats(), 'shutdown') . "\n"));
    $s->start();
PHP, [], ['PER_WORKER' => $per_worker]);
$srv->waitOutput('SENT ', 2, 30);
$t = microtime(true);
echo "exit: ", $srv->stop('TERM', 30), "\n";
$took = microtime(true) - $t;
echo "stopped within max_wait_time and a few seconds: ", var_export($took < 4, true), "\n";
$out = $srv->output();
$ledgers = rel_parse($out, 'LEDGER');
ksort($ledgers);
$stats = rel_parse($out, 'STATS')['shutdown'] ?? [];
foreach ($ledgers as $wid => $l) {
    echo "worker $wid: sent all: ", var_export($l['sent'] === $per_worker, true), ", one outcome each: ",
        var_export($l['done'] + $l['shutdown'] === $l['sent'] && $l['duplicates'] + $l['missing'] + $l['unknown'] === 0, true),
        ", other reasons: ", $l['exception'] + $l['fatal_error'] + $l['worker_died'] + $l['timeout'], "\n";
}
$done = array_sum(array_column($ledgers, 'done'));
$shutdown = array_sum(array_column($ledgers, 'shutdown'));
echo "some finished, some were failed as shutdown: ", var_export($done > 0 && $shutdown > 0, true), "\n";
echo "stats: balanced=", $stats['balanced'] ?? '?', " queue={$stats['queue']} running={$stats['running']} accepted is all: ",
    var_export($stats['accepted'] === 2 * $per_worker, true), "\n";
echo "stats agree with the callers: done ", var_export($stats['done'] === $done, true),
    ", failed ", var_export($stats['failed'] === $shutdown, true), ", every failure is shutdown: ",
    var_export(str_contains($stats['by_reason'], "shutdown:{$stats['failed']}"), true), "\n";
tasksrv_print_lines($out, 'SHUTDOWN-FAILURE');
tasksrv_print_lines($out, 'UNEXPECTED');
foreach (tasksrv_lines($out, 'PROBLEMS ') as $p) {
    if (!str_ends_with($p, 'missing [] duplicates []')) {
        echo "PROBLEMS $p\n";
    }
}
?>
--EXPECT--
exit: 0
stopped within max_wait_time and a few seconds: true
worker 0: sent all: true, one outcome each: true, other reasons: 0
worker 1: sent all: true, one outcome each: true, other reasons: 0
some finished, some were failed as shutdown: true
stats: balanced=yes queue=0 running=0 accepted is all: true
stats agree with the callers: done true, failed true, every failure is shutdown: true
SHUTDOWN-FAILURE workerId=-1 reason=shutdown signal=NULL exitStatus=NULL exceptionClass=NULL code=NULL file=NULL line=NULL trace=NULL message=the worker that sent this task stopped (shutdown, reload or max_request) and the task had not finished within max_wait_time
SHUTDOWN-FAILURE workerId=-1 reason=shutdown signal=NULL exitStatus=NULL exceptionClass=NULL code=NULL file=NULL line=NULL trace=NULL message=the worker that sent this task stopped (shutdown, reload or max_request) and the task had not finished within max_wait_time
