--TEST--
PROCESS mode backpressure: 16 MiB sent to a client that does not read are buffered by the master (send() returns at once), other clients are served meanwhile, and the slow client later receives every byte in order
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
/* Room for all 16 MiB (the default socket_buffer_size, 8 MiB, would refuse the rest:
 * tests/limits/process_master_memory.phpt). */
$s->set(['worker_num' => 1, 'socket_buffer_size' => 32 << 20]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    if ($data === 'big') {
        $ok = true;
        for ($i = 0; $i < 256; $i++) {
            $ok = $s->send($fd, str_pad("$i:", 65536, chr(97 + $i % 26))) && $ok;
        }
        echo "sent 16 MiB: ", var_export($ok, true), "\n";
        return;
    }
    $s->send($fd, "echo $data\n");
});
$s->start();
PHP);
$srv->waitOutput('WorkerStart');
$slow = $srv->connect();
fwrite($slow, 'big');
echo "worker done: ", var_export($srv->waitOutput('sent 16 MiB: true'), true), "\n";
$other = $srv->connect();
for ($i = 0; $i < 3; $i++) {
    fwrite($other, "p$i");
    echo trim(tasksrv_recv_until($other, "\n")), "\n";
}
// The pieces are joined once at the end: appending each to a 16 MiB string copies it again and
// again wherever realloc() cannot grow in place (ASan's never does: minutes under scripts/asan-tests).
$parts = [];
$len = 0;
$deadline = microtime(true) + 20 * tasksrv_slowdown();
while ($len < 256 * 65536 && microtime(true) < $deadline) {
    $chunk = fread($slow, 1 << 20);
    if ($chunk === false || ($chunk === '' && feof($slow))) {
        break;
    }
    $parts[] = $chunk;
    $len += strlen($chunk);
}
$got = implode('', $parts);
$expect = '';
for ($i = 0; $i < 256; $i++) {
    $expect .= str_pad("$i:", 65536, chr(97 + $i % 26));
}
echo "slow client got all, in order: ", var_export($got === $expect, true), "\n";
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
worker done: true
echo p0
echo p1
echo p2
slow client got all, in order: true
exit: 0
