--TEST--
Huge payloads (2-32 MiB) received into kept strings: results the caller still holds, or holds in an array, or changes in place, are never overwritten by later payloads; payloads an onTask keeps stay intact; sizes that shrink and grow and one above the pool's limit (40 MiB) all arrive byte for byte; memory does not grow from round to round
--EXTENSIONS--
tasksrv
--INI--
memory_limit=512M
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1]);
    // Each payload's bytes say which round it is: a reused block that still held
    // another round's bytes, or one overwritten while a caller held it, shows.
    function blob(int $round, int $len): string {
        return str_repeat(pack('N', $round * 7919), intdiv($len, 4));
    }
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $mb = 1 << 20;
        $sizes = [4 * $mb, 4 * $mb, 3 * $mb, 6 * $mb, 4 * $mb, 16 * $mb, 9 * $mb, 40 * $mb, 2 * $mb, 4 * $mb];
        $held = [];
        $bad = [];
        $r = null;
        foreach ($sizes as $i => $len) {
            $prev = $r;
            $r = $s->taskwait([$i, $len], 10);
            if ($r !== blob($i, $len)) {
                $bad[] = "round $i: result wrong";
            }
            // The previous result is still held here: a later payload must not land in it.
            if ($prev !== null && $prev !== ($i === 5 ? $changed : blob($i - 1, $sizes[$i - 1]))) {
                $bad[] = "round $i: the held previous result changed";
            }
            if ($i % 3 === 0) {
                $held[$i] = $r;
            }
            if ($i === 4) {
                // Changed in place by its caller while the pool also references it.
                $r[0] = 'Z';
                $r .= 'tail';
                $changed = $r;
            }
        }
        foreach ($held as $i => $h) {
            if ($h !== blob($i, $sizes[$i])) {
                $bad[] = "held result of round $i changed";
            }
        }
        if ($changed !== 'Z' . substr(blob(4, $sizes[4]), 1) . 'tail') {
            $bad[] = "the result changed in place is wrong";
        }
        // Memory: the same size again and again does not grow the worker.
        $r = $prev = $held = $changed = null;
        $m0 = 0;
        for ($i = 0; $i < 12; $i++) {
            $r = $s->taskwait([100 + $i, 8 * $mb], 10);
            if ($r !== blob(100 + $i, 8 * $mb)) {
                $bad[] = "repeat $i wrong";
            }
            if ($i === 3) {
                $m0 = memory_get_usage(true);
            }
        }
        $grew = memory_get_usage(true) - $m0;
        // Huge task payloads: the task worker receives into kept strings too.
        for ($i = 0; $i < 6; $i++) {
            if ($s->taskwait(blob(200 + $i, 4 * $mb), 10) !== 'got ' . (4 * $mb)) {
                $bad[] = "payload $i: wrong answer";
            }
        }
        $s->send($fd, json_encode($bad) . "\ngrowth after 8 more rounds of 8 MiB: " . ($grew <= 0 ? 'none' : "$grew bytes") . "\n"
            . "task worker kept payloads: " . $s->taskwait('check', 10) . "\nend\n");
    });
    $s->on('Task', function ($s, $id, $src, $data) {
        static $kept = [];
        if ($data === 'check') {
            $ok = 0;
            foreach ($kept as [$i, $payload]) {
                $ok += $payload === blob($i, strlen($payload) - strlen($payload) % 4) ? 1 : 0;
            }
            return "$ok of " . count($kept) . " intact";
        }
        if (is_string($data)) {
            // Every other payload is kept by onTask: later ones must not land in it.
            static $n = 0;
            if ($n++ % 2 === 0) {
                $kept[] = [unpack('N', $data)[1] / 7919, $data];
            }
            return 'got ' . strlen($data);
        }
        [$i, $len] = $data;
        $out = blob($i, $len);
        if ($i % 4 === 1) {
            // onTask keeps the string it made: the next payloads must not land in it.
            $kept[] = [$i, $out];
        }
        return $out;
    });
    $s->start();
PHP);
echo tasksrv_request($srv->connect(), 'go', "end\n", 30 * tasksrv_test_slowdown());
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
[]
growth after 8 more rounds of 8 MiB: none
task worker kept payloads: 9 of 9 intact
exit: 0
