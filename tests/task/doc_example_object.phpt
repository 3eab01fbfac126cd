--TEST--
docs/tasks.md, object mode example: onTask(Server, Server\Task) with id, worker_id, flags and dispatch_time; $task->finish() delivers to the per-task callback
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task_timing.inc';
// The server script is the example in docs/tasks.md as it stands there
// (doc_examples_sync.phpt checks that); only its port is replaced.
$srv = tasksrv_server(str_replace('9501', 'PORT', "?>\n" . <<<'PHP'
<?php
$server = new TaskSrv\Server('127.0.0.1', 9501);
$server->set(['worker_num' => 1, 'task_worker_num' => 1, 'task_use_object' => true]);

$server->on('Receive', function (TaskSrv\Server $server, int $fd, int $reactorId, string $data) {
    // A per-task callback: this task's results go there instead of onFinish.
    $server->task(trim($data), -1, function (TaskSrv\Server $server, int $taskId, string $result) use ($fd) {
        $server->send($fd, "$result\n");
    });
});

// task_use_object: onTask gets one TaskSrv\Server\Task (alias Swoole\Server\Task).
$server->on('Task', function (TaskSrv\Server $server, TaskSrv\Server\Task $task) {
    $queued = microtime(true) - $task->dispatch_time;    // seconds since task() sent it
    echo sprintf("task %d from worker %d, flags %d, queued %.3f s\n", $task->id, $task->worker_id, $task->flags, $queued);
    $task->finish("task {$task->id}: " . strrev($task->data));
});

$server->start();
PHP));
$c = $srv->connect();
echo tasksrv_request($c, "abc\n"), "\n";
echo tasksrv_request($c, "tasksrv\n"), "\n";
echo "exit: ", $srv->stop(), "\n";
// The time in the queue varies; it is short.
echo preg_replace_callback('/queued (\d+\.\d+) s/', fn($m) => $m[1] < 0.5 * tasksrv_test_slowdown() ? 'queued <0.5 s' : $m[0], $srv->output());
?>
--EXPECT--
task 0: cba
task 1: vrsksat
exit: 0
task 0 from worker 0, flags 12, queued <0.5 s
task 1 from worker 0, flags 12, queued <0.5 s
