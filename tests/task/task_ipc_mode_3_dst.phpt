--TEST--
task_ipc_mode 3 and 4 (Swoole's stream mode): task workers compete for the work and dst_worker_id is ignored: a task for a busy task worker runs at once on an idle one; in mode 1 it waits for its task worker
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task_timing.inc';
foreach ([3, 4, 1] as $mode) {
    $srv = tasksrv_server(tasksrv_timed(str_replace('MODE', $mode, <<<'PHP'
        $s = new TaskSrv\Server('127.0.0.1', PORT);
        $s->set(['worker_num' => 1, 'task_worker_num' => 3, 'task_ipc_mode' => MODE]);
        $s->on('Receive', function ($s, $fd, $rid, $cmd) {
            $GLOBALS['fd'] = $fd;
            // Make one task worker busy for 600 ms, and find out which.
            $s->task('sleep');
            $deadline = microtime(true) + 2 * SLOWDOWN;
            do {
                usleep(2000);
                $busy = array_values(array_filter([1, 2, 3], fn($id) => $s->getWorkerStatus($id) === 1));
            } while (count($busy) !== 1 && microtime(true) < $deadline);
            $busy_index = $busy[0] - 1;
            $out = [];
            // A task sent to the busy one by its index.
            $t = microtime(true);
            $ran_on = $s->taskwait('where', 2 * SLOWDOWN, $busy_index);
            $out[] = 'taskwait(dst=busy): ' . ($ran_on === false ? 'timed out' : ($ran_on - 1 === $busy_index ? 'ran on the busy task worker' : 'ran on an idle task worker'))
                . ', ' . (microtime(true) - $t < 0.4 * SLOWDOWN ? 'at once' : 'after the long task');
            // Async tasks with a destination run, with no error.
            for ($i = 0; $i < 6; $i++) {
                $s->task('where', $i % 3);
            }
            $GLOBALS['out'] = $out;
        });
        $s->on('Task', function ($s, $task_id, $src, $data) {
            if ($data === 'sleep') {
                usleep((int) (600000 * SLOWDOWN));
            }
            return $s->getWorkerId();
        });
        $s->on('Finish', function ($s, $task_id, $data) {
            $GLOBALS['n'] = ($GLOBALS['n'] ?? 0) + 1;
            if ($GLOBALS['n'] === 7) {
                $s->send($GLOBALS['fd'], implode("\n", $GLOBALS['out']) . "\n" . "7 results\n.\n");
            }
        });
        $s->start();
    PHP)));
    $c = $srv->connect();
    echo "mode $mode:\n", tasksrv_request($c, "go\n", "\n.\n"), "\n";
    echo "exit: ", $srv->stop(), "\n";
    echo $srv->output();
}
?>
--EXPECT--
mode 3:
taskwait(dst=busy): ran on an idle task worker, at once
7 results
exit: 0
mode 4:
taskwait(dst=busy): ran on an idle task worker, at once
7 results
exit: 0
mode 1:
taskwait(dst=busy): ran on the busy task worker, after the long task
7 results
exit: 0
