--TEST--
A result for a worker without onFinish: warning "require 'onFinish' callback" in that worker, which goes on; a per-task callback still works
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1]);
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        set_error_handler(function ($no, $str) { echo "W worker " . getmypid() . ": $str\n"; return true; });
        echo "R task() returned " . var_export($s->task('no callback'), true) . "\n";
        echo "R task() returned " . var_export($s->task('with callback', -1, function ($s, $id, $data) use ($fd) {
            $s->send($fd, "callback id=$id data=$data pid=" . getmypid() . "\n");
        }), true) . "\n";
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        return "$data: result";
    });
    $s->start();
PHP);
$c = $srv->connect();
$reply = tasksrv_request($c, 'go');
$out = $srv->output();
tasksrv_print_lines($out, 'R ', false);
// Both in the event worker: the pid of the warning is the pid of the callback.
preg_match('/ pid=(\d+)$/', $reply, $m);
echo str_replace(" pid=$m[1]", ' pid=<worker>', $reply), "\n";
echo str_replace("worker $m[1]:", "W worker <worker>:", implode("\n", tasksrv_lines($out, "W ", false))), "\n";
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
R task() returned 0
R task() returned 1
callback id=1 data=with callback: result pid=<worker>
W worker <worker>: TaskSrv\Server::start(): require 'onFinish' callback
exit: 0
