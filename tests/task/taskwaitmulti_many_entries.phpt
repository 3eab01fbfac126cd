--TEST--
taskWaitMulti() and taskCo() with 1023 entries (the most allowed) on one task worker: every result arrives, under the input's key
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task_timing.inc';
$srv = tasksrv_server(tasksrv_timed(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    // One task worker: all 1023 tasks and results share one channel, many more frames
    // than a socket buffer holds, so results come back while later entries are still
    // being sent.
    $s->set(['worker_num' => 1, 'task_worker_num' => 1]);
    $s->on('Receive', function ($s, $fd, $rid, $cmd) {
        $method = trim($cmd);
        $in = [];
        for ($i = 0; $i < 1023; $i++) {
            $in[$i % 2 ? "k$i" : $i] = $i;
        }
        $r = $s->$method($in, 2 * SLOWDOWN);
        $ok = 0;
        foreach ($in as $k => $v) {
            $ok += array_key_exists($k, $r) && $r[$k] === $v * 2;
        }
        $s->send($fd, "$method: " . count($r) . " results, $ok right\n");
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        return $data * 2;
    });
    $s->start();
PHP));
$c = $srv->connect();
echo tasksrv_request($c, "taskWaitMulti\n"), "\n";
echo tasksrv_request($c, "taskCo\n"), "\n";
echo "exit: ", $srv->stop(), "\n";
echo $srv->output();
?>
--EXPECT--
taskWaitMulti: 1023 results, 1023 right
taskCo: 1023 results, 1023 right
exit: 0
