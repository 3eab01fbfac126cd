--TEST--
Server::set(): TypeError/ValueError naming the option for wrong types and ranges; a failed set() changes nothing
--EXTENSIONS--
tasksrv
--FILE--
<?php
$s = new TaskSrv\Server('127.0.0.1');
$cases = [
    ['worker_num' => 'abc'],
    ['worker_num' => '2'],
    ['worker_num' => 1.5],
    ['worker_num' => true],
    ['worker_num' => 0],
    ['worker_num' => -1],
    ['task_worker_num' => null],
    ['task_worker_num' => -1],
    ['log_level' => 'x'],
    ['log_level' => -1],
    ['log_level' => 7],
    ['package_eof' => 5],
    ['package_eof' => ''],
    ['package_eof' => '123456789'],
    ['max_wait_time' => 'x'],
    ['max_wait_time' => -1],
];
foreach ($cases as $c) {
    try {
        var_dump($s->set($c));
    } catch (Throwable $e) {
        echo $e::class, ': ', $e->getMessage(), "\n";
    }
}
var_dump($s->setting);

// All or nothing: one bad entry rejects the whole array.
try {
    $s->set(['worker_num' => 2, 'task_worker_num' => -5]);
} catch (ValueError $e) {
    echo $e::class, ': ', $e->getMessage(), "\n";
}
var_dump($s->setting);

// Edges that are valid.
var_dump($s->set(['worker_num' => 1, 'task_worker_num' => 0, 'log_level' => SWOOLE_LOG_NONE,
    'package_eof' => "\n", 'max_wait_time' => 0]));
var_dump($s->set(['package_eof' => '12345678', 'max_wait_time' => 1.5, 'log_level' => SWOOLE_LOG_DEBUG]));
var_dump($s->setting);
?>
--EXPECT--
TypeError: TaskSrv\Server::set(): Argument #1 ($settings) option "worker_num" must be of type int, string given
TypeError: TaskSrv\Server::set(): Argument #1 ($settings) option "worker_num" must be of type int, string given
TypeError: TaskSrv\Server::set(): Argument #1 ($settings) option "worker_num" must be of type int, float given
TypeError: TaskSrv\Server::set(): Argument #1 ($settings) option "worker_num" must be of type int, bool given
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "worker_num" must be between 1 and 512, 0 given
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "worker_num" must be between 1 and 512, -1 given
TypeError: TaskSrv\Server::set(): Argument #1 ($settings) option "task_worker_num" must be of type int, null given
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "task_worker_num" must be between 0 and 512, -1 given
TypeError: TaskSrv\Server::set(): Argument #1 ($settings) option "log_level" must be of type int, string given
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "log_level" must be between 0 and 6, -1 given
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "log_level" must be between 0 and 6, 7 given
TypeError: TaskSrv\Server::set(): Argument #1 ($settings) option "package_eof" must be of type string, int given
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "package_eof" must be 1 to 8 bytes long
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "package_eof" must be 1 to 8 bytes long
TypeError: TaskSrv\Server::set(): Argument #1 ($settings) option "max_wait_time" must be of type float, string given
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "max_wait_time" must be between 0 and 86400
NULL
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "task_worker_num" must be between 0 and 512, -5 given
NULL
bool(true)
bool(true)
array(5) {
  ["worker_num"]=>
  int(1)
  ["task_worker_num"]=>
  int(0)
  ["log_level"]=>
  int(0)
  ["package_eof"]=>
  string(8) "12345678"
  ["max_wait_time"]=>
  float(1.5)
}
