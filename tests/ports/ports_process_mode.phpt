--TEST--
SWOOLE_PROCESS with extra ports: the master accepts on every stream port and frames with each port's settings, workers fire each port's callbacks (or the primary's); workers read a UDP port themselves
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$p1 = tasksrv_free_port();
$udp = tasksrv_free_port();
$srv = tasksrv_server(<<<PHP
\$s = new TaskSrv\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
\$s->set(['worker_num' => 2, 'open_eof_split' => true, 'package_eof' => "\\n"]);
\$s->on('Connect', function (\$s, \$fd) { echo "Connect \$fd\\n"; });
\$s->on('Receive', function (\$s, \$fd, \$rid, \$data) { \$s->send(\$fd, "primary:" . json_encode(\$data) . "\\n"); });
\$a = \$s->listen('127.0.0.1', $p1, SWOOLE_SOCK_TCP);
\$a->set(['open_eof_split' => true, 'package_eof' => "|"]);
\$a->on('Receive', function (\$s, \$fd, \$rid, \$data) { \$s->send(\$fd, "a:" . json_encode(\$data) . "\\n"); });
\$u = \$s->listen('127.0.0.1', $udp, SWOOLE_SOCK_UDP);
\$s->on('Packet', function (\$s, \$data, \$info) {
    \$s->sendto(\$info['address'], \$info['port'], "udp:\$data worker " . (\$s->getWorkerId() !== false ? 'yes' : 'no'));
});
\$s->start();
PHP);
$c = $srv->connect();
fwrite($c, "x\ny\n");
echo tasksrv_recv_until($c, "\"y\\n\"\n");
fclose($c);
$srv->waitOutput('Connect 1');
$ca = stream_socket_client("tcp://127.0.0.1:$p1", $errno, $errstr, 5);
stream_set_timeout($ca, 5);
fwrite($ca, "one|two\n|");
echo tasksrv_recv_until($ca, "two\\n|\"\n");
$srv->waitOutput('Connect 2');
$cu = stream_socket_client("udp://127.0.0.1:$udp", $errno, $errstr);
stream_set_timeout($cu, 5);
fwrite($cu, 'ping');
echo fread($cu, 100), "\n";
echo "exit: ", $srv->stop(), "\n";
echo $srv->output();
?>
--EXPECT--
primary:"x\n"
primary:"y\n"
a:"one|"
a:"two\n|"
udp:ping worker yes
exit: 0
Connect 1
Connect 2
