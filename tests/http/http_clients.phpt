--TEST--
Http\Server with real clients: curl (multipart upload to a 0600 temp file removed after the callback, chunked upload, Expect: 100-continue, keep-alive over two URLs) and Python's http.client (keep-alive, POST, HEAD)
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
$srv = tasksrv_server(<<<'PHP'
$s = new Swoole\Http\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 1, 'upload_tmp_dir' => sys_get_temp_dir()]);
$s->on('Request', function ($req, $res) {
    $out = ['fd' => $req->fd, 'method' => $req->getMethod(), 'len' => strlen($req->rawContent()),
        'md5' => md5($req->rawContent()), 'post' => $req->post];
    foreach ($req->files ?? [] as $k => $f) {
        $out['files'][$k] = ['name' => $f['name'], 'type' => $f['type'], 'size' => $f['size'], 'error' => $f['error'],
            'md5' => md5_file($f['tmp_name']), 'mode' => sprintf('%o', fileperms($f['tmp_name']) & 0777)];
        file_put_contents(sys_get_temp_dir() . '/tasksrv-http-clients-PORT.tmpname', $f['tmp_name']);
    }
    $res->header('Content-Type', 'application/json');
    $res->end(json_encode($out));
});
$s->start();
PHP);
$p = $srv->port;
$url = "http://127.0.0.1:$p";
$file = tempnam(sys_get_temp_dir(), 'tasksrv-up');
file_put_contents($file, str_repeat("upload\n", 5000));
$curl = 'curl -s -S -m 10 ';

echo "--- multipart upload\n";
$r = json_decode(shell_exec($curl . "-F 'a=1' -F 'b[]=2' -F 'up=@$file;filename=x.txt;type=text/plain' $url/up"), true);
unset($r['fd'], $r['len'], $r['md5']);
$r['files']['up']['md5'] = $r['files']['up']['md5'] === md5_file($file) ? 'same as sent' : 'DIFFERENT';
var_export($r);
$tmpname = file_get_contents(sys_get_temp_dir() . "/tasksrv-http-clients-$p.tmpname");
unlink(sys_get_temp_dir() . "/tasksrv-http-clients-$p.tmpname");
/* The answer goes out inside the callback; the file goes when the callback returns, a moment later. */
for ($i = 0; $i < 100 && file_exists($tmpname); $i++) {
    usleep(20000);
}
echo "\ntemp file removed after the callback: ", var_export(!file_exists($tmpname), true), "\n";

echo "--- chunked upload\n";
$r = json_decode(shell_exec($curl . "-H 'Transfer-Encoding: chunked' -H 'Content-Type: application/octet-stream' --data-binary @$file $url/chunked"), true);
echo "len ", $r['len'], ", same body: ", var_export($r['md5'] === md5_file($file), true), "\n";

echo "--- 100-continue\n";
$v = shell_exec($curl . "-v -H 'Expect: 100-continue' -H 'Content-Type: application/octet-stream' --data-binary @$file $url/continue 2>&1");
echo "got 100 Continue: ", var_export(str_contains($v, '< HTTP/1.1 100 Continue'), true), "\n";
$r = json_decode(substr($v, strrpos($v, "\n{") + 1), true);
echo "len ", $r['len'], ", same body: ", var_export($r['md5'] === md5_file($file), true), "\n";

echo "--- keep-alive\n";
$v = shell_exec($curl . "-v $url/one $url/two 2>&1");
preg_match_all('/"fd":(\d+)/', $v, $m);
echo "two answers on one connection: ", var_export(count($m[1]) === 2 && $m[1][0] === $m[1][1], true),
    ", reused: ", var_export((bool) preg_match('/Re-?using existing (\w+: )?connection/', $v), true), "\n";

echo "--- python http.client\n";
$py = <<<PY
import http.client, json
c = http.client.HTTPConnection('127.0.0.1', $p, timeout=10)
fds = []
for i in range(3):
    c.request('GET', '/py?i=%d' % i)
    r = c.getresponse()
    fds.append(json.loads(r.read())['fd'])
    print(r.status, r.reason, r.getheader('Connection'), r.getheader('Content-Type'))
print('one connection:', len(set(fds)) == 1)
c.request('POST', '/form', body='x=1&y[]=2', headers={'Content-Type': 'application/x-www-form-urlencoded'})
r = c.getresponse()
print(r.status, json.loads(r.read())['post'])
c.request('HEAD', '/head')
r = c.getresponse()
print(r.status, r.getheader('Content-Length'), repr(r.read()))
PY;
$pyfile = tempnam(sys_get_temp_dir(), 'tasksrv-py');
file_put_contents($pyfile, $py);
echo shell_exec("python3 $pyfile 2>&1");
unlink($pyfile);
unlink($file);
echo "exit: ", $srv->stop(), "\n", $srv->output();
?>
--EXPECT--
--- multipart upload
array (
  'method' => 'POST',
  'post' => 
  array (
    'a' => '1',
    'b' => 
    array (
      0 => '2',
    ),
  ),
  'files' => 
  array (
    'up' => 
    array (
      'name' => 'x.txt',
      'type' => 'text/plain',
      'size' => 35000,
      'error' => 0,
      'md5' => 'same as sent',
      'mode' => '600',
    ),
  ),
)
temp file removed after the callback: true
--- chunked upload
len 35000, same body: true
--- 100-continue
got 100 Continue: true
len 35000, same body: true
--- keep-alive
two answers on one connection: true, reused: true
--- python http.client
200 OK keep-alive application/json
200 OK keep-alive application/json
200 OK keep-alive application/json
one connection: True
200 {'x': '1', 'y': ['2']}
200 85 b''
exit: 0
