--TEST--
docs/tasks.md, first example: task() hands work to a task worker, the return value of onTask comes back to onFinish in the worker that called task()
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
// The server script is the example in docs/tasks.md as it stands there
// (doc_examples_sync.phpt checks that); only its port is replaced.
$srv = tasksrv_server(str_replace('9501', 'PORT', "?>\n" . <<<'PHP'
<?php
$server = new TaskSrv\Server('127.0.0.1', 9501);
$server->set(['worker_num' => 1, 'task_worker_num' => 2]);

$server->on('Receive', function (TaskSrv\Server $server, int $fd, int $reactorId, string $data) {
    // Hand the slow part to a task worker: task() returns at once, with the task id.
    $taskId = $server->task(['fd' => $fd, 'text' => trim($data)]);
    echo "worker {$server->getWorkerId()} sent task $taskId\n";
});

$server->on('Task', function (TaskSrv\Server $server, int $taskId, int $srcWorkerId, array $job) {
    // In a task worker. What onTask returns is the result (null: no result).
    echo "task worker {$server->getWorkerId()} runs task $taskId from worker $srcWorkerId\n";
    return ['fd' => $job['fd'], 'text' => strtoupper($job['text'])];
});

$server->on('Finish', function (TaskSrv\Server $server, int $taskId, array $result) {
    // Back in the worker that called task().
    $server->send($result['fd'], "task $taskId: {$result['text']}\n");
});

$server->start();
PHP));
$c = $srv->connect();
echo tasksrv_request($c, "hello\n"), "\n";
echo tasksrv_request($c, "world\n"), "\n";
echo "exit: ", $srv->stop(), "\n";
// Which of the two task workers ran a task is not fixed; the processes print concurrently.
$out = preg_replace('/task worker [12] runs/', 'task worker 1|2 runs', $srv->output());
tasksrv_print_lines($out, 'worker ');
tasksrv_print_lines($out, 'task worker ');
?>
--EXPECT--
task 0: HELLO
task 1: WORLD
exit: 0
worker 0 sent task 0
worker 0 sent task 1
task worker 1|2 runs task 0 from worker 0
task worker 1|2 runs task 1 from worker 0
