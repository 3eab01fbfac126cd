--TEST--
task()/taskwait() with $dst_worker_id out of range: ValueError, nothing is sent, no task id is used
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
        $out = '';
        foreach (['task 2' => fn() => $s->task('x', 2), 'task 99' => fn() => $s->task('x', 99),
                'task PHP_INT_MAX' => fn() => $s->task('x', PHP_INT_MAX),
                'task with callback' => fn() => $s->task('x', 2, fn() => 1),
                'taskwait 2' => fn() => $s->taskwait('x', 0.1, 2)] as $what => $call) {
            try {
                $out .= "$what: returned " . var_export($call(), true) . "\n";
            } catch (Throwable $e) {
                $out .= "$what: " . $e::class . ': ' . $e->getMessage() . "\n";
            }
        }
        $out .= "then task('next', 1) returned " . var_export($s->task('next', 1), true) . "\n";
        $s->send($fd, $out);
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        echo "T id=$task_id data=$data\n";
        return $data;
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        $s->send($GLOBALS['fd'], "onFinish id=$task_id data=$data\n");
    });
    $s->start();
PHP);
echo tasksrv_request($srv->connect(), 'go', "onFinish id=0 data=next\n");
echo $srv->output();
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
task 2: ValueError: TaskSrv\Server::task(): Argument #2 ($dst_worker_id) must be -1 (any task worker) or between 0 and 1
task 99: ValueError: TaskSrv\Server::task(): Argument #2 ($dst_worker_id) must be -1 (any task worker) or between 0 and 1
task PHP_INT_MAX: ValueError: TaskSrv\Server::task(): Argument #2 ($dst_worker_id) must be -1 (any task worker) or between 0 and 1
task with callback: ValueError: TaskSrv\Server::task(): Argument #2 ($dst_worker_id) must be -1 (any task worker) or between 0 and 1
taskwait 2: ValueError: TaskSrv\Server::taskwait(): Argument #3 ($dst_worker_id) must be -1 (any task worker) or between 0 and 1
then task('next', 1) returned 0
T id=0 data=next
exit: 0
