--TEST--
Server::start(): missing onReceive or onTask throws before anything starts; start() again after it returned warns and returns false
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server_wait.inc';
$srv = tasksrv_server(<<<'PHP'
set_error_handler(function ($no, $str) { echo "Warning: $str\n"; return true; });
$s = new TaskSrv\Server('127.0.0.1', PORT);
try {
    $s->start();
} catch (Throwable $e) {
    echo $e::class, ': ', $e->getMessage(), "\n";
}
$s->set(['task_worker_num' => 2]);
$s->on('Receive', function () {});
try {
    $s->start();
} catch (Throwable $e) {
    echo $e::class, ': ', $e->getMessage(), "\n";
}
echo "children: " . (trim((string) @file_get_contents('/proc/' . getmypid() . '/task/' . getmypid() . '/children')) === '' ? 'none' : 'some') . "\n";
// The failures left the server usable: fix the setup and start it.
$s->set(['task_worker_num' => 0]);
$s->on('WorkerStart', function ($s) { echo "started\n"; $s->shutdown(); });
echo "first start: " . var_export($s->start(), true) . "\n";
echo "second start: " . var_export($s->start(), true) . "\n";
echo "shutdown after: " . var_export($s->shutdown(), true) . "\n";
echo "done\n";
PHP, ['wait' => false]);
echo "exit: ", tasksrv_wait_exit($srv), "\n";
echo $srv->output();

// Uncaught, the exception is fatal like any other.
$srv = tasksrv_server(<<<'PHP'
$s = new Swoole\Server('127.0.0.1', PORT);
$s->start();
PHP, ['wait' => false]);
echo "exit: ", tasksrv_wait_exit($srv), "\n";
echo $srv->output();
?>
--EXPECTF--
exit: 0
TaskSrv\Exception: require onReceive callback
[%s %%d.0]	WARNING	Server::start_check() (ERRNO 9015): require 'onTask' callback
TaskSrv\Exception: failed to start server. Error: Server::start_check() (ERRNO 9015): require 'onTask' callback
children: none
started
first start: true
Warning: TaskSrv\Server::start(): The server have been shutdown, unable to execute TaskSrv\Server->start()
second start: false
shutdown after: false
done
exit: 255

Fatal error: Uncaught TaskSrv\Exception: require onReceive callback in %s:%d
Stack trace:
#0 %s(%d): TaskSrv\Server->start()
#1 {main}
  thrown in %s on line %d
