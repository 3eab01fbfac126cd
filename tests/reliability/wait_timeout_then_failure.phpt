--TEST--
A wait that times out is not a failure: taskwait() returns false and taskWaitMulti() leaves the entry out of both arrays; when those tasks fail later (exception, kill -9) the late failures go nowhere (no onTaskFailure, no warning), and the counters still count them
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
        if ($data === 'stats') {
            $s->send($fd, rel_stats_line($s->stats(), 'now') . "\n");
            return;
        }
        $out = "taskwait: " . var_export($s->taskwait('throw late', 0.2), true) . "\n";
        $r = $s->taskWaitMulti(['ok' => 'ok', 'slow' => 'victim'], 0.2, $failures);
        $out .= "taskWaitMulti: " . json_encode($r) . ", failures: " . json_encode(array_keys($failures)) . "\n";
        $s->send($fd, $out);
    });
    $s->on('Task', function ($s, $id, $src, $data) {
        if ($data === 'throw late') {
            usleep(400000);
            throw new RuntimeException('too late to matter');
        }
        if ($data === 'victim') {
            echo "VICTIM $id {$s->worker_id} " . getmypid() . "\n";
            for ($i = 0; $i < 1000; $i++) {
                usleep(10000); // until kill -9
            }
        }
        return $data;
    });
    $s->on('Finish', fn($s, $id, $data) => print("UNEXPECTED onFinish $id\n"));
    $s->on('TaskFailure', fn($s, $id, $f) => print("UNEXPECTED onTaskFailure $id {$f->reason}\n"));
    $s->start();
PHP);
$c = $srv->connect();
fwrite($c, 'go');
echo rel_recv_line($c, 'taskWaitMulti', 5);
[$vid, $vwid, $vpid] = explode(' ', rel_wait_line($srv, 'VICTIM '));
tasksrv_signal((int) $vpid, 'KILL');
rel_wait_respawn($srv, (int) $vwid, (int) $vpid);
$end = microtime(true) + 5;
while (!str_contains($st = tasksrv_request($c, 'stats'), 'queue=0 running=0') && microtime(true) < $end) {
    usleep(10000);
}
usleep(100000);
echo $st, "\n";
echo "exit: ", $srv->stop(), "\n";
tasksrv_print_lines($srv->output(), 'UNEXPECTED');
tasksrv_print_lines($srv->output(), 'Warning');
?>
--EXPECT--
taskwait: false
taskWaitMulti: {"ok":"ok"}, failures: []
STATS now accepted=3 done=1 failed=2 queue=0 running=0 rejected=0 by_reason=exception:1,fatal_error:0,worker_died:1,timeout:0,shutdown:0,too_large:0,channel_corrupt:0 balanced=yes
exit: 0
