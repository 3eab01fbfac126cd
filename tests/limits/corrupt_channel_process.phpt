--TEST--
SWOOLE_PROCESS, a corrupt frame header on the channel from the master to an event worker (fault injection): the worker finds it and is replaced, the master closes the connections whose events were on that channel (their clients see the end of the stream, not silence), the successor empties the channel and new connections are served
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
/* Endpoints: worker 0, the manager 1, the master 2. The master's frames to worker 0:
 * CONNECT and RECEIVE of the first client, then the second client's CONNECT, which
 * goes out with a header its reader cannot trust. */
putenv('TASKSRV_DEV_CORRUPT_FRAME=2:0:3');
$s = new TaskSrv\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
$s->set(['worker_num' => 1]);
$s->on('WorkerStart', function ($s, $id) { echo "start $id " . getmypid() . "\n"; });
$s->on('WorkerStop', function ($s, $id) { echo "stop $id " . getmypid() . "\n"; });
$s->on('Connect', function ($s, $fd) { echo "connect $fd\n"; });
$s->on('Receive', function ($s, $fd, $r, $d) { $s->send($fd, "echo: $d"); });
$s->on('Close', function ($s, $fd) { echo "close $fd\n"; });
$s->start();
PHP);
$srv->waitOutput('start 0', 1);
/* Reads until the end of the stream; what came, or TIMEOUT. */
function until_eof($c, float $timeout = 10.0): string {
    $got = '';
    $end = microtime(true) + $timeout;
    stream_set_blocking($c, false);
    while (microtime(true) < $end) {
        $r = [$c];
        $w = $e = null;
        if (@stream_select($r, $w, $e, 0, 100000) > 0) {
            $d = fread($c, 8192);
            if ($d === '' || $d === false) {
                return $got . '[EOF]';
            }
            $got .= $d;
        }
    }
    return $got . '[TIMEOUT]';
}
$a = $srv->connect();
fwrite($a, "hello\n");
echo "a: ", tasksrv_recv_until($a, "\n");
$b = $srv->connect();
fwrite($b, "are you there?\n");
echo "b: ", until_eof($b), "\n";
echo "a: ", until_eof($a), "\n";
$srv->waitOutput('emptied, in use again', 1, 20);
$c = $srv->connect();
fwrite($c, "again\n");
echo "c: ", tasksrv_recv_until($c, "\n");
fclose($c);
$out = $srv->output();
preg_match_all('/^start 0 (\d+)$/m', $out, $m);
echo "worker 0 starts: ", count($m[1]), ", replaced: ", var_export(count(array_unique($m[1])) === 2, true), "\n";
echo "log: ", substr_count($out, 'channel from the master to worker #0 is corrupt (unknown frame version)'), " corrupt (",
    substr_count($out, 'this process is replaced'), " replaced), ",
    substr_count($out, 'channel from the master to worker #0 was found corrupt by its reader'), " master gave up, ",
    substr_count($out, 'connection(s) whose events were on the corrupt channel to worker #0 closed'), " closing, ",
    substr_count($out, 'channel from the master to worker #0: emptied, in use again'), " emptied, ",
    substr_count($out, 'abnormal exit'), " abnormal exits\n";
if (getenv('SHOW')) echo $out;
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
a: echo: hello
b: [EOF]
a: [EOF]
c: echo: again
worker 0 starts: 2, replaced: true
log: 1 corrupt (1 replaced), 1 master gave up, 1 closing, 1 emptied, 0 abnormal exits
exit: 0
