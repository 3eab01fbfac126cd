--TEST--
Reload (reload_async, the default) while a worker is busy in onReceive: it finishes the callback (the client gets its answer) before it stops; then it is replaced
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 2]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('WorkerStop', fn($s, $id) => print("WorkerStop($id)\n"));
$s->on('BeforeReload', fn($s) => print("BeforeReload\n"));
$s->on('AfterReload', fn($s) => print("AfterReload\n"));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    echo "busy($rid)\n";
    while (!file_exists($data)) {
        usleep(1000); // until the test has sent the reload
    }
    echo "done($rid)\n";
    $s->send($fd, "answer\n");
});
$s->start();
PHP);
$srv->waitOutput('WorkerStart', 2);
$flag = tempnam(sys_get_temp_dir(), 'tasksrv-flag-');
unlink($flag);
$c = $srv->connect();
fwrite($c, $flag);
$srv->waitOutput('busy');
tasksrv_signal($srv->mainPid(), 'USR1');
$srv->waitOutput('BeforeReload');
usleep(100000);
touch($flag);
echo "client: ", tasksrv_recv_until($c, "\n");
$srv->waitOutput('AfterReload');
$srv->waitOutput('WorkerStart', 4);
unlink($flag);
preg_match('/busy\((\d)\)/', $srv->output(), $m);
$id = $m[1];
$out = $srv->output();
echo "done before its WorkerStop: ", strpos($out, "done($id)") < strpos($out, "WorkerStop($id)") ? "yes" : "no", "\n";
echo "WorkerStart: ", substr_count($out, 'WorkerStart'), "\n";
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
client: answer
done before its WorkerStop: yes
WorkerStart: 4
exit: 0
