--TEST--
task_max_request_grace: 0 gives exactly task_max_request tasks per task worker process; unset with task_max_request > 10 it defaults to N/2 (N+1 .. N+N/2 tasks); set, N+1 .. N+grace
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
/* Runs $n tasks through one task worker; returns how many each process ran, in order. */
function tasks_per_process(array $settings, int $n): array
{
    $srv = tasksrv_server(str_replace(['SETTINGS', 'NTASKS'], [var_export($settings, true), $n], <<<'PHP'
        $s = new TaskSrv\Server('127.0.0.1', PORT);
        $s->set(['worker_num' => 1, 'task_worker_num' => 1] + SETTINGS);
        $s->on('Receive', function ($s, $fd, $rid, $cmd) {
            $GLOBALS['fd'] = $fd;
            for ($i = 0; $i < NTASKS; $i++) {
                $s->task($i);
            }
        });
        $s->on('Task', function ($s, $task_id, $src, $data) {
            return getmypid();
        });
        $s->on('Finish', function ($s, $task_id, $pid) {
            $GLOBALS['pids'][] = $pid;
            if (count($GLOBALS['pids']) === NTASKS) {
                $s->send($GLOBALS['fd'], implode(',', $GLOBALS['pids']) . "\n");
            }
        });
        $s->start();
    PHP));
    $c = $srv->connect();
    $pids = explode(',', tasksrv_request($c, "go\n"));
    $srv->stop();
    // Results come back in task order: count the runs of equal pids.
    $runs = [];
    $last = null;
    foreach ($pids as $pid) {
        if ($pid !== $last) {
            $runs[] = 0;
            $last = $pid;
        }
        $runs[count($runs) - 1]++;
    }
    return $runs;
}

echo "N=12 grace=0: ", implode(' ', tasks_per_process(['task_max_request' => 12, 'task_max_request_grace' => 0], 30)), "\n";
echo "N=3 (grace unset, N <= 10: none): ", implode(' ', tasks_per_process(['task_max_request' => 3], 10)), "\n";

$runs = tasks_per_process(['task_max_request' => 12], 60);
$full = array_slice($runs, 0, -1);  // the last process did not reach its limit
echo "N=12 grace unset: ", count($full) >= 3 && min($full) >= 13 && max($full) <= 18 ? 'every process ran 13..18 tasks' : 'WRONG: ' . implode(' ', $runs), "\n";

$runs = tasks_per_process(['task_max_request' => 4, 'task_max_request_grace' => 2], 30);
$full = array_slice($runs, 0, -1);
echo "N=4 grace=2: ", count($full) >= 4 && min($full) >= 5 && max($full) <= 6 ? 'every process ran 5..6 tasks' : 'WRONG: ' . implode(' ', $runs), "\n";
?>
--EXPECT--
N=12 grace=0: 12 12 6
N=3 (grace unset, N <= 10: none): 3 3 3 1
N=12 grace unset: every process ran 13..18 tasks
N=4 grace=2: every process ran 5..6 tasks
