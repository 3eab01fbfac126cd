--TEST--
One-way tasks (sent by the manager, nobody waits): an exception and a fatal error in onTask are logged and counted under their own reasons (exception, fatal_error), and the counters balance
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/reliability.inc';
$srv = rel_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1]);
    $s->on('ManagerStart', function ($s) {
        $s->task('fatal');
        $s->task('throw');
    });
    $s->on('Receive', fn($s, $fd) => $s->send($fd, rel_stats_line($s->stats(), 'now') . "\n"));
    $s->on('Task', function ($s, $id, $src, $data) {
        if ($data === 'fatal') {
            trigger_error('one-way fatal', E_USER_ERROR);
        }
        throw new RuntimeException('one-way throw');
    });
    $s->start();
PHP);
$c = $srv->connect();
$end = microtime(true) + 5;
while (!str_contains($st = tasksrv_request($c, 'x'), 'failed=2') && microtime(true) < $end) {
    usleep(10000);
}
echo $st, "\n";
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
STATS now accepted=2 done=0 failed=2 queue=0 running=0 rejected=0 by_reason=exception:1,fatal_error:1,worker_died:0,timeout:0,shutdown:0,too_large:0,channel_corrupt:0 balanced=yes
exit: 0
