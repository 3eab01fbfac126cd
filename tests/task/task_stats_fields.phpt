--TEST--
stats(): task_worker_num, task_idle_worker_num, tasking_num and task_count (Swoole's names and order); task_count counts every dispatched task (task, taskwait, each taskWaitMulti entry) across processes; no task fields but task_worker_num without task workers
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
foreach ([2, 0] as $task_workers) {
    $srv = tasksrv_server(str_replace('NTASK', $task_workers, <<<'PHP'
        $s = new TaskSrv\Server('127.0.0.1', PORT);
        $s->set(['worker_num' => 1, 'task_worker_num' => NTASK]);
        function task_stats($s): string {
            $st = $s->stats();
            // Swoole's task fields, in the order stats() has them.
            $keys = array_values(array_intersect(array_keys($st), ['task_worker_num', 'task_idle_worker_num', 'tasking_num', 'task_count']));
            return implode(' ', array_map(fn($k) => "$k=" . var_export($st[$k], true), $keys));
        }
        $s->on('Receive', function ($s, $fd, $rid, $cmd) {
            $out = ['start: ' . task_stats($s)];
            if (NTASK) {
                $s->task('a');
                $s->task('b');
                $s->taskwait('c', 5);
                $s->taskWaitMulti(['d', 'e'], 5);
                // Once both task workers are idle again, one of them runs a 6th task.
                $deadline = microtime(true) + 5;
                while ($s->stats()['task_idle_worker_num'] !== 2 && microtime(true) < $deadline) {
                    usleep(1000);
                }
                $out[] = 'seen by a 6th task: ' . $s->taskwait('stats', 5);
            }
            $s->send($fd, implode("\n", $out) . "\n.\n");
        });
        $s->on('Task', function ($s, $task_id, $src, $data) {
            // Seen from a task worker: the counters are server-wide.
            return $data === 'stats' ? task_stats($s) : null;
        });
        $s->on('Finish', function () {});
        $s->start();
    PHP));
    $c = $srv->connect();
    echo "task_worker_num=$task_workers\n", tasksrv_request($c, "go\n", "\n.\n"), "\n";
    echo "exit: ", $srv->stop(), "\n";
    echo $srv->output();
}
?>
--EXPECT--
task_worker_num=2
start: task_worker_num=2 task_idle_worker_num=2 tasking_num=0 task_count=0
seen by a 6th task: task_worker_num=2 task_idle_worker_num=1 tasking_num=0 task_count=6
exit: 0
task_worker_num=0
start: task_worker_num=0
exit: 0
