--TEST--
EOF framing: a whole packet longer than package_max_length is refused (warning, connection closed, onClose) also when it arrives in one write with its EOF, in both open_eof_split and open_eof_check, as Swoole 6.2.1 refuses it; a packet at the limit is delivered
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
foreach (['open_eof_split', 'open_eof_check'] as $mode) {
    $srv = tasksrv_server(str_replace('MODE', $mode, <<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'MODE' => true, 'package_eof' => "\r\n", 'package_max_length' => 65536]);
    $s->on('Receive', function ($s, $fd, $r, $d) { $s->send($fd, "got " . strlen($d) . "\n"); });
    $s->on('Close', function ($s, $fd) { echo "closed $fd\n"; });
    $s->start();
    PHP));
    $c = $srv->connect();
    fwrite($c, str_repeat('z', 65534) . "\r\n");
    echo "$mode: at the limit: ", trim(tasksrv_recv_until($c, "\n")), "; ";
    fwrite($c, str_repeat('z', 90000) . "\r\n");
    echo "over it: ", var_export(tasksrv_recv($c, 3) === '' && feof($c), true), " (closed)\n";
    $srv->waitOutput('closed');
    echo preg_match('/WARNING\tServer::onReceive\(\): session#1 from 127\.0\.0\.1:\d+: packet of 90002 bytes is larger than package_max_length 65536, connection closed/', $srv->output()) ? "warning\n" : $srv->output();
    echo "exit: ", $srv->stop(), "\n";
}
?>
--EXPECT--
open_eof_split: at the limit: got 65536; over it: true (closed)
warning
exit: 0
open_eof_check: at the limit: got 65536; over it: true (closed)
warning
exit: 0
