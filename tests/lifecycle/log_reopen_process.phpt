--TEST--
SWOOLE_PROCESS: after the log file is renamed, SIGRTMIN to the master (the pid in pid_file) makes the master, the manager, the worker and the task worker all write to a new file under the old name
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$logFile = sys_get_temp_dir() . '/tasksrv-reopen-p-' . getmypid() . '.log';
@unlink($logFile);
@unlink("$logFile.1");
$srv = tasksrv_server(<<<PHP
\$s = new TaskSrv\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
\$s->set(['worker_num' => 1, 'task_worker_num' => 1, 'log_file' => '$logFile']);
\$s->on('WorkerStart', fn(\$s, \$id) => print("WorkerStart(\$id)\\n"));
\$s->on('Receive', function () {});
\$s->on('Task', function () {});
\$s->start();
PHP);
$srv->waitOutput('WorkerStart', 2);
function tree(int $pid): array
{
    $all = [$pid];
    foreach (tasksrv_children($pid) as $child) {
        $all = array_merge($all, tree($child));
    }
    return $all;
}
$opened = function ($pid) use ($logFile) {
    $files = [];
    foreach (glob("/proc/$pid/fd/*") as $fd) {
        $target = @readlink($fd);
        if ($target === $logFile || $target === "$logFile.1") {
            $files[$target === $logFile ? 'new' : 'old'] = true;
        }
    }
    ksort($files);
    return implode('+', array_keys($files));
};
$pids = tree($srv->mainPid());
echo "processes: ", count($pids), "\n";
rename($logFile, "$logFile.1");
echo "before: ", implode(' ', array_map($opened, $pids)), "\n";
tasksrv_signal($srv->mainPid(), (string) SIGRTMIN);
$deadline = microtime(true) + 5;
while (array_filter($pids, fn($p) => $opened($p) !== 'new') && microtime(true) < $deadline) {
    usleep(10000);
}
echo "after SIGRTMIN: ", implode(' ', array_map($opened, $pids)), "\n";
echo "same processes: ", tree($srv->mainPid()) === $pids ? "yes" : "no", "\n";
echo "exit: ", $srv->stop(), "\n";
@unlink($logFile);
@unlink("$logFile.1");
?>
--EXPECT--
processes: 4
before: old old old old
after SIGRTMIN: new new new new
same processes: yes
exit: 0
