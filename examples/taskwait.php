<?php
// Waiting for results inside a callback: taskwait() for one task, taskWaitMulti() for several at
// once (they run in parallel on the task workers; the total wait is the slowest one's).
// Run:   php -d extension=tasksrv examples/taskwait.php
// Try:   echo -n "hello" | nc -q1 127.0.0.1 9501             (one task: taskwait)
//        echo -n "one two three" | nc -q1 127.0.0.1 9501     (three tasks: taskWaitMulti)
$server = new Swoole\Server('127.0.0.1', 9501);
$server->set(['worker_num' => 1, 'task_worker_num' => 3]);

$server->on('Receive', function ($server, $fd, $reactorId, $data) {
    $words = preg_split('/\s+/', trim($data), -1, PREG_SPLIT_NO_EMPTY);
    if (count($words) === 1) {
        $result = $server->taskwait($words[0], 1.0);     // false if no result within 1 s
        $server->send($fd, "taskwait: " . var_export($result, true) . "\n");
        return;
    }
    $results = $server->taskWaitMulti($words, 1.0, $failures);
    ksort($results);                                       // results come keyed as $words
    $server->send($fd, "taskWaitMulti: " . implode(' ', $results) . "\n");
    foreach ($failures as $key => $failure) {              // TaskSrv\TaskFailure per failed entry
        $server->send($fd, "word $key failed: {$failure->reason}\n");
    }
});

$server->on('Task', function ($server, $taskId, $srcWorkerId, $word) {
    usleep(100000);                                        // 0.1 s of work per word
    return strtoupper($word) . '@' . $server->worker_id;   // which task worker did it
});

$server->on('Finish', function () {});                    // taskwait needs none; task() would

$server->start();
