--TEST--
Session ids are server-wide across ports and workers: 1, 2, 3... whichever port a client connects to; each connection is served by its own port's callback
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$p1 = tasksrv_free_port();
$srv = tasksrv_server(<<<PHP
\$s = new TaskSrv\Server('127.0.0.1', PORT);
\$s->set(['worker_num' => 2]);
\$s->on('Receive', function (\$s, \$fd, \$rid, \$data) { \$s->send(\$fd, "primary fd=\$fd\\n"); });
\$a = \$s->listen('127.0.0.1', $p1, SWOOLE_SOCK_TCP);
\$a->on('Receive', function (\$s, \$fd, \$rid, \$data) { \$s->send(\$fd, "second fd=\$fd\\n"); });
\$s->start();
PHP);
$clients = [];
foreach ([$srv->port, $p1, $p1, $srv->port, $p1] as $port) {
    $c = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 5);
    stream_set_timeout($c, 5);
    fwrite($c, 'x');
    echo tasksrv_recv_until($c, "\n");
    $clients[] = $c;
}
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
primary fd=1
second fd=2
second fd=3
primary fd=4
second fd=5
exit: 0
