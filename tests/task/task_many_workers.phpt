--TEST--
2000 async tasks from one onReceive to 4 task workers: every task runs once and all 2000 results reach onFinish
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    const N = 2000;
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 4]);
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        for ($i = 0; $i < N; $i++) {
            $s->task($i);
        }
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        $GLOBALS['ran'] = ($GLOBALS['ran'] ?? 0) + 1;
        return [$task_id, $data, $s->getWorkerId()];
    });
    $s->on('WorkerStop', function ($s, $id) {
        if ($s->taskworker) {
            echo "S task worker ran " . ($GLOBALS['ran'] ?? 0) . "\n";
        }
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        [$id, $i, $worker] = $data;
        $GLOBALS['seen'][$id] = ($GLOBALS['seen'][$id] ?? 0) + 1;
        $GLOBALS['bad'] = ($GLOBALS['bad'] ?? 0) + ($id !== $task_id || $i !== $task_id);
        $GLOBALS['workers'][$worker] = true;
        if (count($GLOBALS['seen']) === N) {
            ksort($GLOBALS['workers']);
            $s->send($GLOBALS['fd'], "onFinish: " . array_sum($GLOBALS['seen']) . " results for " . count($GLOBALS['seen'])
                . " ids, mismatched " . $GLOBALS['bad'] . ", ids 0..1999: "
                . var_export((function ($k) { sort($k); return $k === range(0, N - 1); })(array_keys($GLOBALS['seen'])), true)
                . ", task workers used: " . count($GLOBALS['workers']) . "\n");
        }
    });
    $s->start();
PHP);
echo tasksrv_request($srv->connect(), 'go', "\n", 10 * tasksrv_test_slowdown()), "\n";
echo "exit: ", $srv->stop(), "\n";
// Every task ran exactly once overall.
$ran = array_map('intval', preg_replace('/^task worker ran /', '', tasksrv_lines($srv->output(), 'S ')));
echo "task workers that stopped: ", count($ran), ", tasks run: ", array_sum($ran), "\n";
?>
--EXPECT--
onFinish: 2000 results for 2000 ids, mismatched 0, ids 0..1999: true, task workers used: 4
exit: 0
task workers that stopped: 4, tasks run: 2000
