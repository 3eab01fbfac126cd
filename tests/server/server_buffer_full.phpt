--TEST--
socket_buffer_size with a client that stops reading: onBufferFull when the queued output passes the high water mark, send() false with a warning past the cap, onBufferEmpty once the client read it all; output_buffer_size caps one send()
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 1, 'socket_buffer_size' => 1024 * 1024, 'output_buffer_size' => 3 * 1024 * 1024]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$full = [];
$s->on('BufferFull', function ($s, $fd) use (&$full) {
    $full[$fd] = $s->getClientInfo($fd)['send_queued_bytes'];
    echo "BufferFull($fd) in worker ", $s->getWorkerId(), "\n";
});
$s->on('BufferEmpty', function ($s, $fd) {
    echo "BufferEmpty($fd) queued ", $s->getClientInfo($fd)['send_queued_bytes'], "\n";
});
$s->on('Receive', function ($s, $fd, $rid, $data) use (&$full) {
    $cmd = trim($data);
    if ($cmd === 'flood') {
        $chunk = str_repeat('x', 65536);
        $sent = 0;
        $fullAt = null;
        for ($i = 0; $i < 2000; $i++) {
            if (!$s->send(1, $chunk)) {
                break;
            }
            $sent++;
            if ($fullAt === null && isset($full[1])) {
                $fullAt = $sent;
            }
        }
        $q = $s->getClientInfo(1)['send_queued_bytes'];
        $s->send($fd, json_encode([
            'sent_bytes' => $sent * 65536,
            'full_fired_before_false' => $fullAt !== null && $fullAt <= $sent,
            'queued_at_full_over_high_mark' => ($full[1] ?? 0) >= 1024 * 1024 * 0.8,
            'false_reached' => $i < 2000,
            'queued_within_cap' => $q <= 1024 * 1024,
        ]) . "\n");
    } elseif ($cmd === 'big') {
        $s->send($fd, "4 MiB in one send(): " . var_export($s->send($fd, str_repeat('y', 4 << 20)), true) . "\n");
    }
});
$s->start();
PHP, ['wait' => false]);
$srv->waitOutput('WorkerStart');
$reader = $srv->connect();
$ctl = $srv->connect();
fwrite($ctl, "flood\n");
$r = json_decode(tasksrv_recv_until($ctl, "\n"), true);
$sent = $r['sent_bytes'];
unset($r['sent_bytes']);
echo json_encode($r), "\n";
echo $srv->waitOutput('BufferFull(1)') ? "" : "no BufferFull\n";
echo "no BufferEmpty yet: ", var_export(!str_contains($srv->output(), 'BufferEmpty'), true), "\n";
// the client reads everything: the queue drains
$got = 0;
stream_set_blocking($reader, true);
while ($got < $sent && ($d = fread($reader, 1 << 20)) !== false && $d !== '') {
    $got += strlen($d);
}
echo "client got every byte sent: ", var_export($got === $sent, true), "\n";
$srv->waitOutput('BufferEmpty(1)');
fwrite($ctl, "big\n");
echo tasksrv_recv_until($ctl, "\n");
echo "exit: ", $srv->stop(), "\n";
$out = $srv->output();
echo preg_replace('/^(?!Buffer).*\n/m', '', $out);
echo "overflow warning: ", preg_match('/WARNING\tconnection#1 output buffer overflow/', $out), "\n";
echo "output_buffer_size warning: ", preg_match('/WARNING\tThe length of data \[4194304\] exceeds the output buffer size\[3145728\]/', $out), "\n";
?>
--EXPECT--
{"full_fired_before_false":true,"queued_at_full_over_high_mark":true,"false_reached":true,"queued_within_cap":true}
no BufferEmpty yet: true
client got every byte sent: true
4 MiB in one send(): false
exit: 0
BufferFull(1) in worker 0
BufferEmpty(1) queued 0
overflow warning: 1
output_buffer_size warning: 1
