--TEST--
Server::getSocket()/Port::getSocket() with ext/sockets: a Socket on the listening socket (primary, by port number, a listen() port), whose options are the listener's (SO_RCVBUF set through it is read back by the server in its worker); an unknown port warns and gives false
--EXTENSIONS--
tasksrv
sockets
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new Swoole\Server('127.0.0.1', PORT);
$p2 = $s->listen('127.0.0.1', 0, SWOOLE_SOCK_UDP);
$sock = $s->getSocket();
echo get_class($sock), ' ', var_export(socket_getsockname($sock, $addr, $port), true), " $addr ", $port === $s->port ? 'the port' : $port, "\n";
var_dump(socket_set_option($sock, SOL_SOCKET, SO_RCVBUF, 65536));
$udp = $p2->getSocket();
echo get_class($udp), ' type ', socket_get_option($udp, SOL_SOCKET, SO_TYPE) === SOCK_DGRAM ? 'dgram' : '?', "\n";
echo 'by number: ', socket_get_option($s->getSocket($p2->port), SOL_SOCKET, SO_TYPE) === SOCK_DGRAM ? 'dgram' : '?', "\n";
var_dump($s->getSocket(1));
$s->on('Packet', function () {});
$s->on('Receive', function ($s, $fd, $rid, $data) {
    $sock = $s->getSocket(PORT);
    // the kernel doubles SO_RCVBUF: 2 x 65536 is what was set before start()
    $s->send($fd, 'worker sees SO_RCVBUF ' . socket_get_option($sock, SOL_SOCKET, SO_RCVBUF) . "\n");
});
$s->start();
PHP, ['ini' => ['extension' => 'sockets']]);
$c = $srv->connect();
fwrite($c, 'x');
echo tasksrv_recv_until($c, "\n");
$srv->stop();
echo $srv->output();
?>
--EXPECTF--
worker sees SO_RCVBUF 131072
Socket true 127.0.0.1 the port
bool(true)
Socket type dgram
by number: dgram

Warning: TaskSrv\Server::getSocket(): port[1] is not listened in %s on line %d
bool(false)
