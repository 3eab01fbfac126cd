--TEST--
PROCESS mode: the master keeps a connection's output: onBufferFull/onBufferEmpty fire in the connection's worker when it crosses the high water mark and drains, and no byte is lost; getClientInfo()'s send_queued_bytes shows the master's queue, as in BASE mode; output_buffer_size caps one send() in the sender
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
/* The watermarks of a 1 MiB buffer, with room for the whole flood (19 MiB): every send() is taken. */
$s->set(['worker_num' => 1, 'socket_buffer_size' => 32 << 20, 'buffer_high_watermark' => 819 * 1024,
    'buffer_low_watermark' => 0, 'output_buffer_size' => 3 * 1024 * 1024]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('BufferFull', fn($s, $fd) => print("BufferFull($fd) in worker {$s->getWorkerId()}\n"));
$s->on('BufferEmpty', fn($s, $fd) => print("BufferEmpty($fd)\n"));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    $cmd = trim($data);
    if ($cmd === 'flood') {
        $chunk = str_repeat('x', 65536);
        for ($i = 0; $i < 300; $i++) {
            $s->send(1, $chunk);
        }
        $s->send($fd, "flooded\n");
    } elseif ($cmd === 'queued') {
        $s->send($fd, "send_queued_bytes " . ($s->getClientInfo(1)['send_queued_bytes'] > 1024 * 1024 ? 'over 1 MiB' : 'WRONG') . "\n");
    } elseif ($cmd === 'big') {
        $s->send($fd, "4 MiB in one send(): " . var_export($s->send($fd, str_repeat('y', 4 << 20)), true) . "\n");
    }
});
$s->start();
PHP, ['wait' => false]);
$srv->waitOutput('WorkerStart');
$srv->waitListening();
$reader = $srv->connect();
$ctl = $srv->connect();
fwrite($ctl, "flood\n");
echo tasksrv_recv_until($ctl, "\n");
echo "BufferFull: ", var_export($srv->waitOutput('BufferFull(1)'), true), "\n";
echo "no BufferEmpty yet: ", var_export(!str_contains($srv->output(), 'BufferEmpty'), true), "\n";
fwrite($ctl, "queued\n");
echo tasksrv_recv_until($ctl, "\n");
// the client reads: the master's queue drains
$got = 0;
$deadline = microtime(true) + 20;
while (!str_contains($srv->output(), 'BufferEmpty(1)') && microtime(true) < $deadline) {
    $d = tasksrv_recv($reader, 0.2);
    $got += strlen($d);
}
while ($got < 300 * 65536 && microtime(true) < $deadline) {
    $d = tasksrv_recv($reader, 0.2);
    $got += strlen($d);
}
echo "BufferEmpty after the client read: ", var_export(str_contains($srv->output(), 'BufferEmpty(1)'), true), "\n";
echo "every byte arrived: ", var_export($got === 300 * 65536, true), "\n";
fwrite($ctl, "big\n");
echo tasksrv_recv_until($ctl, "\n");
echo "exit: ", $srv->stop(), "\n";
$out = $srv->output();
echo preg_replace('/^(?!Buffer).*\n/m', '', $out);
echo "output_buffer_size warning: ", preg_match('/WARNING\tThe length of data \[4194304\] exceeds the output buffer size\[3145728\]/', $out), "\n";
?>
--EXPECT--
flooded
BufferFull: true
no BufferEmpty yet: true
send_queued_bytes over 1 MiB
BufferEmpty after the client read: true
every byte arrived: true
4 MiB in one send(): false
exit: 0
BufferFull(1) in worker 0
BufferEmpty(1)
output_buffer_size warning: 1
