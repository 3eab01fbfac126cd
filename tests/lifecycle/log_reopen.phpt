--TEST--
log_file: log_date_format shapes the date of every line; after the file is renamed (logrotate), SIGRTMIN to the manager makes every process (manager, worker, task worker) write to a new file under the old name
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$logFile = sys_get_temp_dir() . '/tasksrv-reopen-' . getmypid() . '.log';
@unlink($logFile);
@unlink("$logFile.1");
$srv = tasksrv_server(<<<PHP
\$s = new TaskSrv\Server('127.0.0.1', PORT);
\$s->set(['worker_num' => 1, 'task_worker_num' => 1, 'log_file' => '$logFile', 'log_date_format' => 'day %d of %m, %Y (%H:%M)',
    'open_eof_split' => true, 'package_max_length' => 65536]);
\$s->on('WorkerStart', fn(\$s, \$id) => print("WorkerStart(\$id) " . getmypid() . "\\n"));
\$s->on('AfterReload', function (\$s) {
    echo "AfterReload\\n";
    \$s->task('from the manager'); // its result has nowhere to go: the task worker logs a warning
});
\$s->on('Receive', function () {});
\$s->on('Task', fn() => 'result');
\$s->start();
PHP);
$srv->waitOutput('WorkerStart', 2);
$lines = function ($file) {
    $out = preg_replace('/\[day \d\d of \d\d, \d{4} \(\d\d:\d\d\) ([$*^])\d+\.\d+\]/', '[DATE $1]', (string) @file_get_contents($file));
    return $out === '' ? "(empty)\n" : $out;
};
// A line from each kind of process: the manager (reload), the task worker (a result
// for the manager's task), the worker (a packet over package_max_length).
$provoke = function ($n) use ($srv) {
    tasksrv_signal($srv->mainPid(), 'USR1');
    $srv->waitOutput('AfterReload', $n);
    $srv->waitOutput('WorkerStart', 2 + 2 * $n);
    $c = $srv->connect();
    fwrite($c, str_repeat('x', 70000)); // no packet end: over package_max_length, logged and closed
    tasksrv_recv($c, 5.0); // closed by the worker
};
$provoke(1);
usleep((int) (200000 * tasksrv_slowdown()));
rename($logFile, "$logFile.1");
// Which files a process has open for the log, read from /proc/PID/fd.
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
$procs = ['manager' => $srv->mainPid()];
// The current pid of each id, from WorkerStart (id 0 the worker, 1 the task worker); not
// from process titles, which valgrind's command line hides.
preg_match_all('/WorkerStart\((\d)\) (\d+)/', $srv->output(), $m, PREG_SET_ORDER);
foreach ($m as [, $id, $pid]) {
    $procs[$id === '1' ? 'task worker' : 'worker'] = (int) $pid;
}
ksort($procs);
foreach ($procs as $name => $pid) {
    echo "$name before: ", $opened($pid), "\n";
}
tasksrv_signal($srv->mainPid(), (string) SIGRTMIN);
foreach ($procs as $name => $pid) {
    $deadline = microtime(true) + 5;
    while ($opened($pid) !== 'new' && microtime(true) < $deadline) {
        usleep(10000);
    }
    echo "$name after SIGRTMIN: ", $opened($pid), "\n";
}
$provoke(2);
usleep((int) (200000 * tasksrv_slowdown()));
$sorted = function ($text) {
    $l = explode("\n", trim($text));
    sort($l);
    return implode("\n", $l) . "\n";
};
echo "== rotated file\n", $sorted($lines("$logFile.1"));
echo "== new file\n", $sorted($lines($logFile));
echo "exit: ", $srv->stop(), "\n";
@unlink($logFile);
@unlink("$logFile.1");
?>
--EXPECTF--
manager before: old
task worker before: old
worker before: old
manager after SIGRTMIN: new
task worker after SIGRTMIN: new
worker after SIGRTMIN: new
== rotated file
[DATE $]	INFO	Server is reloading all workers now
[DATE *]	WARNING	%s
[DATE ^]	WARNING	Server::finish(): Server::finish() can only be used in the worker process
== new file
[DATE $]	INFO	Server is reloading all workers now
[DATE *]	WARNING	%s
[DATE ^]	WARNING	Server::finish(): Server::finish() can only be used in the worker process
exit: 0
