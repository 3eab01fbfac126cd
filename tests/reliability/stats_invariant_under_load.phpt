--TEST--
stats() under load: task_accepted = task_done + task_failed + task_queue_num + task_running_num in every reading, as the contract says ("at every moment"), not only once the server is quiet
--EXTENSIONS--
tasksrv
--XFAIL--
Contract gap: stats() reads the counters one by one while other processes move tasks between them (task_take lowers the queue before raising running; a send raises queued before accepted), so a reading under load often does not add up by one or two
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
    $s->on('Task', fn($s, $id, $src, $data) => $data);
    $s->on('Finish', fn() => null);
    $s->start();
PHP);
$srv->waitOutput('READINGS', 2, 20);
foreach (rel_parse($srv->output(), 'READINGS') as $wid => $r) {
    echo "worker: {$r['samples']} readings, unbalanced: {$r['unbalanced']}\n";
}
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
worker: 1000 readings, unbalanced: 0
worker: 1000 readings, unbalanced: 0
exit: 0
