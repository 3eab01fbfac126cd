--TEST--
Per-port length framing: one port with open_length_check (n), one with package_length_func, the primary with EOF split; each frames only its own connections
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$p1 = tasksrv_free_port();
$p2 = tasksrv_free_port();
$srv = tasksrv_server(<<<PHP
\$s = new TaskSrv\Server('127.0.0.1', PORT);
\$s->set(['open_eof_split' => true, 'package_eof' => "\\n"]);
\$s->on('Receive', function (\$s, \$fd, \$rid, \$data) { \$s->send(\$fd, json_encode(\$data) . "\\n"); });
\$a = \$s->listen('127.0.0.1', $p1, SWOOLE_SOCK_TCP);
\$a->set(['open_length_check' => true, 'package_length_type' => 'n', 'package_body_offset' => 2]);
\$b = \$s->listen('127.0.0.1', $p2, SWOOLE_SOCK_TCP);
// first byte = body length, as a callable
\$b->set(['package_length_func' => function (string \$buf): int {
    return strlen(\$buf) < 1 ? 0 : 1 + ord(\$buf[0]);
}]);
\$s->start();
PHP);
$c = $srv->connect();
fwrite($c, "a\nb\n");
echo tasksrv_recv_until($c, "\"b\\n\"\n");
$ca = stream_socket_client("tcp://127.0.0.1:$p1", $errno, $errstr, 5);
stream_set_timeout($ca, 5);
fwrite($ca, pack('n', 3) . "x\ny" . pack('n', 1));
usleep(50000);
fwrite($ca, "z");
echo tasksrv_recv_until($ca, "z\"\n");
$cb = stream_socket_client("tcp://127.0.0.1:$p2", $errno, $errstr, 5);
stream_set_timeout($cb, 5);
fwrite($cb, "\x02hi\x03abc");
echo tasksrv_recv_until($cb, "abc\"\n");
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
"a\n"
"b\n"
"\u0000\u0003x\ny"
"\u0000\u0001z"
"\u0002hi"
"\u0003abc"
exit: 0
