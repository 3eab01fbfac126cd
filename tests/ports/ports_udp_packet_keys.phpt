--TEST--
onPacket's client array has Swoole 6.2.1's key order (server_socket, dispatch_time, server_port, address, port), as programs that print it see it, in both modes
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
foreach (['SWOOLE_BASE', 'SWOOLE_PROCESS'] as $mode) {
    $udp = tasksrv_free_port();
    $srv = tasksrv_server(<<<PHP
\$s = new TaskSrv\Server('127.0.0.1', PORT, $mode);
\$s->set(['worker_num' => 1]);
\$s->listen('127.0.0.1', $udp, SWOOLE_SOCK_UDP);
\$s->on('Receive', function () {});
\$s->on('Packet', function (\$s, \$data, \$info) {
    \$s->sendto(\$info['address'], \$info['port'], implode(',', array_keys(\$info)));
});
\$s->start();
PHP);
    $c = stream_socket_client("udp://127.0.0.1:$udp", $errno, $errstr);
    stream_set_timeout($c, 5);
    fwrite($c, 'x');
    echo $mode, ': ', fread($c, 200), "\n";
    echo 'exit ', $srv->stop(), "\n";
}
?>
--EXPECT--
SWOOLE_BASE: server_socket,dispatch_time,server_port,address,port
exit 0
SWOOLE_PROCESS: server_socket,dispatch_time,server_port,address,port
exit 0
