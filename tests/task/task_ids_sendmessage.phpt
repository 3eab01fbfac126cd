--TEST--
Task ids: one counter per process from 0, used by task(), taskwait(), each taskWaitMulti()/taskCo() entry and sendMessage() (task() after a sendMessage() returns 1, not 0)
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1]);
    $s->on('PipeMessage', function ($s, $src, $data) {
        echo "P worker " . $s->getWorkerId() . " got a message from $src: $data\n";
    });
    $s->on('Receive', function ($s, $fd, $rid, $cmd) {
        $s->sendMessage('hello', 1);                       // id 0
        $ids = ['task' => $s->task('a')];                  // 1
        $s->taskwait('b', 5);                              // 2
        $s->taskWaitMulti(['c', 'd'], 5);                  // 3, 4
        $s->taskCo(['e'], 5);                              // 5
        $s->sendMessage('again', 1);                       // 6
        $ids['next task'] = $s->task('f');                 // 7
        $s->send($fd, json_encode($ids) . "\n");
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        echo "T id=$task_id data=$data\n";
        if ($data === 'f') {
            $s->sendMessage('from the task worker', 0);
        }
    });
    $s->on('Finish', function () {});
    $s->start();
PHP);
$c = $srv->connect();
echo tasksrv_request($c, "go\n"), "\n";
$srv->waitOutput('from the task worker');
tasksrv_print_lines($srv->output(), 'T ', false);
tasksrv_print_lines($srv->output(), 'P ', false);
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
{"task":1,"next task":7}
T id=1 data=a
T id=2 data=b
T id=3 data=c
T id=4 data=d
T id=5 data=e
T id=7 data=f
P worker 1 got a message from 0: hello
P worker 1 got a message from 0: again
P worker 0 got a message from 1: from the task worker
exit: 0
