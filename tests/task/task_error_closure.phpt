--TEST--
task()/taskwait() with a Closure (top level or nested): TaskSrv\SerializationException naming the place, nothing is sent, no task id is used, the server keeps serving
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    // A static closure: one bound to $this would make a cycle that PHP, run with
    // USE_ZEND_ALLOC=0 (scripts/valgrind-tests), reports as lost at exit.
    class Holder { public $cb; public function __construct() { $this->cb = static function () {}; } }
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1]);
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $cases = [
            'closure' => fn() => $s->task(function () {}),
            'arrow fn' => fn() => $s->task(fn() => 1),
            'first-class callable' => fn() => $s->task(strlen(...)),
            'nested' => fn() => $s->task(['a' => 1, 'cb' => fn() => 1]),
            'deep' => fn() => $s->task([1, [2, 'x' => ['y' => [3, function () {}]]]]),
            'in an object' => fn() => $s->task(new Holder()),
            'with a callback' => fn() => $s->task(['cb' => fn() => 1], -1, function () {}),
            'taskwait' => fn() => $s->taskwait(['k' => ['cb' => fn() => 1]], 0.5),
        ];
        foreach ($cases as $what => $call) {
            try {
                echo "R $what: returned " . var_export($call(), true) . "\n";
            } catch (Throwable $e) {
                $prev = $e->getPrevious();
                echo "R $what: " . $e::class . ': ' . $e->getMessage()
                    . ($prev ? ' (previous: ' . $prev::class . ': ' . $prev->getMessage() . ')' : '') . "\n";
            }
        }
        echo "R then task('next') returned " . var_export($s->task('next'), true) . "\n";
        echo "R then taskwait('wait') returned " . var_export($s->taskwait('wait', 5), true) . "\n";
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        echo "T id=$task_id data=" . var_export($data, true) . "\n";
        return "$data done";
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        echo "F id=$task_id data=$data task_count=" . $s->stats()['task_count'] . "\n";
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
R closure: TaskSrv\SerializationException: task(): the data cannot be sent to another process: a Closure at $data
R arrow fn: TaskSrv\SerializationException: task(): the data cannot be sent to another process: a Closure at $data
R first-class callable: TaskSrv\SerializationException: task(): the data cannot be sent to another process: a Closure at $data
R nested: TaskSrv\SerializationException: task(): the data cannot be sent to another process: a Closure at $data['cb']
R deep: TaskSrv\SerializationException: task(): the data cannot be sent to another process: a Closure at $data[1]['x']['y'][1]
R in an object: TaskSrv\SerializationException: task(): the data cannot be sent to another process: Serialization of 'Closure' is not allowed (previous: Exception: Serialization of 'Closure' is not allowed)
R with a callback: TaskSrv\SerializationException: task(): the data cannot be sent to another process: a Closure at $data['cb']
R taskwait: TaskSrv\SerializationException: taskwait(): the data cannot be sent to another process: a Closure at $data['k']['cb']
R then task('next') returned 0
R then taskwait('wait') returned 'wait done'
T id=0 data='next'
T id=1 data='wait'
F id=0 data=next done task_count=2
exit: 0
