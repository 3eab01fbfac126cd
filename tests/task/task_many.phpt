--TEST--
2000 async tasks from one onReceive to one task worker: all run, in order (ids 0..1999), and all 2000 results reach onFinish in order
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    const N = 2000;
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1]);
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $ids = [];
        for ($i = 0; $i < N; $i++) {
            $ids[] = $s->task(['i' => $i, 'pad' => str_repeat('x', $i % 300)]);
        }
        echo "R task() returned 0..1999 in order: " . var_export($ids === range(0, N - 1), true) . "\n";
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        $next = $GLOBALS['next'] ?? 0;
        if ($task_id !== $next || $data['i'] !== $next || strlen($data['pad']) !== $next % 300) {
            echo "T out of order: expected $next, got id $task_id data {$data['i']}\n";
        }
        $GLOBALS['next'] = $task_id + 1;
        if ($GLOBALS['next'] === N) {
            echo "T onTask ran " . N . " tasks\n";
        }
        return $task_id;
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        $next = $GLOBALS['next'] ?? 0;
        if ($task_id !== $next || $data !== $next) {
            echo "F out of order: expected $next, got id $task_id data $data\n";
        }
        $GLOBALS['next'] = $task_id + 1;
        if ($GLOBALS['next'] === N) {
            $s->send($GLOBALS['fd'], "onFinish got " . N . " results\n");
        }
    });
    $s->start();
PHP);
// Well under a second here; a stall shows as no reply.
echo tasksrv_request($srv->connect(), 'go', "\n", 10 * tasksrv_test_slowdown()), "\n";
$out = $srv->output();
tasksrv_print_lines($out, 'R ', false);
tasksrv_print_lines($out, 'T ', false);
tasksrv_print_lines($out, 'F ', false);
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
onFinish got 2000 results
R task() returned 0..1999 in order: true
T onTask ran 2000 tasks
exit: 0
