--TEST--
IPC: two async tasks of 4 MiB (more than a channel's send buffer) echoed back by one task worker: the task worker writes the first result while the worker still writes the second task; both results arrive
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1]);
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $s->task(str_repeat('a', 4 << 20));
        $s->task(str_repeat('b', 4 << 20));
    });
    $s->on('Task', fn($s, $id, $src, $data) => $data);
    $s->on('Finish', function ($s, $id, $data) {
        $GLOBALS['got'][] = "$id:" . $data[0] . strlen($data);
        if (count($GLOBALS['got']) === 2) {
            $s->send($GLOBALS['fd'], implode(' ', $GLOBALS['got']) . "\n");
        }
    });
    $s->start();
PHP);
echo tasksrv_request($srv->connect(), 'go', "\n", 5), "\n";
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
0:a4194304 1:b4194304
exit: 0
