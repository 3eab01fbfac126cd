--TEST--
Swoole\Event in server processes: an event worker watches a stream_socket_client() connection in its loop (read callback, Event::write back), a task worker watches one between tasks; Event::defer runs after the callback in hand
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$lport = tasksrv_free_port();
$listener = stream_socket_server("tcp://127.0.0.1:$lport");
$srv = tasksrv_server(str_replace('LPORT', (string) $lport, <<<'PHP'
$s = new Swoole\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 1, 'task_worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
$s->on('WorkerStart', function ($s, $wid) {
    $role = $s->taskworker ? 'task worker' : 'worker';
    $c = stream_socket_client('tcp://127.0.0.1:LPORT');
    $r = Swoole\Event::add($c, function ($c) use ($role) {
        $d = fread($c, 100);
        if ($d === '' || $d === false) {
            Swoole\Event::del($c);
            return;
        }
        Swoole\Event::write($c, "$role got $d");
    });
    echo "$role added: " . var_export(is_int($r), true) . "\n";
});
$s->on('Receive', function ($s, $fd, $rid, $data) {
    Swoole\Event::defer(fn() => print("deferred\n"));
    echo "receive\n";
    $s->send($fd, "ok");
});
$s->on('Task', function () {});
$s->start();
PHP));
$peers = [];
for ($i = 0; $i < 2; $i++) {
    $peers[] = stream_socket_accept($listener, 5);
}
foreach ($peers as $p) {
    fwrite($p, 'ping');
}
$got = [];
foreach ($peers as $p) {
    stream_set_timeout($p, 5);
    $got[] = fread($p, 100);
}
sort($got);
echo implode("\n", $got), "\n";
$c = $srv->connect();
fwrite($c, 'x');
echo tasksrv_recv($c), "\n";
$srv->waitOutput('deferred');
$out = $srv->output();
echo "defer after the callback: ", var_export(strpos($out, 'receive') < strpos($out, 'deferred'), true), "\n";
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
task worker got ping
worker got ping
ok
defer after the callback: true
exit: 0
