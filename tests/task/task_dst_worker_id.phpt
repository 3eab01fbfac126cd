--TEST--
task()/taskwait() $dst_worker_id is a task worker index: with worker_num 1 and task_worker_num 2, index 1 is worker_id 2 and index 0 is worker_id 1
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 2]);
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $out = '';
        foreach ([1, 0, 1, 1, 0, 0, 1] as $i => $dst) {
            $s->task("task#$i to $dst", $dst);
        }
        foreach ([1, 0, 1] as $i => $dst) {
            $out .= "taskwait to $dst: " . $s->taskwait("taskwait#$i to $dst", 5, $dst) . "\n";
        }
        $s->send($fd, $out);
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        return "$data ran in worker_id " . $s->getWorkerId() . " (\$worker_id " . $s->worker_id . ")";
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        $GLOBALS['results'][$task_id] = $data;
        if (count($GLOBALS['results']) === 7) {
            ksort($GLOBALS['results']);
            $s->send($GLOBALS['fd'], implode("\n", $GLOBALS['results']) . "\nend\n");
        }
    });
    $s->start();
PHP);
echo tasksrv_request($srv->connect(), 'go', "end\n");
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
taskwait to 1: taskwait#0 to 1 ran in worker_id 2 ($worker_id 2)
taskwait to 0: taskwait#1 to 0 ran in worker_id 1 ($worker_id 1)
taskwait to 1: taskwait#2 to 1 ran in worker_id 2 ($worker_id 2)
task#0 to 1 ran in worker_id 2 ($worker_id 2)
task#1 to 0 ran in worker_id 1 ($worker_id 1)
task#2 to 1 ran in worker_id 2 ($worker_id 2)
task#3 to 1 ran in worker_id 2 ($worker_id 2)
task#4 to 0 ran in worker_id 1 ($worker_id 1)
task#5 to 0 ran in worker_id 1 ($worker_id 1)
task#6 to 1 ran in worker_id 2 ($worker_id 2)
exit: 0
