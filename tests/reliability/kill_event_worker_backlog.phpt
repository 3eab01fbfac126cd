--TEST--
task_ipc_mode 3: kill -9 of an event worker whose tasks wait in its backlog for a free task worker: they fail as worker_died (counted and logged, nobody is told), tasking_num and task_queue_num drain to 0, the task in hand still runs
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/reliability.inc';
$srv = rel_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1, 'task_ipc_mode' => 3]);
    $s->on('WorkerStart', fn($s, $id) => print("START $id " . getmypid() . "\n"));
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        if ($data === 'go') {
            $s->task('sleep');
            // The only task worker is busy: these wait in this worker's backlog.
            for ($i = 0; $i < 20; $i++) {
                $s->task($i);
            }
            $s->send($fd, "sent\n");
            return;
        }
        $st = $s->stats();
        $s->send($fd, rel_stats_line($st, 'now') . " tasking={$st['tasking_num']}\n");
    });
    $s->on('Task', function ($s, $id, $src, $data) {
        if ($data === 'sleep') {
            usleep((int) (300000 * tasksrv_test_slowdown()));
            echo "SLEEP DONE\n";
        } else {
            // None may: the task worker is busy with 'sleep' from the moment it takes it
            // (a claim made while it was taking it is given back).
            echo "RAN $data\n";
        }
        return $data;
    });
    $s->on('Finish', fn() => null);
    $s->start();
PHP);
echo tasksrv_request($srv->connect(), 'go'), "\n";
$pid = rel_pids($srv)[0][0];
tasksrv_signal($pid, 'KILL');
echo "replaced: ", var_export(rel_wait_respawn($srv, 0, $pid) > 0, true), "\n";
echo "the task in hand ran: ", var_export($srv->waitOutput('SLEEP DONE'), true), "\n";
$c = $srv->connect();
$end = microtime(true) + 3 * tasksrv_slowdown();
do {
    $line = tasksrv_request($c, 'stats');
    $st = rel_parse($line, 'STATS')['now'];
    usleep(20000);
} while ($st['queue'] + $st['running'] + $st['tasking'] > 0 && microtime(true) < $end);
echo "counters settle: queue={$st['queue']} running={$st['running']} tasking={$st['tasking']} accepted={$st['accepted']} done+failed=", $st['done'] + $st['failed'], " balanced={$st['balanced']}\n";
echo "exit: ", $srv->stop(), "\n";
$out = $srv->output();
echo implode("\n", rel_log_lines($out, 'it had accepted but not sent')), "\n";
$lost = preg_match("/worker\\(pid=$pid, id=0\\) left (\\d+) task\\(s\\)/", $out, $m) ? (int) $m[1] : -1;
$ran = count(tasksrv_lines($out, 'RAN '));
echo "lost + ran = ", $lost + $ran, ", all were lost: ", var_export($lost === 20, true), "\n";
echo "failed = worker_died = lost: ", var_export($st['failed'] === $lost && str_contains($st['by_reason'], "worker_died:$lost,"), true), "\n";
?>
--EXPECT--
sent
replaced: true
the task in hand ran: true
counters settle: queue=0 running=0 tasking=0 accepted=21 done+failed=21 balanced=yes
exit: 0
WARNING	worker(pid=N, id=N) left N task(s) it had accepted but not sent: failed as worker_died, nobody is told (their caller is gone)
lost + ran = 20, all were lost: true
failed = worker_died = lost: true
