--TEST--
SWOOLE_PROCESS: the master's memory is bounded whatever clients do: a client pushing 64 KiB writes at a slow worker is no longer read while the worker's channel is backed up (TCP slows it), and a client that never reads its replies makes send() return false with a warning once socket_buffer_size is queued; the master's RSS stays small and the server serves on
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
function rss_mb(int $pid): int
{
    preg_match('/VmRSS:\s+(\d+)/', (string) @file_get_contents("/proc/$pid/status"), $m);
    return (int) (($m[1] ?? 0) / 1024);
}
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
$s->set(['worker_num' => 1, 'socket_buffer_size' => 4 << 20]);
$s->on('Receive', function ($s, $fd, $r, $d) {
    if (str_starts_with($d, 'reply')) {
        static $false = 0;
        for ($i = 0; $i < 8; $i++) {
            if (!$s->send($fd, str_repeat('r', 1 << 20))) {
                $false++;
            }
        }
        echo "send false so far: $false\n";
    } elseif (str_starts_with($d, 'ping')) {
        $s->send($fd, "pong\n");
    } else {
        usleep(20000);   /* a slow worker: ~3 MB/s at most */
    }
});
$s->start();
PHP);
$master = $srv->mainPid();
$base = rss_mb($master);

/* 1. A client pushing as fast as it can for 2 s. */
$c = $srv->connect();
stream_set_blocking($c, false);
$chunk = str_repeat('p', 65536);
$pushed = 0;
$max = 0;
$end = microtime(true) + 2;
while (microtime(true) < $end) {
    $w = [$c]; $r = $e = null;
    if (stream_select($r, $w, $e, 0, 20000)) {
        $pushed += (int) @fwrite($c, $chunk);
    }
    $max = max($max, rss_mb($master));
}
echo "master grew by less than 64 MB while pushed at: ", var_export($max - $base < 64, true), "\n";
fclose($c);

/* 2. A client that asks for replies and never reads them. */
$c = $srv->connect();
for ($i = 0; $i < 20; $i++) {
    fwrite($c, "reply\n");
    usleep(20000);
}
$srv->waitOutput('send false so far', 20);
$max = max(rss_mb($master), 0);
echo "send() returned false past socket_buffer_size: ", var_export((bool) preg_match('/send false so far: [1-9]/', $srv->output()), true), "\n";
echo "warned: ", var_export(str_contains($srv->output(), 'output buffer overflow'), true), "\n";
echo "master grew by less than 64 MB with replies unread: ", var_export($max - $base < 64, true), "\n";

/* 3. Another client is served. */
$d = $srv->connect();
fwrite($d, "ping");
echo tasksrv_recv_until($d, "\n", 20);
fclose($c);
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
master grew by less than 64 MB while pushed at: true
send() returned false past socket_buffer_size: true
warned: true
master grew by less than 64 MB with replies unread: true
pong
exit: 0
