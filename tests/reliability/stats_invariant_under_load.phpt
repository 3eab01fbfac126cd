--TEST--
stats() under load: task_accepted = task_done + task_failed + task_queue_num + task_running_num in every reading ("at every moment"), in the event workers sending tasks and in the task workers running them, not only once the server is quiet
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/reliability.inc';
$srv = rel_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 2, 'task_worker_num' => 2]);
    $s->on('WorkerStart', function ($s, $id) {
        if ($s->taskworker) {
            return;
        }
        $bad = $samples = 0;
        for ($i = 0; $i < 5000; $i++) {
            $s->task($i);
            if ($i % 5 === 0) {
                $samples++;
                $bad += !rel_balanced($s->stats());
            }
        }
        echo "READINGS $id samples=$samples unbalanced=$bad\n";
    });
    $s->on('Receive', fn() => null);
    $s->on('Task', function ($s, $id, $src, $data) {
        if ($id % 7 === 0) {
            $GLOBALS['samples'] = ($GLOBALS['samples'] ?? 0) + 1;
            $GLOBALS['bad'] = ($GLOBALS['bad'] ?? 0) + !rel_balanced($s->stats());
        }
        return $data;
    });
    $s->on('WorkerStop', function ($s, $id) {
        if ($s->taskworker) {
            echo "TASKSIDE $id samples=" . ($GLOBALS['samples'] ?? 0) . " unbalanced=" . ($GLOBALS['bad'] ?? 0) . "\n";
        }
    });
    $s->on('Finish', fn() => null);
    $s->start();
PHP);
$srv->waitOutput('READINGS', 2, 20);
foreach (rel_parse($srv->output(), 'READINGS') as $wid => $r) {
    echo "worker: {$r['samples']} readings, unbalanced: {$r['unbalanced']}\n";
}
echo "exit: ", $srv->stop(), "\n";
$task_side = rel_parse($srv->output(), 'TASKSIDE');
echo "task workers: some readings: ", var_export(array_sum(array_column($task_side, 'samples')) > 100, true),
    ", unbalanced: ", array_sum(array_column($task_side, 'unbalanced')), "\n";
?>
--EXPECT--
worker: 1000 readings, unbalanced: 0
worker: 1000 readings, unbalanced: 0
exit: 0
task workers: some readings: true, unbalanced: 0
