--TEST--
metrics_listen on a plain TaskSrv\Server (BASE, one worker: a manager is kept to answer): strict set() validation; GET/HEAD /metrics (OpenMetrics content type, ends with # EOF), 404, 405, 400 and close, 100-continue, keep-alive, pipelining in order, HTTP/1.0 closes; a stalled request does not hold others and gets 408 after 5 s; 32 connections at most (an idle one makes room); the workers never see any of it
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php
require __DIR__ . '/../inc/metrics.inc';
metrics_skipif();
?>
--FILE--
<?php
require __DIR__ . '/../inc/metrics.inc';

$s = new TaskSrv\Server('127.0.0.1', 0);
foreach ([9100, null, '127.0.0.1', '127.0.0.1:0', '127.0.0.1:65536', '127.0.0.1:-1', '127.0.0.1: 9100',
        'localhost:9100', '::1:9100', '[::1]:x', '[127.0.0.1]:9100', ':9100', '127.0.0.1:9100x'] as $v) {
    try {
        $s->set(['metrics_listen' => $v]);
        echo "accepted ", var_export($v, true), "\n";
    } catch (TypeError|ValueError $e) {
        echo get_class($e), ": ", $e->getMessage(), "\n";
    }
}
foreach (['0.0.0.0:9100', '[::1]:9100', '127.0.0.1:65535'] as $v) {
    $s->set(['metrics_listen' => $v]);
    echo "accepted ", $s->setting['metrics_listen'], "\n";
}

ob_start();
(new ReflectionExtension('tasksrv'))->info();
preg_match('~^Metrics endpoint.*$~m', ob_get_clean(), $m);
echo $m[0], "\n";

$mport = tasksrv_free_port();
$srv = tasksrv_server(<<<PHP
\$s = new TaskSrv\Server('127.0.0.1', PORT);
\$s->set(['worker_num' => 1, 'metrics_listen' => '127.0.0.1:$mport']);
\$s->on('Connect', function (\$s, \$fd) { echo "worker saw a connection\\n"; });
\$s->on('Receive', function (\$s, \$fd, \$r, \$d) { \$s->send(\$fd, \$d); });
\$s->start();
PHP);
echo "listening: ", var_export(metrics_wait_port($mport), true), "\n";
echo "processes (manager and worker): ", count(tasksrv_children($srv->mainPid())) === 1 ? 'manager + 1' : 'single', "\n";

$r = metrics_curl($mport);
echo "GET: {$r['status']} {$r['type']}\n";
echo "ends with # EOF: ", var_export(str_ends_with($r['body'], "\n# EOF\n"), true), "\n";
echo "mode: ", metrics_show(metrics_parse($r['body']), 'tasksrv_build', 'tasksrv_connections', 'tasksrv_workers');
$r = metrics_curl($mport, '/metrics?x=1', '-I');
echo "HEAD: {$r['status']} body ", strlen($r['body']), " bytes, ", preg_match('~^Content-Length: [1-9]\d*\r$~m', $r['raw']) ? 'with' : 'no', " Content-Length\n";
echo "GET /other: ", metrics_curl($mport, '/other')['status'], "\n";
$r = metrics_curl($mport, '/metrics', '-X POST -d a=1');
echo "POST: {$r['status']} ", preg_match('~^Allow: GET, HEAD\r$~m', $r['raw']) ? 'Allow: GET, HEAD' : 'no Allow', "\n";
echo "bad Content-Length: ", http_status(http_raw($mport, "GET /metrics HTTP/1.1\r\nContent-Length: -1\r\n\r\n")), "\n";
echo "NUL in the request line: ", http_status(http_raw($mport, "GET /met\0rics HTTP/1.1\r\n\r\n")), "\n";
echo "HTTP/2 preface: ", http_status(http_raw($mport, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")), "\n";
$c = stream_socket_client("tcp://127.0.0.1:$mport", $e, $es, 5);
fwrite($c, "POST /metrics HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 3\r\nConnection: close\r\n\r\n");
$first = tasksrv_recv($c);
fwrite($c, "abc");
$r = $first . stream_get_contents($c);
fclose($c);
echo "100-continue: ", implode(' | ', array_map('trim', preg_grep('~^HTTP/~', explode("\n", $r)))), "\n";
echo "HTTP/1.0: ", http_status(http_raw($mport, "GET /metrics HTTP/1.0\r\n\r\n")), "\n";

/* keep-alive: two requests on one connection; then three pipelined in one write */
$c = stream_socket_client("tcp://127.0.0.1:$mport", $e, $es, 5);
$statuses = [];
for ($i = 0; $i < 2; $i++) {
    fwrite($c, "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
    [$line, $body] = metrics_read_response($c);
    $statuses[] = $line . (str_ends_with($body, "# EOF\n") ? ' (whole)' : ' (cut)');
}
echo "keep-alive: ", implode(', ', $statuses), "\n";
fwrite($c, "GET /a HTTP/1.1\r\n\r\nHEAD /metrics HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\nConnection: close\r\n\r\n");
$all = stream_get_contents($c);
preg_match_all('~^HTTP/1\.1 \d+ [^\r]*~m', $all, $m);
echo "pipelined: ", implode(', ', $m[0]), ", then ", feof($c) ? 'closed' : 'open', "\n";
fclose($c);

/* A client that stalls in its request line does not hold the others; 408 after 5 s. */
$t0 = microtime(true);
$stalled = stream_socket_client("tcp://127.0.0.1:$mport", $e, $es, 5);
fwrite($stalled, "GET /metr");
$r = metrics_curl($mport);
echo "with a stalled client: {$r['status']} in under a second: ", var_export($r['ms'] < 1000, true), "\n";

/* 32 connections: 31 idle ones and the stalled one. The next one makes the longest
 * idle one go; with none idle (all 32 mid-request), one more is closed at once. */
$idle = [];
for ($i = 0; $i < 31; $i++) {
    $idle[] = stream_socket_client("tcp://127.0.0.1:$mport", $e, $es, 5);
    usleep(2000);
}
usleep(100000);
$r = metrics_curl($mport);
echo "33rd connection: {$r['status']}\n";
stream_set_timeout($idle[0], 5);
echo "the longest idle one was closed: ", var_export(fread($idle[0], 10) === '' && feof($idle[0]), true), "\n";
$idle[0] = stream_socket_client("tcp://127.0.0.1:$mport", $e, $es, 5);
foreach ($idle as $c) {
    fwrite($c, "GET /");
}
usleep(100000);
$late = stream_socket_client("tcp://127.0.0.1:$mport", $e, $es, 5);
fwrite($late, "GET /metrics HTTP/1.1\r\n\r\n");
stream_set_timeout($late, 5);
$got = @fread($late, 100);
echo "with 32 mid-request: closed at once: ", var_export(($got === '' || $got === false) && feof($late), true), "\n";
foreach ($idle as $c) {
    fclose($c);
}
usleep(100000);
echo "after they left: ", metrics_curl($mport)['status'], "\n";
stream_set_timeout($stalled, 10);
$r = stream_get_contents($stalled);
$took = microtime(true) - $t0;
echo "stalled: ", http_status(http_mask($r) . '<closed>'), " after 5 s: ", var_export($took > 4.5 && $took < 8, true), "\n";

/* The main port is the workers' alone. */
$c = $srv->connect();
fwrite($c, "ping");
echo "worker: ", tasksrv_recv($c), "\n";
fclose($c);
echo "exit: ", $srv->stop(), "\n", $srv->output();
?>
--EXPECTF--
TypeError: TaskSrv\Server::set(): Argument #1 ($settings) option "metrics_listen" must be of type string, int given
TypeError: TaskSrv\Server::set(): Argument #1 ($settings) option "metrics_listen" must be of type string, null given
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "metrics_listen" must be "HOST:PORT" (HOST an IPv4 address or an IPv6 one in brackets), "127.0.0.1" given
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "metrics_listen" must end with a port from 1 to 65535 (0, a port the system picks, could not be found by a scraper), "127.0.0.1:0" given
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "metrics_listen" must end with a port from 1 to 65535 (0, a port the system picks, could not be found by a scraper), "127.0.0.1:65536" given
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "metrics_listen" must end with a port from 1 to 65535 (0, a port the system picks, could not be found by a scraper), "127.0.0.1:-1" given
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "metrics_listen" must end with a port from 1 to 65535 (0, a port the system picks, could not be found by a scraper), "127.0.0.1: 9100" given
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "metrics_listen" must be "HOST:PORT" (HOST an IPv4 address or an IPv6 one in brackets), "localhost:9100" given
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "metrics_listen" must be "HOST:PORT" (HOST an IPv4 address or an IPv6 one in brackets), "::1:9100" given
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "metrics_listen" must end with a port from 1 to 65535 (0, a port the system picks, could not be found by a scraper), "[::1]:x" given
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "metrics_listen" must be "HOST:PORT" (HOST an IPv4 address or an IPv6 one in brackets), "[127.0.0.1]:9100" given
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "metrics_listen" must be "HOST:PORT" (HOST an IPv4 address or an IPv6 one in brackets), ":9100" given
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "metrics_listen" must end with a port from 1 to 65535 (0, a port the system picks, could not be found by a scraper), "127.0.0.1:9100x" given
accepted 0.0.0.0:9100
accepted [::1]:9100
accepted 127.0.0.1:65535
Metrics endpoint (metrics_listen) => GET /metrics (OpenMetrics 1.0.0) from the manager (BASE) or the master (PROCESS), through the same HTTP parser: 5 s per request, 60 s idle, 32 connections
listening: true
processes (manager and worker): manager + 1
GET: 200 application/openmetrics-text; version=1.0.0; charset=utf-8
ends with # EOF: true
mode: tasksrv_build (info): tasksrv_build_info{version=%s,mode=base}=1
tasksrv_connections (gauge): tasksrv_connections=0
tasksrv_workers (gauge): tasksrv_workers{kind=worker,state=busy}=0 tasksrv_workers{kind=worker,state=idle}=1 tasksrv_workers{kind=worker,state=exiting}=0
HEAD: 200 body 0 bytes, with Content-Length
GET /other: 404
POST: 405 Allow: GET, HEAD
bad Content-Length: HTTP/1.1 400 Bad Request <closed>
NUL in the request line: HTTP/1.1 400 Bad Request <closed>
HTTP/2 preface: HTTP/1.1 505 HTTP Version Not Supported <closed>
100-continue: HTTP/1.1 100 Continue | HTTP/1.1 405 Method Not Allowed
HTTP/1.0: HTTP/1.1 200 OK <closed>
keep-alive: HTTP/1.1 200 OK (whole), HTTP/1.1 200 OK (whole)
pipelined: HTTP/1.1 404 Not Found, HTTP/1.1 200 OK, HTTP/1.1 404 Not Found, then closed
with a stalled client: 200 in under a second: true
33rd connection: 200
the longest idle one was closed: true
with 32 mid-request: closed at once: true
after they left: 200
stalled: HTTP/1.1 408 Request Timeout <closed> after 5 s: true
worker: ping
exit: 0
[%s]	WARNING	metrics_listen: 32 connections open, none idle: one more closed at once
worker saw a connection
