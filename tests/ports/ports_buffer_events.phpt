--TEST--
BufferFull/BufferEmpty of a connection on a secondary port fire that port's callbacks, even when the send() that fills it runs in another port's callback
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$p1 = tasksrv_free_port();
$srv = tasksrv_server(<<<PHP
\$s = new TaskSrv\Server('127.0.0.1', PORT);
\$s->set(['socket_buffer_size' => 256 * 1024]);
\$s->on('BufferFull', function (\$s, \$fd) { echo "primary BufferFull(\$fd)\\n"; });
\$s->on('BufferEmpty', function (\$s, \$fd) { echo "primary BufferEmpty(\$fd)\\n"; });
\$s->on('Receive', function (\$s, \$fd, \$rid, \$data) {
    \$chunk = str_repeat('x', 65536);
    for (\$n = 0; \$n < 100 && \$s->send(1, \$chunk); \$n++) {
    }
    \$s->send(\$fd, (\$n * 65536) . "\\n");
});
\$a = \$s->listen('127.0.0.1', $p1, SWOOLE_SOCK_TCP);
\$a->on('Connect', function (\$s, \$fd) { echo "a Connect(\$fd)\\n"; });
\$a->on('BufferFull', function (\$s, \$fd) { echo "a BufferFull(\$fd)\\n"; });
\$a->on('BufferEmpty', function (\$s, \$fd) { echo "a BufferEmpty(\$fd)\\n"; });
\$s->start();
PHP);
$reader = stream_socket_client("tcp://127.0.0.1:$p1", $errno, $errstr, 5);
$srv->waitOutput('a Connect(1)');
$ctl = $srv->connect();
fwrite($ctl, "flood");
$sent = (int) tasksrv_recv_until($ctl, "\n");
$srv->waitOutput('a BufferFull(1)');
$got = 0;
stream_set_timeout($reader, 5);
while ($got < $sent && ($d = fread($reader, 1 << 20)) !== false && $d !== '') {
    $got += strlen($d);
}
echo "client got every byte: ", var_export($got === $sent && $sent > 0, true), "\n";
$srv->waitOutput('a BufferEmpty(1)');
echo "exit: ", $srv->stop(), "\n";
echo preg_replace('/^(?!(a|primary) Buffer).*\n/m', '', $srv->output());
?>
--EXPECT--
client got every byte: true
exit: 0
a BufferFull(1)
a BufferEmpty(1)
