--TEST--
daemonize: start() in the terminal's process exits 0 at once; the server goes on in a new session in "/", stdout/stderr go to log_file, it serves over TCP, and SIGTERM to the pid in pid_file stops it (pid file removed, port released, no process left)
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server_wait.inc';
$dir = sys_get_temp_dir();
$pidFile = "$dir/tasksrv-daemon-" . getmypid() . '.pid';
$logFile = "$dir/tasksrv-daemon-" . getmypid() . '.log';
@unlink($pidFile);
@unlink($logFile);
$daemon = 0;
// The daemon left the test's process group: kill it whatever happens (its children
// die with it: they get SIGKILL when their parent dies).
register_shutdown_function(function () use (&$daemon, $pidFile, $logFile) {
    if ($daemon > 0 && file_exists("/proc/$daemon")) {
        tasksrv_signal($daemon, 'KILL');
    }
    @unlink($pidFile);
    @unlink($logFile);
});
$srv = tasksrv_server(<<<PHP
\$s = new TaskSrv\Server('127.0.0.1', PORT);
\$s->set(['worker_num' => 2, 'task_worker_num' => 1, 'daemonize' => true, 'pid_file' => '$pidFile', 'log_file' => '$logFile']);
\$s->on('WorkerStart', fn(\$s, \$id) => print("WorkerStart(\$id)\\n"));
\$s->on('Receive', function (\$s, \$fd, \$rid, \$data) {
    fwrite(STDERR, "stderr line\\n");
    \$s->send(\$fd, getcwd() . ' ' . \$s->getManagerPid() . "\\n");
});
\$s->on('Task', function () {});
\$s->on('Shutdown', fn(\$s) => print("Shutdown\\n"));
\$s->start();
echo "after start()\\n"; // only in the daemon, at its end
PHP, ['wait' => false]);
echo "terminal process exit: ", tasksrv_wait_exit($srv), "\n";
echo "terminal output: ", json_encode($srv->output()), "\n";
$deadline = microtime(true) + 10;
while ((!is_file($pidFile) || !filesize($pidFile) || !tasksrv_port_listening($srv->port)) && microtime(true) < $deadline) {
    usleep(10000);
}
$daemon = (int) file_get_contents($pidFile);
$stat = explode(' ', substr(file_get_contents("/proc/$daemon/stat"), strrpos(file_get_contents("/proc/$daemon/stat"), ')') + 2));
echo "daemon leads its own session: ", (int) $stat[3] === $daemon ? "yes" : "no", "\n";
echo "daemon is not in the test's group: ", (int) $stat[2] !== $srv->pgid ? "yes" : "no", "\n";
$c = $srv->connect();
fwrite($c, 'x');
[$cwd, $manager] = explode(' ', trim(tasksrv_recv_until($c, "\n")));
echo "cwd: $cwd, manager is the pid_file's pid: ", (int) $manager === $daemon ? "yes" : "no", "\n";
$children = tasksrv_children($daemon);
echo "children: ", count($children), "\n";
tasksrv_signal($daemon, 'TERM');
$deadline = microtime(true) + 10;
while ((file_exists("/proc/$daemon") || array_filter($children, fn($p) => file_exists("/proc/$p"))) && microtime(true) < $deadline) {
    usleep(10000);
}
echo "daemon gone: ", file_exists("/proc/$daemon") ? "no" : "yes", "\n";
echo "pid file removed: ", file_exists($pidFile) ? "no" : "yes", "\n";
echo "port released: ", tasksrv_port_open($srv->port) ? "no" : "yes", "\n";
$log = file_get_contents($logFile);
echo "log_file has: ", implode(', ', array_filter(['WorkerStart(0)', 'stderr line', 'Shutdown', 'after start()'],
    fn($s) => str_contains($log, $s))), "\n";
?>
--EXPECT--
terminal process exit: 0
terminal output: ""
daemon leads its own session: yes
daemon is not in the test's group: yes
cwd: /, manager is the pid_file's pid: yes
children: 3
daemon gone: yes
pid file removed: yes
port released: yes
log_file has: WorkerStart(0), stderr line, Shutdown, after start()
