--TEST--
task_use_object, task_object and task_enable_coroutine: onTask(Server, Server\Task) with id, worker_id (the sender), flags, data and dispatch_time; $task->finish() delivers; $server->finish() too with task_use_object, an Error with task_enable_coroutine
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task_timing.inc';
foreach (['task_use_object', 'task_object', 'task_enable_coroutine'] as $option) {
    echo "== $option\n";
    $srv = tasksrv_server(tasksrv_timed(str_replace('OPTION', $option, <<<'PHP'
        $s = new TaskSrv\Server('127.0.0.1', PORT);
        // Tasks come from worker 1 (not 0): Task::$worker_id is the sender.
        $s->set(['worker_num' => 2, 'task_worker_num' => 1, 'OPTION' => true]);
        $s->on('Receive', function () {});
        $s->on('WorkerStart', function ($s, $worker_id) {
            if ($worker_id !== 1) {
                return;
            }
            $s->task('plain');
            $s->task(['array' => 1]);
            $s->task('callback', -1, function ($s, $id, $data) { echo "F callback id=$id " . json_encode($data) . "\n"; });
            echo "F taskwait " . json_encode($s->taskwait('wait', 5)) . "\n";
            echo "F taskWaitMulti " . json_encode($s->taskWaitMulti(['multi'], 5)) . "\n";
            $s->task('last');
        });
        $s->on('Task', function (TaskSrv\Server $s, Swoole\Server\Task $task) {
            // One echo per line: lines of concurrent processes do not interleave.
            $now = microtime(true);
            echo "T argc=" . func_num_args() . " class=" . $task::class . " id=$task->id worker_id=$task->worker_id"
                . " flags=$task->flags data=" . json_encode($task->data) . " dispatch_time: " . get_debug_type($task->dispatch_time)
                . ($task->dispatch_time <= $now && $task->dispatch_time > $now - 1 * SLOWDOWN ? ', just before now' : ", WRONG ($task->dispatch_time vs $now)") . "\n";
            $name = is_array($task->data) ? 'array' : $task->data;
            echo "T task->finish: " . var_export($task->finish("task->finish($name)"), true) . "\n";
            try {
                echo "T server->finish: " . var_export($s->finish("server->finish($name)"), true) . "\n";
            } catch (Throwable $e) {
                echo "T server->finish: " . $e::class . ': ' . $e->getMessage() . "\n";
            }
        });
        $s->on('Finish', function ($s, $id, $data) {
            echo "F onFinish id=$id " . json_encode($data) . "\n";
        });
        $s->start();
    PHP)));
    $srv->waitOutput('F onFinish id=5', $option === 'task_use_object' ? 2 : 1);
    $out = $srv->output();
    tasksrv_print_lines($out, 'T ', false);
    tasksrv_print_lines($out, 'F ', false);
    // As Swoole: a per-task callback takes one result; the second finish() finds none.
    echo "warnings \"require 'onFinish' callback\": ", substr_count($out, "require 'onFinish' callback"), "\n";
    echo "exit: ", $srv->stop(), "\n";
}
?>
--EXPECT--
== task_use_object
T argc=2 class=TaskSrv\Server\Task id=0 worker_id=1 flags=4 data="plain" dispatch_time: float, just before now
T task->finish: true
T server->finish: true
T argc=2 class=TaskSrv\Server\Task id=1 worker_id=1 flags=6 data={"array":1} dispatch_time: float, just before now
T task->finish: true
T server->finish: true
T argc=2 class=TaskSrv\Server\Task id=2 worker_id=1 flags=12 data="callback" dispatch_time: float, just before now
T task->finish: true
T server->finish: true
T argc=2 class=TaskSrv\Server\Task id=3 worker_id=1 flags=0 data="wait" dispatch_time: float, just before now
T task->finish: true
T server->finish: true
T argc=2 class=TaskSrv\Server\Task id=4 worker_id=1 flags=16 data="multi" dispatch_time: float, just before now
T task->finish: true
T server->finish: true
T argc=2 class=TaskSrv\Server\Task id=5 worker_id=1 flags=4 data="last" dispatch_time: float, just before now
T task->finish: true
T server->finish: true
F taskwait "task->finish(wait)"
F taskWaitMulti ["task->finish(multi)"]
F onFinish id=0 "task->finish(plain)"
F onFinish id=0 "server->finish(plain)"
F onFinish id=1 "task->finish(array)"
F onFinish id=1 "server->finish(array)"
F callback id=2 "task->finish(callback)"
F onFinish id=5 "task->finish(last)"
F onFinish id=5 "server->finish(last)"
warnings "require 'onFinish' callback": 1
exit: 0
== task_object
T argc=2 class=TaskSrv\Server\Task id=0 worker_id=1 flags=4 data="plain" dispatch_time: float, just before now
T task->finish: true
T server->finish: true
T argc=2 class=TaskSrv\Server\Task id=1 worker_id=1 flags=6 data={"array":1} dispatch_time: float, just before now
T task->finish: true
T server->finish: true
T argc=2 class=TaskSrv\Server\Task id=2 worker_id=1 flags=12 data="callback" dispatch_time: float, just before now
T task->finish: true
T server->finish: true
T argc=2 class=TaskSrv\Server\Task id=3 worker_id=1 flags=0 data="wait" dispatch_time: float, just before now
T task->finish: true
T server->finish: true
T argc=2 class=TaskSrv\Server\Task id=4 worker_id=1 flags=16 data="multi" dispatch_time: float, just before now
T task->finish: true
T server->finish: true
T argc=2 class=TaskSrv\Server\Task id=5 worker_id=1 flags=4 data="last" dispatch_time: float, just before now
T task->finish: true
T server->finish: true
F taskwait "task->finish(wait)"
F taskWaitMulti ["task->finish(multi)"]
F onFinish id=0 "task->finish(plain)"
F onFinish id=0 "server->finish(plain)"
F onFinish id=1 "task->finish(array)"
F onFinish id=1 "server->finish(array)"
F callback id=2 "task->finish(callback)"
F onFinish id=5 "task->finish(last)"
F onFinish id=5 "server->finish(last)"
warnings "require 'onFinish' callback": 1
exit: 0
== task_enable_coroutine
T argc=2 class=TaskSrv\Server\Task id=0 worker_id=1 flags=4 data="plain" dispatch_time: float, just before now
T task->finish: true
T server->finish: Error: please use TaskSrv\Server\Task->finish instead when task_enable_coroutine is enable
T argc=2 class=TaskSrv\Server\Task id=1 worker_id=1 flags=6 data={"array":1} dispatch_time: float, just before now
T task->finish: true
T server->finish: Error: please use TaskSrv\Server\Task->finish instead when task_enable_coroutine is enable
T argc=2 class=TaskSrv\Server\Task id=2 worker_id=1 flags=12 data="callback" dispatch_time: float, just before now
T task->finish: true
T server->finish: Error: please use TaskSrv\Server\Task->finish instead when task_enable_coroutine is enable
T argc=2 class=TaskSrv\Server\Task id=3 worker_id=1 flags=0 data="wait" dispatch_time: float, just before now
T task->finish: true
T server->finish: Error: please use TaskSrv\Server\Task->finish instead when task_enable_coroutine is enable
T argc=2 class=TaskSrv\Server\Task id=4 worker_id=1 flags=16 data="multi" dispatch_time: float, just before now
T task->finish: true
T server->finish: Error: please use TaskSrv\Server\Task->finish instead when task_enable_coroutine is enable
T argc=2 class=TaskSrv\Server\Task id=5 worker_id=1 flags=4 data="last" dispatch_time: float, just before now
T task->finish: true
T server->finish: Error: please use TaskSrv\Server\Task->finish instead when task_enable_coroutine is enable
F taskwait "task->finish(wait)"
F taskWaitMulti ["task->finish(multi)"]
F onFinish id=0 "task->finish(plain)"
F onFinish id=1 "task->finish(array)"
F callback id=2 "task->finish(callback)"
F onFinish id=5 "task->finish(last)"
warnings "require 'onFinish' callback": 0
exit: 0