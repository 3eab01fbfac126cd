--TEST--
SWOOLE_SOCK_UNIX_DGRAM port: onPacket's address is the client's socket path; sendto() or send() with a path answers it
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php if (!extension_loaded('sockets')) die('skip sockets extension needed for a bound unix datagram client'); ?>
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$path = sys_get_temp_dir() . '/tasksrv-ports-dg-' . getmypid() . '.sock';
$client = sys_get_temp_dir() . '/tasksrv-ports-dgc-' . getmypid() . '.sock';
@unlink($path);
@unlink($client);
$srv = tasksrv_server(<<<PHP
\$s = new TaskSrv\Server('127.0.0.1', PORT);
\$s->on('Receive', function () {});
\$u = \$s->listen('$path', 0, SWOOLE_SOCK_UNIX_DGRAM);
\$s->on('Packet', function (\$s, \$data, \$info) {
    echo "from ", \$info['address'] === '$client' ? 'client' : \$info['address'], " port ", \$info['port'], "\\n";
    var_dump(\$s->sendto(\$info['address'], 0, "re:\$data"));
    // send() with a path is the same, as Swoole
    var_dump(\$s->send(\$info['address'], "again:\$data"));
});
\$s->start();
PHP);
$c = socket_create(AF_UNIX, SOCK_DGRAM, 0);
socket_bind($c, $client);
socket_set_option($c, SOL_SOCKET, SO_RCVTIMEO, ['sec' => 5, 'usec' => 0]);
socket_sendto($c, 'ping', 4, 0, $path);
socket_recvfrom($c, $buf, 100, 0, $from);
echo $buf, "\n";
socket_recvfrom($c, $buf, 100, 0, $from);
echo $buf, "\n";
socket_close($c);
@unlink($client);
echo "exit: ", $srv->stop(), "\n";
var_dump(file_exists($path));
echo $srv->output();
?>
--EXPECT--
re:ping
again:ping
exit: 0
bool(false)
from client port 0
bool(true)
bool(true)
