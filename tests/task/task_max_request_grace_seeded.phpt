--TEST--
task_max_request's random grace differs between task worker processes even when the script used mt_rand() before start() (the seeded state is inherited by every fork)
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    mt_srand(42);    // any mt_rand(), shuffle(), array_rand() ... seeds the generator too
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    // N = 20 and no grace given: each process runs 21..30 tasks, at random.
    $s->set(['worker_num' => 1, 'task_worker_num' => 1, 'task_max_request' => 20]);
    $s->on('Receive', function ($s, $fd, $rid, $cmd) {
        $GLOBALS['fd'] = $fd;
        for ($i = 0; $i < 200; $i++) {
            $s->task($i);
        }
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        return getmypid();
    });
    $s->on('Finish', function ($s, $task_id, $pid) {
        $GLOBALS['pids'][] = $pid;
        if (count($GLOBALS['pids']) === 200) {
            $s->send($GLOBALS['fd'], implode(',', array_count_values($GLOBALS['pids'])) . "\n");
        }
    });
    $s->start();
PHP);
$c = $srv->connect();
$counts = array_map('intval', explode(',', tasksrv_request($c, "go\n")));
$full = array_slice($counts, 0, -1);  // the last process did not reach its limit
echo "processes that reached their limit: ", count($full) >= 6 ? 'at least 6' : count($full), "\n";
echo "each ran 21..30 tasks: ", var_export(min($full) >= 21 && max($full) <= 30, true), "\n";
// With 6 or more draws from 10 values, all equal has a chance below 1 in 100000.
echo "not all the same: ", var_export(count(array_unique($full)) > 1, true), " (", implode(' ', $counts), ")\n";
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECTF--
processes that reached their limit: at least 6
each ran 21..30 tasks: true
not all the same: true (%s)
exit: 0
