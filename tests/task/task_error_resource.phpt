--TEST--
task()/taskwait() with a resource (top level or nested, open or closed): TaskSrv\SerializationException, nothing is sent, no task id is used
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1]);
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $closed = fopen('php://memory', 'r');
        fclose($closed);
        $cases = [
            'STDIN' => fn() => $s->task(STDIN),
            'php://memory' => fn() => $s->task(fopen('php://memory', 'r')),
            'closed' => fn() => $s->task($closed),
            'nested' => fn() => $s->task(['log' => ['fh' => STDERR]]),
            'by reference' => function () use ($s) { $fh = STDOUT; $a = ['r' => &$fh]; return $s->task($a); },
            'taskwait' => fn() => $s->taskwait([0, STDIN]),
        ];
        foreach ($cases as $what => $call) {
            try {
                echo "R $what: returned " . var_export($call(), true) . "\n";
            } catch (Throwable $e) {
                echo "R $what: " . $e::class . ': ' . $e->getMessage() . "\n";
            }
        }
        echo "R then task('next') returned " . var_export($s->task('next'), true) . "\n";
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        echo "T id=$task_id data=" . var_export($data, true) . "\n";
        return "$data done";
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        echo "F id=$task_id data=$data\n";
        $s->send($GLOBALS['fd'], "finished\n");
    });
    $s->start();
PHP);
$c = $srv->connect();
echo tasksrv_request($c, 'go'), "\n";
$out = $srv->output();
tasksrv_print_lines($out, 'R ', false);
tasksrv_print_lines($out, 'T ', false);
tasksrv_print_lines($out, 'F ', false);
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
finished
R STDIN: TaskSrv\SerializationException: task(): the data cannot be sent to another process: a resource at $data
R php://memory: TaskSrv\SerializationException: task(): the data cannot be sent to another process: a resource at $data
R closed: TaskSrv\SerializationException: task(): the data cannot be sent to another process: a resource at $data
R nested: TaskSrv\SerializationException: task(): the data cannot be sent to another process: a resource at $data['log']['fh']
R by reference: TaskSrv\SerializationException: task(): the data cannot be sent to another process: a resource at $data['r']
R taskwait: TaskSrv\SerializationException: taskwait(): the data cannot be sent to another process: a resource at $data[1]
R then task('next') returned 0
T id=0 data='next'
F id=0 data=next done
exit: 0
