--TEST--
stats(): task_idle_worker_num counts idle task workers (the caller's own task worker is busy); tasking_num counts tasks accepted but not started yet
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task_timing.inc';
$srv = tasksrv_server(tasksrv_timed(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 3]);
    /* Polls stats() until $key is $want (or 2 s passed); returns what it saw last. */
    function stat_becomes($s, string $key, int $want): int {
        $deadline = microtime(true) + 2 * SLOWDOWN;
        while (($v = $s->stats()[$key]) !== $want && microtime(true) < $deadline) {
            usleep(1000);
        }
        return $v;
    }
    $s->on('Receive', function ($s, $fd, $rid, $cmd) {
        $out = [];
        if (trim($cmd) === 'idle') {
            $out[] = 'idle before: ' . $s->stats()['task_idle_worker_num'];
            $s->task('sleep', 0);
            $out[] = 'idle while one sleeps: ' . stat_becomes($s, 'task_idle_worker_num', 2);
            // As Swoole's test: one sleeps, stats() from a second task (busy itself) says 1.
            $out[] = 'idle seen from a second task: ' . $s->taskwait('stats', 5, 1);
            $s->task('sleep', 1);
            $out[] = 'idle while two sleep, from the event worker: ' . stat_becomes($s, 'task_idle_worker_num', 1);
            $out[] = 'idle seen from a third task: ' . $s->taskwait('stats', 5, 2);
            $out[] = 'idle after: ' . stat_becomes($s, 'task_idle_worker_num', 3);
        } else {
            // Five tasks for one task worker; the first sleeps.
            for ($i = 0; $i < 5; $i++) {
                $s->task($i === 0 ? 'sleep' : 'quick', 0);
            }
            $out[] = 'tasking_num once the first started: ' . stat_becomes($s, 'tasking_num', 4)
                . ' (first task running: ' . var_export($s->getWorkerStatus(1) === 1, true) . ')';
            $out[] = 'tasking_num when all ran: ' . stat_becomes($s, 'tasking_num', 0);
        }
        $s->send($fd, implode("\n", $out) . "\n.\n");
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        if ($data === 'sleep') {
            usleep((int) (250000 * SLOWDOWN));
        }
        return $data === 'stats' ? $s->stats()['task_idle_worker_num'] : null;
    });
    $s->on('Finish', function () {});
    $s->start();
PHP));
$c = $srv->connect();
echo tasksrv_request($c, "idle\n", "\n.\n"), "\n";
echo tasksrv_request($c, "tasking\n", "\n.\n"), "\n";
echo "exit: ", $srv->stop(), "\n";
echo $srv->output();
?>
--EXPECT--
idle before: 3
idle while one sleeps: 2
idle seen from a second task: 1
idle while two sleep, from the event worker: 1
idle seen from a third task: 0
idle after: 3
tasking_num once the first started: 4 (first task running: true)
tasking_num when all ran: 0
exit: 0
