--TEST--
Server::send()/exists()/close(): echo of 1 MiB, unknown fds, empty data, not running
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';

// Not started: every connection call fails.
$s = new TaskSrv\Server('127.0.0.1');
var_dump($s->send(1, 'x'));
var_dump($s->exists(1));
var_dump($s->close(1));
unset($s);

$srv = tasksrv_server(<<<'PHP'
set_error_handler(function ($no, $str) { echo "Warning: $str\n"; return true; });
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->on('Receive', function ($s, $fd, $rid, $data) {
    if (str_starts_with($data, 'checks')) {
        $r = [];
        foreach (['send(9999)' => fn() => $s->send(9999, 'x'), "send(fd, '')" => fn() => $s->send($fd, ''),
            'send(0)' => fn() => $s->send(0, 'x'), 'send(-1)' => fn() => $s->send(-1, 'x'),
            'exists(fd)' => fn() => $s->exists($fd), 'exists(0)' => fn() => $s->exists(0),
            'exists(9999)' => fn() => $s->exists(9999), 'close(9999)' => fn() => $s->close(9999),
            'close(0)' => fn() => $s->close(0)] as $what => $call) {
            echo "$what: " . var_export($call(), true) . "\n";
        }
        $s->send($fd, "checked\n");
        return;
    }
    // Echo whatever arrives, however the stream was cut.
    $s->send($fd, $data);
});
$s->start();
PHP);
$c = $srv->connect();
fwrite($c, "checks");
echo tasksrv_recv_until($c, "\n");

// 1 MiB in, the same 1 MiB back: the server queues what the socket does not take at once.
$payload = random_bytes(1 << 20);
stream_set_blocking($c, false);
$echoed = '';
$sent = 0;
$deadline = microtime(true) + 10;
while ((strlen($echoed) < strlen($payload)) && microtime(true) < $deadline) {
    $r = [$c];
    $w = $sent < strlen($payload) ? [$c] : [];
    $e = null;
    stream_select($r, $w, $e, 1);
    if ($w) {
        $sent += (int) fwrite($c, substr($payload, $sent, 65536));
    }
    if ($r) {
        $echoed .= fread($c, 1 << 20);
    }
}
echo "echoed: ", strlen($echoed), " bytes, ", $echoed === $payload ? "identical" : "different", "\n";

// Several small writes: the bytes arrive in order, however they are chunked.
stream_set_blocking($c, true);
foreach (['a', 'bc', 'def', "\n"] as $piece) {
    fwrite($c, $piece);
}
echo tasksrv_recv_until($c, "\n");
echo "exit: ", $srv->stop(), "\n";
echo $srv->output();
?>
--EXPECTF--
Warning: TaskSrv\Server::send(): server is not running in %s on line %d
bool(false)

Warning: TaskSrv\Server::exists(): server is not running in %s on line %d
bool(false)

Warning: TaskSrv\Server::close(): server is not running in %s on line %d
bool(false)
checked
echoed: 1048576 bytes, identical
abcdef
exit: 0
send(9999): false
Warning: TaskSrv\Server::send(): the data sent must not be empty
send(fd, ''): false
Warning: TaskSrv\Server::send(): invalid fd[0]
send(0): false
Warning: TaskSrv\Server::send(): invalid fd[-1]
send(-1): false
exists(fd): true
exists(0): false
exists(9999): false
close(9999): false
Warning: TaskSrv\Server::close(): invalid fd[0]
close(0): false
