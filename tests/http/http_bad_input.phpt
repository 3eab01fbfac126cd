--TEST--
Http\Server: every kind of bad input gets its status and a close (400 malformed request line, bad/duplicated/overflowing Content-Length, Content-Length with Transfer-Encoding, bad chunk sizes, NUL and bare CR; 413 body over package_max_length; 417; 431 too many or too large headers; 501 transfer coding; 505 version), in BASE and PROCESS; the worker lives on
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/http.inc';
$cases = [
    'request line' => "GARBAGE\r\n\r\n",
    'two spaces' => "GET  / HTTP/1.1\r\n\r\n",
    'version' => "GET / HTTP/2.0\r\n\r\n",
    'negative length' => "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
    'overflowing length' => "POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n",
    'differing lengths' => "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
    'length and chunked' => "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
    'chunked and length' => "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n",
    'gzip coding' => "POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
    'chunk size' => "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    'chunk size overflow' => "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n",
    'chunk longer than size' => "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n",
    'NUL in request line' => "GET /\0 HTTP/1.1\r\n\r\n",
    'NUL in header' => "GET / HTTP/1.1\r\nX: a\0b\r\n\r\n",
    'bare CR in request line' => "GET /\rx HTTP/1.1\r\n\r\n",
    'bare CR in header' => "GET / HTTP/1.1\r\nX: a\rb\r\n\r\n",
    'space before colon' => "GET / HTTP/1.1\r\nX : a\r\n\r\n",
    'folded header' => "GET / HTTP/1.1\r\nX: a\r\n b\r\n\r\n",
    'expectation' => "PUT / HTTP/1.1\r\nExpect: teapot\r\nContent-Length: 1\r\n\r\nx",
    'too many headers' => "GET / HTTP/1.1\r\n" . str_repeat("X-A: b\r\n", 101) . "\r\n",
    'too large headers' => "GET / HTTP/1.1\r\nX-Big: " . str_repeat('a', 70000) . "\r\n\r\n",
    'body over package_max_length' => "POST / HTTP/1.1\r\nContent-Length: 70000\r\n\r\n",
    'chunked body over package_max_length' => "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n11170\r\n",
];
foreach ([SWOOLE_BASE => 'BASE', SWOOLE_PROCESS => 'PROCESS'] as $mode => $name) {
    $srv = tasksrv_server(<<<PHP
\$s = new Swoole\Http\Server('127.0.0.1', PORT, $mode);
\$s->set(['worker_num' => 1, 'package_max_length' => 65536]);
\$s->on('Request', function (\$req, \$res) { \$res->end('pid ' . getmypid()); });
\$s->start();
PHP);
    echo "== $name\n";
    $first = http_raw($srv->port, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
    foreach ($cases as $what => $bytes) {
        printf("%-38s %s\n", $what, http_status(http_raw($srv->port, $bytes)));
    }
    $last = http_raw($srv->port, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
    echo "same worker before and after: ", var_export(strrchr($first, 'p') === strrchr($last, 'p')
        && str_contains($last, 'pid '), true), "\n";
    echo "exit: ", $srv->stop(), "\n", $srv->output();
}
?>
--EXPECT--
== BASE
request line                           HTTP/1.1 400 Bad Request <closed>
two spaces                             HTTP/1.1 400 Bad Request <closed>
version                                HTTP/1.1 505 HTTP Version Not Supported <closed>
negative length                        HTTP/1.1 400 Bad Request <closed>
overflowing length                     HTTP/1.1 400 Bad Request <closed>
differing lengths                      HTTP/1.1 400 Bad Request <closed>
length and chunked                     HTTP/1.1 400 Bad Request <closed>
chunked and length                     HTTP/1.1 400 Bad Request <closed>
gzip coding                            HTTP/1.1 501 Not Implemented <closed>
chunk size                             HTTP/1.1 400 Bad Request <closed>
chunk size overflow                    HTTP/1.1 400 Bad Request <closed>
chunk longer than size                 HTTP/1.1 400 Bad Request <closed>
NUL in request line                    HTTP/1.1 400 Bad Request <closed>
NUL in header                          HTTP/1.1 400 Bad Request <closed>
bare CR in request line                HTTP/1.1 400 Bad Request <closed>
bare CR in header                      HTTP/1.1 400 Bad Request <closed>
space before colon                     HTTP/1.1 400 Bad Request <closed>
folded header                          HTTP/1.1 400 Bad Request <closed>
expectation                            HTTP/1.1 417 Expectation Failed <closed>
too many headers                       HTTP/1.1 431 Request Header Fields Too Large <closed>
too large headers                      HTTP/1.1 431 Request Header Fields Too Large <closed>
body over package_max_length           HTTP/1.1 413 Request Entity Too Large <closed>
chunked body over package_max_length   HTTP/1.1 413 Request Entity Too Large <closed>
same worker before and after: true
exit: 0
== PROCESS
request line                           HTTP/1.1 400 Bad Request <closed>
two spaces                             HTTP/1.1 400 Bad Request <closed>
version                                HTTP/1.1 505 HTTP Version Not Supported <closed>
negative length                        HTTP/1.1 400 Bad Request <closed>
overflowing length                     HTTP/1.1 400 Bad Request <closed>
differing lengths                      HTTP/1.1 400 Bad Request <closed>
length and chunked                     HTTP/1.1 400 Bad Request <closed>
chunked and length                     HTTP/1.1 400 Bad Request <closed>
gzip coding                            HTTP/1.1 501 Not Implemented <closed>
chunk size                             HTTP/1.1 400 Bad Request <closed>
chunk size overflow                    HTTP/1.1 400 Bad Request <closed>
chunk longer than size                 HTTP/1.1 400 Bad Request <closed>
NUL in request line                    HTTP/1.1 400 Bad Request <closed>
NUL in header                          HTTP/1.1 400 Bad Request <closed>
bare CR in request line                HTTP/1.1 400 Bad Request <closed>
bare CR in header                      HTTP/1.1 400 Bad Request <closed>
space before colon                     HTTP/1.1 400 Bad Request <closed>
folded header                          HTTP/1.1 400 Bad Request <closed>
expectation                            HTTP/1.1 417 Expectation Failed <closed>
too many headers                       HTTP/1.1 431 Request Header Fields Too Large <closed>
too large headers                      HTTP/1.1 431 Request Header Fields Too Large <closed>
body over package_max_length           HTTP/1.1 413 Request Entity Too Large <closed>
chunked body over package_max_length   HTTP/1.1 413 Request Entity Too Large <closed>
same worker before and after: true
exit: 0
