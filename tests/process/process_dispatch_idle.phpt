--TEST--
PROCESS mode, dispatch_mode 3: a packet goes to an idle worker, never to one busy in a callback; onConnect/onClose are dropped with a warning
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
$s->set(['worker_num' => 3, 'dispatch_mode' => 3]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('Close', fn() => print("Close\n"));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    if ($data === 'slow') {
        echo "busy in {$s->getWorkerId()}\n";
        // Held until the test has seen the other packets answered.
        while (!file_exists(__FILE__ . '.go')) {
            usleep(10000);
        }
    }
    $s->send($fd, "{$s->getWorkerId()}\n");
});
$s->start();
PHP);
$srv->waitOutput('WorkerStart', 3);
$a = $srv->connect();
fwrite($a, 'slow');
$srv->waitOutput('busy in');
preg_match('/busy in (\d)/', $srv->output(), $m);
$busy = $m[1];
// Five packets while one worker is busy: none of them may wait for it.
$b = $srv->connect();
$others = [];
for ($i = 0; $i < 5; $i++) {
    fwrite($b, "p$i");
    $others[] = trim(tasksrv_recv_until($b, "\n", 3.0));
}
echo "answered while one was busy: ", count(array_filter($others, 'strlen')), "\n";
echo "never the busy worker: ", var_export(!in_array($busy, $others, true), true), "\n";
touch($srv->script . '.go');
echo "the slow one answers: ", trim(tasksrv_recv_until($a, "\n")) === $busy ? "yes" : "no", "\n";
@unlink($srv->script . '.go');
echo "exit: ", $srv->stop(), "\n";
echo "warning: ", substr_count($srv->output(), "cannot set 'onClose' event when using dispatch_mode=3"), "\n";
?>
--EXPECT--
answered while one was busy: 5
never the busy worker: true
the slow one answers: yes
exit: 0
warning: 1
