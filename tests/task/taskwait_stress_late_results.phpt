--TEST--
taskwait(): 50 waits that give up (10 ms) on a 30 ms task, then 20 waits with a good timeout: each gets its own result, no late result reaches a later taskwait or onFinish
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    // 50 tasks of 30 ms on 2 task workers outlast the 50 waits of 10 ms: late results
    // are still arriving while the good waits run.
    $s->set(['worker_num' => 1, 'task_worker_num' => 2]);
    $s->on('Receive', function ($s, $fd, $rid, $cmd) {
        if (trim($cmd) === 'one') {
            // Its late result reaches the worker while it is idle, through the event loop.
            $s->send($fd, 'one: ' . var_export($s->taskwait('slow', 0.05), true) . "\n");
            return;
        }
        if (trim($cmd) === 'late') {
            $false = 0;
            for ($i = 0; $i < 50; $i++) {
                $false += $s->taskwait("late-$i", 0.01) === false;
            }
            $s->send($fd, "late: $false of 50 returned false\n");
            return;
        }
        if (trim($cmd) === 'good') {
            $own = [];
            for ($i = 0; $i < 20; $i++) {
                // Strings and arrays: a swapped result would show either way.
                $data = $i % 2 ? "good-$i" : ['good' => $i];
                $r = $s->taskwait($data, 5);
                $own[] = $r === ['r' => $data] ? 'own' : 'WRONG:' . json_encode($r);
            }
            $s->send($fd, "good: " . implode(',', array_count_values($own) === ['own' => 20] ? ['20 own results'] : $own) . "\n");
            return;
        }
        // By now every late result has arrived: onFinish must not have seen one.
        $s->send($fd, "onFinish calls: " . ($GLOBALS['finished'] ?? 0) . "\n");
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        if (is_string($data) && str_starts_with($data, 'late-')) {
            usleep(30000);
        }
        if ($data === 'slow') {
            usleep(100000);
            echo "T the slow task is done\n";
        }
        return ['r' => $data];
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        $GLOBALS['finished'] = ($GLOBALS['finished'] ?? 0) + 1;
        echo "F $task_id ", json_encode($data), "\n";
    });
    $s->start();
PHP);
$c = $srv->connect();
echo tasksrv_request($c, "one\n"), "\n";
$srv->waitOutput('T the slow task is done');
usleep(50000);
echo tasksrv_request($c, "late\n"), "\n";
echo tasksrv_request($c, "good\n"), "\n";
echo tasksrv_request($c, "check\n"), "\n";
echo "exit: ", $srv->stop(), "\n";
echo $srv->output();
?>
--EXPECT--
one: false
late: 50 of 50 returned false
good: 20 own results
onFinish calls: 0
exit: 0
T the slow task is done
