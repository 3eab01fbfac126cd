--TEST--
taskwait(): 200 waits that time out leave the worker's memory where it was once their late results are in (dropped, not kept)
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 2]);
    // Times out 200 taskwaits, then waits for every late result: a taskwait to each
    // task worker returns after all the results that task worker sent before (FIFO).
    function round_of_timeouts($s): int {
        $false = 0;
        for ($i = 0; $i < 200; $i++) {
            $false += $s->taskwait(['n' => $i, 'pad' => str_repeat('x', 200)], 0.001) === false;
        }
        for ($d = 0; $d < 2; $d++) {
            if ($s->taskwait('sync', 10, $d) !== 'sync done') {
                echo "sync with task worker $d failed\n";
            }
        }
        return $false;
    }
    $s->on('Receive', function ($s, $fd, $rid, $cmd) {
        round_of_timeouts($s);  // warm-up: buffers and tables reach their size
        gc_collect_cycles();
        $before = memory_get_usage();
        $false = round_of_timeouts($s);
        gc_collect_cycles();
        $grew = memory_get_usage() - $before;
        echo "grew by $grew bytes\n";
        $s->send($fd, "$false of 200 timed out; memory " . ($grew < 4096 ? 'flat' : "grew by $grew bytes") . "\n");
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        if ($data === 'sync') {
            return 'sync done';
        }
        usleep(3000);
        return $data + ['result' => str_repeat('y', 200)];
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        echo "F $task_id\n";
    });
    $s->start();
PHP);
$c = $srv->connect();
echo tasksrv_request($c, "go\n"), "\n";
echo "exit: ", $srv->stop(), "\n";
echo $srv->output();
?>
--EXPECTF--
200 of 200 timed out; memory flat
exit: 0
grew by %i bytes
