--TEST--
PROCESS mode framing: the master cuts packets (src/core/protocol.c) before dispatching: with open_length_check, packets glued in one write or split across writes reach onReceive one at a time; an oversized length closes only that connection
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
$s->set(['worker_num' => 2, 'dispatch_mode' => 1, 'open_length_check' => true, 'package_length_type' => 'N',
    'package_length_offset' => 0, 'package_body_offset' => 4, 'package_max_length' => 70000]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('Receive', fn($s, $fd, $rid, $data) => $s->send($fd, substr($data, 4) . "\n"));
$s->start();
PHP);
$srv->waitOutput('WorkerStart', 2);
$c = $srv->connect();
fwrite($c, pack('N', 3) . 'abc' . pack('N', 2) . 'de' . pack('N', 5) . 'fg');
usleep(100000);
fwrite($c, 'hij');
$got = '';
while (substr_count($got, "\n") < 3) {
    $got .= tasksrv_recv_until($c, "\n");
}
$lines = explode("\n", trim($got));
sort($lines);
echo implode(' ', $lines), "\n";
$bad = $srv->connect();
fwrite($bad, pack('N', 1 << 20));
echo "oversized: EOF ", var_export(tasksrv_recv($bad, 2.0) === '' && feof($bad), true), "\n";
fwrite($c, pack('N', 2) . 'ok');
echo "the other one: ", tasksrv_recv_until($c, "\n");
echo "exit: ", $srv->stop(), "\n";
echo "logged: ", substr_count($srv->output(), 'is larger than package_max_length'), "\n";
?>
--EXPECT--
abc de fghij
oversized: EOF true
the other one: ok
exit: 0
logged: 1
