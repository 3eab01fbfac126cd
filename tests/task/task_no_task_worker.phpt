--TEST--
task()/taskwait()/taskWaitMulti() with task_worker_num 0: warning "task method can't be executed without task worker" and false (one process and several workers)
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
foreach ([1, 2] as $workers) {
    $srv = tasksrv_server(<<<PHP
        \$s = new TaskSrv\Server('127.0.0.1', PORT);
        \$s->set(['worker_num' => $workers, 'task_worker_num' => 0]);
        \$s->on('Receive', function (\$s, \$fd, \$rid, \$data) {
            \$out = '';
            set_error_handler(function (\$no, \$str) use (&\$out) { \$out .= "Warning: \$str\\n"; return true; });
            foreach (['task' => fn() => \$s->task('x'), 'task to 0' => fn() => \$s->task('x', 0),
                    'taskwait' => fn() => \$s->taskwait('x'), 'taskWaitMulti' => fn() => \$s->taskWaitMulti(['x']),
                    'finish' => fn() => \$s->finish('x')] as \$what => \$call) {
                \$out .= "\$what: " . var_export(\$call(), true) . "\\n";
            }
            restore_error_handler();
            \$s->send(\$fd, \$out . "end\\n");
        });
        // onTask without task workers is never called, and not required.
        \$s->start();
    PHP);
    echo "worker_num $workers:\n";
    echo tasksrv_request($srv->connect(), 'go', "end\n");
    echo "exit: ", $srv->stop(), "\n";
}
?>
--EXPECT--
worker_num 1:
Warning: TaskSrv\Server::task(): task method can't be executed without task worker
task: false
Warning: TaskSrv\Server::task(): task method can't be executed without task worker
task to 0: false
Warning: TaskSrv\Server::taskwait(): task method can't be executed without task worker
taskwait: false
Warning: TaskSrv\Server::taskWaitMulti(): task method can't be executed without task worker
taskWaitMulti: false
Warning: TaskSrv\Server::finish(): finish() can only be used in a task worker, inside onTask
finish: false
exit: 0
worker_num 2:
Warning: TaskSrv\Server::task(): task method can't be executed without task worker
task: false
Warning: TaskSrv\Server::task(): task method can't be executed without task worker
task to 0: false
Warning: TaskSrv\Server::taskwait(): task method can't be executed without task worker
taskwait: false
Warning: TaskSrv\Server::taskWaitMulti(): task method can't be executed without task worker
taskWaitMulti: false
Warning: TaskSrv\Server::finish(): finish() can only be used in a task worker, inside onTask
finish: false
exit: 0
