--TEST--
task_queue_full = reject: a taskWaitMulti() that finds room for only some of its entries refuses the whole call: QueueFullException, and none of its entries was accepted (their outcomes would reach nobody)
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/reliability.inc';
$flag = sys_get_temp_dir() . '/tasksrv-hold-' . getmypid() . '-' . mt_rand();
register_shutdown_function(fn() => @unlink($flag));
$srv = rel_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1, 'task_queue_max' => 10, 'task_queue_full' => 'reject']);
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        // The task worker holds a task until FLAG exists; 8 more wait: room for 2.
        $s->task('hold');
        while ($s->stats()['task_running_num'] < 1) {
            usleep(1000);
        }
        for ($i = 0; $i < 8; $i++) {
            $s->task($i);
        }
        $before = $s->stats()['task_accepted'];
        try {
            $r = $s->taskWaitMulti(['a' => 'a', 'b' => 'b', 'c' => 'c', 'd' => 'd'], 5, $failures);
            $out = "taskWaitMulti() returned " . json_encode($r) . "\n";
        } catch (TaskSrv\QueueFullException $e) {
            $out = "taskWaitMulti(): " . get_class($e) . "\n";
        }
        $out .= "entries accepted by the call: " . ($s->stats()['task_accepted'] - $before) . "\n";
        touch('FLAG');
        $s->send($fd, $out);
    });
    $s->on('Task', function ($s, $id, $src, $data) {
        while ($data === 'hold' && !file_exists('FLAG')) {
            usleep(1000);
        }
        if (is_string($data) && $data !== 'hold') {
            echo "RAN entry $data\n";
        }
        return $data;
    });
    $s->on('Finish', fn() => null);
    $s->start();
PHP, [], ['FLAG' => $flag]);
$c = $srv->connect();
fwrite($c, 'go');
echo rel_recv_line($c, "by the call: ", 10);
// Whatever was accepted runs once the task worker is free.
$srv->waitOutput('RAN entry', 1, 1);
tasksrv_print_lines($srv->output(), 'RAN');
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
taskWaitMulti(): TaskSrv\QueueFullException
entries accepted by the call: 0
exit: 0
