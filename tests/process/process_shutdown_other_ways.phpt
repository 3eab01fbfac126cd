--TEST--
PROCESS mode: shutdown() from a worker, SIGTERM to the manager and SIGINT to the whole group (Ctrl-C) all stop the server the master's way (BeforeShutdown and Shutdown in the master, exit 0)
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$code = <<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
$s->set(['worker_num' => 2, 'task_worker_num' => 1]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('BeforeShutdown', fn($s) => print("BeforeShutdown " . (getmypid() === $s->master_pid ? 'master' : 'other') . "\n"));
$s->on('ManagerStop', fn($s) => print("ManagerStop\n"));
$s->on('Shutdown', fn($s) => print("Shutdown " . (getmypid() === $s->master_pid ? 'master' : 'other') . "\n"));
$s->on('Receive', fn($s, $fd, $rid, $data) => $s->send($fd, var_export($s->shutdown(), true) . "\n"));
$s->on('Task', fn() => null);
echo "start() returned " . var_export($s->start(), true) . "\n";
PHP;
foreach (['shutdown()', 'SIGTERM to the manager', 'SIGINT to the whole group (Ctrl-C)'] as $how) {
    $srv = tasksrv_server($code);
    $srv->waitOutput('WorkerStart', 3);
    if ($how === 'shutdown()') {
        $c = $srv->connect();
        fwrite($c, 'x');
        echo "shutdown() returned ", tasksrv_recv_until($c, "\n");
    } elseif ($how === 'SIGTERM to the manager') {
        tasksrv_signal(tasksrv_children($srv->mainPid())[0], 'TERM');
    } else {
        // Every process gets it: only the master acts on it, the others wait to be told.
        tasksrv_signal(-$srv->pgid, 'INT');
    }
    $deadline = microtime(true) + 10;
    while ($srv->running() && microtime(true) < $deadline) {
        usleep(10000);
    }
    echo "$how: exit ", $srv->stop(), ", left ", count(tasksrv_group_pids($srv->pgid)), "\n";
    echo implode(', ', array_filter(explode("\n", trim($srv->output())), fn($l) => !str_starts_with($l, 'WorkerStart'))), "\n";
}
?>
--EXPECT--
shutdown() returned true
shutdown(): exit 0, left 0
BeforeShutdown master, ManagerStop, Shutdown master, start() returned true
SIGTERM to the manager: exit 0, left 0
BeforeShutdown master, ManagerStop, Shutdown master, start() returned true
SIGINT to the whole group (Ctrl-C): exit 0, left 0
BeforeShutdown master, ManagerStop, Shutdown master, start() returned true
