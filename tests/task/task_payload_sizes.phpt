--TEST--
task(): payloads of 0 B to 32 MiB arrive intact in both directions (md5 on both sides), without temp files
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
// A private temp dir for the server (TMPDIR and task_tmpdir): nothing may appear in it.
$tmp = sys_get_temp_dir() . '/tasksrv-payload-' . getmypid();
@mkdir($tmp);
$tmp = realpath($tmp);
putenv("TMPDIR=$tmp");
$scan = fn(string $dir) => array_values(array_filter(scandir($dir),
    fn($f) => preg_match('/swoole|task/i', $f) && !preg_match('/^tasksrv-/', $f)));
$tmp_before = $scan('/tmp');

$srv = tasksrv_server(str_replace('TMP', var_export($tmp, true), <<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 2, 'task_tmpdir' => TMP]);
    $s->on('Receive', function ($s, $fd, $rid, $cmd) {
        [$how, $n] = explode(' ', trim($cmd));
        // Random bytes (a block of a prime length, repeated: quicker than 32 MiB of random_bytes),
        // so that a lost, repeated or shifted chunk shows in the md5.
        $GLOBALS['pool'] ??= substr(str_repeat(random_bytes(65521), 513), 0, 32 << 20);
        $data = substr($GLOBALS['pool'], 0, (int) $n);
        $sent = md5($data);
        if ($how === 'task') {
            $GLOBALS['pending'][strlen($data)] = [$fd, $sent];
            $s->task($data);
        } elseif ($how === 'array') {
            $GLOBALS['pending'][strlen($data)] = [$fd, $sent];
            $s->task(['blob' => $data, 'n' => strlen($data)]);
        } else {
            $r = $s->taskwait($data, 20);
            $s->send($fd, "taskwait n=$n sent=$sent got=" . (is_string($r) ? md5($r) . " len=" . strlen($r) : var_export($r, true)) . "\n");
        }
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        $kind = is_array($data) ? 'array' : 'string';
        $blob = is_array($data) ? $data['blob'] : $data;
        // The data goes back as the result: one md5 less for 32 MiB.
        $md5 = md5($blob);
        echo "T $kind n=" . strlen($blob) . " in=$md5 out=$md5\n";
        return $data;
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        $kind = is_array($data) ? 'array' : 'string';
        $blob = is_array($data) ? $data['blob'] : $data;
        [$fd, $sent] = $GLOBALS['pending'][strlen($blob)];
        $s->send($fd, "$kind n=" . strlen($blob) . " sent=$sent got=" . md5($blob) . "\n");
    });
    $s->start();
PHP));
$c = $srv->connect();
stream_set_timeout($c, 20);
$sizes = [0, 1, 8151, 8152, 8191, 8192, 8193, 65536, 1 << 20, 32 << 20];
$replies = [];
foreach (['task' => $sizes, 'array' => [0, 8192, 1 << 20]] as $how => $list) {
    foreach ($list as $n) {
        $t = microtime(true);
        $replies[] = [$how, $n, tasksrv_request($c, "$how $n\n", "\n", 20 * tasksrv_test_slowdown()), microtime(true) - $t];
    }
}
// Match each reply with what the task worker saw.
$seen = [];
foreach (tasksrv_lines($srv->output(), 'T ', false) as $line) {
    preg_match('/^(\w+) n=(\d+) in=(\w+) out=(\w+)$/', $line, $m);
    $seen[] = $m;
}
$slow = [];
foreach ($replies as $i => [$how, $n, $reply, $took]) {
    if (!preg_match('/^(\w+) n=(\d+) sent=(\w+) got=(\w+)/', $reply, $m)) {
        echo "$how $n: bad reply: $reply\n";
        continue;
    }
    $t = $seen[$i] ?? null;
    $task_ok = $t && $t[1] === ($how === 'array' ? 'array' : 'string') && (int) $t[2] === $n && $t[3] === $m[3];
    $result_ok = $t && (int) $m[2] === $n && $t[4] === $m[4];
    printf("%s %d: task %s, result %s\n", $how, $n, $task_ok ? 'intact' : 'CORRUPT', $result_ok ? 'intact' : 'CORRUPT');
    // About 0.5 s for 32 MiB each way on an idle machine: a stall broken by a timeout would show.
    if ($took > 10 * tasksrv_test_slowdown()) {
        $slow[] = "$how $n took " . round($took, 2) . " s";
    }
}
echo "slow: ", $slow ? implode(', ', $slow) : 'none', "\n";
echo "exit: ", $srv->stop(), "\n";
// Everything but the helper's own script and log files.
$helper = fn($f) => str_starts_with("$tmp/$f", $srv->script) || str_starts_with($srv->script, "$tmp/$f") || "$tmp/$f" === $srv->log;
echo "files in the server's temp dir: ", json_encode(array_values(array_filter(array_diff(scandir($tmp), ['.', '..']), fn($f) => !$helper($f)))), "\n";
echo "new task files in /tmp: ", json_encode(array_values(array_diff($scan('/tmp'), $tmp_before))), "\n";
$srv->kill();
array_map('unlink', glob("$tmp/{,.}[!.]*", GLOB_BRACE));
var_dump(rmdir($tmp));
?>
--EXPECT--
task 0: task intact, result intact
task 1: task intact, result intact
task 8151: task intact, result intact
task 8152: task intact, result intact
task 8191: task intact, result intact
task 8192: task intact, result intact
task 8193: task intact, result intact
task 65536: task intact, result intact
task 1048576: task intact, result intact
task 33554432: task intact, result intact
array 0: task intact, result intact
array 8192: task intact, result intact
array 1048576: task intact, result intact
slow: none
exit: 0
files in the server's temp dir: []
new task files in /tmp: []
bool(true)
