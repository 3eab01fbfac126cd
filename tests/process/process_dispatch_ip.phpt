--TEST--
PROCESS mode, dispatch_mode 4: all connections from one client address go to the same worker, with their onConnect/onClose
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
$s->set(['worker_num' => 4, 'dispatch_mode' => 4]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('Connect', fn($s, $fd, $rid) => print("Connect fd=$fd worker={$s->getWorkerId()}\n"));
$s->on('Receive', fn($s, $fd, $rid, $data) => $s->send($fd, "$fd {$s->getWorkerId()}\n"));
$s->start();
PHP);
$srv->waitOutput('WorkerStart', 4);
foreach (['127.0.0.1', '127.0.0.2', '127.0.0.3'] as $ip) {
    $seen = [];
    $conns = [];
    for ($i = 0; $i < 4; $i++) {
        $ctx = stream_context_create(['socket' => ['bindto' => "$ip:0"]]);
        $c = stream_socket_client("tcp://127.0.0.1:{$srv->port}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
        fwrite($c, "x");
        [$fd, $w] = explode(' ', trim(tasksrv_recv_until($c, "\n")));
        $seen[] = $w;
        $connect_ok[] = str_contains($srv->output(), "Connect fd=$fd worker=$w\n");
        $conns[] = $c;
    }
    echo "$ip: one worker: ", var_export(count(array_unique($seen)) === 1, true), "\n";
}
echo "onConnect in the same worker: ", var_export(!in_array(false, $connect_ok, true), true), "\n";
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
127.0.0.1: one worker: true
127.0.0.2: one worker: true
127.0.0.3: one worker: true
onConnect in the same worker: true
exit: 0
