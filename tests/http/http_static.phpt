--TEST--
Http\Server static files, both modes: static_handler_locations (a missing file there is a 404, other paths go to onRequest), http_index_files, http_autoindex, HEAD, If-Modified-Since/304, Range, content types, ".." and %2e%2e and symlinks kept inside document_root, a 24 MB file streamed (the serving process's peak RSS does not grow by its size) and pipelined behind, HTTP/1.0; without locations a missing or unknown file goes to onRequest; curl and Python's http.client
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php
exec('command -v curl', $o, $rc1);
exec('command -v python3', $o, $rc2);
if ($rc1 || $rc2) die('skip needs curl and python3');
?>
--FILE--
<?php
require __DIR__ . '/../inc/http.inc';

$dir = sys_get_temp_dir() . '/tasksrv-static-' . getmypid();
$root = "$dir/root";
@mkdir("$root/static/sub", 0755, true);
@mkdir("$root/static/empty", 0755, true);
file_put_contents("$root/static/a.txt", "hello\n");
file_put_contents("$root/static/s.css", "b{}\n");
file_put_contents("$root/static/f.weird", "?\n");
file_put_contents("$root/static/sub/index.html", "<h1>idx</h1>\n");
file_put_contents("$root/top.txt", "top\n");
file_put_contents("$dir/secret.txt", "secret\n");
symlink("$dir/secret.txt", "$root/static/link.txt");
$big = "$root/static/big.bin";
$h = fopen($big, 'w');
for ($i = 0; $i < 24; $i++) {
    fwrite($h, str_repeat(chr(65 + $i), 1 << 20));
}
fclose($h);
$mtime = 1700000000; /* Tue, 14 Nov 2023 22:13:20 GMT */
foreach (["$root/static/a.txt", "$root/static/s.css", "$root/static/f.weird", "$root/static/sub/index.html",
    "$root/static/empty", "$root/top.txt", $big] as $f) {
    touch($f, $mtime);
}

function server(string $mode, string $root, array $set): TasksrvTestServer
{
    $set = var_export($set + ['worker_num' => 1, 'document_root' => $root, 'enable_static_handler' => true], true);
    return tasksrv_server(<<<PHP
\$s = new Swoole\Http\Server('127.0.0.1', PORT, $mode);
\$s->set($set);
\$s->on('Request', function (\$req, \$res) {
    if (\$req->server['request_uri'] === '/hwm') {
        preg_match('/VmHWM:\\s+(\\d+)/', file_get_contents('/proc/self/status'), \$m);
        \$res->end(\$m[1]);
        return;
    }
    \$res->end('onRequest ' . \$req->getMethod() . ' ' . \$req->server['request_uri']);
});
\$s->start();
PHP);
}

function get(int $port, string $path, array $headers = [], string $method = 'GET', string $version = '1.1'): string
{
    $req = "$method $path HTTP/$version\r\nHost: x\r\n" . ($version === '1.1' ? "Connection: close\r\n" : '');
    foreach ($headers as $k => $v) {
        $req .= "$k: $v\r\n";
    }
    return http_raw($port, "$req\r\n");
}

/* The status line, the headers that matter, the body (short). */
function show(string $r): string
{
    [$head, $body] = explode("\r\n\r\n", $r, 2) + [1 => ''];
    $lines = explode("\r\n", $head);
    $keep = [$lines[0]];
    foreach (array_slice($lines, 1) as $l) {
        if (preg_match('/^(Content-Type|Content-Length|Content-Range|Last-Modified|Accept-Ranges|Connection): /', $l)) {
            $keep[] = $l;
        }
    }
    $body = str_replace('<closed>', '', $body);
    if (strlen($body) > 60) {
        $body = substr($body, 0, 40) . '... (' . strlen($body) . ' bytes)';
    }
    return implode(' | ', $keep) . ' || ' . json_encode($body) . "\n";
}

function rss_kb(int $port): int
{
    return (int) trim(shell_exec("curl -s -m 10 http://127.0.0.1:$port/hwm"));
}

foreach (['SWOOLE_BASE', 'SWOOLE_PROCESS'] as $mode) {
    echo "=== $mode, static_handler_locations /static, http_index_files, http_autoindex\n";
    $srv = server($mode, $root, ['static_handler_locations' => ['/static'], 'http_index_files' => ['index.html'],
        'http_autoindex' => true]);
    $p = $srv->port;
    foreach (['/static/a.txt', '/static/s.css?v=2', '/static/f.weird', '/top.txt', '/static/nope.txt',
        '/static/sub', '/static/sub/', '/static/link.txt', '/static/../top.txt', '/static/%2e%2e/%2e%2e/secret.txt',
        '/static/..%2f..%2fsecret.txt', '/static/sub/%2e%2e/a.txt', '/static/a.txt%00.html', '/../../../etc/passwd'] as $u) {
        echo str_pad($u, 34), show(get($p, $u));
    }
    echo "listing: ", show(get($p, '/static/empty/'));
    $l = get($p, '/static');
    preg_match_all('/<a href="([^"]*)">/', $l, $m);
    echo "listing of /static: ", implode(' ', $m[1]), "\n";
    echo "HEAD:     ", show(get($p, '/static/a.txt', [], 'HEAD'));
    $lm = 'Tue, 14 Nov 2023 22:13:20 GMT';
    echo "IMS same: ", show(get($p, '/static/a.txt', ['If-Modified-Since' => $lm]));
    echo "IMS later:", show(get($p, '/static/a.txt', ['If-Modified-Since' => 'Wed, 15 Nov 2023 00:00:00 GMT']));
    echo "IMS older:", show(get($p, '/static/a.txt', ['If-Modified-Since' => 'Mon, 13 Nov 2023 00:00:00 GMT']));
    echo "IMS junk: ", show(get($p, '/static/a.txt', ['If-Modified-Since' => 'yesterday']));
    echo "Range 1-2:", show(get($p, '/static/a.txt', ['Range' => 'bytes=1-2']));
    echo "Range -2: ", show(get($p, '/static/a.txt', ['Range' => 'bytes=-2']));
    echo "Range 9-: ", show(get($p, '/static/a.txt', ['Range' => 'bytes=9-']));
    echo "POST:     ", show(http_raw($p, "POST /static/a.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 3\r\n\r\nx=1"));
    echo "HTTP/1.0: ", http_status(get($p, '/static/a.txt', [], 'GET', '1.0')), "\n";

    /* HEAD and GET pipelined: HEAD's answer has no body, so the GET's follows at once. */
    $r = http_raw($p, "HEAD /static/a.txt HTTP/1.1\r\nHost: x\r\n\r\nGET /static/a.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    echo "HEAD then GET on one connection: ", substr_count($r, "HTTP/1.1 200 OK"), " answers, body ",
        json_encode(substr($r, strrpos($r, "\r\n\r\n") + 4)), "\n";

    $before = rss_kb($p);
    $sum = trim(shell_exec("curl -s -m 30 http://127.0.0.1:$p/static/big.bin | md5sum"));
    echo "24 MB file: ", str_starts_with($sum, md5_file($big)) ? 'same bytes' : "DIFFERENT ($sum)", "\n";
    if ($mode === 'SWOOLE_BASE') {
        /* The worker served it: its peak RSS grew by far less than the file. */
        $grew = rss_kb($p) - $before;
        echo "worker peak RSS grew by less than 8 MB: ", var_export($grew < 8192, true), $grew < 8192 ? '' : " ($grew kB)", "\n";
    }

    /* The big file, then a request for onRequest, pipelined: answered in that order. */
    $c = $srv->connect();
    fwrite($c, "GET /static/big.bin HTTP/1.1\r\nHost: x\r\n\r\nGET /after HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    /* Read as it comes (hashed, not kept: 24 MB in one growing string is slow under ASan). */
    $head = '';
    while (!str_contains($head, "\r\n\r\n") && ($chunk = fread($c, 1)) !== '' && $chunk !== false) {
        $head .= $chunk;
    }
    $ctx = hash_init('md5');
    for ($left = 24 << 20; $left > 0 && ($chunk = fread($c, min($left, 1 << 20))) !== '' && $chunk !== false; ) {
        hash_update($ctx, $chunk);
        $left -= strlen($chunk);
    }
    $rest = stream_get_contents($c);
    fclose($c);
    echo "pipelined behind the big file: file intact ", var_export(hash_final($ctx) === md5_file($big), true),
        ", then ", strtok($rest, "\r\n"), " ", json_encode(substr($rest, strpos($rest, "\r\n\r\n") + 4)), "\n";

    $py = <<<PY
import http.client
c = http.client.HTTPConnection('127.0.0.1', $p, timeout=10)
for path in ['/static/a.txt', '/dyn', '/static/sub/', '/static/a.txt']:
    c.request('GET', path)
    r = c.getresponse()
    print(path, r.status, r.getheader('Content-Type'), r.getheader('Connection'), repr(r.read()[:20]))
c.request('HEAD', '/static/s.css')
r = c.getresponse()
print('HEAD', r.status, r.getheader('Content-Length'), repr(r.read()))
PY;
    $pyfile = tempnam(sys_get_temp_dir(), 'tasksrv-py');
    file_put_contents($pyfile, $py);
    echo shell_exec("python3 $pyfile 2>&1");
    unlink($pyfile);
    echo "exit: ", $srv->stop(), "\n", $srv->output();
}

echo "=== SWOOLE_BASE, no locations, no index files, no autoindex\n";
$srv = server('SWOOLE_BASE', $root, []);
foreach (['/top.txt', '/static/a.txt', '/static/nope.txt', '/static/f.weird', '/static/sub/', '/static/link.txt',
    '/static/%2e%2e/top.txt'] as $u) {
    echo str_pad($u, 34), show(get($srv->port, $u));
}
echo "exit: ", $srv->stop(), "\n", $srv->output();

echo "=== enable_static_handler off\n";
$srv = server('SWOOLE_BASE', $root, ['enable_static_handler' => false]);
echo str_pad('/top.txt', 34), show(get($srv->port, '/top.txt'));
echo "exit: ", $srv->stop(), "\n", $srv->output();

exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECT--
=== SWOOLE_BASE, static_handler_locations /static, http_index_files, http_autoindex
/static/a.txt                     HTTP/1.1 200 OK | Connection: close | Content-Length: 6 | Content-Type: text/plain | Accept-Ranges: bytes | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || "hello\n"
/static/s.css?v=2                 HTTP/1.1 200 OK | Connection: close | Content-Length: 4 | Content-Type: text/css | Accept-Ranges: bytes | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || "b{}\n"
/static/f.weird                   HTTP/1.1 200 OK | Connection: close | Content-Length: 2 | Content-Type: application/octet-stream | Accept-Ranges: bytes | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || "?\n"
/top.txt                          HTTP/1.1 200 OK | Connection: close | Content-Type: text/html | Content-Length: 22 || "onRequest GET \/top.txt"
/static/nope.txt                  HTTP/1.1 404 Not Found | Connection: close | Content-Length: 321 || "<html><body><style> body { padding: 0.5e... (321 bytes)"
/static/sub                       HTTP/1.1 200 OK | Connection: close | Content-Length: 13 | Content-Type: text/html | Accept-Ranges: bytes | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || "<h1>idx<\/h1>\n"
/static/sub/                      HTTP/1.1 200 OK | Connection: close | Content-Length: 13 | Content-Type: text/html | Accept-Ranges: bytes | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || "<h1>idx<\/h1>\n"
/static/link.txt                  HTTP/1.1 404 Not Found | Connection: close | Content-Length: 321 || "<html><body><style> body { padding: 0.5e... (321 bytes)"
/static/../top.txt                HTTP/1.1 200 OK | Connection: close | Content-Type: text/html | Content-Length: 32 || "onRequest GET \/static\/..\/top.txt"
/static/%2e%2e/%2e%2e/secret.txt  HTTP/1.1 200 OK | Connection: close | Content-Type: text/html | Content-Length: 46 || "onRequest GET \/static\/%2e%2e\/%2e%2e\/secret.txt"
/static/..%2f..%2fsecret.txt      HTTP/1.1 200 OK | Connection: close | Content-Type: text/html | Content-Length: 42 || "onRequest GET \/static\/..%2f..%2fsecret.txt"
/static/sub/%2e%2e/a.txt          HTTP/1.1 200 OK | Connection: close | Content-Length: 6 | Content-Type: text/plain | Accept-Ranges: bytes | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || "hello\n"
/static/a.txt%00.html             HTTP/1.1 200 OK | Connection: close | Content-Type: text/html | Content-Length: 35 || "onRequest GET \/static\/a.txt%00.html"
/../../../etc/passwd              HTTP/1.1 200 OK | Connection: close | Content-Type: text/html | Content-Length: 34 || "onRequest GET \/..\/..\/..\/etc\/passwd"
listing: HTTP/1.1 200 OK | Connection: close | Content-Length: 465 | Content-Type: text/html | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || "<html>\n<head>\n\t<meta charset='UTF-8'>\n<t... (465 bytes)"
listing of /static: /static/.. /static/a.txt /static/big.bin /static/empty /static/f.weird /static/link.txt /static/s.css /static/sub
HEAD:     HTTP/1.1 200 OK | Connection: close | Content-Length: 6 | Content-Type: text/plain | Accept-Ranges: bytes | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || ""
IMS same: HTTP/1.1 304 Not Modified | Connection: close | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || ""
IMS later:HTTP/1.1 304 Not Modified | Connection: close | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || ""
IMS older:HTTP/1.1 200 OK | Connection: close | Content-Length: 6 | Content-Type: text/plain | Accept-Ranges: bytes | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || "hello\n"
IMS junk: HTTP/1.1 200 OK | Connection: close | Content-Length: 6 | Content-Type: text/plain | Accept-Ranges: bytes | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || "hello\n"
Range 1-2:HTTP/1.1 206 Partial Content | Connection: close | Content-Length: 2 | Content-Type: text/plain | Content-Range: bytes 1-2/6 | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || "el"
Range -2: HTTP/1.1 206 Partial Content | Connection: close | Content-Length: 2 | Content-Type: text/plain | Content-Range: bytes 4-5/6 | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || "o\n"
Range 9-: HTTP/1.1 200 OK | Connection: close | Content-Length: 6 | Content-Type: text/plain | Accept-Ranges: bytes | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || "hello\n"
POST:     HTTP/1.1 200 OK | Connection: close | Content-Type: text/html | Content-Length: 28 || "onRequest POST \/static\/a.txt"
HTTP/1.0: HTTP/1.1 200 OK <closed>
HEAD then GET on one connection: 2 answers, body "hello\n<closed>"
24 MB file: same bytes
worker peak RSS grew by less than 8 MB: true
pipelined behind the big file: file intact true, then HTTP/1.1 200 OK "onRequest GET \/after"
/static/a.txt 200 text/plain keep-alive b'hello\n'
/dyn 200 text/html keep-alive b'onRequest GET /dyn'
/static/sub/ 200 text/html keep-alive b'<h1>idx</h1>\n'
/static/a.txt 200 text/plain keep-alive b'hello\n'
HEAD 200 4 b''
exit: 0
=== SWOOLE_PROCESS, static_handler_locations /static, http_index_files, http_autoindex
/static/a.txt                     HTTP/1.1 200 OK | Connection: close | Content-Length: 6 | Content-Type: text/plain | Accept-Ranges: bytes | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || "hello\n"
/static/s.css?v=2                 HTTP/1.1 200 OK | Connection: close | Content-Length: 4 | Content-Type: text/css | Accept-Ranges: bytes | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || "b{}\n"
/static/f.weird                   HTTP/1.1 200 OK | Connection: close | Content-Length: 2 | Content-Type: application/octet-stream | Accept-Ranges: bytes | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || "?\n"
/top.txt                          HTTP/1.1 200 OK | Connection: close | Content-Type: text/html | Content-Length: 22 || "onRequest GET \/top.txt"
/static/nope.txt                  HTTP/1.1 404 Not Found | Connection: close | Content-Length: 321 || "<html><body><style> body { padding: 0.5e... (321 bytes)"
/static/sub                       HTTP/1.1 200 OK | Connection: close | Content-Length: 13 | Content-Type: text/html | Accept-Ranges: bytes | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || "<h1>idx<\/h1>\n"
/static/sub/                      HTTP/1.1 200 OK | Connection: close | Content-Length: 13 | Content-Type: text/html | Accept-Ranges: bytes | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || "<h1>idx<\/h1>\n"
/static/link.txt                  HTTP/1.1 404 Not Found | Connection: close | Content-Length: 321 || "<html><body><style> body { padding: 0.5e... (321 bytes)"
/static/../top.txt                HTTP/1.1 200 OK | Connection: close | Content-Type: text/html | Content-Length: 32 || "onRequest GET \/static\/..\/top.txt"
/static/%2e%2e/%2e%2e/secret.txt  HTTP/1.1 200 OK | Connection: close | Content-Type: text/html | Content-Length: 46 || "onRequest GET \/static\/%2e%2e\/%2e%2e\/secret.txt"
/static/..%2f..%2fsecret.txt      HTTP/1.1 200 OK | Connection: close | Content-Type: text/html | Content-Length: 42 || "onRequest GET \/static\/..%2f..%2fsecret.txt"
/static/sub/%2e%2e/a.txt          HTTP/1.1 200 OK | Connection: close | Content-Length: 6 | Content-Type: text/plain | Accept-Ranges: bytes | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || "hello\n"
/static/a.txt%00.html             HTTP/1.1 200 OK | Connection: close | Content-Type: text/html | Content-Length: 35 || "onRequest GET \/static\/a.txt%00.html"
/../../../etc/passwd              HTTP/1.1 200 OK | Connection: close | Content-Type: text/html | Content-Length: 34 || "onRequest GET \/..\/..\/..\/etc\/passwd"
listing: HTTP/1.1 200 OK | Connection: close | Content-Length: 465 | Content-Type: text/html | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || "<html>\n<head>\n\t<meta charset='UTF-8'>\n<t... (465 bytes)"
listing of /static: /static/.. /static/a.txt /static/big.bin /static/empty /static/f.weird /static/link.txt /static/s.css /static/sub
HEAD:     HTTP/1.1 200 OK | Connection: close | Content-Length: 6 | Content-Type: text/plain | Accept-Ranges: bytes | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || ""
IMS same: HTTP/1.1 304 Not Modified | Connection: close | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || ""
IMS later:HTTP/1.1 304 Not Modified | Connection: close | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || ""
IMS older:HTTP/1.1 200 OK | Connection: close | Content-Length: 6 | Content-Type: text/plain | Accept-Ranges: bytes | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || "hello\n"
IMS junk: HTTP/1.1 200 OK | Connection: close | Content-Length: 6 | Content-Type: text/plain | Accept-Ranges: bytes | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || "hello\n"
Range 1-2:HTTP/1.1 206 Partial Content | Connection: close | Content-Length: 2 | Content-Type: text/plain | Content-Range: bytes 1-2/6 | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || "el"
Range -2: HTTP/1.1 206 Partial Content | Connection: close | Content-Length: 2 | Content-Type: text/plain | Content-Range: bytes 4-5/6 | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || "o\n"
Range 9-: HTTP/1.1 200 OK | Connection: close | Content-Length: 6 | Content-Type: text/plain | Accept-Ranges: bytes | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || "hello\n"
POST:     HTTP/1.1 200 OK | Connection: close | Content-Type: text/html | Content-Length: 28 || "onRequest POST \/static\/a.txt"
HTTP/1.0: HTTP/1.1 200 OK <closed>
HEAD then GET on one connection: 2 answers, body "hello\n<closed>"
24 MB file: same bytes
pipelined behind the big file: file intact true, then HTTP/1.1 200 OK "onRequest GET \/after"
/static/a.txt 200 text/plain keep-alive b'hello\n'
/dyn 200 text/html keep-alive b'onRequest GET /dyn'
/static/sub/ 200 text/html keep-alive b'<h1>idx</h1>\n'
/static/a.txt 200 text/plain keep-alive b'hello\n'
HEAD 200 4 b''
exit: 0
=== SWOOLE_BASE, no locations, no index files, no autoindex
/top.txt                          HTTP/1.1 200 OK | Connection: close | Content-Length: 4 | Content-Type: text/plain | Accept-Ranges: bytes | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || "top\n"
/static/a.txt                     HTTP/1.1 200 OK | Connection: close | Content-Length: 6 | Content-Type: text/plain | Accept-Ranges: bytes | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || "hello\n"
/static/nope.txt                  HTTP/1.1 200 OK | Connection: close | Content-Type: text/html | Content-Length: 30 || "onRequest GET \/static\/nope.txt"
/static/f.weird                   HTTP/1.1 200 OK | Connection: close | Content-Type: text/html | Content-Length: 29 || "onRequest GET \/static\/f.weird"
/static/sub/                      HTTP/1.1 200 OK | Connection: close | Content-Type: text/html | Content-Length: 26 || "onRequest GET \/static\/sub\/"
/static/link.txt                  HTTP/1.1 200 OK | Connection: close | Content-Type: text/html | Content-Length: 30 || "onRequest GET \/static\/link.txt"
/static/%2e%2e/top.txt            HTTP/1.1 200 OK | Connection: close | Content-Length: 4 | Content-Type: text/plain | Accept-Ranges: bytes | Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT || "top\n"
exit: 0
=== enable_static_handler off
/top.txt                          HTTP/1.1 200 OK | Connection: close | Content-Type: text/html | Content-Length: 22 || "onRequest GET \/top.txt"
exit: 0