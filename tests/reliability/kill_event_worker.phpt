--TEST--
kill -9 of an event worker right after it sent 1500 tasks of 4 KiB, many still in its own output buffer (a stated limit: its callers are gone, so nobody is told): the tasks never written fail as worker_died (counted and logged, exactly those that never ran), a frame cut by the kill is dropped, the results for the dead worker are dropped (not handed to its successor), the successor's own tasks work, and the counters settle: no task stays queued for ever
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/reliability.inc';
$srv = rel_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 2]);
    $s->on('WorkerStart', fn($s, $id) => print("START $id " . getmypid() . "\n"));
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        if ($data === 'go') {
            // 6 MiB in all: more than the channels' send buffers take (1 MiB each,
            // doubled by the kernel), so frames wait in this worker's own buffer.
            for ($i = 0; $i < 1500; $i++) {
                $s->task(str_repeat('x', 4096));
            }
            $s->send($fd, "sent\n");
            return;
        }
        if ($data === 'new') {
            // The successor's own tasks.
            $GLOBALS['fd'] = $fd;
            $l = $GLOBALS['ledger'] = new RelLedger();
            for ($i = 0; $i < 100; $i++) {
                $l->sent($s->task($i));
            }
            try {
                $out = "successor's taskwait: " . var_export($s->taskwait('w', 2), true) . "\n";
            } catch (TaskSrv\TaskFailedException $e) {
                $out = "successor's taskwait threw: " . $e->getMessage() . "\n";
            }
            $GLOBALS['out'] = $out;
            $s->send($fd, $out);
            return;
        }
        if ($data === 'ledger') {
            $s->send($fd, $GLOBALS['ledger']->summary(0) . "\n");
            return;
        }
        $s->send($fd, rel_stats_line($s->stats(), 'now') . "\n");
    });
    $s->on('Task', function ($s, $id, $src, $data) {
        if (strlen($data) === 4096) {
            $GLOBALS['ran'] = ($GLOBALS['ran'] ?? 0) + 1;
        }
        usleep(500);
        return $data;
    });
    $s->on('WorkerStop', function ($s, $id) {
        if ($s->taskworker) {
            echo "RAN $id " . ($GLOBALS['ran'] ?? 0) . "\n"; // one write: the task workers print at once
        }
    });
    $s->on('Finish', function ($s, $id, $data) {
        if (isset($GLOBALS['ledger'])) {
            $GLOBALS['ledger']->done($id);
        } else {
            echo "FINISH " . getmypid() . "\n";
        }
    });
    $s->on('TaskFailure', fn($s, $id, $f) => print("UNEXPECTED onTaskFailure $id\n"));
    $s->start();
PHP);
echo tasksrv_request($srv->connect(), 'go'), "\n";
$pid = rel_pids($srv)[0][0];
tasksrv_signal($pid, 'KILL');
echo "replaced: ", var_export(rel_wait_respawn($srv, 0, $pid) > 0, true), "\n";
// Poll from here: a worker looping in onReceive would not read the results meanwhile.
$c = $srv->connect();
echo tasksrv_request($c, 'new'), "\n";
$end = microtime(true) + 3 * tasksrv_slowdown();
do {
    $st = rel_parse(tasksrv_request($c, 'stats'), 'STATS')['now'];
    usleep(20000);
} while ($st['queue'] + $st['running'] > 0 && microtime(true) < $end);
usleep(100000); // any result wrongly handed to the successor would arrive meanwhile
$st = rel_parse(tasksrv_request($c, 'stats'), 'STATS')['now'];
echo "counters settle: queue={$st['queue']} running={$st['running']} accepted={$st['accepted']} done+failed=", $st['done'] + $st['failed'], " balanced={$st['balanced']}\n";
echo tasksrv_request($c, 'ledger'), "\n";
$out = $srv->output();
// None in another process (the killed worker may or may not have had time for some before the kill).
echo "onFinish ran only in the killed worker: ", var_export(array_diff(tasksrv_lines($out, 'FINISH '), [(string) $pid]) === [], true), "\n";
tasksrv_print_lines($out, 'UNEXPECTED');
$by = [];
foreach (explode(',', $st['by_reason']) as $kv) {
    [$k, $v] = explode(':', $kv);
    $by[$k] = (int) $v;
}
echo "exit: ", $srv->stop(), "\n";
$out = $srv->output();
// The manager's word for the tasks that never left the dead worker.
$lost = preg_match_all("/worker\\(pid=$pid, id=0\\) left (\\d+) task\\(s\\) it had accepted but not sent: failed as worker_died, nobody is told/", $out, $m) === 1 ? (int) $m[1][0] : -1;
$ran = 0;
foreach (tasksrv_lines($out, 'RAN ') as $l) {
    $ran += (int) explode(' ', $l)[1];
}
echo "some tasks never left the dead worker: ", var_export($lost > 0, true), "\n";
echo "lost + ran = ", $lost + $ran, "\n";
echo "failed = worker_died = lost: ", var_export($st['failed'] === $lost && $by['worker_died'] === $lost, true), "\n";
echo "done = ran + 101: ", var_export($st['done'] === $ran + 101, true), "\n";
if ($lost + $ran !== 1500) {
    echo "lost=$lost ran=$ran\n", implode("\n", rel_log_lines($out, 'channel')), "\n";
}
?>
--EXPECT--
sent
replaced: true
successor's taskwait: 'w'
counters settle: queue=0 running=0 accepted=1601 done+failed=1601 balanced=yes
LEDGER 0 sent=100 refused=0 done=100 exception=0 fatal_error=0 worker_died=0 timeout=0 shutdown=0 too_large=0 channel_corrupt=0 duplicates=0 missing=0 unknown=0
onFinish ran only in the killed worker: true
exit: 0
some tasks never left the dead worker: true
lost + ran = 1500
failed = worker_died = lost: true
done = ran + 101: true
