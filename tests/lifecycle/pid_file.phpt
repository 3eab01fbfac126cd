--TEST--
pid_file: written at start with the pid that takes signals (the manager in BASE; the process itself in the single-process form), a stale file is overwritten, removed at a normal end; an unwritable path fails start() with the reason
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server_wait.inc';
$pidFile = sys_get_temp_dir() . '/tasksrv-test-' . getmypid() . '.pid';
foreach ([[2, 1], [1, 0]] as [$w, $t]) {
    file_put_contents($pidFile, "999999\n"); // stale, from a server that crashed
    $srv = tasksrv_server(<<<PHP
\$s = new TaskSrv\Server('127.0.0.1', PORT);
\$s->set(['worker_num' => $w, 'task_worker_num' => $t, 'pid_file' => '$pidFile']);
\$s->on('WorkerStart', fn(\$s, \$id) => print("WorkerStart(\$id)\\n"));
\$s->on('Receive', fn(\$s, \$fd, \$rid, \$data) => \$s->send(\$fd, file_get_contents('$pidFile') . "\\n"));
\$s->on('Task', function () {});
var_dump(\$s->start());
echo "after start(): ", file_exists('$pidFile') ? "pid file still there" : "pid file gone", "\\n";
PHP);
    $srv->waitOutput('WorkerStart', $w + $t);
    $c = $srv->connect();
    fwrite($c, 'x');
    $content = trim(tasksrv_recv_until($c, "\n"));
    echo "$w+$t: pid file holds the top pid: ", $content === (string) $srv->mainPid() ? "yes" : "no ($content)", "\n";
    // the pid in the file takes SIGTERM: the server stops
    tasksrv_signal((int) $content, 'TERM');
    echo "exit: ", tasksrv_wait_exit($srv), "\n";
    echo "removed: ", file_exists($pidFile) ? "no" : "yes", "\n";
    echo trim(preg_replace('/^WorkerStart.*\n/m', '', $srv->output())), "\n";
}

$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 2, 'pid_file' => '/nonexistent-dir/tasksrv.pid']);
$s->on('Receive', function () {});
try {
    $s->start();
} catch (TaskSrv\Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
PHP, ['wait' => false]);
tasksrv_wait_exit($srv);
echo $srv->output();
@unlink($pidFile);
?>
--EXPECT--
2+1: pid file holds the top pid: yes
exit: 0
removed: yes
bool(true)
after start(): pid file gone
1+0: pid file holds the top pid: yes
exit: 0
removed: yes
bool(true)
after start(): pid file gone
TaskSrv\Exception: failed to start server. Error: cannot write pid_file '/nonexistent-dir/tasksrv.pid': No such file or directory
