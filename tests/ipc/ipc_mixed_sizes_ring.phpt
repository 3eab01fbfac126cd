--TEST--
IPC: frames of mixed sizes around the receive ring's limits (small, just under and over half the ring, over the whole ring), pipelined and by taskwait, arrive whole and in order: the header-first read after a big frame and the ring's copy path hand every byte to the right task
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    // Sizes straddle TASKSRV_RING_BIG (32 KiB) and TASKSRV_RING_CAP (64 KiB), with the
    // 32-byte frame header counted: each change of size flips the reader between paths.
    const SIZES = [1, 32767, 32768, 65, 65504, 65505, 70000, 0, 40000, 8192, 131072, 3];
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1]);
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $GLOBALS['n'] = 0;
        $GLOBALS['bad'] = [];
        // 10 rounds of every size in flight at once, then the same by taskwait.
        for ($round = 0; $round < 10; $round++) {
            foreach (SIZES as $k => $n) {
                $s->task(str_repeat(chr(97 + ($k + $round) % 26), $n));
            }
        }
        $waits = [];
        foreach (SIZES as $k => $n) {
            $want = str_repeat(chr(65 + $k), $n);
            $waits[] = $s->taskwait($want, 5) === strrev($want) . "!" ? 'ok' : "WRONG $n";
        }
        $GLOBALS['waits'] = implode(' ', array_unique($waits));
    });
    $s->on('Task', fn($s, $id, $src, $data) => strrev($data) . '!');
    $s->on('Finish', function ($s, $id, $data) {
        // Task ids start at 0 and run in order: the id says which size and letter it had.
        $k = $id % count(SIZES);
        $round = intdiv($id, count(SIZES));
        $want = str_repeat(chr(97 + ($k + $round) % 26), SIZES[$k]) . '!';
        if ($data !== $want) {
            $GLOBALS['bad'][] = $id;
        }
        if (++$GLOBALS['n'] === 10 * count(SIZES)) {
            $s->send($GLOBALS['fd'], "async: {$GLOBALS['n']} results, wrong: " . json_encode($GLOBALS['bad'])
                . "\ntaskwait: {$GLOBALS['waits']}\nend\n");
        }
    });
    $s->start();
PHP);
echo tasksrv_request($srv->connect(), 'go', "end\n", 10 * tasksrv_test_slowdown());
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
async: 120 results, wrong: []
taskwait: ok
exit: 0
