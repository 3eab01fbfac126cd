--TEST--
task(), taskwait(), taskWaitMulti() and finish() before start() and after start() returned: warning "server is not running" and false
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
set_error_handler(function ($no, $str) { echo "Warning: $str\n"; return true; });

$s = new TaskSrv\Server('127.0.0.1', 0);
$s->set(['task_worker_num' => 2]);
$s->on('Receive', function () {});
$s->on('Task', function () {});
var_dump($s->task('x'));
var_dump($s->task('x', 1, function () {}));
var_dump($s->taskwait('x'));
var_dump($s->taskWaitMulti(['x']));
var_dump($s->finish('x'));
// Nothing checked the data: it is not sent anyway.
var_dump($s->task(function () {}));
restore_error_handler();

// After start() returned (SIGTERM), in the process that called start().
$srv = tasksrv_server(<<<'PHP'
    set_error_handler(function ($no, $str) { echo "Warning: $str\n"; return true; });
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1]);
    $s->on('Receive', function () {});
    $s->on('Task', function () {});
    var_dump($s->start());
    var_dump($s->task('x'));
    var_dump($s->taskwait('x'));
    var_dump($s->finish('x'));
PHP);
echo "exit: ", $srv->stop(), "\n";
echo $srv->output();
?>
--EXPECT--
Warning: TaskSrv\Server::task(): server is not running
bool(false)
Warning: TaskSrv\Server::task(): server is not running
bool(false)
Warning: TaskSrv\Server::taskwait(): server is not running
bool(false)
Warning: TaskSrv\Server::taskWaitMulti(): server is not running
bool(false)
Warning: TaskSrv\Server::finish(): server is not running
bool(false)
Warning: TaskSrv\Server::task(): server is not running
bool(false)
exit: 0
bool(true)
Warning: TaskSrv\Server::task(): server is not running
bool(false)
Warning: TaskSrv\Server::taskwait(): server is not running
bool(false)
Warning: TaskSrv\Server::finish(): server is not running
bool(false)
