--TEST--
A UDP primary port (constructor's 4th argument): onPacket is required at start(); the server serves datagrams with no TCP port at all
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$s = new TaskSrv\Server('127.0.0.1', 0, SWOOLE_BASE, SWOOLE_SOCK_UDP);
var_dump($s->type === SWOOLE_SOCK_UDP, $s->port > 0, $s->ports[0]->type);
$s->on('Receive', function () {});
try {
    $s->start();
} catch (TaskSrv\Exception $e) {
    echo $e::class, ': ', $e->getMessage(), "\n";
}
unset($s);
$udp = tasksrv_free_port();
$srv = tasksrv_server(<<<PHP
\$s = new Swoole\Server('127.0.0.1', $udp, SWOOLE_BASE, SWOOLE_SOCK_UDP);
\$s->on('Packet', function (\$s, \$data, \$info) {
    \$s->sendto(\$info['address'], \$info['port'], strtoupper(\$data), \$info['server_socket']);
});
\$s->on('WorkerStart', function () { echo "ready\\n"; });
\$s->start();
PHP, ['wait' => false]);
$srv->waitOutput('ready');
$c = stream_socket_client("udp://127.0.0.1:$udp", $errno, $errstr);
stream_set_timeout($c, 5);
fwrite($c, 'hello');
echo fread($c, 100), "\n";
echo "exit: ", $srv->stop(), "\n";
echo $srv->output();
?>
--EXPECT--
bool(true)
bool(true)
int(2)
TaskSrv\Exception: require onPacket callback
HELLO
exit: 0
ready
