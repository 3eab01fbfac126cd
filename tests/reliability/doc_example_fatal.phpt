--TEST--
docs/reliability.md, reason "fatal_error": a memory_limit fatal error in onTask reaches onTaskFailure with PHP's message and exit status 255; the task worker is replaced and serves the next task
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php
if (getenv('USE_ZEND_ALLOC') === '0') {
    die('skip memory_limit does not work without the Zend memory manager (USE_ZEND_ALLOC=0)');
}
?>
--FILE--
<?php
require __DIR__ . '/../inc/reliability.inc';
// The server script is the example in docs/reliability.md as it stands there
// (doc_examples_sync.phpt checks that); only its port is replaced.
$srv = tasksrv_server(str_replace('9501', 'PORT', "?>\n" . <<<'PHP'
<?php
// Run with: php -d memory_limit=32M
$server = new TaskSrv\Server('127.0.0.1', 9501);
$server->set(['worker_num' => 1, 'task_worker_num' => 1]);

$server->on('Receive', function (TaskSrv\Server $server, int $fd, int $reactorId, string $data) {
    $GLOBALS['client'] = $fd;
    $server->task((int) $data);
});

$server->on('Task', function (TaskSrv\Server $server, int $taskId, int $srcWorkerId, int $rows) {
    $table = [];
    for ($i = 0; $i < $rows; $i++) {
        $table[] = str_repeat('x', 1024);   // too many rows: memory_limit ends this process
    }
    return count($table);
});

$server->on('Finish', function (TaskSrv\Server $server, int $taskId, int $count) {
    $server->send($GLOBALS['client'], "task $taskId: $count rows\n");
});

// In the worker that called task(): every failure of its async tasks comes here.
$server->on('TaskFailure', function (TaskSrv\Server $server, int $taskId, TaskSrv\TaskFailure $f) {
    // reason "fatal_error": PHP's message, file and line; the task worker exited (255) and was replaced
    $server->send($GLOBALS['client'], "task $taskId failed ($f->reason, exit status $f->exitStatus): $f->message\n");
});

$server->start();
PHP), ['ini' => ['memory_limit' => '32M']]);
$c = $srv->connect();
fwrite($c, "100");
echo tasksrv_recv_until($c, "\n"), "";
fwrite($c, "1000000");
echo tasksrv_recv_until($c, "\n");
// The replacement serves the next task.
fwrite($c, "200");
echo tasksrv_recv_until($c, "\n");
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECTF--
task 0: 100 rows
task 1 failed (fatal_error, exit status 255): Allowed memory size of 33554432 bytes exhausted %s
task 2: 200 rows
exit: 0
