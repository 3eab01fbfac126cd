--TEST--
Server::set()/on() after start warn and return false in every process; at start, setting gains worker_num, task_worker_num, output_buffer_size and max_connection
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server_wait.inc';

function sorted_output(TasksrvTestServer $srv): string
{
    $lines = explode("\n", trim($srv->output()));
    sort($lines);
    return implode("\n", $lines) . "\n";
}

// Multi-process: the manager, two workers and a task worker.
$srv = tasksrv_server(<<<'PHP'
$where = 'main';
set_error_handler(function ($no, $str) use (&$where) { echo "$where: warning: $str\n"; return true; });
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 2]);
$s->set(['task_worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
$check = function ($s, $who) use (&$where) {
    $where = $who;
    echo "$who: set " . var_export($s->set(['worker_num' => 5]), true)
        . ", on " . var_export($s->on('Close', fn() => 1), true) . ", " . json_encode($s->setting) . "\n";
};
$s->on('ManagerStart', fn($s) => $check($s, 'manager'));
$s->on('WorkerStart', fn($s, $id) => $check($s, ($s->taskworker ? 'task worker ' : 'worker ') . $id));
$s->on('Receive', function () {});
$s->on('Task', function () {});
$s->start();
$where = 'main';
echo "after start: " . json_encode($s->setting) . "\n";
PHP);
$srv->waitOutput('on false', 4);
echo "exit: ", $srv->stop(), "\n";
echo sorted_output($srv);

// Single process, set() never called: setting is created at start.
$srv = tasksrv_server(<<<'PHP'
set_error_handler(function ($no, $str) { echo "warning: $str\n"; return true; });
$s = new TaskSrv\Server('127.0.0.1', PORT);
echo "before start: " . json_encode($s->setting) . "\n";
$s->on('WorkerStart', function ($s) {
    echo "worker: set " . var_export($s->set(['bogus' => 1]), true) . ", " . json_encode($s->setting) . "\n";
    $s->shutdown();
});
$s->on('Receive', function () {});
$s->start();
echo "after start: " . json_encode($s->setting) . "\n";
PHP, ['wait' => false]);
echo "exit: ", tasksrv_wait_exit($srv), "\n";
echo $srv->output();
?>
--EXPECTF--
exit: 0
after start: {"worker_num":2,"task_worker_num":1,"log_level":4,"output_buffer_size":4294967295,"max_connection":%d}
manager: set false, on false, {"worker_num":2,"task_worker_num":1,"log_level":4,"output_buffer_size":4294967295,"max_connection":%d}
manager: warning: TaskSrv\Server::on(): server is running, unable to register event callback function
manager: warning: TaskSrv\Server::set(): server is running, unable to execute TaskSrv\Server->set
task worker 2: set false, on false, {"worker_num":2,"task_worker_num":1,"log_level":4,"output_buffer_size":4294967295,"max_connection":%d}
task worker 2: warning: TaskSrv\Server::on(): server is running, unable to register event callback function
task worker 2: warning: TaskSrv\Server::set(): server is running, unable to execute TaskSrv\Server->set
worker 0: set false, on false, {"worker_num":2,"task_worker_num":1,"log_level":4,"output_buffer_size":4294967295,"max_connection":%d}
worker 0: warning: TaskSrv\Server::on(): server is running, unable to register event callback function
worker 0: warning: TaskSrv\Server::set(): server is running, unable to execute TaskSrv\Server->set
worker 1: set false, on false, {"worker_num":2,"task_worker_num":1,"log_level":4,"output_buffer_size":4294967295,"max_connection":%d}
worker 1: warning: TaskSrv\Server::on(): server is running, unable to register event callback function
worker 1: warning: TaskSrv\Server::set(): server is running, unable to execute TaskSrv\Server->set
exit: 0
before start: null
warning: TaskSrv\Server::set(): server is running, unable to execute TaskSrv\Server->set
worker: set false, {"worker_num":1,"task_worker_num":0,"output_buffer_size":4294967295,"max_connection":%d}
after start: {"worker_num":1,"task_worker_num":0,"output_buffer_size":4294967295,"max_connection":%d}
