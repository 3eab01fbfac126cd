--TEST--
Object mode and the manager: a task sent from onManagerStart is one-way (Task::$flags NOREPLY|NONBLOCK = 132, +2 serialized, the per-task callback ignored); $task->finish(), $server->finish() and a return value in it log "Server::finish() can only be used in the worker process"
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1, 'task_use_object' => true]);
    $s->on('ManagerStart', function ($s) {
        $cb = function () { echo "C the per-task callback ran\n"; };
        echo "M task() returned " . var_export($s->task('from the manager'), true) . "\n";
        echo "M task() returned " . var_export($s->task(['array'], 0, $cb), true) . "\n";
    });
    $s->on('Receive', function () {});
    $s->on('Task', function ($s, $task) {
        echo "T id=$task->id worker_id=$task->worker_id flags=$task->flags data=" . json_encode($task->data) . "\n";
        echo "T finish() returned " . var_export($s->finish('result'), true) . "\n";
        echo "T task->finish() returned " . var_export($task->finish('result'), true) . "\n";
        if (is_array($task->data)) {
            echo "T done\n";
        }
        return 'returned';
    });
    $s->on('Finish', function ($s, $id, $data) {
        echo "F onFinish ran: $data\n";
    });
    $s->start();
PHP);
// Three refusals per task: finish(), $task->finish() and the return value.
$srv->waitOutput('can only be used in the worker process', 6);
usleep(50000);  // time for a result to arrive somewhere, if one were sent
$out = $srv->output();
echo "exit: ", $srv->stop(), "\n";
// The manager's lines, then the task worker's (the two run at the same time).
$out = preg_replace('/^\[[^]]+\]\t/m', '[LOG] ', $out);
tasksrv_print_lines($out, 'M ', false);
echo implode("\n", array_filter(explode("\n", $out), fn($l) => !str_starts_with($l, 'M '))), "\n";
?>
--EXPECT--
exit: 0
M task() returned 0
M task() returned 1
T id=0 worker_id=0 flags=132 data="from the manager"
[LOG] WARNING	Server::finish(): Server::finish() can only be used in the worker process
T finish() returned false
[LOG] WARNING	Server::finish(): Server::finish() can only be used in the worker process
T task->finish() returned false
[LOG] WARNING	Server::finish(): Server::finish() can only be used in the worker process
T id=1 worker_id=0 flags=134 data=["array"]
[LOG] WARNING	Server::finish(): Server::finish() can only be used in the worker process
T finish() returned false
[LOG] WARNING	Server::finish(): Server::finish() can only be used in the worker process
T task->finish() returned false
T done
[LOG] WARNING	Server::finish(): Server::finish() can only be used in the worker process

