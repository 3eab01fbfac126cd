--TEST--
taskCo(): a concurrent wait without coroutines; every input key is in the result, in input order, and an entry that timed out is false (its late result never reaches onFinish); [] gives false
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
            case 'co':
                // The slow entry goes last, so no other entry queues behind it.
                $in = ['b' => 'x', 9 => ['y'], 'a' => 'z', 1 => 42, 'slow' => 'sleep'];
                $t = microtime(true);
                $r = $s->taskCo($in, 0.3 * SLOWDOWN);
                $took = microtime(true) - $t;
                ob_start();
                var_dump($r);
                $out = ob_get_clean() . 'waited the timeout: ' . var_export($took >= 0.29 * SLOWDOWN && $took < 0.7 * SLOWDOWN, true);
                break;
            case 'empty':
                $out = 'empty: ' . var_export($s->taskCo([]), true);
                break;
            case 'check':
                $out = 'onFinish calls: ' . ($GLOBALS['finished'] ?? 0);
                break;
            case '1024':
                ob_start();
                $r = $s->taskCo(array_fill(0, 1024, 'n'), 10);
                $out = '1024: ' . trim(ob_get_clean()) . ' -> ' . var_export($r, true);
                break;
        }
        $s->send($fd, "$out\n.\n");
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        if ($data === 'sleep') {
            usleep((int) (800000 * SLOWDOWN));
            echo "T the slow task is done\n";
        }
        return is_string($data) ? "r:$data" : $data;
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        $GLOBALS['finished'] = ($GLOBALS['finished'] ?? 0) + 1;
    });
    $s->start();
PHP));
$c = $srv->connect();
foreach (['co', 'empty', '1024'] as $cmd) {
    echo tasksrv_request($c, "$cmd\n", "\n.\n"), "\n";
}
// The late result of the slow entry reaches the worker between requests: dropped, not given to onFinish.
$srv->waitOutput('T the slow task is done');
usleep(50000);
echo tasksrv_request($c, "check\n", "\n.\n"), "\n";
echo "exit: ", $srv->stop(), "\n";
echo $srv->output();
?>
--EXPECT--
array(5) {
  ["b"]=>
  string(3) "r:x"
  [9]=>
  array(1) {
    [0]=>
    string(1) "y"
  }
  ["a"]=>
  string(3) "r:z"
  [1]=>
  int(42)
  ["slow"]=>
  bool(false)
}
waited the timeout: true
empty: false
1024: Warning: TaskSrv\Server::taskCo(): too many concurrent tasks -> false
onFinish calls: 0
exit: 0
T the slow task is done
