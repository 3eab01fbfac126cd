--TEST--
Http\Server uploads streamed to 0600 temp files while the body arrives, both modes: a 200 MB file (curl) leaves the receiving process's peak RSS far below its size (the worker's in BASE, the master's in PROCESS), the same bytes, is_uploaded_file(); a chunked 20 MB upload with g[] and a field; no temp file left after the callback
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php
exec('command -v curl', $o, $rc1);
if ($rc1) die('skip needs curl');
if (disk_free_space(sys_get_temp_dir()) < (1 << 30)) die('skip needs 1 GB in the temp dir');
?>
--FILE--
<?php
require __DIR__ . '/../inc/http.inc';

$dir = sys_get_temp_dir() . '/tasksrv-upstream-' . getmypid();
$up = "$dir/up";
@mkdir($up, 0700, true);

/* Files to send: 200 MB, 20 MB, small. */
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
$big = "$dir/big.bin";
$md5_big = make_file($big, 200, 'big');
$mid = "$dir/mid.bin";
$md5_mid = make_file($mid, 20, 'mid');
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

/* The process the files went through: the worker in BASE, the master in PROCESS. */
function hwm_kb(int $pid): int
{
    preg_match('/VmHWM:\s+(\d+)/', (string) @file_get_contents("/proc/$pid/status"), $m);
    return (int) ($m[1] ?? 0);
}

foreach (['SWOOLE_BASE', 'SWOOLE_PROCESS'] as $mode) {
    echo "=== $mode\n";
    $srv = server($mode, $up, $dir);
    $url = "http://127.0.0.1:{$srv->port}";
    $curl = 'curl -s -S -m 60 ';

    $r = json_decode(shell_exec($curl . "-F a=1 -F 'f=@$big;filename=big.bin;type=application/x-big' $url/big"), true);
    $f = $r['files']['f'];
    echo "200 MB: size {$f['size']}, error {$f['error']}, same bytes ", var_export($f['md5'] === $md5_big, true),
        ", mode {$f['mode']}, in upload_tmp_dir ", var_export($f['dir'] === $up, true), ", is_uploaded_file ",
        var_export($f['uploaded'], true), ", post ", json_encode($r['post']), ", rawContent ", $r['raw'], " bytes\n";
    $receiver = $mode === 'SWOOLE_BASE' ? $r['hwm_kb'] : hwm_kb($srv->mainPid());
    echo "peak RSS of the receiving process below 64 MB: ", var_export($receiver > 0 && $receiver < 65536, true),
        $receiver > 0 && $receiver < 65536 ? '' : " ($receiver kB)", "\n";
    echo "temp files left: ", left($up), "\n";

    $r = json_decode(shell_exec($curl . "-H 'Transfer-Encoding: chunked' -F 'f=@$mid' -F 'g[]=@$dir/small.txt' -F b=2 $url/chunked"), true);
    echo "chunked 20 MB: size {$r['files']['f']['size']}, same bytes ", var_export($r['files']['f']['md5'] === $md5_mid, true),
        ", g[] ", json_encode($r['files']['g']), ", post ", json_encode($r['post']), "\n";
    echo "temp files left: ", left($up), "\n";

    echo "exit: ", $srv->stop(), "\n", $srv->output();
}

exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECT--
=== SWOOLE_BASE
200 MB: size 209716290, error 0, same bytes true, mode 600, in upload_tmp_dir true, is_uploaded_file true, post {"a":"1"}, rawContent 0 bytes
peak RSS of the receiving process below 64 MB: true
temp files left: none
chunked 20 MB: size 20971610, same bytes true, g[] [{"name":"small.txt","size":11}], post {"b":"2"}
temp files left: none
exit: 0
=== SWOOLE_PROCESS
200 MB: size 209716290, error 0, same bytes true, mode 600, in upload_tmp_dir true, is_uploaded_file true, post {"a":"1"}, rawContent 0 bytes
peak RSS of the receiving process below 64 MB: true
temp files left: none
chunked 20 MB: size 20971610, same bytes true, g[] [{"name":"small.txt","size":11}], post {"b":"2"}
temp files left: none
exit: 0
