--TEST--
IPv6: a server on ::1 (SWOOLE_SOCK_TCP6) accepts and echoes over tcp://[::1]:port
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php
if (!@stream_socket_server('tcp://[::1]:0')) {
    die('skip IPv6 loopback not available');
}
?>
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('::1', PORT, SWOOLE_BASE, SWOOLE_SOCK_TCP6);
echo "host={$s->host} type={$s->type}\n";
$s->on('Connect', fn($s, $fd, $rid) => print("Connect($fd)\n"));
$s->on('Receive', fn($s, $fd, $rid, $data) => $s->send($fd, "echo: $data"));
$s->start();
PHP, ['wait' => false]);
$deadline = microtime(true) + 10;
while (!tasksrv_port_open($srv->port, '[::1]') && microtime(true) < $deadline) {
    usleep(10000);
}
$srv->waitOutput('Connect(1)');  // the probe above
$c = stream_socket_client("tcp://[::1]:{$srv->port}", $errno, $errstr, 5);
fwrite($c, "hello over IPv6\n");
echo tasksrv_recv_until($c, "\n");
echo "not on IPv4: ", tasksrv_port_open($srv->port) ? "no" : "yes", "\n";
echo "exit: ", $srv->stop(), "\n";
echo $srv->output();
?>
--EXPECT--
echo: hello over IPv6
not on IPv4: yes
exit: 0
host=::1 type=3
Connect(1)
Connect(2)
