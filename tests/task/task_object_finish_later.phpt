--TEST--
Server\Task::finish() after its onTask returned: the task already has its outcome, so a kept Task's finish() warns and returns false (Swoole allows it for deferred coroutine work; tasksrv has no coroutines and gives every task exactly one outcome)
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1, 'task_use_object' => true]);
    $s->on('Receive', function ($s, $fd, $rid, $cmd) {
        $GLOBALS['fd'] = $fd;
        $s->task('first');    // onTask keeps the Task object and returns no result
        $s->task('second');   // onTask finishes the first task with the kept object
    });
    $s->on('Task', function ($s, $task) {
        if ($task->data === 'first') {
            $GLOBALS['kept'] = $task;
            return null;
        }
        $r = @$GLOBALS['kept']->finish('late result of the first task');
        echo "T warning: " . error_get_last()['message'] . "\n";
        echo "T kept->finish() returned " . var_export($r, true) . "\n";
        return 'result of the second task';
    });
    $s->on('Finish', function ($s, $id, $data) {
        $GLOBALS['got'][] = "id=$id $data";
        if ($id === 1) {
            $s->send($GLOBALS['fd'], implode("\n", $GLOBALS['got']) . "\n.\n");
        }
    });
    $s->start();
PHP);
$c = $srv->connect();
echo tasksrv_request($c, "go\n", "\n.\n"), "\n";
echo "exit: ", $srv->stop(), "\n";
echo $srv->output();
?>
--EXPECT--
id=1 result of the second task
exit: 0
T warning: TaskSrv\Server\Task::finish(): task 0 already ended: finish() can only send its results while its onTask runs
T kept->finish() returned false
