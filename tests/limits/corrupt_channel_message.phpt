--TEST--
A corrupt frame header on the channel between two event workers (fault injection): the reader marks it broken and reads nothing more of it (the messages behind the corrupt header are lost); from then on sendMessage() on it returns false with a warning and getLastError() 9102 (Swoole keeps returning true); once the writer has read its reader's word, the channel is emptied and sendMessage() works again; no worker is replaced
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
        foreach (['m1', 'm2', 'm3', 'm4'] as $m) {
            $s->sendMessage($m, 1);
        }
        /* Busy here: worker 1's word does not come in before this returns, so the
         * channel stays broken; the first probes may still leave before worker 1 has
         * found the corrupt header (and are lost behind it). */
        $results = [];
        for ($i = 0; $i < 400 && count(array_keys($results, false, true)) < 3; $i++) {
            usleep(5000);
            $r = $s->sendMessage("probe $i", 1);
            $results[] = $r;
            if ($r === false) {
                $err = $s->getLastError();
            }
        }
        $runs = [];
        foreach ($results as $r) {
            if (end($runs) !== $r) {
                $runs[] = $r;
            }
        }
        /* (Told in the log: a reply through worker 1, which may hold the connection, would fail too.) */
        echo "probes end with false: " . var_export(end($runs) === false, true) . ", never true after false: "
            . var_export(count($runs) <= 2, true) . ", last error $err\n";
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
preg_match_all('/^(worker 1 got: |probes |sendMessage after).*$/m', $out, $m);
echo implode("\n", $m[0]), "\n";
echo "log: ", substr_count($out, 'channel from worker #0 to worker #1 is corrupt (unknown frame version)'), " corrupt (",
    substr_count($out, 'its writer is told'), " writer told), ",
    substr_count($out, 'channel from worker #0 to worker #1 was found corrupt by its reader'), " writer gave up, ",
    substr_count($out, 'channel from worker #0 to worker #1: emptied, in use again'), " emptied, warnings: ",
    var_export(substr_count($out, 'send message to worker #1 failed: the channel to it was found corrupt and is being reset') >= 3, true), "\n";
preg_match_all('/^start (\d) (\d+)$/m', $out, $m);
echo "starts: ", count($m[0]), ", abnormal exits: ", substr_count($out, 'abnormal exit'), "\n";
if (getenv('SHOW')) echo $out;
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
worker 1 got: m1
worker 1 got: m2
probes end with false: true, never true after false: true, last error 9102
sendMessage after the reset: true
worker 1 got: after
log: 1 corrupt (1 writer told), 1 writer gave up, 1 emptied, warnings: true
starts: 2, abnormal exits: 0
exit: 0
