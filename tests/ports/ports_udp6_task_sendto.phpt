--TEST--
A UDP6 port; sendto() also works from a task worker (task workers keep the datagram sockets)
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php
if (!@stream_socket_server('udp://[::1]:0', $errno, $errstr, STREAM_SERVER_BIND)) {
    die('skip IPv6 loopback not available');
}
?>
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$udp = tasksrv_free_port();
$srv = tasksrv_server(<<<PHP
\$s = new TaskSrv\Server('127.0.0.1', PORT);
\$s->set(['task_worker_num' => 1]);
\$s->on('Receive', function () {});
\$s->listen('::1', $udp, SWOOLE_SOCK_UDP6);
\$s->on('Packet', function (\$s, \$data, \$info) {
    \$s->task([\$info['address'], \$info['port'], \$data]);
});
\$s->on('Task', function (\$s, \$id, \$src, \$d) {
    [\$addr, \$port, \$data] = \$d;
    \$s->sendto(\$addr, \$port, "from task worker: \$data (\$addr)");
});
\$s->on('Finish', function () {});
\$s->start();
PHP);
$c = stream_socket_client("udp://[::1]:$udp", $errno, $errstr);
stream_set_timeout($c, 5);
fwrite($c, 'six');
echo fread($c, 100), "\n";
echo "exit: ", $srv->stop(), "\n";
echo $srv->output();
?>
--EXPECT--
from task worker: six (::1)
exit: 0
