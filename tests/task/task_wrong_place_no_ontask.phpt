--TEST--
task_worker_num > 0 without onTask: start() throws TaskSrv\Exception with Swoole's message (code 9015) and forks nothing; onFinish is not required
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server_wait.inc';
$srv = tasksrv_server(<<<'PHP'
    $s = new Swoole\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 2, 'task_worker_num' => 1]);
    $s->on('Receive', function () {});
    $s->on('Finish', function () {});
    try {
        $s->start();
    } catch (Throwable $e) {
        echo $e::class, ': ', $e->getMessage(), ' (code ', $e->getCode(), ")\n";
    }
    echo "children: " . (trim((string) @file_get_contents('/proc/' . getmypid() . '/task/' . getmypid() . '/children')) === '' ? 'none' : 'some') . "\n";
    // onTask alone is enough: no onFinish needed to start.
    $s = null;
    $s = new Swoole\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1]);
    $s->on('Receive', function () {});
    $s->on('Task', function () {});
    $s->on('WorkerStart', function ($s, $id) { if ($id === 0) { echo "started\n"; $s->shutdown(); } });
    var_dump($s->start());
PHP, ['wait' => false]);
echo "exit: ", tasksrv_wait_exit($srv), "\n";
echo $srv->output();
?>
--EXPECTF--
exit: 0
[%s]	WARNING	Server::start_check() (ERRNO 9015): require 'onTask' callback
TaskSrv\Exception: failed to start server. Error: Server::start_check() (ERRNO 9015): require 'onTask' callback (code 9015)
children: none
started
bool(true)
