--TEST--
Log lines that clients cause at will are rate-limited: 200 connections beyond max_conn within a second write at most 5 "Too many connections" lines; the next one, a second later, says how many were held back; abort_count still counts every one
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 1, 'max_conn' => 1, 'backlog' => 512]);
$s->on('WorkerStart', fn() => print("WorkerStart\n"));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    $s->send($fd, "abort_count=" . $s->stats()['abort_count'] . "\n");
});
$s->start();
PHP, ['wait' => false]);
$srv->waitOutput('WorkerStart');
$srv->waitListening();
$keep = $srv->connect();
fwrite($keep, 'x');
tasksrv_recv_until($keep, "\n");
/* 200 more, as fast as they go: each is accepted and closed. */
$t = microtime(true);
for ($i = 0; $i < 200; $i++) {
    $c = @stream_socket_client("tcp://127.0.0.1:{$srv->port}", $errno, $errstr, 5);
    if ($c) {
        tasksrv_recv($c, 2);
        fclose($c);
    }
}
$burst = microtime(true) - $t;
usleep(1100000);
$c = @stream_socket_client("tcp://127.0.0.1:{$srv->port}", $errno, $errstr, 5);
tasksrv_recv($c, 2);
fclose($c);
fwrite($keep, 'x');
echo tasksrv_recv_until($keep, "\n");
$srv->waitOutput('more like it before');
$out = $srv->output();
$lines = preg_match_all('/WARNING\tToo many connections/', $out);
echo "lines: ", $lines <= 5 * (int) ceil($burst + 1.2) ? "few" : $lines, "\n";
preg_match_all('/Too many connections \[now: 1\] \(and (\d+) more like it before, not logged: at most 5 a second\)/', $out, $m);
/* every one is either a line or counted in a later line */
echo "held back, then counted: ", $lines + array_sum(array_map('intval', $m[1])) === 201 ? "yes" : $out, "\n";
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
abort_count=201
lines: few
held back, then counted: yes
exit: 0
