--TEST--
taskWaitMulti(): results keyed by the input's keys (string and int), a timed-out entry is absent and its late result never reaches onFinish; [] gives false; 1024 entries warn "too many concurrent tasks" and give false
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task_timing.inc';
$srv = tasksrv_server(tasksrv_timed(<<<'PHP'
    set_error_handler(function ($no, $str) { echo "Warning: $str\n"; return true; });
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 3]);
    $s->on('Receive', function ($s, $fd, $rid, $cmd) {
        switch (trim($cmd)) {
            case 'keys':
                // The slow entry goes last, so no other entry queues behind it.
                $in = ['a' => 'x', 5 => 'y', 'b' => ['z' => 1], 0 => 0, '7' => 'seven', 'slow' => 'sleep'];
                $t = microtime(true);
                $r = $s->taskWaitMulti($in, 0.3 * SLOWDOWN);
                $took = microtime(true) - $t;
                ksort($r, SORT_STRING);
                $out = 'result: ' . json_encode($r) . ' count=' . count($r)
                    . ' keys=' . json_encode(array_map('gettype', array_keys($r)))
                    . ' slow present: ' . var_export(array_key_exists('slow', $r), true)
                    . ' waited the timeout: ' . var_export($took >= 0.29 * SLOWDOWN && $took < 0.7 * SLOWDOWN, true);
                break;
            case 'empty':
                $out = 'empty: ' . var_export($s->taskWaitMulti([]), true);
                break;
            case 'check':
                $out = 'onFinish calls: ' . ($GLOBALS['finished'] ?? 0);
                break;
            case '1024':
                ob_start();
                $r = $s->taskWaitMulti(array_fill(0, 1024, 'n'), 10);
                $out = '1024: ' . trim(ob_get_clean()) . ' -> ' . var_export($r, true);
                break;
        }
        $s->send($fd, "$out\n");
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        if ($data === 'sleep') {
            usleep((int) (800000 * SLOWDOWN));
            echo "T the slow task is done\n";
        }
        return $data === 'n' ? ['n'] : $data;
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        $GLOBALS['finished'] = ($GLOBALS['finished'] ?? 0) + 1;
    });
    $s->start();
PHP));
$c = $srv->connect();
foreach (['keys', 'empty', '1024'] as $cmd) {
    echo tasksrv_request($c, "$cmd\n"), "\n";
}
// The late result of the slow entry reaches the worker between requests: dropped, not given to onFinish.
$srv->waitOutput('T the slow task is done');
usleep(50000);
echo tasksrv_request($c, "check\n"), "\n";
echo "exit: ", $srv->stop(), "\n";
echo $srv->output();
?>
--EXPECT--
result: {"0":0,"5":"y","7":"seven","a":"x","b":{"z":1}} count=5 keys=["integer","integer","integer","string","string"] slow present: false waited the timeout: true
empty: false
1024: Warning: TaskSrv\Server::taskWaitMulti(): too many concurrent tasks -> false
onFinish calls: 0
exit: 0
T the slow task is done
