--TEST--
getClientInfo() of a connection accepted on a secondary port: server_port and server_fd name that port; socket_type is the port's type
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$p1 = tasksrv_free_port();
$path = sys_get_temp_dir() . '/tasksrv-ports-ci-' . getmypid() . '.sock';
@unlink($path);
$srv = tasksrv_server(<<<PHP
\$s = new TaskSrv\Server('127.0.0.1', PORT);
\$a = \$s->listen('127.0.0.1', $p1, SWOOLE_SOCK_TCP);
\$u = \$s->listen('$path', 0, SWOOLE_SOCK_UNIX_STREAM);
\$s->on('Receive', function (\$s, \$fd, \$rid, \$data) {
    \$i = \$s->getClientInfo(\$fd);
    foreach (\$s->ports as \$n => \$p) {
        if (\$p->sock === \$i['server_fd']) {
            break;
        }
    }
    \$s->send(\$fd, "fd \$fd: port #\$n server_port " . (\$i['server_port'] === \$s->ports[\$n]->port ? 'ok' : \$i['server_port'])
        . " socket_type {\$i['socket_type']}\\n");
});
\$s->start();
PHP);
foreach (["tcp://127.0.0.1:{$srv->port}", "tcp://127.0.0.1:$p1", "unix://$path"] as $addr) {
    $c = stream_socket_client($addr, $errno, $errstr, 5);
    stream_set_timeout($c, 5);
    fwrite($c, 'x');
    echo tasksrv_recv_until($c, "\n");
}
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
fd 1: port #0 server_port ok socket_type 1
fd 2: port #1 server_port ok socket_type 1
fd 3: port #2 server_port ok socket_type 5
exit: 0
