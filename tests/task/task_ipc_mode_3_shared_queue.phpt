--TEST--
task_ipc_mode 3: one queue for all task workers: while one task worker runs a long task, the tasks sent when all were busy are taken by the task worker that frees first, none waits behind the long task
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task_timing.inc';
$srv = tasksrv_server(tasksrv_timed(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 2, 'task_ipc_mode' => 3]);
    $s->on('Receive', function ($s, $fd, $rid, $cmd) {
        $GLOBALS['fd'] = $fd;
        $s->task('long');    // 600 ms on one task worker
        $s->task('short');   // 100 ms on the other
        // Both are busy now; these four wait in the queue for whoever frees first.
        $deadline = microtime(true) + 2 * SLOWDOWN;
        while ($s->stats()['task_idle_worker_num'] > 0 && microtime(true) < $deadline) {
            usleep(2000);
        }
        for ($i = 1; $i <= 4; $i++) {
            $s->task("quick$i");
        }
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        usleep((int) ((['long' => 600000, 'short' => 100000][$data] ?? 0) * SLOWDOWN));
        return $data;
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        $GLOBALS['order'][] = $data;
        if (count($GLOBALS['order']) === 6) {
            $s->send($GLOBALS['fd'], implode(' ', $GLOBALS['order']) . "\n");
        }
    });
    $s->start();
PHP));
$c = $srv->connect();
$order = explode(' ', tasksrv_request($c, "go\n"));
echo "finished last: ", end($order), "\n";
echo "quick tasks done before the long one: ", count(array_filter(array_slice($order, 0, array_search('long', $order)), fn($d) => str_starts_with($d, 'quick'))), " of 4\n";
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
finished last: long
quick tasks done before the long one: 4 of 4
exit: 0
