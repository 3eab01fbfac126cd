--TEST--
docs/reliability.md, backpressure: task_queue_max 2 with task_queue_full reject: task() returns false and taskwait() throws QueueFullException once two tasks wait; stats() count every refusal
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
    'task_queue_max' => 2,          // tasks accepted but not started yet
    'task_queue_full' => 'reject',  // the default, "block", waits for room instead
]);

$server->on('Receive', function (TaskSrv\Server $server, int $fd, int $reactorId, string $data) {
    $accepted = $refused = 0;
    for ($i = 0; $i < 10; $i++) {
        // false: the queue was full and nothing was sent (and nothing is logged)
        $server->task($i) === false ? $refused++ : $accepted++;
    }
    try {
        $server->taskwait('one more', 1.0);
    } catch (TaskSrv\QueueFullException $e) {
        $refused++;
    }
    $rejected = $server->stats()['task_rejected'];
    $server->send($fd, "accepted $accepted, refused $refused, task_rejected $rejected\n");
});

$server->on('Task', function (TaskSrv\Server $server, int $taskId, int $srcWorkerId, mixed $job) {
    usleep(100000);
});

$server->start();
PHP));
$r = tasksrv_request($srv->connect(), "go");
echo $r, "\n";
preg_match('/accepted (\d+), refused (\d+), task_rejected (\d+)/', $r, $m);
// One runs, two wait: 3 accepted (2 if the task worker had not taken the first yet).
echo "every call answered: ", var_export($m[1] + $m[2] === 11, true), ", refusals counted: ", var_export($m[2] === $m[3], true), "\n";
echo "exit: ", $srv->stop(), "\n";
echo $srv->output(), "(no log line)\n";
?>
--EXPECTF--
accepted %d, refused %d, task_rejected %d
every call answered: true, refusals counted: true
exit: 0
(no log line)
