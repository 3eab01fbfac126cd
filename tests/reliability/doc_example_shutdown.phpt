--TEST--
docs/reliability.md, reason "shutdown": shutdown() with four tasks sent and max_wait_time 1 s: the two that end in time reach onFinish, the running one and the queued one fail as shutdown; stats() in onShutdown add up
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/reliability.inc';
// The server script is the example in docs/reliability.md as it stands there
// (doc_examples_sync.phpt checks that); only its port is replaced.
$srv = tasksrv_server(str_replace('9501', 'PORT', "?>\n" . <<<'PHP'
<?php
$server = new TaskSrv\Server('127.0.0.1', 9501);
$server->set(['worker_num' => 1, 'task_worker_num' => 1, 'max_wait_time' => 1.0]);

$server->on('Receive', function (TaskSrv\Server $server, int $fd, int $reactorId, string $data) {
    foreach (explode(',', trim($data)) as $seconds) {
        $server->task((float) $seconds);
    }
    // As SIGTERM, a reload or max_request would: no new work, 1 s for the tasks sent.
    $server->shutdown();
});

$server->on('Task', function (TaskSrv\Server $server, int $taskId, int $srcWorkerId, float $seconds) {
    usleep((int) ($seconds * 1e6));
    return $seconds;
});

$server->on('Finish', function (TaskSrv\Server $server, int $taskId, float $seconds) {
    echo "task $taskId finished ($seconds s)\n";
});

$server->on('TaskFailure', function (TaskSrv\Server $server, int $taskId, TaskSrv\TaskFailure $f) {
    // reason "shutdown": not finished when max_wait_time was over (one not started never starts)
    echo "task $taskId: $f->reason\n";
});

$server->on('Shutdown', function (TaskSrv\Server $server) {
    $st = $server->stats();
    echo "accepted $st[task_accepted] = done $st[task_done] + failed $st[task_failed]"
        . " + queued $st[task_queue_num] + running $st[task_running_num]\n";
    echo "failed by reason: " . json_encode($st['task_failed_by_reason']) . "\n";
});

$server->start();
PHP));
require_once __DIR__ . '/../inc/server_wait.inc';
fwrite($srv->connect(), "0.2,0.5,2,0.1\n");
echo "exit: ", tasksrv_wait_exit($srv), "\n";
echo $srv->output();
?>
--EXPECTF--
exit: 0
task 0 finished (0.2 s)
task 1 finished (0.5 s)
[%s *%d.0]	WARNING	Worker::drain() (ERRNO 9101): worker exit timeout, forced termination
task 2: shutdown
task 3: shutdown
accepted 4 = done 2 + failed 2 + queued 0 + running 0
failed by reason: {"exception":0,"fatal_error":0,"worker_died":0,"timeout":0,"shutdown":2,"too_large":0,"channel_corrupt":0}
