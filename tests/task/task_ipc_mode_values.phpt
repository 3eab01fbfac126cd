--TEST--
task_ipc_mode: 1, 2, 3 and 4 (Swoole's stream mode, shared work as 3) are accepted and task(), taskwait(), taskWaitMulti() work in each; stats() has task_queue_num/task_queue_bytes in 2, 3 and 4; other values throw ValueError naming the key
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$s = new TaskSrv\Server('127.0.0.1', 0);
foreach ([0, 5, -1, 255] as $mode) {
    try {
        $s->set(['task_ipc_mode' => $mode]);
    } catch (Throwable $e) {
        echo $e::class, ': ', $e->getMessage(), "\n";
    }
}
unset($s);

foreach ([1, 2, 3, 4] as $mode) {
    $srv = tasksrv_server(str_replace('MODE', $mode, <<<'PHP'
        $s = new TaskSrv\Server('127.0.0.1', PORT);
        var_dump($s->set(['worker_num' => 1, 'task_worker_num' => 2, 'task_ipc_mode' => MODE]));
        $s->on('Receive', function ($s, $fd, $rid, $cmd) {
            $GLOBALS['fd'] = $fd;
            $out = 'taskwait: ' . $s->taskwait('w', 5);
            $out .= ', taskwait(dst=1): ' . $s->taskwait('w1', 5, 1);
            $r = $s->taskWaitMulti(['a' => 'm1', 'b' => 'm2'], 5);
            ksort($r);  // they come in completion order
            $out .= ', taskWaitMulti: ' . json_encode($r);
            $stats = $s->stats();
            $out .= ', stats has task_queue_num: ' . var_export(isset($stats['task_queue_num'], $stats['task_queue_bytes']), true);
            $GLOBALS['out'] = $out;
            $s->task('t');
        });
        $s->on('Task', function ($s, $task_id, $src, $data) {
            return "r:$data";
        });
        $s->on('Finish', function ($s, $task_id, $data) {
            $s->send($GLOBALS['fd'], $GLOBALS['out'] . ", task: $data\n");
        });
        $s->start();
    PHP));
    $c = $srv->connect();
    echo "mode $mode: ", tasksrv_request($c, "go\n"), "\n";
    echo "exit: ", $srv->stop(), "\n";
    echo $srv->output();
}
?>
--EXPECT--
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "task_ipc_mode" must be between 1 and 4, 0 given
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "task_ipc_mode" must be between 1 and 4, 5 given
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "task_ipc_mode" must be between 1 and 4, -1 given
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "task_ipc_mode" must be between 1 and 4, 255 given
mode 1: taskwait: r:w, taskwait(dst=1): r:w1, taskWaitMulti: {"a":"r:m1","b":"r:m2"}, stats has task_queue_num: false, task: r:t
exit: 0
bool(true)
mode 2: taskwait: r:w, taskwait(dst=1): r:w1, taskWaitMulti: {"a":"r:m1","b":"r:m2"}, stats has task_queue_num: true, task: r:t
exit: 0
bool(true)
mode 3: taskwait: r:w, taskwait(dst=1): r:w1, taskWaitMulti: {"a":"r:m1","b":"r:m2"}, stats has task_queue_num: true, task: r:t
exit: 0
bool(true)
mode 4: taskwait: r:w, taskwait(dst=1): r:w1, taskWaitMulti: {"a":"r:m1","b":"r:m2"}, stats has task_queue_num: true, task: r:t
exit: 0
bool(true)
