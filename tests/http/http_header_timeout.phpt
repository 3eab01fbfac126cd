--TEST--
http_header_timeout: a client that starts a request and never finishes its headers gets 408 and a close (BASE and PROCESS); an idle keep-alive connection is left alone, a slow client within the limit is served
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/http.inc';
foreach ([SWOOLE_BASE => 'BASE', SWOOLE_PROCESS => 'PROCESS'] as $mode => $name) {
    $srv = tasksrv_server(<<<PHP
\$s = new Swoole\Http\Server('127.0.0.1', PORT, $mode);
\$s->set(['worker_num' => 1, 'http_header_timeout' => 0.4]);
\$s->on('Request', function (\$req, \$res) { \$res->end('ok'); });
\$s->start();
PHP);
    echo "== $name\n";
    $t = microtime(true);
    echo "stalled head: ", http_status(http_raw($srv->port, "GET / HTTP/1.1\r\nHost: x\r\n", 5)), "\n";
    $took = microtime(true) - $t;
    echo "closed after the limit, well before the client gave up: ", var_export($took >= 0.35 && $took < 3, true), "\n";
    /* idle, then a request: served */
    $c = stream_socket_client("tcp://127.0.0.1:{$srv->port}", $e, $es, 5);
    usleep(700000);
    fwrite($c, "GET / HTTP/1.1\r\n");
    usleep(200000);
    fwrite($c, "Connection: close\r\n\r\n");
    echo "idle then slow (within the limit): ", http_status(http_mask(stream_get_contents($c)) . '<closed>'), "\n";
    echo "exit: ", $srv->stop(), "\n", $srv->output();
}
?>
--EXPECT--
== BASE
stalled head: HTTP/1.1 408 Request Timeout <closed>
closed after the limit, well before the client gave up: true
idle then slow (within the limit): HTTP/1.1 200 OK <closed>
exit: 0
== PROCESS
stalled head: HTTP/1.1 408 Request Timeout <closed>
closed after the limit, well before the client gave up: true
idle then slow (within the limit): HTTP/1.1 200 OK <closed>
exit: 0
