--TEST--
SIGKILL to the top process (the manager): every worker and task worker is gone within a second and the port is released (no orphans, unlike Swoole)
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 2, 'task_worker_num' => 2]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('WorkerStop', fn($s, $id) => print("WorkerStop($id)\n"));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    $s->task('sleep');
    $s->send($fd, "ok\n");
});
$s->on('Task', function ($s, $id, $src, $data) {
    // A task worker busy in a long task must not survive the manager either.
    echo "task running\n";
    sleep(30);
});
$s->start();
PHP);
$srv->waitOutput('WorkerStart', 4);
$c = $srv->connect();
fwrite($c, "x");
echo "reply: ", tasksrv_recv_until($c, "\n");
$srv->waitOutput('task running');
$main = $srv->mainPid();
$children = tasksrv_children($main);
echo "children: ", count($children), "\n";
tasksrv_signal($main, 'KILL');
$t = microtime(true);
do {
    $alive = array_filter($children, fn($pid) => file_exists("/proc/$pid/stat")
        && explode(' ', substr(file_get_contents("/proc/$pid/stat"), strrpos(file_get_contents("/proc/$pid/stat"), ')') + 2))[0] !== 'Z');
    if (!$alive) {
        break;
    }
    usleep(10000);
} while (microtime(true) - $t < 5);
echo "children left: ", count($alive), "\n";
echo "gone within 1 s: ", microtime(true) - $t < 1.0 ? "yes" : "no", "\n";
echo "group left: ", count(tasksrv_group_pids($srv->pgid)), "\n";
echo "client sees EOF: ", tasksrv_recv($c, 2.0) === '' && feof($c) ? "yes" : "no", "\n";
echo "port released: ", tasksrv_port_open($srv->port) ? "no" : "yes", "\n";
// Killed, not stopped: no WorkerStop.
echo "WorkerStop lines: ", substr_count($srv->output(), 'WorkerStop'), "\n";
?>
--EXPECT--
reply: ok
children: 4
children left: 0
gone within 1 s: yes
group left: 0
client sees EOF: yes
port released: yes
WorkerStop lines: 0
