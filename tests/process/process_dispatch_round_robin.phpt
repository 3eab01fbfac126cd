--TEST--
PROCESS mode, dispatch_mode 1: packets go round robin across the workers, even on one connection; onConnect/onClose are dropped at start with Swoole's warning
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
$s->set(['worker_num' => 3, 'dispatch_mode' => 1]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('Connect', fn($s, $fd, $rid) => print("Connect\n"));
$s->on('Close', fn($s, $fd, $rid) => print("Close\n"));
$s->on('Receive', fn($s, $fd, $rid, $data) => $s->send($fd, "{$s->getWorkerId()}\n"));
$s->start();
PHP);
$srv->waitOutput('WorkerStart', 3);
$c = $srv->connect();
$seq = [];
for ($j = 0; $j < 7; $j++) {
    fwrite($c, "p$j");
    $seq[] = trim(tasksrv_recv_until($c, "\n"));
}
echo "workers: ", implode(' ', $seq), "\n";
fclose($c);
echo "exit: ", $srv->stop(), "\n";
$out = preg_replace('/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d %\d+\.0\]/m', '[DATE]', $srv->output());
$lines = array_filter(explode("\n", trim($out)), fn($l) => !str_starts_with($l, 'WorkerStart'));
echo implode("\n", $lines), "\n";
?>
--EXPECT--
workers: 0 1 2 0 1 2 0
exit: 0
[DATE]	WARNING	Server::start_check() (ERRNO 9015): cannot set 'onConnect' event when using dispatch_mode=1
[DATE]	WARNING	Server::start_check() (ERRNO 9015): cannot set 'onClose' event when using dispatch_mode=1
