--TEST--
docs/reliability.md, reason "worker_died": a task worker killed with SIGKILL mid-task; taskWaitMulti() returns the other entry and puts the TaskFailure under the killed entry's key in $failures
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
$server->set(['worker_num' => 1, 'task_worker_num' => 2]);

$server->on('Receive', function (TaskSrv\Server $server, int $fd, int $reactorId, string $data) {
    $results = $server->taskWaitMulti(['quick' => 0, 'slow' => 30], 60.0, $failures);
    foreach ($failures as $key => $f) {
        // reason "worker_died": the task worker was killed (signal) or exited (exitStatus) mid-task
        $results[$key] = "$f->reason (signal $f->signal)";
    }
    ksort($results);
    $server->send($fd, json_encode($results) . "\n");
});

$server->on('Task', function (TaskSrv\Server $server, int $taskId, int $srcWorkerId, int $seconds) {
    echo "task $taskId ($seconds s) runs in process " . getmypid() . "\n";   // try: kill -9 <pid>
    sleep($seconds);
    return "slept $seconds s";
});

$server->start();
PHP));
$c = $srv->connect();
fwrite($c, "go");
$srv->waitOutput('(30 s) runs in process');
preg_match('/\(30 s\) runs in process (\d+)/', $srv->output(), $m);
tasksrv_signal((int) $m[1], 'KILL');
echo tasksrv_recv_until($c, "\n", 10);
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
{"quick":"slept 0 s","slow":"worker_died (signal 9)"}
exit: 0
