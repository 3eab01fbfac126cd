--TEST--
finish() twice and a return value: three results for the same task, delivered to onFinish in that order
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 2]);
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $s->task('first');
        $s->task('second');
    });
    $s->on('Task', function ($s, $task_id, $src_worker_id, $data) {
        $a = $s->finish("$data: finish 1");
        $b = $s->finish("$data: finish 2");
        echo "T $data: finish() returned " . var_export($a, true) . ', ' . var_export($b, true) . "\n";
        return "$data: return";
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        $s->send($GLOBALS['fd'], "id=$task_id $data\n");
    });
    $s->start();
PHP);
$c = $srv->connect();
fwrite($c, 'go');
$got = '';
$deadline = microtime(true) + 10;
while (substr_count($got, "\n") < 6 && microtime(true) < $deadline) {
    $got .= tasksrv_recv_until($c, "\n", 1);
}
// The two tasks run in different task workers: keep each task's results in arrival order.
$lines = explode("\n", trim($got));
usort($lines, fn($a, $b) => strcmp(substr($a, 0, 4), substr($b, 0, 4)));
echo implode("\n", $lines), "\n";
tasksrv_print_lines($srv->output(), 'T ');
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
id=0 first: finish 1
id=0 first: finish 2
id=0 first: return
id=1 second: finish 1
id=1 second: finish 2
id=1 second: return
T first: finish() returned true, true
T second: finish() returned true, true
exit: 0
