--TEST--
taskwait(), taskWaitMulti() and taskCo() anywhere but an event worker (a task worker, the manager) warn "... method can only be used in the worker process" and return false, with no task sent
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    set_error_handler(function ($no, $str) { echo "Warning: $str\n"; return true; });
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 2]);
    function waits($s): string {
        ob_start();
        foreach (['taskwait' => fn() => $s->taskwait('x', 0.2), 'taskWaitMulti' => fn() => $s->taskWaitMulti(['x'], 0.2),
                  'taskCo' => fn() => $s->taskCo(['x'], 0.2)] as $m => $call) {
            $r = $call();
            echo "$m: " . var_export($r, true) . "\n";
        }
        return ob_get_clean();
    }
    $s->on('ManagerStart', function ($s) {
        echo "manager:\n" . waits($s);
    });
    $s->on('Receive', function ($s, $fd, $rid, $cmd) {
        $GLOBALS['fd'] = $fd;
        $s->task('go');
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        if ($data === 'go') {
            return "task worker:\n" . waits($s);
        }
        echo "T a task was sent: $data\n";
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        $s->send($GLOBALS['fd'], "$data.\n");
    });
    $s->start();
PHP);
$c = $srv->connect();
echo tasksrv_request($c, "go\n", "\n.\n"), "\n";
echo "exit: ", $srv->stop(), "\n";
echo $srv->output();
?>
--EXPECT--
task worker:
Warning: TaskSrv\Server::taskwait(): taskwait method can only be used in the worker process
taskwait: false
Warning: TaskSrv\Server::taskWaitMulti(): taskWaitMulti method can only be used in the worker process
taskWaitMulti: false
Warning: TaskSrv\Server::taskCo(): taskCo method can only be used in the worker process
taskCo: false
exit: 0
manager:
Warning: TaskSrv\Server::taskwait(): taskwait method can only be used in the worker process
taskwait: false
Warning: TaskSrv\Server::taskWaitMulti(): taskWaitMulti method can only be used in the worker process
taskWaitMulti: false
Warning: TaskSrv\Server::taskCo(): taskCo method can only be used in the worker process
taskCo: false
