--TEST--
Http\Server upload temp files, both modes: is_uploaded_file()/move_uploaded_file(), and no temp file left behind: after the callback, when it throws, when the worker exit()s, dies of a fatal error or is killed (SIGKILL: the manager removes them), when the client goes away mid-body; upload_max_filesize (error 1) and a body over package_max_length (413)
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php
exec('command -v curl', $o, $rc1);
if ($rc1) die('skip needs curl');
?>
--FILE--
<?php
require __DIR__ . '/../inc/http.inc';

$dir = sys_get_temp_dir() . '/tasksrv-upclean-' . getmypid();
$up = "$dir/up";
@mkdir($up, 0700, true);

/* Files to send: 3 MB, 10 MB, small. */
function make_file(string $path, int $mb, string $seed): string
{
    $h = fopen($path, 'w');
    $block = str_repeat(hash('sha256', $seed, true), 32768); /* 1 MiB */
    for ($i = 0; $i < $mb; $i++) {
        fwrite($h, $block);
        fwrite($h, $seed . $i); /* so no two MiB are alike */
    }
    fclose($h);
    return md5_file($path);
}
$three = "$dir/three.bin";
make_file($three, 3, 'three');
$ten = "$dir/ten.bin";
make_file($ten, 10, 'ten');
file_put_contents("$dir/small.txt", "small file\n");

function server(string $mode, string $up, string $dir): TasksrvTestServer
{
    return tasksrv_server(<<<PHP
\$s = new Swoole\Http\Server('127.0.0.1', PORT, $mode);
\$s->set(['worker_num' => 2, 'upload_tmp_dir' => '$up', 'package_max_length' => 300 << 20,
    'upload_max_filesize' => 1 << 30, 'log_level' => 4]);
\$s->on('Request', function (\$req, \$res) {
    \$uri = \$req->server['request_uri'];
    if (\$uri === '/throw') {
        throw new RuntimeException('thrown in onRequest');
    }
    if (\$uri === '/exit') {
        exit(3);
    }
    if (\$uri === '/fatal') {
        trigger_error('fatal in onRequest', E_USER_ERROR);
    }
    if (\$uri === '/kill') {
        file_put_contents('$dir/kill.pid', getmypid());
        sleep(30); /* until the test kills it */
    }
    \$out = ['post' => \$req->post, 'raw' => strlen(\$req->rawContent())];
    foreach (\$req->files ?? [] as \$k => \$f) {
        if (!isset(\$f['tmp_name'])) { /* g[]: one entry per file */
            \$out['files'][\$k] = array_map(fn (\$g) => ['name' => \$g['name'], 'size' => \$g['size']], \$f);
            continue;
        }
        \$t = \$f['tmp_name'];
        \$out['files'][\$k] = ['name' => \$f['name'], 'type' => \$f['type'], 'size' => \$f['size'], 'error' => \$f['error'],
            'md5' => \$t === '' ? '' : md5_file(\$t), 'mode' => \$t === '' ? '' : sprintf('%o', fileperms(\$t) & 0777),
            'dir' => \$t === '' ? '' : dirname(\$t), 'uploaded' => is_uploaded_file(\$t)];
        if (\$uri === '/move') {
            \$out['moved'] = move_uploaded_file(\$t, '$dir/moved.bin');
            \$out['uploaded after the move'] = is_uploaded_file(\$t);
        }
    }
    preg_match('/VmHWM:\\s+(\\d+)/', file_get_contents('/proc/self/status'), \$m);
    \$out['hwm_kb'] = (int) \$m[1];
    \$res->header('Content-Type', 'application/json');
    \$res->end(json_encode(\$out));
});
\$s->start();
PHP);
}

/* The files in the upload directory once the request is over (they go when the
 * callback returns, a moment after the answer). */
function left(string $up, bool $wait = true): string
{
    for ($i = 0; $wait && $i < 200 && count(scandir($up)) > 2; $i++) {
        usleep(10000);
    }
    $f = array_values(array_diff(scandir($up), ['.', '..']));
    return $f ? 'LEFT: ' . implode(' ', $f) : 'none';
}

foreach (['SWOOLE_BASE', 'SWOOLE_PROCESS'] as $mode) {
    echo "=== $mode\n";
    $srv = server($mode, $up, $dir);
    $url = "http://127.0.0.1:{$srv->port}";
    $curl = 'curl -s -S -m 30 ';

    $r = json_decode(shell_exec($curl . "-F 'f=@$dir/small.txt' $url/move"), true);
    echo "move_uploaded_file: ", var_export($r['moved'], true), ", is_uploaded_file after it: ",
        var_export($r['uploaded after the move'], true), ", moved file there: ",
        var_export(file_get_contents("$dir/moved.bin") === "small file\n", true), "\n";
    unlink("$dir/moved.bin");
    echo "temp files left: ", left($up), "\n";

    echo "throw: ", http_status(shell_exec($curl . "-i -H 'Expect:' -F 'f=@$three' $url/throw") . '<closed>'), "\n";
    echo "temp files left: ", left($up), "\n";
    /* (The exception is reported and the worker goes on.) exit() and a fatal error end it. */
    foreach (['exit' => 1, 'fatal' => 2] as $how => $exits) {
        shell_exec($curl . "-F 'f=@$three' $url/$how 2>&1");
        $srv->waitOutput('abnormal exit', $exits);
        $srv->waitListening();
        echo "$how: temp files left: ", left($up), "\n";
    }
    /* SIGKILL in onRequest: nothing runs in the worker; the manager removes its files. */
    $c = $srv->connect();
    $body = "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"k.bin\"\r\n\r\nkill me\r\n--XyZ--\r\n";
    fwrite($c, "POST /kill HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: "
        . strlen($body) . "\r\n\r\n" . $body);
    for ($i = 0; $i < 500 && !is_file("$dir/kill.pid"); $i++) {
        usleep(10000);
    }
    $pid = (int) @file_get_contents("$dir/kill.pid");
    echo "SIGKILL in onRequest: a file in hand ", var_export(left($up, false) !== 'none', true);
    exec("kill -9 $pid");
    $srv->waitOutput('abnormal exit', 3);
    $srv->waitListening();
    fclose($c);
    @unlink("$dir/kill.pid");
    echo ", after: ", left($up), "\n";

    /* A client that sends half of a body and goes. */
    $c = $srv->connect();
    $body = "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"half.bin\"\r\n\r\n" . str_repeat('h', 1 << 20);
    fwrite($c, "POST /half HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: "
        . (4 << 20) . "\r\n\r\n" . $body);
    for ($i = 0; $i < 200 && left($up, false) === 'none'; $i++) {
        usleep(10000); /* the file is being written */
    }
    echo "half a body: a temp file while it arrives: ", var_export(left($up, false) !== 'none', true);
    fclose($c);
    echo ", after the client went: ", left($up), "\n";
    $out = $srv->output();
    echo "exit: ", $srv->stop(), "\n";
    echo preg_match('/thrown in onRequest/', $out) ? "the exception was reported\n" : "NO REPORT\n";
}

echo "=== upload_max_filesize 1 MB\n";
$srv = tasksrv_server(<<<PHP
\$s = new Swoole\Http\Server('127.0.0.1', PORT, SWOOLE_BASE);
\$s->set(['worker_num' => 1, 'upload_tmp_dir' => '$up', 'upload_max_filesize' => 1 << 20, 'package_max_length' => 8 << 20]);
\$s->on('Request', function (\$req, \$res) {
    \$res->end(json_encode(array_map(fn (\$f) => [\$f['name'], \$f['size'], \$f['error'], \$f['tmp_name'] === ''], \$req->files)));
});
\$s->start();
PHP);
echo shell_exec("curl -s -S -m 30 -F 'big=@$three' -F 'small=@$dir/small.txt' http://127.0.0.1:{$srv->port}/"), "\n";
echo "temp files left: ", left($up), "\n";
echo "a body over package_max_length: ", strtok(shell_exec("curl -s -S -m 30 -i -H 'Expect:' -F 'big=@$ten' http://127.0.0.1:{$srv->port}/"), "\r"), "\n";
echo "temp files left: ", left($up), "\n";
echo "exit: ", $srv->stop(), "\n", $srv->output();

exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECT--
=== SWOOLE_BASE
move_uploaded_file: true, is_uploaded_file after it: false, moved file there: true
temp files left: none
throw: HTTP/1.1 500 Internal Server Error <closed>
temp files left: none
exit: temp files left: none
fatal: temp files left: none
SIGKILL in onRequest: a file in hand true, after: none
half a body: a temp file while it arrives: true, after the client went: none
exit: 0
the exception was reported
=== SWOOLE_PROCESS
move_uploaded_file: true, is_uploaded_file after it: false, moved file there: true
temp files left: none
throw: HTTP/1.1 500 Internal Server Error <closed>
temp files left: none
exit: temp files left: none
fatal: temp files left: none
SIGKILL in onRequest: a file in hand true, after: none
half a body: a temp file while it arrives: true, after the client went: none
exit: 0
the exception was reported
=== upload_max_filesize 1 MB
{"big":["three.bin",0,1,true],"small":["small.txt",11,0,false]}
temp files left: none
a body over package_max_length: HTTP/1.1 413 Request Entity Too Large
temp files left: none
exit: 0