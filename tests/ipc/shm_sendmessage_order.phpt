--TEST--
IPC, shared-memory channel: what a task worker sends an event worker besides results (sendMessage() of small strings, 100 KiB strings, 200 KiB strings as markers with their payloads on the socket, arrays; send() to a client the worker owns) keeps its place among the results: a task's messages reach onPipeMessage before its onFinish, and its send() reaches the client before what onFinish sends, also while the ring is full
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task_timing.inc';
// The task worker writes how many tasks it has started here; the event worker reads it when
// its busy loop ends (the task worker cannot have run them all: what they send does not fit).
$progress = tempnam(sys_get_temp_dir(), 'tasksrv-shm-progress-');
$srv = tasksrv_server(str_replace('PROGRESS', var_export($progress, true), tasksrv_timed(<<<'PHP'
    const M = 600;
    // Message $k of task $i: an array every 3rd task (k = 2), else a string whose bytes say
    // which message it is; k = 1 is 100 KiB every 50th task (whole in a 256 KiB ring: a
    // writer blocked on it needs much room) and 200 KiB every 50th task from the 25th (past
    // TASKSRV_RING_BIG: a marker in the ring, its payload on the socket).
    function msg_of(int $i, int $k): string|array
    {
        if ($k === 2) {
            return ['i' => $i, 'k' => 2, 'pad' => str_repeat('p', $i)];
        }
        $size = $k !== 1 ? 48 : match ($i % 50) { 0 => 100 << 10, 25 => 200 << 10, default => 48 };
        $tag = "<$i.$k>";
        return $tag . str_repeat(chr(97 + ($i + $k) % 26), $size - 2 * strlen($tag)) . $tag;
    }
    function result_of(int $i): string
    {
        // Every 100th result is big too.
        return "r$i:" . str_repeat('r', $i % 100 === 7 ? 50000 : 20);
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
        $GLOBALS['events'] = [];
        for ($i = 0; $i < M; $i++) {
            $s->task([$i, $fd]);
        }
        // Busy in PHP: messages and results fill the ring; the task worker blocks for room.
        busy(0.2 * SLOWDOWN);
        clearstatcache();
        $GLOBALS['started'] = (int) @file_get_contents(PROGRESS);
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        [$i, $fd] = $data;
        file_put_contents(PROGRESS, (string) ($i + 1));
        $ok = $s->sendMessage(msg_of($i, 0), 0) && $s->sendMessage(msg_of($i, 1), 0);
        if ($i % 3 === 0) {
            $ok = $ok && $s->sendMessage(msg_of($i, 2), 0);
        }
        if ($i % 10 === 0) {
            // Forwarded to worker 0, which owns the connection.
            $ok = $ok && $s->send($fd, "S$i\n");
        }
        if (!$ok) {
            echo "T task $i: sendMessage() or send() failed\n";
        }
        return result_of($i);
    });
    $s->on('PipeMessage', function ($s, $src, $data) {
        if (is_array($data)) {
            [$i, $k] = [$data['i'] ?? -1, $data['k'] ?? -1];
        } elseif (preg_match('/^<(\d+)\.(\d+)>/', $data, $m)) {
            [$i, $k] = [(int) $m[1], (int) $m[2]];
        } else {
            [$i, $k] = [-1, -1];
        }
        $GLOBALS['events'][] = $src === 1 && $i >= 0 && $data === msg_of($i, $k) ? "P$i.$k" : "P?bad($src)";
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        if (isset($GLOBALS['done'][$task_id])) {
            echo "F extra result for task $task_id\n";
        }
        $GLOBALS['done'][$task_id] = true;
        $GLOBALS['events'][] = $data === result_of($task_id) ? "F$task_id" : "F?bad($task_id)";
        if ($task_id % 10 === 0) {
            $s->send($GLOBALS['fd'], "F$task_id\n");
        }
        if ($task_id === M - 1) {
            $want = [];
            for ($i = 0; $i < M; $i++) {
                array_push($want, "P$i.0", "P$i.1");
                if ($i % 3 === 0) {
                    $want[] = "P$i.2";
                }
                $want[] = "F$i";
            }
            $got = $GLOBALS['events'];
            $at = 0;
            while ($at < count($want) && ($got[$at] ?? null) === $want[$at]) {
                $at++;
            }
            $s->send($GLOBALS['fd'], "events in the worker: " . count($got) . " (expected " . count($want) . ")\n"
                . "in order: " . var_export($got === $want, true) . "\n"
                . ($got === $want ? '' : "first difference at $at: got " . json_encode(array_slice($got, $at, 4))
                    . ", expected " . json_encode(array_slice($want, $at, 4)) . "\n")
                . "task worker blocked while the worker was busy: " . var_export($GLOBALS['started'] < M, true) . "\n"
                . "end\n");
        }
    });
    $s->start();
PHP)));
// After the group is killed (shutdown functions run in order: the helper's kill is first).
register_shutdown_function(fn() => @unlink($progress));
$c = $srv->connect();
fwrite($c, 'go');
$reply = tasksrv_recv_until($c, "end\n", 10 * tasksrv_test_slowdown());
if (!str_ends_with($reply, "end\n")) {
    echo "no end of the reply: ", strlen($reply), " bytes came\n";
}
// What the client got: forwarded send()s of the task worker and onFinish's sends, interleaved.
$lines = explode("\n", $reply);
$client = array_values(array_filter($lines, fn($l) => preg_match('/^[SF]\d+$/', $l)));
$want = [];
for ($i = 0; $i < 600; $i += 10) {
    array_push($want, "S$i", "F$i");
}
echo "client got send() before onFinish's send, in task order: ", var_export($client === $want, true), "\n";
if ($client !== $want) {
    echo "client got: ", implode(' ', $client), "\n";
}
foreach ($lines as $l) {
    if (!preg_match('/^[SF]\d+$/', $l) && $l !== '' && $l !== 'end') {
        echo $l, "\n";
    }
}
$srv->waitOutput('F extra', 1, 0.2);
echo "exit: ", $srv->stop(), "\n";
$out = $srv->output();
tasksrv_print_lines($out, 'T ');
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
client got send() before onFinish's send, in task order: true
events in the worker: 2000 (expected 2000)
in order: true
task worker blocked while the worker was busy: true
exit: 0
