--TEST--
docs/tasks.md, waiting example: taskwait() returns the result, taskWaitMulti() leaves out the entry that missed the timeout, taskCo() has it as false
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
$server->set(['worker_num' => 1, 'task_worker_num' => 4]);

$server->on('Receive', function (TaskSrv\Server $server, int $fd, int $reactorId, string $data) {
    // One task; wait at most 1 s for its result (false at the timeout).
    $sum = $server->taskwait(['sum', [1, 2, 3]], 1.0);

    // Several tasks at once, one timeout for all. Results are keyed like the input;
    // a task that missed the timeout is absent.
    $multi = $server->taskWaitMulti(['fast' => ['sum', [10, 20]], 'slow' => ['sleep', 1]], 0.2);

    // taskCo(): the same concurrent wait, but every key is there, in input order,
    // false for a task that missed the timeout.
    $co = $server->taskCo(['slow' => ['sleep', 1], 'fast' => ['sum', [5]]], 0.2);

    $server->send($fd, json_encode(['taskwait' => $sum, 'taskWaitMulti' => $multi, 'taskCo' => $co]) . "\n");
});

$server->on('Task', function (TaskSrv\Server $server, int $taskId, int $srcWorkerId, array $job) {
    [$op, $arg] = $job;
    if ($op === 'sleep') {
        sleep($arg);    // its result comes too late, and is dropped
        return 'woke up';
    }
    return array_sum($arg);
});

$server->start();
PHP));
$c = $srv->connect();
$t = microtime(true);
echo tasksrv_request($c, "go\n"), "\n";
echo "answered before the slow tasks ended: ", var_export(microtime(true) - $t < 0.9 * tasksrv_test_slowdown(), true), "\n";
echo "exit: ", $srv->stop(), "\n";
echo $srv->output();
?>
--EXPECT--
{"taskwait":6,"taskWaitMulti":{"fast":30},"taskCo":{"slow":false,"fast":5}}
answered before the slow tasks ended: true
exit: 0
