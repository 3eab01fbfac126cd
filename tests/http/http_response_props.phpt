--TEST--
Http\Response: $cookie and $header written by the program itself (any values): entries of $cookie that are not strings are skipped as Swoole 6.2.1 does, header values are converted; the worker keeps serving
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/http.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new Swoole\Http\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 1, 'http_compression' => false]);
$s->on('Request', function ($req, $res) {
    if ($req->server['request_uri'] === '/obj') {
        $res->cookie = ['a=1', new stdClass, ['x'], null];
    } else {
        $res->cookie = ['a=1', 42, 1.5, 'b=2'];
        $res->header = ['X-Num' => 7, 'X-List' => ['p', 8]];
    }
    $res->end('x');
});
$s->start();
PHP);
$p = $srv->port;
foreach (['/', '/obj', '/'] as $path) {
    $r = http_raw($p, "GET $path HTTP/1.1\r\nConnection: close\r\n\r\n");
    echo "--- $path\n", preg_replace('/^Date: .*\r\n/m', '', $r), "\n";
}
echo "exit: ", $srv->stop(), "\n";
echo $srv->output();
?>
--EXPECT--
--- /
HTTP/1.1 200 OK
X-Num: 7
X-List: p
X-List: 8
Set-Cookie: a=1
Set-Cookie: b=2
Server: swoole-http-server
Connection: close
Content-Type: text/html
Content-Length: 1

x<closed>
--- /obj
HTTP/1.1 200 OK
Set-Cookie: a=1
Server: swoole-http-server
Connection: close
Content-Type: text/html
Content-Length: 1

x<closed>
--- /
HTTP/1.1 200 OK
X-Num: 7
X-List: p
X-List: 8
Set-Cookie: a=1
Set-Cookie: b=2
Server: swoole-http-server
Connection: close
Content-Type: text/html
Content-Length: 1

x<closed>
exit: 0