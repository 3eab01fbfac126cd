--TEST--
Shutdown with a worker stuck in a callback: after max_wait_time the manager kills it and the server still ends with exit 0
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 2, 'max_wait_time' => 0.5]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    echo "busy\n";
    $end = microtime(true) + 20;
    while (microtime(true) < $end) {
        // a CPU-bound callback: no signal interrupts it
    }
});
$s->on('WorkerStop', fn($s, $id) => print("WorkerStop\n"));
$s->on('ManagerStop', fn($s) => print("ManagerStop\n"));
$s->on('Shutdown', fn($s) => print("Shutdown\n"));
$s->start();
PHP);
$srv->waitOutput('WorkerStart', 2);
$c = $srv->connect();
fwrite($c, "x");
$srv->waitOutput('busy');
$t = microtime(true);
echo "exit: ", $srv->stop('TERM'), "\n";
$took = microtime(true) - $t;
echo "took between max_wait_time and a few seconds: ", $took >= 0.45 && $took < 5 ? "yes" : "no ($took)", "\n";
echo "left: ", count(tasksrv_group_pids($srv->pgid)), "\n";
echo "port released: ", tasksrv_port_open($srv->port) ? "no" : "yes", "\n";
// Log lines sort by their text, not by the second they were written in.
$out = preg_replace('/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d /m', '[DATE ', $srv->output());
$lines = array_filter(explode("\n", trim($out)), fn($l) => !str_starts_with($l, 'WorkerStart'));
sort($lines);
echo implode("\n", $lines), "\n";
?>
--EXPECTF--
exit: 0
took between max_wait_time and a few seconds: yes
left: 0
port released: yes
ManagerStop
Shutdown
WorkerStop
[DATE $%d.0]	WARNING	%Sworker(pid=%d, id=%d) abnormal exit, status=0, signal=9
[DATE $%d.0]	WARNING	%s
busy
