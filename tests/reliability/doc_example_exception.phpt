--TEST--
docs/reliability.md, reason "exception": onTask throws, taskwait() throws TaskFailedException whose TaskFailure carries the exception's class, code and message; the task worker lives on
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
    try {
        $reply = $server->taskwait(['id' => 7, 'qty' => (int) $data], 2.0);
    } catch (TaskSrv\TaskFailedException $e) {
        $f = $e->getFailure();
        // reason "exception": the class, code, message, file, line and trace of what onTask threw
        $reply = ['error' => "$f->reason: $f->exceptionClass ($f->code) $f->message"];
    }
    $server->send($fd, json_encode($reply) . "\n");
});

$server->on('Task', function (TaskSrv\Server $server, int $taskId, int $srcWorkerId, array $order) {
    if ($order['qty'] <= 0) {
        // Caught in the task worker, which lives on: the caller gets the failure.
        throw new InvalidArgumentException("order {$order['id']}: quantity must be positive", 422);
    }
    return ['id' => $order['id'], 'total' => $order['qty'] * 9.5];
});

$server->start();
PHP));
$c = $srv->connect();
echo tasksrv_request($c, "3"), "\n";
echo tasksrv_request($c, "0"), "\n";
echo tasksrv_request($c, "2"), "\n";
echo "no task worker died: ", var_export(!str_contains($srv->output(), 'abnormal exit'), true), "\n";
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
{"id":7,"total":28.5}
{"error":"exception: InvalidArgumentException (422) order 7: quantity must be positive"}
{"id":7,"total":19}
no task worker died: true
exit: 0
