--TEST--
SWOOLE_PROCESS: a client that half-closes after its request (shutdown(SHUT_WR), as nc -N does) gets its reply (taskwait in onReceive, dispatch_mode 2 and 1 with two workers), then the connection closes; onClose (mode 2) runs after the reply went out; a client gone both ways is closed without a reply; BASE mode the same
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
foreach ([['SWOOLE_PROCESS', 2], ['SWOOLE_PROCESS', 1], ['SWOOLE_BASE', 2]] as [$mode, $dispatch]) {
    $srv = tasksrv_server(str_replace(['MODE', 'DISPATCH'], [$mode, $dispatch], <<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT, MODE);
    $s->set(['worker_num' => 2, 'task_worker_num' => 1, 'dispatch_mode' => DISPATCH]);
    $s->on('Receive', function ($s, $fd, $r, $d) {
        $s->send($fd, 'reply:' . $s->taskwait($d, 5));
        echo "replied to $fd\n";
    });
    $s->on('Close', function ($s, $fd) { echo "closed $fd\n"; });
    $s->on('Task', function ($s, $i, $w, $d) { usleep(20000); return strtoupper($d); });
    $s->start();
    PHP));
    $ok = $eof = 0;
    for ($i = 0; $i < 10; $i++) {
        $c = $srv->connect();
        fwrite($c, "q$i");
        stream_socket_shutdown($c, STREAM_SHUT_WR);
        $got = tasksrv_recv($c, 5);
        $ok += $got === "reply:Q$i";
        /* then the server closes: a read sees the end */
        $eof += fread($c, 10) === '' && feof($c);
        fclose($c);
    }
    $out = $srv->output();
    preg_match_all('/^(replied to|closed) (\d+)$/m', $out, $m, PREG_SET_ORDER);
    $order = true;
    foreach ($m as $i => $line) {
        if ($line[1] === 'closed') {
            $before = array_filter(array_slice($m, 0, $i), fn($x) => $x[1] === 'replied to' && $x[2] === $line[2]);
            $order = $order && count($before) === 1;
        }
    }
    echo "$mode dispatch_mode $dispatch: replies $ok of 10, closed by the server $eof of 10, ",
        "onClose after the reply: ", var_export($order, true),
        ", onClose: ", substr_count($out, "closed "), "\n";
    echo "exit: ", $srv->stop(), "\n";
}
?>
--EXPECT--
SWOOLE_PROCESS dispatch_mode 2: replies 10 of 10, closed by the server 10 of 10, onClose after the reply: true, onClose: 10
exit: 0
SWOOLE_PROCESS dispatch_mode 1: replies 10 of 10, closed by the server 10 of 10, onClose after the reply: true, onClose: 0
exit: 0
SWOOLE_BASE dispatch_mode 2: replies 10 of 10, closed by the server 10 of 10, onClose after the reply: true, onClose: 10
exit: 0
