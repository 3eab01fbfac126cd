--TEST--
Server::shutdown() from onReceive (event worker) and from onTask (task worker) stops the whole server like SIGTERM
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server_wait.inc';
$code = <<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 2, 'task_worker_num' => 1]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    if ($data === "stop") {
        echo "shutdown() in worker: " . var_export($s->shutdown(), true) . "\n";
    } else {
        $s->task('stop');
    }
});
$s->on('Task', function ($s, $id, $src, $data) {
    echo "shutdown() in task worker: " . var_export($s->shutdown(), true) . "\n";
});
$s->on('WorkerStop', fn($s, $id) => print("WorkerStop($id)\n"));
$s->on('ManagerStop', fn($s) => print("ManagerStop\n"));
$s->on('Shutdown', fn($s) => print("Shutdown\n"));
echo "start() returned " . var_export($s->start(), true) . "\n";
PHP;
foreach (['stop', 'task'] as $msg) {
    $srv = tasksrv_server($code);
    $srv->waitOutput('WorkerStart', 3);
    $c = $srv->connect();
    fwrite($c, $msg);
    echo "exit: ", var_export(tasksrv_wait_exit($srv), true), "\n";
    echo "client sees EOF: ", tasksrv_recv($c, 2.0) === '' && feof($c) ? "yes" : "no", "\n";
    echo "port released: ", tasksrv_port_open($srv->port) ? "no" : "yes", "\n";
    $lines = array_filter(explode("\n", trim($srv->output())), fn($l) => !str_starts_with($l, 'WorkerStart'));
    sort($lines);
    echo implode("\n", $lines), "\n";
}

// The single-process form.
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->on('Receive', fn($s) => print("shutdown(): " . var_export($s->shutdown(), true) . "\n"));
$s->on('WorkerStop', fn($s, $id) => print("WorkerStop($id)\n"));
$s->on('Shutdown', fn($s) => print("Shutdown\n"));
echo "start() returned " . var_export($s->start(), true) . "\n";
PHP);
$c = $srv->connect();
fwrite($c, "stop");
echo "exit: ", var_export(tasksrv_wait_exit($srv), true), "\n";
echo "port released: ", tasksrv_port_open($srv->port) ? "no" : "yes", "\n";
echo $srv->output();
?>
--EXPECT--
exit: 0
client sees EOF: yes
port released: yes
ManagerStop
Shutdown
WorkerStop(0)
WorkerStop(1)
WorkerStop(2)
shutdown() in worker: true
start() returned true
exit: 0
client sees EOF: yes
port released: yes
ManagerStop
Shutdown
WorkerStop(0)
WorkerStop(1)
WorkerStop(2)
shutdown() in task worker: true
start() returned true
exit: 0
port released: yes
shutdown(): true
WorkerStop(0)
Shutdown
start() returned true
