--TEST--
docs/reliability.md, reason "timeout": with task_timeout 0.5 s a 0.1 s task returns through its per-task callback, a 1 s task fails as timeout through onTaskFailure at its deadline; the task worker is replaced
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/reliability.inc';
// The server script is the example in docs/reliability.md as it stands there
// (doc_examples_sync.phpt checks that); only its port is replaced.
$srv = tasksrv_server(str_replace('9501', 'PORT', "?>\n" . <<<'PHP'
<?php
$server = new TaskSrv\Server('127.0.0.1', 9501);
$server->set([
    'worker_num' => 1,
    'task_worker_num' => 1,
    'task_timeout' => 0.5,        // seconds a task may run; 0 (the default): no deadline
    'task_timeout_grace' => 1.0,  // at the deadline SIGTERM, and SIGKILL this much later
]);

$server->on('Receive', function (TaskSrv\Server $server, int $fd, int $reactorId, string $data) {
    $GLOBALS['client'] = $fd;
    // A per-task callback receives the result; a failure still goes to onTaskFailure.
    $server->task((float) $data, -1, function (TaskSrv\Server $server, int $taskId, string $result) use ($fd) {
        $server->send($fd, "task $taskId: $result\n");
    });
});

$server->on('Task', function (TaskSrv\Server $server, int $taskId, int $srcWorkerId, float $seconds) {
    $end = microtime(true) + $seconds;
    while (microtime(true) < $end) {
        // busy
    }
    return "done in $seconds s";
});

$server->on('TaskFailure', function (TaskSrv\Server $server, int $taskId, TaskSrv\TaskFailure $f) {
    // reason "timeout": told at the deadline; the task worker is stopped and replaced
    $server->send($GLOBALS['client'], "task $taskId failed: $f->reason\n");
});

$server->start();
PHP));
$c = $srv->connect();
fwrite($c, "0.1");
echo tasksrv_recv_until($c, "\n");
$t = microtime(true);
fwrite($c, "1");
echo tasksrv_recv_until($c, "\n");
$d = microtime(true) - $t;
echo "told at the deadline: ", var_export($d > 0.4 && $d < 0.9 * tasksrv_test_slowdown(), true), "\n";
fwrite($c, "0.2");
echo tasksrv_recv_until($c, "\n");
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
task 0: done in 0.1 s
task 1 failed: timeout
told at the deadline: true
task 2: done in 0.2 s
exit: 0
