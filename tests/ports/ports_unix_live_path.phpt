--TEST--
A Unix socket path that a live server holds is not taken over: a second server on the same path (stream or datagram) fails with "Address already in use" and the first serves on; a stale socket file (nobody behind it) is replaced as before
--EXTENSIONS--
tasksrv
sockets
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$php = getenv('TEST_PHP_EXECUTABLE') ?: PHP_BINARY;
$second = fn(string $path, string $type) => trim((string) shell_exec(escapeshellarg($php) . ' -n -d extension='
    . escapeshellarg(tasksrv_extension_path()) . ' -r ' . escapeshellarg(
    "try { new TaskSrv\\Server('$path', 0, SWOOLE_BASE, $type); echo 'bound'; } catch (Throwable \$e) { echo get_class(\$e), ': ', \$e->getMessage(); }")
    . ' 2>&1'));
foreach (['SWOOLE_SOCK_UNIX_STREAM', 'SWOOLE_SOCK_UNIX_DGRAM'] as $type) {
    $path = sys_get_temp_dir() . '/tasksrv-live-' . getmypid() . '.sock';
    @unlink($path);
    $srv = tasksrv_server(<<<PHP
    \$s = new TaskSrv\Server('$path', 0, SWOOLE_BASE, $type);
    \$s->on('Receive', function (\$s, \$fd, \$rid, \$data) { \$s->send(\$fd, "first"); });
    \$s->on('Packet', function (\$s, \$data, \$addr) { \$s->sendto(\$addr['address'], 0, "first"); });
    \$s->on('WorkerStart', function () { echo "ready\\n"; });
    \$s->start();
    PHP, ['wait' => false]);
    $srv->waitOutput('ready');
    echo "$type, second server: ", str_replace($path, 'PATH', $second($path, $type)), "\n";
    if ($type === 'SWOOLE_SOCK_UNIX_STREAM') {
        $c = stream_socket_client("unix://$path", $errno, $errstr, 5);
        stream_set_timeout($c, 5);
        fwrite($c, 'hi');
        echo "the first answers: ", fread($c, 100), "\n";
    } else {
        $me = sys_get_temp_dir() . '/tasksrv-live-client-' . getmypid() . '.sock';
        @unlink($me);
        $c = socket_create(AF_UNIX, SOCK_DGRAM, 0);
        socket_bind($c, $me);
        socket_set_option($c, SOL_SOCKET, SO_RCVTIMEO, ['sec' => 5, 'usec' => 0]);
        socket_sendto($c, 'hi', 2, 0, $path);
        socket_recvfrom($c, $buf, 100, 0, $from);
        echo "the first answers: ", $buf, "\n";
        socket_close($c);
        @unlink($me);
    }
    echo "exit: ", $srv->stop(), "\n";
}
/* A stale file: a socket bound once, nobody listening now. */
$path = sys_get_temp_dir() . '/tasksrv-stale-' . getmypid() . '.sock';
@unlink($path);
fclose(stream_socket_server("unix://$path")); // PHP leaves the file behind: bound once, nobody listens
echo "stale file there: ", var_export(file_exists($path), true), ", a server on it: ", $second($path, 'SWOOLE_SOCK_UNIX_STREAM'), "\n";
@unlink($path);
?>
--EXPECT--
SWOOLE_SOCK_UNIX_STREAM, second server: TaskSrv\Exception: failed to listen server port[PATH:0], Error: Address already in use[98]
the first answers: first
exit: 0
SWOOLE_SOCK_UNIX_DGRAM, second server: TaskSrv\Exception: failed to listen server port[PATH:0], Error: Address already in use[98]
the first answers: first
exit: 0
stale file there: true, a server on it: bound
