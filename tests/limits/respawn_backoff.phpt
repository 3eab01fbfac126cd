--TEST--
A worker id that keeps dying right after its start is started again after a growing delay (100 ms from the third quick death in a row, doubling up to 5 s), not in a loop: in 2 s a task worker whose WorkerStart exits gets a handful of starts, each back-off is logged, and the event worker serves on
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 1, 'task_worker_num' => 1]);
$s->on('WorkerStart', function ($s, $id) {
    if ($s->taskworker) {
        echo "task worker start\n";
        exit(3);
    }
});
$s->on('Receive', function ($s, $fd, $r, $d) { $s->send($fd, "alive\n"); });
$s->on('Task', function () {});
$s->start();
PHP);
usleep((int) (2e6 * tasksrv_slowdown()));
$c = $srv->connect();
fwrite($c, "x");
echo tasksrv_recv_until($c, "\n");
$out = $srv->output();
$starts = substr_count($out, 'task worker start');
echo "starts in 2 s: ", $starts >= 4 && $starts <= 12 ? "between 4 and 12" : $starts, "\n";
preg_match_all('/exited abnormally (\d+) times in a row within 1000 ms of its start: started again in (\d+) ms/', $out, $m);
echo "back-offs logged: ", count($m[0]) >= 2 ? "yes" : "no", "\n";
echo "delays: ", implode(' ', array_slice($m[2], 0, 4)), "\n";
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
alive
starts in 2 s: between 4 and 12
back-offs logged: yes
delays: 100 200 400 800
exit: 0
