--TEST--
SWOOLE_SOCK_UNIX_STREAM port: a stale socket file is replaced at bind, clients are served with the port's callbacks, the file is removed at shutdown
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$path = sys_get_temp_dir() . '/tasksrv-ports-' . getmypid() . '.sock';
@unlink($path);
// a socket file left behind by an earlier run
$old = stream_socket_server("unix://$path");
fclose($old);
var_dump(filetype($path));
$srv = tasksrv_server(<<<PHP
\$s = new TaskSrv\Server('127.0.0.1', PORT);
\$s->set(['worker_num' => 2]);
\$s->on('Receive', function () {});
\$u = \$s->listen('$path', 0, SWOOLE_SOCK_UNIX_STREAM);
echo "port: ", \$u->port, ", type: ", \$u->type, "\\n";
\$u->set(['open_eof_split' => true, 'package_eof' => "\\n"]);
\$u->on('Connect', function (\$s, \$fd) { echo "unix Connect \$fd\\n"; });
\$u->on('Receive', function (\$s, \$fd, \$rid, \$data) { \$s->send(\$fd, "unix:\$fd:\$data"); });
\$s->start();
PHP);
var_dump(filetype($path));
$c = stream_socket_client("unix://$path", $errno, $errstr, 5);
stream_set_timeout($c, 5);
fwrite($c, "a\nb\n");
echo tasksrv_recv_until($c, "b\n");
$d = stream_socket_client("unix://$path", $errno, $errstr, 5);
fwrite($d, "c\n");
echo tasksrv_recv_until($d, "c\n");
echo "exit: ", $srv->stop(), "\n";
var_dump(file_exists($path));
echo $srv->output();
?>
--EXPECT--
string(6) "socket"
string(6) "socket"
unix:1:a
unix:1:b
unix:2:c
exit: 0
bool(false)
port: 0, type: 5
unix Connect 1
unix Connect 2
