--TEST--
PROCESS mode: reloads while a client streams 3000 packets: every packet is answered exactly once and in order (frames queued for a stopping worker are served by its successor)
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
$s->set(['worker_num' => 2, 'open_eof_split' => true, 'package_eof' => "\n"]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('Receive', fn($s, $fd, $rid, $data) => $s->send($fd, $data));
$s->start();
PHP);
$srv->waitOutput('WorkerStart', 2);
$c = $srv->connect();
$master = $srv->mainPid();
$got = '';
for ($i = 0; $i < 3000; $i++) {
    fwrite($c, "$i\n");
    if ($i % 1000 === 500) {
        // One reload at a time: two signals in flight at once would merge into one.
        $srv->waitOutput('WorkerStart', 2 + 2 * intdiv($i, 1000));
        tasksrv_signal($master, 'USR1');
    }
    if ($i % 100 === 99) {
        // Keep reading so neither side's buffers fill up.
        while (($chunk = fread($c, 1 << 16)) !== '' && $chunk !== false) {
            $got .= $chunk;
            if (substr_count($got, "\n") >= $i - 50) {
                break;
            }
        }
    }
}
$deadline = microtime(true) + 20;
while (substr_count($got, "\n") < 3000 && microtime(true) < $deadline) {
    $chunk = fread($c, 1 << 16);
    if ($chunk === false || ($chunk === '' && feof($c))) {
        break;
    }
    $got .= $chunk;
}
$expect = implode("\n", range(0, 2999)) . "\n";
echo "all answered in order: ", var_export($got === $expect, true), "\n";
echo "reloads: ", $srv->waitOutput('WorkerStart', 8) ? "3 (every worker restarted each time)" : "fewer", "\n";
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
all answered in order: true
reloads: 3 (every worker restarted each time)
exit: 0
