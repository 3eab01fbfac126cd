--TEST--
listen(): two extra TCP ports, each with its own framing and callbacks; a port without set() inherits the server's settings, a port without callbacks falls back to the primary port's
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
\$s->on('Connect', function (\$s, \$fd) { echo "primary Connect \$fd\\n"; });
\$s->on('Receive', function (\$s, \$fd, \$rid, \$data) { \$s->send(\$fd, "primary:" . json_encode(\$data) . "\\n"); });
\$s->on('Close', function (\$s, \$fd) { echo "primary Close \$fd\\n"; });
// own framing ("|") and own Receive; Connect and Close fall back to the primary port's
\$a = \$s->listen('127.0.0.1', $p1, SWOOLE_SOCK_TCP);
\$a->set(['open_eof_split' => true, 'package_eof' => "|"]);
\$a->on('receive', function (\$s, \$fd, \$rid, \$data) { \$s->send(\$fd, "a:" . json_encode(\$data) . "\\n"); });
// no set(): the server's framing ("\\n"); own Connect and Close
\$b = \$s->addListener('127.0.0.1', $p2, SWOOLE_SOCK_TCP);
\$b->on('Connect', function (\$s, \$fd) { echo "b Connect \$fd\\n"; });
\$b->on('Close', function (\$s, \$fd) { echo "b Close \$fd\\n"; });
\$s->on('WorkerStart', function (\$s) {
    echo "b setting: ", json_encode(\$s->ports[2]->setting), "\\n";
    echo "a setting: ", json_encode(\$s->ports[1]->setting), "\\n";
});
\$s->start();
PHP);
$c0 = $srv->connect();
fwrite($c0, "x\ny\n");
echo tasksrv_recv_until($c0, "primary:\"y\\n\"\n");
fclose($c0);
$srv->waitOutput('primary Close 1');
$ca = stream_socket_client("tcp://127.0.0.1:$p1", $errno, $errstr, 5);
fwrite($ca, "one|two\n|");
echo tasksrv_recv_until($ca, "a:\"two\\n|\"\n");
fclose($ca);
$srv->waitOutput('primary Close 2');
$cb = stream_socket_client("tcp://127.0.0.1:$p2", $errno, $errstr, 5);
fwrite($cb, "p|q\n");
echo tasksrv_recv_until($cb, "\n");
fclose($cb);
$srv->waitOutput('b Close 3');
echo "exit: ", $srv->stop(), "\n";
echo $srv->output();
?>
--EXPECT--
primary:"x\n"
primary:"y\n"
a:"one|"
a:"two\n|"
primary:"p|q\n"
exit: 0
b setting: {"open_eof_split":true,"package_eof":"\n"}
a setting: {"open_eof_split":true,"package_eof":"|"}
primary Connect 1
primary Close 1
primary Connect 2
primary Close 2
b Connect 3
b Close 3
