--TEST--
Reload (SIGUSR1 to the manager) during 10,000 in-flight tasks: each old event worker drains (onFinish while max_wait_time lasts, then TaskFailure "shutdown") and is replaced only after; every task gets exactly one outcome; the task workers restart and skip the given-up tasks; a fresh worker then sees balanced counters that agree with the callers and serves new tasks (TASKSRV_HEAVY=1: 100,000 tasks)
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/reliability.inc';
$per_worker = getenv('TASKSRV_HEAVY') ? 50000 : 5000;
$flag_dir = sys_get_temp_dir() . '/tasksrv-reload-' . getmypid() . '-' . mt_rand();
mkdir($flag_dir);
register_shutdown_function(fn() => @rmdir("$flag_dir/0") + @rmdir("$flag_dir/1") + @rmdir($flag_dir));
$srv = rel_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 2, 'task_worker_num' => 2, 'max_wait_time' => 0.5]);
    $s->on('WorkerStart', function ($s, $id) {
        echo "START $id " . getmypid() . "\n";
        // Only the first event workers send: their successors find the mark.
        if ($s->taskworker || !@mkdir("FLAG_DIR/$id")) {
            return;
        }
        $GLOBALS['ledger'] = $l = new RelLedger();
        for ($i = 0; $i < PER_WORKER; $i++) {
            $l->sent($s->task($i));
        }
        echo "SENT $id\n";
    });
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        // A fresh worker: serves a new task, waits for the given-up tasks to be skipped, reports.
        $new = $s->taskwait('new', 5);
        $end = microtime(true) + 5;
        do {
            $st = $s->stats();
            if ($st['task_queue_num'] + $st['task_running_num'] === 0) {
                break;
            }
            usleep(10000);
        } while (microtime(true) < $end);
        $s->send($fd, rel_stats_line($st, 'after-reload') . "\n" . "new task: $new\n");
    });
    $s->on('Task', function ($s, $id, $src, $data) {
        usleep(300);
        return $data;
    });
    $s->on('Finish', fn($s, $id, $data) => $GLOBALS['ledger']->done($id));
    $s->on('TaskFailure', function ($s, int $id, TaskSrv\TaskFailure $f) {
        if ($f->reason !== 'shutdown') {
            echo "UNEXPECTED FAILURE " . rel_describe($f) . "\n";
        }
        $GLOBALS['ledger']->failed($id, $f);
    });
    $s->on('WorkerStop', function ($s, $id) {
        if (!$s->taskworker && isset($GLOBALS['ledger'])) {
            echo $GLOBALS['ledger']->summary($id) . "\n";
            echo "PROBLEMS $id " . $GLOBALS['ledger']->problems() . "\n";
        }
    });
    $s->start();
PHP, [], ['PER_WORKER' => $per_worker, 'FLAG_DIR' => $flag_dir]);
$srv->waitOutput('SENT ', 2, 30);
tasksrv_signal($srv->mainPid(), 'USR1');
$t = microtime(true);
// The old event workers drain (max_wait_time 0.5 s), then their successors start.
$ok = $srv->waitOutput('LEDGER ', 2, 10) && $srv->waitOutput('START ', 8, 10);
echo "reloaded within a few seconds: ", var_export($ok && microtime(true) - $t < 4, true), "\n";
$pids = rel_pids($srv);
ksort($pids);
echo "processes per worker id: ", implode(' ', array_map('count', $pids)), "\n";
// Each old event worker stopped (LEDGER) before its successor started.
$out = $srv->output();
foreach ([0, 1] as $wid) {
    $stop = strpos($out, "LEDGER $wid ");
    $start2 = strpos($out, "START $wid {$pids[$wid][1]}\n");
    echo "worker $wid replaced only after it drained: ", var_export($stop !== false && $start2 > $stop, true), "\n";
}
$c = $srv->connect();
fwrite($c, 'stats');
$reply = rel_recv_line($c, "new task: ", 10);
echo preg_replace('/^STATS .*$/m', '', $reply);
$stats = rel_parse($reply, 'STATS')['after-reload'] ?? [];
$out = $srv->output();
$ledgers = rel_parse($out, 'LEDGER');
ksort($ledgers);
foreach ($ledgers as $wid => $l) {
    echo "worker $wid: sent all: ", var_export($l['sent'] === $per_worker, true), ", one outcome each: ",
        var_export($l['done'] + $l['shutdown'] === $l['sent'] && $l['duplicates'] + $l['missing'] + $l['unknown'] === 0, true),
        ", other reasons: ", $l['exception'] + $l['fatal_error'] + $l['worker_died'] + $l['timeout'], "\n";
}
$done = array_sum(array_column($ledgers, 'done'));
$shutdown = array_sum(array_column($ledgers, 'shutdown'));
echo "some finished, some were failed as shutdown: ", var_export($done > 0 && $shutdown > 0, true), "\n";
echo "stats: balanced=", $stats['balanced'] ?? '?', " queue={$stats['queue']} running={$stats['running']} accepted is all: ",
    var_export($stats['accepted'] === 2 * $per_worker + 1, true), "\n";
// +1: the new taskwait.
echo "stats agree with the callers: done ", var_export($stats['done'] === $done + 1, true),
    ", failed ", var_export($stats['failed'] === $shutdown, true), ", every failure is shutdown: ",
    var_export(str_contains($stats['by_reason'], "shutdown:{$stats['failed']}"), true), "\n";
tasksrv_print_lines($out, 'UNEXPECTED');
foreach (tasksrv_lines($out, 'PROBLEMS ') as $p) {
    if (!str_ends_with($p, 'missing [] duplicates []')) {
        echo "PROBLEMS $p\n";
    }
}
print_r(rel_log_lines($out, 'reloading'));
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
reloaded within a few seconds: true
processes per worker id: 2 2 2 2
worker 0 replaced only after it drained: true
worker 1 replaced only after it drained: true

new task: new
worker 0: sent all: true, one outcome each: true, other reasons: 0
worker 1: sent all: true, one outcome each: true, other reasons: 0
some finished, some were failed as shutdown: true
stats: balanced=yes queue=0 running=0 accepted is all: true
stats agree with the callers: done true, failed true, every failure is shutdown: true
Array
(
    [0] => INFO	Server is reloading all workers now
)
exit: 0
