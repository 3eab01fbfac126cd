--TEST--
task_max_request 3, one task worker, 10 tasks: the task worker leaves after 3 tasks, only between tasks, and is replaced; no task is lost and they keep their order
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1, 'task_max_request' => 3]);
    $s->on('WorkerStart', function ($s, $id) {
        if ($s->taskworker) {
            echo "S start worker_id=$id pid=" . getmypid() . "\n";
        }
    });
    $s->on('WorkerStop', function ($s, $id) {
        if ($s->taskworker) {
            echo "S stop worker_id=$id pid=" . getmypid() . "\n";
        }
    });
    $s->on('Receive', function ($s, $fd, $rid, $cmd) {
        $GLOBALS['fd'] = $fd;
        for ($i = 0; $i < 10; $i++) {
            $s->task($i);
        }
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        // A restart in the middle of a task would lose the end line or the result.
        echo "T begin $data pid=" . getmypid() . "\n";
        usleep(10000);
        echo "T end $data pid=" . getmypid() . "\n";
        return $data;
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        $GLOBALS['got'][] = $data;
        if (count($GLOBALS['got']) === 10) {
            $s->send($GLOBALS['fd'], 'results: ' . implode(',', $GLOBALS['got']) . "\n");
        }
    });
    $s->start();
PHP);
$c = $srv->connect();
echo tasksrv_request($c, "go\n"), "\n";
// The replacement of the last task worker to leave has started too.
$srv->waitOutput('S start', 4);
$out = $srv->output();
$pids = [];
$names = function (string $line) use (&$pids) {
    return preg_replace_callback('/pid=(\d+)/', function ($m) use (&$pids) {
        $pids[$m[1]] ??= 'P' . (count($pids) + 1);
        return 'pid=' . $pids[$m[1]];
    }, $line);
};
foreach (explode("\n", $out) as $line) {
    if (preg_match('/^[ST] /', $line)) {
        echo $names($line), "\n";
    }
}
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
results: 0,1,2,3,4,5,6,7,8,9
S start worker_id=1 pid=P1
T begin 0 pid=P1
T end 0 pid=P1
T begin 1 pid=P1
T end 1 pid=P1
T begin 2 pid=P1
T end 2 pid=P1
S stop worker_id=1 pid=P1
S start worker_id=1 pid=P2
T begin 3 pid=P2
T end 3 pid=P2
T begin 4 pid=P2
T end 4 pid=P2
T begin 5 pid=P2
T end 5 pid=P2
S stop worker_id=1 pid=P2
S start worker_id=1 pid=P3
T begin 6 pid=P3
T end 6 pid=P3
T begin 7 pid=P3
T end 7 pid=P3
T begin 8 pid=P3
T end 8 pid=P3
S stop worker_id=1 pid=P3
S start worker_id=1 pid=P4
T begin 9 pid=P4
T end 9 pid=P4
exit: 0
