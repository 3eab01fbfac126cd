--TEST--
A UDP port beside the TCP one: every event worker reads its datagrams, onPacket gets the data and the client's address, sendto() answers
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$udp = tasksrv_free_port();
$srv = tasksrv_server(<<<PHP
\$s = new TaskSrv\Server('127.0.0.1', PORT);
\$s->set(['worker_num' => 2]);
\$u = \$s->listen('127.0.0.1', $udp, SWOOLE_SOCK_UDP);
\$s->on('Receive', function () {});
\$s->on('Packet', function (\$s, \$data, \$info) use (\$u) {
    \$keys = array_keys(\$info);
    sort(\$keys);
    \$ok = \$info['server_port'] === $udp && \$info['server_socket'] === \$u->sock
        && \$info['address'] === '127.0.0.1' && \$info['port'] > 0 && is_float(\$info['dispatch_time']);
    \$s->sendto(\$info['address'], \$info['port'], "echo:\$data " . implode(',', \$keys) . ' ' . var_export(\$ok, true));
});
\$s->start();
PHP);
$c = stream_socket_client("udp://127.0.0.1:$udp", $errno, $errstr);
stream_set_timeout($c, 5);
foreach (['a', 'bb', str_repeat('x', 1000)] as $d) {
    fwrite($c, $d);
    $r = fread($c, 65536);
    echo strlen($d) > 10 ? strlen($r) : $r, "\n";
}
// ten datagrams at once: one answer each, whichever worker takes them
for ($i = 0; $i < 10; $i++) {
    fwrite($c, "n$i");
}
$got = [];
for ($i = 0; $i < 10; $i++) {
    $got[] = explode(' ', fread($c, 100))[0];
}
sort($got);
echo implode(' ', $got), "\n";
echo "exit: ", $srv->stop(), "\n";
echo $srv->output();
?>
--EXPECT--
echo:a address,dispatch_time,port,server_port,server_socket true
echo:bb address,dispatch_time,port,server_port,server_socket true
1063
echo:n0 echo:n1 echo:n2 echo:n3 echo:n4 echo:n5 echo:n6 echo:n7 echo:n8 echo:n9
exit: 0
