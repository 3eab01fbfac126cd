--TEST--
addProcess() broadcast under a flood (SWOOLE_BASE, one worker, 20 clients pushing 64 KiB writes that they do not read): the worker blocks writing into the user process's full pipe while the user process blocks sending to the worker's connections; the worker takes what the user process sent it while it waits (at most socket_buffer_size, past that its write() gives up with a warning), so neither hangs: a client that comes after gets its own broadcast, the worker was never replaced
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/userproc.inc';
$srv = tasksrv_server(<<<'PHP'
$server = new Swoole\Server('127.0.0.1', PORT, SWOOLE_BASE);
$server->set(['worker_num' => 1]);
$process = new Swoole\Process(function ($process) use ($server) {
    while (true) {
        $msg = $process->read();
        foreach ($server->connections as $conn) {
            $server->send($conn, $msg);
        }
    }
});
$server->addProcess($process);
$server->on('receive', function ($serv, $fd, $reactor_id, $data) use ($process) {
    $process->write($data);
});
$server->start();
PHP);
$srv->waitListening();
$clients = [];
for ($i = 0; $i < 20; $i++) {
    $clients[$i] = $srv->connect();
    stream_set_blocking($clients[$i], false);
}
/* 2 s of 64 KiB writes from every client, none of them read. */
$chunk = str_repeat('f', 65535) . "\n";
$end = microtime(true) + 2;
while (microtime(true) < $end) {
    $w = $clients;
    $r = $e = null;
    if (stream_select($r, $w, $e, 0, 20000)) {
        foreach ($w as $c) {
            @fwrite($c, $chunk);
        }
    }
}
foreach ($clients as $c) {
    fclose($c);
}
/* A new client: its line comes back to it through the user process. */
$c = $srv->connect();
$got = '';
$deadline = microtime(true) + 20 * tasksrv_slowdown();
while (!str_contains($got, "ping\n") && microtime(true) < $deadline) {
    fwrite($c, "ping\n");
    $got .= tasksrv_recv($c, 1.0);
}
echo "the server still broadcasts: ", var_export(str_contains($got, "ping\n"), true), "\n";
echo "the worker was never replaced: ", var_export(!str_contains($srv->output(), 'abnormal exit'), true), "\n";
echo "exit: ", $srv->stop(), "\n";
echo "left: ", count(tasksrv_group_pids($srv->pgid)), "\n";
/* What the flood made it log: the write() give-ups and the output caps, both rate-limited. */
echo "other output: ", json_encode(preg_replace(['/^.*(Process::write\(\): a user process\'s pipe is full|output buffer overflow).*\n/m'], '', $srv->output())), "\n";
?>
--EXPECT--
the server still broadcasts: true
the worker was never replaced: true
exit: 0
left: 0
other output: ""
