--TEST--
getClientInfo() in onConnect: last_recv_time is the accept time (as Swoole 6.2.1), last_dispatch_time and last_send_time are 0, in both modes
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
foreach (['SWOOLE_BASE', 'SWOOLE_PROCESS'] as $mode) {
    $srv = tasksrv_server(<<<PHP
\$s = new TaskSrv\Server('127.0.0.1', PORT, $mode);
\$s->set(['worker_num' => 1]);
\$s->on('WorkerStart', fn() => print("ready\\n"));
\$s->on('Connect', function (\$s, \$fd) {
    \$i = \$s->getClientInfo(\$fd);
    \$s->send(\$fd, json_encode([
        'recv_is_connect' => \$i['last_recv_time'] > 0 && (int) \$i['last_recv_time'] === \$i['connect_time'],
        'near_now' => abs(\$i['last_recv_time'] - microtime(true)) < 5,
        'dispatch' => \$i['last_dispatch_time'],
        'send' => \$i['last_send_time'],
    ]) . "\\n");
});
\$s->on('Receive', function () {});
\$s->start();
PHP);
    $srv->waitOutput('ready');
    $c = $srv->connect();
    echo $mode, ': ', tasksrv_recv_until($c, "\n");
    fclose($c);
    echo 'exit ', $srv->stop(), "\n";
}
?>
--EXPECT--
SWOOLE_BASE: {"recv_is_connect":true,"near_now":true,"dispatch":0,"send":0}
exit 0
SWOOLE_PROCESS: {"recv_is_connect":true,"near_now":true,"dispatch":0,"send":0}
exit 0
