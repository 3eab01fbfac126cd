--TEST--
Http\Server: Request's header/server/get/post/cookie/rawContent/getData/getMethod and Response's status/header (Swoole's name formatting)/cookie/write/end/redirect/trailer/default headers, as Swoole 6.2.1 writes them; a request left without end() gets 500; end() twice is false
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/http.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new Swoole\Http\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 1, 'http_compression' => false]);
$s->on('Request', function ($req, $res) {
    switch ($req->server['request_uri']) {
        case '/dump':
            $srv = $req->server;
            $res->end(json_encode([
                'class' => get_class($req), 'fd' => $req->fd, 'streamId' => $req->streamId,
                'header' => $req->header, 'get' => $req->get, 'post' => $req->post, 'cookie' => $req->cookie,
                'files' => $req->files, 'keys' => array_keys($srv), 'method' => $srv['request_method'],
                'path' => $srv['path_info'], 'query' => $srv['query_string'] ?? null, 'proto' => $srv['server_protocol'],
                'addr' => $srv['remote_addr'], 'raw' => $req->rawContent(), 'content' => $req->getContent(),
                'getMethod' => $req->getMethod(), 'data_starts' => substr($req->getData(), 0, 16),
            ]));
            return;
        case '/headers':
            $res->status(201);
            $res->header('x-foo-bar', 'v');
            $res->header('content-TYPE', 'text/plain');
            $res->setHeader('ABC_def', '1');
            $res->header('X-Multi', ['a', 'b']);
            $res->header('x_raw', 'r', false);
            $res->cookie('c', 'a b', 0, '/', 'example.com', true, true, 'Lax');
            $res->rawCookie('r', 'xyz');
            $res->end('h');
            return;
        case '/twice':
            echo "end: ", var_export($res->end('once'), true), ", again: ", var_export($res->end('twice'), true),
                ", writable: ", var_export($res->isWritable(), true), "\n";
            return;
        case '/noend':
            return;
        case '/write':
            $res->trailer('X-Sum', '5');
            $res->write('ab');
            $res->write('cde');
            $res->end();
            return;
        case '/redirect':
            $res->redirect('/elsewhere', 301);
            return;
        case '/status':
            $res->status(299);
            $res->end();
            return;
    }
    $res->end('hello');
});
$s->start();
PHP);
$p = $srv->port;
$body = 'b[]=x&b[]=y&c=d%20e';
$r = http_raw($p, "POST /dump?q=1&a[k]=v HTTP/1.1\r\nHost: t\r\nX-Mixed-CASE: M\r\nCookie: a=1; b=x%20y\r\n"
    . "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " . strlen($body) . "\r\nConnection: close\r\n\r\n$body");
[$head, $json] = explode("\r\n\r\n", $r, 2);
echo $head, "\n";
var_dump(json_decode(substr($json, 0, -strlen('<closed>')), true));
echo "--- headers\n", http_raw($p, "GET /headers HTTP/1.1\r\nConnection: close\r\n\r\n"), "\n";
echo "--- twice\n", http_raw($p, "GET /twice HTTP/1.1\r\nConnection: close\r\n\r\n"), "\n";
echo "--- noend\n", http_raw($p, "GET /noend HTTP/1.1\r\nConnection: close\r\n\r\n"), "\n";
echo "--- write\n", http_raw($p, "GET /write HTTP/1.1\r\nConnection: close\r\n\r\n"), "\n";
echo "--- redirect\n", http_raw($p, "GET /redirect HTTP/1.1\r\nConnection: close\r\n\r\n"), "\n";
echo "--- status\n", http_status(http_raw($p, "GET /status HTTP/1.1\r\nConnection: close\r\n\r\n")), "\n";
echo "--- HEAD\n", http_raw($p, "HEAD / HTTP/1.1\r\nConnection: close\r\n\r\n"), "\n";
echo "--- HTTP/1.0\n", http_raw($p, "GET / HTTP/1.0\r\n\r\n"), "\n";
echo "--- HTTP/1.0 keep-alive\n", http_raw($p, "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", 0.3), "\n";
echo "exit: ", $srv->stop(), "\n";
echo $srv->output();
?>
--EXPECT--
HTTP/1.1 200 OK
Server: swoole-http-server
Date: X
Connection: close
Content-Type: text/html
Content-Length: 691
array(18) {
  ["class"]=>
  string(20) "TaskSrv\Http\Request"
  ["fd"]=>
  int(1)
  ["streamId"]=>
  int(0)
  ["header"]=>
  array(5) {
    ["host"]=>
    string(1) "t"
    ["x-mixed-case"]=>
    string(1) "M"
    ["content-type"]=>
    string(33) "application/x-www-form-urlencoded"
    ["content-length"]=>
    string(2) "19"
    ["connection"]=>
    string(5) "close"
  }
  ["get"]=>
  array(2) {
    ["q"]=>
    string(1) "1"
    ["a"]=>
    array(1) {
      ["k"]=>
      string(1) "v"
    }
  }
  ["post"]=>
  array(2) {
    ["b"]=>
    array(2) {
      [0]=>
      string(1) "x"
      [1]=>
      string(1) "y"
    }
    ["c"]=>
    string(3) "d e"
  }
  ["cookie"]=>
  array(2) {
    ["a"]=>
    string(1) "1"
    ["b"]=>
    string(3) "x y"
  }
  ["files"]=>
  NULL
  ["keys"]=>
  array(12) {
    [0]=>
    string(12) "query_string"
    [1]=>
    string(14) "request_method"
    [2]=>
    string(11) "request_uri"
    [3]=>
    string(9) "path_info"
    [4]=>
    string(12) "request_time"
    [5]=>
    string(18) "request_time_float"
    [6]=>
    string(15) "server_protocol"
    [7]=>
    string(11) "server_port"
    [8]=>
    string(11) "remote_port"
    [9]=>
    string(11) "server_addr"
    [10]=>
    string(11) "remote_addr"
    [11]=>
    string(11) "master_time"
  }
  ["method"]=>
  string(4) "POST"
  ["path"]=>
  string(5) "/dump"
  ["query"]=>
  string(10) "q=1&a[k]=v"
  ["proto"]=>
  string(8) "HTTP/1.1"
  ["addr"]=>
  string(9) "127.0.0.1"
  ["raw"]=>
  string(19) "b[]=x&b[]=y&c=d%20e"
  ["content"]=>
  string(19) "b[]=x&b[]=y&c=d%20e"
  ["getMethod"]=>
  string(4) "POST"
  ["data_starts"]=>
  string(16) "POST /dump?q=1&a"
}
--- headers
HTTP/1.1 201 Created
X-Foo-Bar: v
Content-Type: text/plain
Abc_def: 1
X-Multi: a
X-Multi: b
x_raw: r
Set-Cookie: c=a+b; path=/; domain=example.com; secure; HttpOnly; SameSite=Lax
Set-Cookie: r=xyz
Server: swoole-http-server
Date: X
Connection: close
Content-Length: 1

h<closed>
--- twice
HTTP/1.1 200 OK
Server: swoole-http-server
Date: X
Connection: close
Content-Type: text/html
Content-Length: 4

once<closed>
--- noend
HTTP/1.1 500 Internal Server Error
Server: swoole-http-server
Date: X
Connection: close
Content-Type: text/html
Content-Length: 0

<closed>
--- write
HTTP/1.1 200 OK
Server: swoole-http-server
Date: X
Connection: close
Content-Type: text/html
Transfer-Encoding: chunked

2
ab
3
cde
0
x-sum: 5

<closed>
--- redirect
HTTP/1.1 301 Moved Permanently
Location: /elsewhere
Server: swoole-http-server
Date: X
Connection: close
Content-Type: text/html
Content-Length: 0

<closed>
--- status
HTTP/1.1 299 Unknown Status <closed>
--- HEAD
HTTP/1.1 200 OK
Server: swoole-http-server
Date: X
Connection: close
Content-Type: text/html
Content-Length: 5

<closed>
--- HTTP/1.0
HTTP/1.1 200 OK
Server: swoole-http-server
Date: X
Connection: close
Content-Type: text/html
Content-Length: 5

hello<closed>
--- HTTP/1.0 keep-alive
HTTP/1.1 200 OK
Server: swoole-http-server
Date: X
Connection: keep-alive
Content-Type: text/html
Content-Length: 5

hello<open>
exit: 0
end: true, again: false, writable: false
