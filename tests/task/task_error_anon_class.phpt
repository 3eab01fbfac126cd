--TEST--
task() with an object serialize() refuses (anonymous class, the server itself, a throwing __serialize): TaskSrv\SerializationException with the serializer's reason as message and previous
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    class Refuses { public function __serialize(): array { throw new RuntimeException('not today'); } }
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1]);
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $cases = [
            'anonymous class' => fn() => $s->task(new class {}),
            'anonymous class nested' => fn() => $s->task(['x' => [new class {}]]),
            'the server' => fn() => $s->task(['srv' => $s]),
            'throwing __serialize' => fn() => $s->task(new Refuses()),
            'taskwait anonymous class' => fn() => $s->taskwait(new class {}),
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
R anonymous class: TaskSrv\SerializationException: task(): the data cannot be sent to another process: Serialization of 'class@anonymous' is not allowed (previous: Exception: Serialization of 'class@anonymous' is not allowed)
R anonymous class nested: TaskSrv\SerializationException: task(): the data cannot be sent to another process: Serialization of 'class@anonymous' is not allowed (previous: Exception: Serialization of 'class@anonymous' is not allowed)
R the server: TaskSrv\SerializationException: task(): the data cannot be sent to another process: Serialization of 'TaskSrv\Server' is not allowed (previous: Exception: Serialization of 'TaskSrv\Server' is not allowed)
R throwing __serialize: TaskSrv\SerializationException: task(): the data cannot be sent to another process: not today (previous: RuntimeException: not today)
R taskwait anonymous class: TaskSrv\SerializationException: taskwait(): the data cannot be sent to another process: Serialization of 'class@anonymous' is not allowed (previous: Exception: Serialization of 'class@anonymous' is not allowed)
R then task('next') returned 0
T id=0 data='next'
F id=0 data=next done
exit: 0
