--TEST--
task() from a user process (both modes, task_ipc_mode 1 and 3): one-way tasks as in Swoole 6.2.1: ids from 0, onTask sees the user process's id as the source, a result warns Swoole's "finish() can only be used in the worker process" in the task worker and goes nowhere (no onFinish); with task_ipc_mode 3 and one busy task worker the user process waits for it; taskwait() warns as in Swoole; the ledger balances
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/userproc.inc';
foreach ([['SWOOLE_BASE', 1], ['SWOOLE_PROCESS', 3]] as [$mode, $ipc]) {
    echo "== $mode, task_ipc_mode $ipc\n";
    $srv = tasksrv_server(str_replace(['MODE', 'IPC'], [$mode, $ipc], <<<'PHP'
$s = new Swoole\Server('127.0.0.1', PORT, MODE);
$s->set(['worker_num' => 1, 'task_worker_num' => 1, 'task_ipc_mode' => IPC, 'log_level' => SWOOLE_LOG_WARNING]);
$s->addProcess(new Swoole\Process(function (Swoole\Process $p) {
    $s = $GLOBALS['s'];
    $ids = [];
    for ($i = 0; $i < 4; $i++) {
        $ids[] = $s->task("t$i");
    }
    echo "USER task ids: ", json_encode($ids), "\n";
    echo "USER taskwait: ", json_encode(@$s->taskwait('w', 0.5)), " (", error_get_last()['message'], ")\n";
    do {
        usleep(20000);
        $st = $s->stats();
    } while ($st['task_done'] < 4);
    echo "USER ledger: accepted={$st['task_accepted']} done={$st['task_done']} failed={$st['task_failed']} queued={$st['task_queue_num']} running={$st['task_running_num']}\n";
    $p->read();
}));
$s->on('Receive', fn() => null);
$s->on('Task', function ($s, $id, $src, $data) {
    usleep(50000);    /* busy: with task_ipc_mode 3 the user process waits for it */
    echo "onTask $id from #$src: $data\n";
    return $data === 't1' ? 'a result' : null;
});
$s->on('Finish', fn($s, $id, $r) => print("onFinish $id\n"));
$s->start();
PHP));
    $srv->waitOutput('USER ledger');
    echo "exit: ", $srv->stop(), "\n";
    echo "left: ", count(tasksrv_group_pids($srv->pgid)), "\n";
    /* The user process and the task worker write at once: each one's lines, in order. */
    $out = preg_replace('/^\[[^\]]*\]/m', '[DATE]', $srv->output());
    preg_match_all('/^USER.*\n/m', $out, $m);
    echo "the user process:\n", implode('', $m[0]), "the task worker:\n", preg_replace('/^USER.*\n/m', '', $out);
}
?>
--EXPECT--
== SWOOLE_BASE, task_ipc_mode 1
exit: 0
left: 0
the user process:
USER task ids: [0,1,2,3]
USER taskwait: false (TaskSrv\Server::taskwait(): taskwait method can only be used in the worker process)
USER ledger: accepted=4 done=4 failed=0 queued=0 running=0
the task worker:
onTask 0 from #2: t0
onTask 1 from #2: t1
[DATE]	WARNING	Server::finish(): Server::finish() can only be used in the worker process
onTask 2 from #2: t2
onTask 3 from #2: t3
== SWOOLE_PROCESS, task_ipc_mode 3
exit: 0
left: 0
the user process:
USER task ids: [0,1,2,3]
USER taskwait: false (TaskSrv\Server::taskwait(): taskwait method can only be used in the worker process)
USER ledger: accepted=4 done=4 failed=0 queued=0 running=0
the task worker:
onTask 0 from #2: t0
onTask 1 from #2: t1
[DATE]	WARNING	Server::finish(): Server::finish() can only be used in the worker process
onTask 2 from #2: t2
onTask 3 from #2: t3
