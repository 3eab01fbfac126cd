--TEST--
A corrupt frame header on the channel between two event workers (fault injection): the reader marks it broken and reads nothing more of it (the messages behind the corrupt header are lost); the next sendMessage() on it returns false with a warning and getLastError() 9102 (Swoole keeps returning true) and gives the channel up; the reader empties it and the sendMessage() calls after that arrive, every one of them; no worker is replaced
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php
ob_start(); phpinfo(INFO_MODULES);
if (!str_contains(ob_get_clean(), 'TASKSRV_DEV_CORRUPT_FRAME')) die('skip needs a developer build (--enable-tasksrv-dev): fault injection');
?>
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
/* Endpoints: workers 0 and 1, the manager 2. Worker 0's third frame to worker 1 goes
 * out with a header its reader cannot trust. */
putenv('TASKSRV_DEV_CORRUPT_FRAME=0:1:3');
$s = new TaskSrv\Server('127.0.0.1', PORT, SWOOLE_BASE);
$s->set(['worker_num' => 2]);
$s->on('WorkerStart', function ($s, $id) {
    echo "start $id " . getmypid() . "\n";
});
$s->on('Receive', function ($s, $fd, $r, $d) {
    $cmd = trim($d);
    if ($s->worker_id !== 0) {
        $s->sendMessage("$fd $cmd", 0);   /* worker 0 is the writer */
        return;
    }
    run($s, $fd, $cmd);
});
$s->on('PipeMessage', function ($s, $src, $m) {
    if ($s->worker_id === 0) {
        [$fd, $cmd] = explode(' ', $m);
        run($s, (int) $fd, $cmd);
        return;
    }
    echo "worker 1 got: $m\n";
});
function run($s, $fd, $cmd) {
    if ($cmd === 'corrupt') {
        foreach (['m1', 'm2', 'm3'] as $m) {
            $s->sendMessage($m, 1);   /* m3's header goes out corrupt */
        }
        /* Probes until the channel is in use again: the first ones may still leave
         * before worker 1 has found the corrupt header (true, and lost behind it); the
         * first one after gives the channel up (false); worker 1 then empties it. */
        $results = [];
        $after = [];
        for ($i = 0; $i < 400 && count($after) < 3; $i++) {
            if ($i > 0) {
                usleep(5000);
            }
            $r = $s->sendMessage("probe $i", 1);
            $results[] = $r;
            if ($r === false) {
                $err = $s->getLastError();
                $after = [];
            } elseif (in_array(false, $results, true)) {
                $after[] = $i;
            }
        }
        $runs = [];
        $prev = null;
        foreach ($results as $r) {
            if ($r !== $prev) {
                $runs[] = $prev = $r;
            }
        }
        /* (Told in the log: a reply through worker 1, which may hold the connection, would fail too.) */
        echo "probes: one run of false, then true: " . var_export(array_slice($runs, -2) === [false, true]
            && count(array_keys($runs, false, true)) === 1, true) . ", last error $err\n";
        echo "probes after the reset: " . implode(',', $after) . "\n";   /* one write: two processes share the log */
    } else {
        $r = $s->sendMessage('after', 1);
        echo "sendMessage after the reset: " . var_export($r, true) . "\n";
    }
}
$s->start();
PHP);
$srv->waitOutput('start', 2);
$c = $srv->connect();
fwrite($c, "corrupt\n");
$srv->waitOutput('emptied, in use again', 1, 20);
fclose($c);
$c = $srv->connect();
fwrite($c, "after\n");
$srv->waitOutput('worker 1 got: after', 1, 10);
fclose($c);
$out = $srv->output();
/* Worker 0's lines, then worker 1's (their order in the log is the scheduler's). */
preg_match_all('/^(probes: |sendMessage after).*$/m', $out, $m);
echo implode("\n", $m[0]), "\n";
preg_match_all('/^(worker 1 got: m|worker 1 got: a).*$/m', $out, $m);
echo implode("\n", $m[0]), "\n";
/* Every probe sent after the reset arrived, and none sent before it. */
preg_match('/^probes after the reset: (.*)$/m', $out, $after);
preg_match_all('/^worker 1 got: probe (\d+)$/m', $out, $got);
echo "worker 1 got exactly the probes sent after the reset: ", var_export($got[1] === explode(',', $after[1]), true), "\n";
echo "log: ", substr_count($out, 'channel from worker #0 to worker #1 is corrupt (unknown frame version)'), " corrupt (",
    substr_count($out, 'its writer is told'), " writer told), ",
    substr_count($out, 'channel from worker #0 to worker #1 was found corrupt by its reader'), " writer gave up, ",
    substr_count($out, 'channel from worker #0 to worker #1: emptied, in use again'), " emptied, warnings: ",
    var_export(substr_count($out, 'send message to worker #1 failed: the channel to it was found corrupt and is being reset') >= 1, true), "\n";
preg_match_all('/^start (\d) (\d+)$/m', $out, $m);
echo "starts: ", count($m[0]), ", abnormal exits: ", substr_count($out, 'abnormal exit'), "\n";
if (getenv('SHOW')) echo $out;
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
probes: one run of false, then true: true, last error 9102
sendMessage after the reset: true
worker 1 got: m1
worker 1 got: m2
worker 1 got: after
worker 1 got exactly the probes sent after the reset: true
log: 1 corrupt (1 writer told), 1 writer gave up, 1 emptied, warnings: true
starts: 2, abnormal exits: 0
exit: 0
