--TEST--
task_max_request 2 while the worker is not reading results: the task worker, blocked sending a large result, reads the queued tasks meanwhile; still no process runs more than 2 tasks, and none is lost
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1, 'task_max_request' => 2]);
    $s->on('Receive', function ($s, $fd, $rid, $cmd) {
        $GLOBALS['fd'] = $fd;
        for ($i = 0; $i < 20; $i++) {
            $s->task($i);
        }
        // Not reading results for a while: 1 MiB results fill the channel.
        usleep(300000);
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        return [$data, getmypid(), str_repeat('x', 1 << 20)];
    });
    $s->on('Finish', function ($s, $task_id, $r) {
        $GLOBALS['got'][$r[0]] = $r[1];
        if (count($GLOBALS['got']) === 20) {
            ksort($GLOBALS['got']);
            $per_pid = array_count_values($GLOBALS['got']);
            $s->send($GLOBALS['fd'], "results: " . implode(',', array_keys($GLOBALS['got']))
                . "\nprocesses: " . (count($per_pid) >= 10 ? 'at least 10' : count($per_pid))
                . "\nmost tasks in one process: " . max($per_pid) . "\n.\n");
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
results: 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19
processes: at least 10
most tasks in one process: 2
exit: 0
