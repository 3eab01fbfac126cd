<?php
// Failure handling: every task ends done or with a TaskSrv\TaskFailure, and the caller learns which.
// Run:   php -d extension=tasksrv examples/task_failure.php
// Try:   echo -n ok | nc -q1 127.0.0.1 9501      (done)
//        echo -n throw | nc -q1 127.0.0.1 9501   (reason "exception")
//        echo -n exit | nc -q1 127.0.0.1 9501    (reason "worker_died": the task worker is replaced)
//        echo -n slow | nc -q1 127.0.0.1 9501    (reason "timeout" after task_timeout)
$server = new Swoole\Server('127.0.0.1', 9501);
$server->set([
    'worker_num' => 1,
    'task_worker_num' => 2,
    'task_timeout' => 0.5,      // seconds: a longer task is stopped and fails as "timeout"
]);

$clients = [];                           // task id => the client waiting for it

$server->on('Receive', function ($server, $fd, $reactorId, $data) use (&$clients) {
    $taskId = $server->task(['job' => trim($data)]);
    $clients[$taskId] = $fd;
    echo "task $taskId sent: ", trim($data), "\n";
});

$server->on('Task', function ($server, $taskId, $srcWorkerId, $task) {
    switch ($task['job']) {
        case 'throw':
            throw new RuntimeException('the job threw');
        case 'exit':
            exit(3);                     // the task worker dies mid-task
        case 'slow':
            sleep(5);                    // longer than task_timeout
    }
    return $task;                        // returning a value is finish()
});

$server->on('Finish', function ($server, $taskId, $task) use (&$clients) {
    echo "task $taskId done\n";
    $server->send($clients[$taskId], "done\n");
    unset($clients[$taskId]);
});

// Without this handler a failure is still never silent: PHP warns with the task id and reason.
$server->on('TaskFailure', function ($server, $taskId, TaskSrv\TaskFailure $failure) use (&$clients) {
    echo "task $taskId failed ({$failure->reason}): {$failure->message}\n";
    $server->send($clients[$taskId], "failed: {$failure->reason}\n");
    unset($clients[$taskId]);
});

$server->start();
