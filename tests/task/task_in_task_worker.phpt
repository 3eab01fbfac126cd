--TEST--
task(), taskwait() and taskWaitMulti() inside a task worker (onTask, onWorkerStart): warning and false, nothing is sent; the task itself still finishes
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    function calls($s): string
    {
        $out = '';
        set_error_handler(function ($no, $str) use (&$out) { $out .= "  Warning: $str\n"; return true; });
        foreach (['task' => fn() => $s->task('inner'), 'task to 0' => fn() => $s->task('inner', 0),
                'task with callback' => fn() => $s->task('inner', -1, fn() => 1),
                'taskwait' => fn() => $s->taskwait('inner', 0.1), 'taskWaitMulti' => fn() => $s->taskWaitMulti(['inner'], 0.1)]
                as $what => $call) {
            $out .= "  $what: " . var_export($call(), true) . "\n";
        }
        restore_error_handler();
        return $out;
    }
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1]);
    $s->on('WorkerStart', function ($s, $id) {
        if ($s->taskworker) {
            echo "onWorkerStart of the task worker:\n" . calls($s);
        }
    });
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $s->task('outer');
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        echo "onTask($data):\n" . calls($s);
        return "$data done";
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        $s->send($GLOBALS['fd'], "onFinish id=$task_id data=$data\n");
    });
    $s->start();
PHP);
echo tasksrv_request($srv->connect(), 'go'), "\n";
// Only 'outer' ever ran.
echo $srv->output();
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
onFinish id=0 data=outer done
onWorkerStart of the task worker:
  Warning: TaskSrv\Server::task(): Server->task() cannot use in the task-worker
  task: false
  Warning: TaskSrv\Server::task(): Server->task() cannot use in the task-worker
  task to 0: false
  Warning: TaskSrv\Server::task(): Server->task() cannot use in the task-worker
  task with callback: false
  Warning: TaskSrv\Server::taskwait(): taskwait method can only be used in the worker process
  taskwait: false
  Warning: TaskSrv\Server::taskWaitMulti(): taskWaitMulti method can only be used in the worker process
  taskWaitMulti: false
onTask(outer):
  Warning: TaskSrv\Server::task(): Server->task() cannot use in the task-worker
  task: false
  Warning: TaskSrv\Server::task(): Server->task() cannot use in the task-worker
  task to 0: false
  Warning: TaskSrv\Server::task(): Server->task() cannot use in the task-worker
  task with callback: false
  Warning: TaskSrv\Server::taskwait(): taskwait method can only be used in the worker process
  taskwait: false
  Warning: TaskSrv\Server::taskWaitMulti(): taskWaitMulti method can only be used in the worker process
  taskWaitMulti: false
exit: 0
