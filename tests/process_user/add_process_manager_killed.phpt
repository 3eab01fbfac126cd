--TEST--
Server::addProcess(): kill -9 of the manager takes the user process down with it (parent-death signal, as every child of the server): no orphan
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new Swoole\Server('127.0.0.1', PORT, SWOOLE_BASE);
$s->set(['worker_num' => 1]);
$s->addProcess(new Swoole\Process(function (Swoole\Process $proc) {
    echo "USER ", getmypid(), "\n";
    while (true) {
        $proc->read();
    }
}));
$s->on('Receive', fn() => null);
$s->start();
PHP);
$srv->waitOutput('USER ');
preg_match('/USER (\d+)/', $srv->output(), $m);
$user = (int) $m[1];
$manager = $srv->mainPid();
echo "user process is the manager's child: ", var_export(in_array($user, tasksrv_children($manager), true), true), "\n";
echo "processes: ", count(tasksrv_group_pids($srv->pgid)), "\n"; // timeout, manager, worker, user process
tasksrv_signal($manager, 'KILL');
$deadline = microtime(true) + 5 * tasksrv_slowdown();
while (microtime(true) < $deadline && (file_exists("/proc/$user") && !str_contains((string) @file_get_contents("/proc/$user/stat"), ') Z'))) {
    usleep(10000);
}
$srv->stop();
echo "left: ", count(tasksrv_group_pids($srv->pgid)), "\n";
?>
--EXPECT--
user process is the manager's child: true
processes: 4
left: 0
