--TEST--
IPC, shared-memory channel (task worker -> event worker): 3000 results of mixed sizes (64 B to 40 KiB whole in the ring, 200 KiB as a marker in the ring with the payload on the socket, serialized arrays, and finish() then return null) while the event worker is busy: the ring fills and the task worker blocks for room; every result still arrives exactly once, in the task worker's order, intact
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task_timing.inc';
// The task worker writes how many tasks it has started here; the event worker reads it when
// its busy loop ends (the task worker cannot have run them all: the results do not fit).
$progress = tempnam(sys_get_temp_dir(), 'tasksrv-shm-progress-');
$srv = tasksrv_server(str_replace('PROGRESS', var_export($progress, true), tasksrv_timed(<<<'PHP'
    const N = 3000;
    // The result of task $i: its size and kind follow a fixed pattern, its bytes say which
    // task it is (the id at both ends, a letter from the id between), so that a lost,
    // repeated, shifted or cut frame shows. Sizes: mostly 64 B; 8 KiB and 24 KiB whole in
    // the ring (a writer blocked on one needs more room than one small frame makes); 200 KiB
    // past TASKSRV_RING_BIG (half a ring): a marker in the ring, the payload on the socket;
    // 40 KiB whole in a 256 KiB ring, a marker in a 64 KiB one.
    function result_of(int $i): string|array
    {
        $size = match (true) {
            $i % 100 === 99 => 200 << 10,
            $i % 50 === 49 => 40 << 10,
            $i % 10 === 6 => 24 << 10,
            $i % 100 === 3 => 8 << 10,
            default => 64,
        };
        $tag = "<$i>";
        $s = $tag . str_repeat(chr(97 + $i % 26), $size - 2 * strlen($tag)) . $tag;
        return $i % 37 === 5 ? ['id' => $i, 'blob' => $s] : $s;
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
    $s->set(['worker_num' => 1, 'task_worker_num' => 1]);
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        for ($i = 0; $i < N; $i++) {
            $s->task($i);
        }
        // Busy in PHP without returning: nothing consumes the ring, which fills.
        busy(0.3 * SLOWDOWN);
        clearstatcache();
        $GLOBALS['started'] = (int) @file_get_contents(PROGRESS);
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        if ($task_id !== $data) {
            echo "T task id $task_id carries $data\n";
        }
        file_put_contents(PROGRESS, (string) ($data + 1));
        if ($data % 149 === 0) {
            // One result by finish(), none by the return.
            $s->finish(result_of($data));
            return null;
        }
        return result_of($data);
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        $GLOBALS['order'][] = $task_id;
        if ($data !== result_of($task_id)) {
            $GLOBALS['wrong'][] = $task_id;
        }
        if ($task_id === N - 1) {
            // The last task's result: with one task worker, nothing may come after it.
            $order = $GLOBALS['order'];
            $s->send($GLOBALS['fd'], "results: " . count($order)
                . "\ndistinct ids: " . count(array_unique($order))
                . "\nin dispatch order: " . var_export($order === range(0, N - 1), true)
                . "\nfirst out of place: " . json_encode(array_slice(array_keys(array_diff_assoc($order, range(0, N - 1))), 0, 5))
                . "\nwrong contents: " . json_encode(array_slice($GLOBALS['wrong'] ?? [], 0, 10))
                . "\ntask worker blocked while the worker was busy: " . var_export($GLOBALS['started'] < N, true)
                . "\nend\n");
        }
        if (count($GLOBALS['order']) > N) {
            echo "F extra result id=$task_id after all " . N . "\n";
        }
    });
    $s->start();
PHP)));
// After the group is killed (shutdown functions run in order: the helper's kill is first).
register_shutdown_function(fn() => @unlink($progress));
$c = $srv->connect();
echo rtrim(tasksrv_request($c, 'go', "end\n", 10 * tasksrv_test_slowdown())), "\n";
// Anything late (a duplicate) would be printed by onFinish meanwhile.
$srv->waitOutput('F extra', 1, 0.2);
echo "exit: ", $srv->stop(), "\n";
$out = $srv->output();
tasksrv_print_lines($out, 'T ');
tasksrv_print_lines($out, 'F ');
// The channel's own complaints (a corrupt channel, a frame not sent), if any.
$complaints = preg_grep('/WARNING|ERROR|corrupt/', explode("\n", $out));
foreach (array_slice($complaints, 0, 10) as $line) {
    echo "log: $line\n";
}
if (count($complaints) > 10) {
    echo "log: ... ", count($complaints) - 10, " more\n";
}
?>
--EXPECT--
results: 3000
distinct ids: 3000
in dispatch order: true
first out of place: []
wrong contents: []
task worker blocked while the worker was busy: true
exit: 0
