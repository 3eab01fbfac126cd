--TEST--
kill -9 of an event worker in the middle of writing a 512 KiB task frame (async task()): its successor completes the cut frame, the task worker drops it, the unsent tasks fail as worker_died (the cut one included), and every task of the successor arrives whole on the same channel
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
        if ($data === 'go') {
            // 10 MiB: the channel's socket takes a few frames, a cut one heads this
            // worker's output buffer, the rest wait behind it.
            for ($i = 0; $i < 20; $i++) {
                $s->task(str_repeat(chr(65 + $i), 512 * 1024));
            }
            $s->send($fd, "sent\n");
            return;
        }
        if ($data === 'new') {
            $l = $GLOBALS['ledger'] = new RelLedger();
            for ($i = 0; $i < 50; $i++) {
                $l->sent($s->task($i));
            }
            for ($i = 0; $i < 3; $i++) {
                $l->sent($s->task(str_repeat('z', 512 * 1024)));
            }
            $s->send($fd, "successor's taskwait: " . var_export($s->taskwait('w', 5), true) . "\n");
            return;
        }
        if ($data === 'ledger') {
            $s->send($fd, $GLOBALS['ledger']->summary(0) . "\n");
            return;
        }
        $s->send($fd, rel_stats_line($s->stats(), 'now') . "\n");
    });
    $s->on('Task', function ($s, $id, $src, $data) {
        if (is_string($data) && strlen($data) > 1) {
            if (strlen($data) !== 512 * 1024 || strspn($data, $data[0]) !== strlen($data)) {
                echo "CORRUPT task $id from #$src: ", strlen($data), " bytes\n";
            } elseif ($data[0] !== 'z') {
                $GLOBALS['ran'] = ($GLOBALS['ran'] ?? 0) + 1;
                usleep(20000);
            }
        }
        return is_string($data) ? strlen($data) : $data;
    });
    $s->on('WorkerStop', function ($s, $id) {
        if ($s->taskworker) {
            echo "RAN " . ($GLOBALS['ran'] ?? 0) . "\n";
        }
    });
    $s->on('Finish', function ($s, $id, $data) {
        if (isset($GLOBALS['ledger'])) {
            $GLOBALS['ledger']->done($id);
        }
    });
    $s->on('TaskFailure', fn($s, $id, $f) => print("UNEXPECTED onTaskFailure $id\n"));
    $s->start();
PHP);
echo tasksrv_request($srv->connect(), 'go'), "\n";
$pid = rel_pids($srv)[0][0];
tasksrv_signal($pid, 'KILL');
echo "replaced: ", var_export(rel_wait_respawn($srv, 0, $pid) > 0, true), "\n";
$c = $srv->connect();
echo tasksrv_request($c, 'new'), "\n";
$end = microtime(true) + 5 * tasksrv_slowdown();
do {
    $st = rel_parse(tasksrv_request($c, 'stats'), 'STATS')['now'];
    usleep(20000);
} while ($st['queue'] + $st['running'] > 0 && microtime(true) < $end);
$st = rel_parse(tasksrv_request($c, 'stats'), 'STATS')['now'];
echo "counters settle: queue={$st['queue']} running={$st['running']} accepted={$st['accepted']} done+failed=", $st['done'] + $st['failed'], " balanced={$st['balanced']}\n";
echo tasksrv_request($c, 'ledger'), "\n";
echo "exit: ", $srv->stop(), "\n";
$out = $srv->output();
tasksrv_print_lines($out, 'UNEXPECTED');
tasksrv_print_lines($out, 'CORRUPT');
$lost = preg_match("/worker\\(pid=$pid, id=0\\) left (\\d+) task\\(s\\) it had accepted but not sent: failed as worker_died/", $out, $m) ? (int) $m[1] : -1;
$ran = (int) (tasksrv_lines($out, 'RAN ')[0] ?? -1000);
echo "some tasks never left the dead worker: ", var_export($lost > 0, true), "\n";
echo "lost + ran = ", $lost + $ran, "\n";
echo "failed = lost: ", var_export($st['failed'] === $lost, true), "\n";
// The frame the kill cut: completed with padding by the successor, dropped by the task worker.
echo "cut frame completed: ", count(rel_log_lines($out, 'completing a frame my predecessor was writing')), "\n";
echo "cut frame dropped: ", count(rel_log_lines($out, 'dropped a frame its writer died writing')), "\n";
?>
--EXPECT--
sent
replaced: true
successor's taskwait: 1
counters settle: queue=0 running=0 accepted=74 done+failed=74 balanced=yes
LEDGER 0 sent=53 refused=0 done=53 exception=0 fatal_error=0 worker_died=0 timeout=0 shutdown=0 too_large=0 channel_corrupt=0 duplicates=0 missing=0 unknown=0
exit: 0
some tasks never left the dead worker: true
lost + ran = 20
failed = lost: true
cut frame completed: 1
cut frame dropped: 1
