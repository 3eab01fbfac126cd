--TEST--
An uncaught exception in a callback is reported like any PHP fatal error and the worker goes on serving (no restart), as Swoole's synchronous workers do
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 1, 'task_worker_num' => 1]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('WorkerError', fn($s, ...$a) => print("WorkerError\n"));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    if ($data === 'throw') {
        throw new RuntimeException('thrown in onReceive');
    }
    $s->send($fd, 'pid ' . getmypid() . "\n");
});
$s->on('Task', function () {});
$s->start();
PHP);
$srv->waitOutput('WorkerStart', 2);
$c = $srv->connect();
fwrite($c, 'hello');
$before = tasksrv_recv_until($c, "\n");
fwrite($c, 'throw');
$srv->waitOutput('thrown in onReceive');
// The same connection, in the same process, still works.
fwrite($c, 'hello');
$after = tasksrv_recv_until($c, "\n");
echo "same worker process: ", $before !== '' && $before === $after ? "yes" : "no", "\n";
echo "exit: ", $srv->stop(), "\n";
echo $srv->output();
?>
--EXPECTF--
same worker process: yes
exit: 0
WorkerStart(%d)
WorkerStart(%d)

Fatal error: Uncaught RuntimeException: thrown in onReceive in %s:%d
Stack trace:
#0 [internal function]: {closure%S}(Object(TaskSrv\Server), %d, 0, 'throw')
#1 %s(%d): TaskSrv\Server->start()
#2 {main}
  thrown in %s on line %d
