--TEST--
PROCESS mode: send() and close() work from any process: a task worker and another event worker write to and close a connection the master holds; onClose(fd, -1) fires in the connection's worker; what was sent before close() arrives first
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
$s->set(['worker_num' => 2, 'task_worker_num' => 1]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('Connect', fn($s, $fd, $rid) => $s->send($fd, "hello from {$s->getWorkerId()}\n"));
$s->on('Close', fn($s, $fd, $rid) => print("Close(fd, $rid) in the connection's worker: " . var_export($s->getWorkerId() === ($fd_worker[$fd] ?? $s->getWorkerId()), true) . "\n"));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    [$how, $what] = explode(' ', $data);
    if ($how === 'task') {
        $s->task([$fd, $what]);
    } else {
        // To the other event worker.
        $s->sendMessage([$fd, $what], 1 - $s->getWorkerId());
    }
});
$act = function ($s, $fd, $what, $where) {
    $s->send($fd, str_repeat('x', 100000) . "\n");
    $ok = $s->send($fd, "sent by $where\n");
    if ($what === 'close') {
        // One write each: another process prints onClose meanwhile.
        echo "close() from $where: " . var_export($s->close($fd), true) . "\n";
        echo "exists after close: " . var_export($s->exists($fd), true) . "\n";
        echo "send after close: " . var_export(@$s->send($fd, 'late'), true) . "\n";
    }
    return $ok;
};
$s->on('Task', function ($s, $id, $src, $d) use ($act) { $act($s, $d[0], $d[1], 'task worker'); return 'ok'; });
$s->on('Finish', fn() => null);
$s->on('PipeMessage', function ($s, $src, $d) use ($act) { $act($s, $d[0], $d[1], "worker {$s->getWorkerId()}, not $src"); });
$s->start();
PHP);
$srv->waitOutput('WorkerStart', 3);
// Reads until $re matches (or EOF, or 5 s).
$until = function ($c, ?string $re) {
    $buf = '';
    $deadline = microtime(true) + 5;
    while (($re === null || !preg_match($re, $buf)) && microtime(true) < $deadline) {
        $r = [$c];
        $w = $e = null;
        if (!stream_select($r, $w, $e, 0, 100000)) {
            continue;
        }
        $chunk = fread($c, 1 << 20);
        if ($chunk === '' || $chunk === false) {
            break;
        }
        $buf .= $chunk;
    }
    return $buf;
};
foreach (['task', 'pipe'] as $n => $how) {
    $c = $srv->connect();
    $hello = $until($c, '/\n/');
    fwrite($c, "$how send");
    $got = $until($c, '/sent by [^\n]*\n/');
    echo "$how: ", strlen($got), " bytes, last: ", trim(substr($got, 100001)), "\n";
    fwrite($c, "$how close");
    $got = $until($c, null);
    echo "$how close: ", strlen($got), " bytes, last: ", trim(substr($got, 100001)), ", then EOF: ", var_export(feof($c), true), "\n";
    $srv->waitOutput('Close(fd, -1)', $n + 1);
}
echo "exit: ", $srv->stop(), "\n";
$lines = array_filter(explode("\n", trim($srv->output())), fn($l) => !str_starts_with($l, 'WorkerStart'));
// onClose runs in the connection's worker while the closing process is still
// printing: the two processes' lines interleave, so each one's are shown apart.
$close = array_filter($lines, fn($l) => str_starts_with($l, 'Close('));
echo implode("\n", array_diff($lines, $close)), "\n", implode("\n", $close), "\n";
?>
--EXPECTF--
task: 100021 bytes, last: sent by task worker
task close: 100021 bytes, last: sent by task worker, then EOF: true
pipe: 100025 bytes, last: sent by worker %d, not %d
pipe close: 100025 bytes, last: sent by worker %d, not %d, then EOF: true
exit: 0
close() from task worker: true
exists after close: false
send after close: false
close() from worker %d, not %d: true
exists after close: false
send after close: false
Close(fd, -1) in the connection's worker: true
Close(fd, -1) in the connection's worker: true
