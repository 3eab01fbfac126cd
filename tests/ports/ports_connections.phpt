--TEST--
$port->connections: the connections accepted on that port (foreach, count()); $server->connections has them all
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$p1 = tasksrv_free_port();
$srv = tasksrv_server(<<<PHP
\$s = new TaskSrv\Server('127.0.0.1', PORT);
\$a = \$s->listen('127.0.0.1', $p1, SWOOLE_SOCK_TCP);
var_dump(\$a->connections instanceof TaskSrv\Connection\Iterator, \$a->connections !== \$s->connections);
\$s->on('Connect', function (\$s, \$fd) { echo "Connect(\$fd)\\n"; });
\$s->on('Receive', function (\$s, \$fd, \$rid, \$data) {
    \$list = fn(\$it) => implode(',', iterator_to_array(\$it, false)) . ' (' . count(\$it) . ')';
    \$s->send(\$fd, "primary: " . \$list(\$s->ports[0]->connections) . " a: " . \$list(\$s->ports[1]->connections)
        . " all: " . \$list(\$s->connections) . "\\n");
});
\$s->start();
PHP);
// one at a time: session ids follow the order of accept()
$c1 = $srv->connect();
$srv->waitOutput('Connect(1)');
$c2 = stream_socket_client("tcp://127.0.0.1:$p1", $errno, $errstr, 5);
$srv->waitOutput('Connect(2)');
$c3 = stream_socket_client("tcp://127.0.0.1:$p1", $errno, $errstr, 5);
$srv->waitOutput('Connect(3)');
$c4 = $srv->connect();
fwrite($c4, 'x');
echo tasksrv_recv_until($c4, "\n");
echo "exit: ", $srv->stop(), "\n";
echo $srv->output();
?>
--EXPECT--
primary: 1,4 (2) a: 2,3 (2) all: 1,2,3,4 (4)
exit: 0
bool(true)
bool(true)
Connect(1)
Connect(2)
Connect(3)
Connect(4)
