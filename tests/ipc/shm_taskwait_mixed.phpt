--TEST--
IPC, shared-memory channels: taskwait() (64 B and 1 MiB results) and taskWaitMulti() while both task workers' rings are full of async results (64 B to 40 KiB frames whole in the ring, 200 KiB markers with their payloads on the socket): the waits return the right values, and every async result queued before them (and after) reaches onFinish afterwards, exactly once, in each task worker's order, intact
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task_timing.inc';
// Each task worker writes how many tasks it has started to PROGRESS.<its id>; the event worker
// reads them when its busy loop ends (neither can have run all its tasks: the results do not fit).
$progress = tempnam(sys_get_temp_dir(), 'tasksrv-shm-progress-');
$srv = tasksrv_server(str_replace('PROGRESS', var_export($progress, true), tasksrv_timed(<<<'PHP'
    const K = 1000;   // async tasks before the waits
    const K2 = 500;   // and after
    // The result of async task $i (as in shm_order.phpt): mostly 64 B; up to 40 KiB whole in
    // the ring; 200 KiB a marker in the ring, the payload on the socket. The pattern runs in
    // the tasks of each task worker (even $i go to task worker 0, odd to 1).
    function result_of(int $i): string
    {
        $j = $i >> 1;
        $size = match (true) {
            $j % 100 === 99 => 200 << 10,
            $j % 50 === 49 => 40 << 10,
            $j % 10 === 6 => 24 << 10,
            $j % 100 === 3 => 8 << 10,
            default => 64,
        };
        $tag = "<$i>";
        return $tag . str_repeat(chr(97 + $i % 26), $size - 2 * strlen($tag)) . $tag;
    }
    function waited_of(string $what): string
    {
        return $what === 'big'
            ? substr(str_repeat('0123456789abcdef' . 'big', 55189), 0, 1 << 20)
            : str_pad('small:', 64, '.');
    }
    // Busy in PHP for $seconds of CPU time without returning. (Not by the clock with microtime: run-tests
    // retries a failing test that calls it, and a frame lost here must fail, not pass on a retry.)
    function busy(float $seconds): void
    {
        $cpu = function (): float {
            $r = getrusage();
            return $r['ru_utime.tv_sec'] + $r['ru_stime.tv_sec'] + ($r['ru_utime.tv_usec'] + $r['ru_stime.tv_usec']) / 1e6;
        };
        $end = $cpu() + $seconds;
        while ($cpu() < $end) {
        }
    }
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 2]);
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $GLOBALS['got'] = [];
        for ($i = 0; $i < K; $i++) {
            $GLOBALS['task'][$s->task($i, $i % 2)] = $i;
        }
        // Busy in PHP: both rings fill up with results and both task workers block for room.
        busy(0.2 * SLOWDOWN);
        clearstatcache();
        $started = [(int) @file_get_contents(PROGRESS . '.1'), (int) @file_get_contents(PROGRESS . '.2')];
        $out = ['task workers blocked while the worker was busy: ' . var_export($started[0] < K / 2 && $started[1] < K / 2, true)];
        $r = $s->taskwait('small', 10 * SLOWDOWN, 0);
        $out[] = 'taskwait 64 B from task worker 0: ' . ($r === waited_of('small') ? 'ok' : 'WRONG ' . var_export($r, true));
        $r = $s->taskwait('big', 10 * SLOWDOWN, 1);
        $out[] = 'taskwait 1 MiB from task worker 1: ' . ($r === waited_of('big') ? 'ok' : 'WRONG ' . (is_string($r) ? strlen($r) . ' bytes' : var_export($r, true)));
        $r = $s->taskWaitMulti(['x' => 'big', 'y' => 'small', 7 => 'small'], 10 * SLOWDOWN);
        $out[] = 'taskWaitMulti: ' . (is_array($r) && count($r) === 3 && ($r['x'] ?? null) === waited_of('big')
            && ($r['y'] ?? null) === waited_of('small') && ($r[7] ?? null) === waited_of('small') ? 'ok' : 'WRONG');
        $out[] = 'async results delivered before the waits returned: ' . count($GLOBALS['got']);
        $GLOBALS['out'] = $out;
        for ($i = K; $i < K + K2; $i++) {
            $GLOBALS['task'][$s->task($i, $i % 2)] = $i;
        }
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        if (is_int($data)) {
            $GLOBALS['started'] = ($GLOBALS['started'] ?? 0) + 1;
            file_put_contents(PROGRESS . '.' . $s->getWorkerId(), (string) $GLOBALS['started']);
        }
        return is_int($data) ? result_of($data) : waited_of($data);
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        $i = $GLOBALS['task'][$task_id] ?? null;
        if ($i === null) {
            echo "F a result for task id $task_id, not an async task\n";
            return;
        }
        $GLOBALS['got'][] = $i;
        if ($data !== result_of($i)) {
            $GLOBALS['wrong'][] = $i;
        }
        $n = count($GLOBALS['got']);
        if ($n > K + K2) {
            echo "F extra result for async task $i\n";
        }
        if ($n === K + K2) {
            // Each task worker's results in the order it ran them: even indexes (task worker 0), odd (1).
            $by = [[], []];
            foreach ($GLOBALS['got'] as $j) {
                $by[$j % 2][] = $j;
            }
            $out = $GLOBALS['out'];
            $out[] = 'async results: ' . $n;
            $out[] = 'distinct: ' . count(array_unique($GLOBALS['got']));
            $out[] = "task worker 0's in order: " . var_export($by[0] === range(0, K + K2 - 1, 2), true);
            $out[] = "task worker 1's in order: " . var_export($by[1] === range(1, K + K2 - 1, 2), true);
            $out[] = 'wrong contents: ' . json_encode(array_slice($GLOBALS['wrong'] ?? [], 0, 10));
            $s->send($GLOBALS['fd'], implode("\n", $out) . "\nend\n");
        }
    });
    $s->start();
PHP)));
// After the group is killed (shutdown functions run in order: the helper's kill is first).
register_shutdown_function(fn() => array_map('unlink', glob("$progress*")));
$c = $srv->connect();
echo rtrim(tasksrv_request($c, 'go', "end\n", 10 * tasksrv_test_slowdown())), "\n";
// Anything late (a duplicate) would be printed by onFinish meanwhile.
$srv->waitOutput('F extra', 1, 0.2);
echo "exit: ", $srv->stop(), "\n";
$out = $srv->output();
tasksrv_print_lines($out, 'F ');
$complaints = preg_grep('/WARNING|ERROR|corrupt/', explode("\n", $out));
foreach (array_slice($complaints, 0, 10) as $line) {
    echo "log: $line\n";
}
if (count($complaints) > 10) {
    echo "log: ... ", count($complaints) - 10, " more\n";
}
?>
--EXPECT--
task workers blocked while the worker was busy: true
taskwait 64 B from task worker 0: ok
taskwait 1 MiB from task worker 1: ok
taskWaitMulti: ok
async results delivered before the waits returned: 0
async results: 1500
distinct: 1500
task worker 0's in order: true
task worker 1's in order: true
wrong contents: []
exit: 0
