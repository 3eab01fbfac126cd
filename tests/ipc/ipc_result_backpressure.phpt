--TEST--
IPC: results pile up while the event worker is busy (the task worker blocks writing them and reads further tasks meanwhile); every task still runs once, in order, and every result arrives, also around a taskwait()
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    const N = 1500;
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1]);
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        for ($i = 0; $i < N; $i++) {
            $s->task("t$i");
        }
        // Busy: the results fill the channel and the task worker blocks writing them.
        usleep(300000);
        $r = $s->taskwait('wait', 10);
        echo "R taskwait returned " . var_export($r, true) . " with " . count($GLOBALS['got'] ?? []) . " results delivered before\n";
        for ($i = N; $i < 2 * N; $i++) {
            $s->task("t$i");
        }
        usleep(300000);
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        $expect = $GLOBALS['next'] ?? 0;
        $want = $task_id === N ? 'wait' : 't' . ($task_id > N ? $task_id - 1 : $task_id);
        if ($task_id !== $expect || $data !== $want) {
            echo "T out of order: expected id $expect, got $task_id ($data)\n";
        }
        $GLOBALS['next'] = $task_id + 1;
        return "$data done";
    });
    $s->on('WorkerStop', function ($s) {
        if ($s->taskworker) {
            echo "S task worker ran " . ($GLOBALS['next'] ?? 0) . " tasks\n";
        }
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        $n = count($GLOBALS['got'] ?? []);
        $want = $n < N ? $n : $n + 1; // the taskwait took id N
        if ($task_id !== $want || $data !== 't' . ($want > N ? $want - 1 : $want) . ' done') {
            echo "F out of order: expected id $want, got $task_id ($data)\n";
        }
        $GLOBALS['got'][] = $task_id;
        if (count($GLOBALS['got']) === 2 * N) {
            $s->send($GLOBALS['fd'], "onFinish got " . (2 * N) . " results\n");
        }
    });
    $s->start();
PHP);
echo tasksrv_request($srv->connect(), 'go', "\n", 10 * tasksrv_test_slowdown()), "\n";
echo "exit: ", $srv->stop(), "\n";
$out = $srv->output();
tasksrv_print_lines($out, 'R ');
tasksrv_print_lines($out, 'T ');
tasksrv_print_lines($out, 'F ');
tasksrv_print_lines($out, 'S ');
?>
--EXPECT--
onFinish got 3000 results
exit: 0
R taskwait returned 'wait done' with 0 results delivered before
S task worker ran 3001 tasks
