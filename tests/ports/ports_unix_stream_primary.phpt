--TEST--
A Unix stream primary port (constructor's 4th argument): host is the socket path, port 0; served and removed at shutdown
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$path = sys_get_temp_dir() . '/tasksrv-ports-primary-' . getmypid() . '.sock';
@unlink($path);
$srv = tasksrv_server(<<<PHP
\$s = new TaskSrv\Server('$path', 1234, SWOOLE_BASE, SWOOLE_SOCK_UNIX_STREAM);
echo "port ", \$s->port, " type ", \$s->type, " host ", \$s->host === '$path' ? 'path' : \$s->host, "\\n";
\$s->on('Receive', function (\$s, \$fd, \$rid, \$data) { \$s->send(\$fd, "got \$data"); });
\$s->on('WorkerStart', function () { echo "ready\\n"; });
\$s->start();
PHP, ['wait' => false]);
$srv->waitOutput('ready');
$c = stream_socket_client("unix://$path", $errno, $errstr, 5);
stream_set_timeout($c, 5);
fwrite($c, 'hi');
echo fread($c, 100), "\n";
echo "exit: ", $srv->stop(), "\n";
var_dump(file_exists($path));
echo $srv->output();
?>
--EXPECT--
got hi
exit: 0
bool(false)
port 0 type 5 host path
ready
