--TEST--
IPC: large tasks and large results in flight both ways at once (a task worker blocked writing a result while the worker is still writing tasks to it) neither deadlock nor lose or mix up frames
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    const N = 12;
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 2]);
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        // 12 tasks of 2..4 MiB queued at once; each result is as big, so the task workers
        // write results while the worker still has task bytes to write to them.
        for ($i = 0; $i < N; $i++) {
            $blob = str_repeat(chr(65 + $i), (2 << 20) + $i * 170000);
            $GLOBALS['want'][$i] = md5($blob . $i);
            $s->task([$i, $blob], $i % 2);
        }
        // A taskwait in the middle of it all: its result must be found among the others'.
        $big = str_repeat('w', 3 << 20);
        $r = $s->taskwait(['w', $big], 10, 0);
        $GLOBALS['waited'] = is_array($r) && $r[0] === 'w' && $r[1] === strrev($big) ? 'intact' : 'WRONG';
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        [$i, $blob] = $data;
        return [$i, strrev($blob), $task_id];
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        [$i, $blob, $id] = $data;
        $ok = $id === $task_id && md5(strrev($blob) . $i) === $GLOBALS['want'][$i];
        $GLOBALS['got'][$i] = $ok ? 'intact' : 'WRONG';
        if (count($GLOBALS['got']) === N) {
            ksort($GLOBALS['got']);
            $s->send($GLOBALS['fd'], "taskwait: {$GLOBALS['waited']}\n" . json_encode($GLOBALS['got']) . "\nend\n");
        }
    });
    $s->start();
PHP);
// About 100 MiB of copies: a second here; a deadlock (even one a timeout breaks) shows as no reply.
echo tasksrv_request($srv->connect(), 'go', "end\n", 15 * tasksrv_test_slowdown());
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
taskwait: intact
["intact","intact","intact","intact","intact","intact","intact","intact","intact","intact","intact","intact"]
exit: 0
