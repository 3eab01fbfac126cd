--TEST--
TaskSrv\Server\Task: Swoole\Server\Task is the same class; finish() on an instance made with new throws Error "Invalid instance"; it cannot be serialized or cloned
--EXTENSIONS--
tasksrv
--FILE--
<?php
var_dump((new ReflectionClass('Swoole\Server\Task'))->getName());
var_dump(new Swoole\Server\Task instanceof TaskSrv\Server\Task);
var_dump((new ReflectionClass(TaskSrv\Server\Task::class))->isFinal());
$t = new Swoole\Server\Task;
var_dump($t->id, $t->worker_id, $t->flags, $t->data, $t->dispatch_time);
foreach ([
    'Swoole\Server\Task::finish' => fn() => (new Swoole\Server\Task)->finish(1),
    'TaskSrv\Server\Task::finish' => fn() => $t->finish('x'),
    'serialize' => fn() => serialize($t),
    'clone' => fn() => clone $t,
] as $what => $call) {
    try {
        var_dump($call());
    } catch (Throwable $e) {
        echo "$what: ", $e::class, ': ', $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
string(19) "TaskSrv\Server\Task"
bool(true)
bool(true)
int(-1)
int(-1)
int(0)
NULL
float(0)
Swoole\Server\Task::finish: Error: Invalid instance of TaskSrv\Server\Task
TaskSrv\Server\Task::finish: Error: Invalid instance of TaskSrv\Server\Task
serialize: Exception: Serialization of 'TaskSrv\Server\Task' is not allowed
clone: Error: Trying to clone an uncloneable object of class TaskSrv\Server\Task
