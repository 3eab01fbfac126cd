--TEST--
Server\Task::pack()/unpack(): static, every value type round-trips, also across processes (packed in an event worker, unpacked in a task worker); garbage warns "invalid task package" and gives false; a Closure throws as serialize() does
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
foreach (['pack', 'unpack'] as $m) {
    $r = new ReflectionMethod('Swoole\Server\Task', $m);
    echo $m, ': static ', var_export($r->isStatic(), true), ', (', implode(', ', array_map(fn($p) => $p->getType() . ' $' . $p->getName(), $r->getParameters())), '): ', $r->getReturnType(), "\n";
}
$o = new ArrayObject([1, 2]);
foreach (['abc', '', "bin\0ary", 42, 1.5, null, true, [1, 'a' => [2]], $o] as $v) {
    $p = Swoole\Server\Task::pack($v);
    $back = Swoole\Server\Task::unpack($p);
    echo get_debug_type($v), ': ', is_string($p) ? 'string' : 'no', ', ', $back == $v && get_debug_type($back) === get_debug_type($v) ? 'same' : 'different', "\n";
}
foreach (['', 'garbage', 'TSKP', substr(Swoole\Server\Task::pack([1]), 0, -2)] as $bad) {
    var_dump(Swoole\Server\Task::unpack($bad));
}
try {
    Swoole\Server\Task::pack(function () {});
} catch (Throwable $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}

$srv = tasksrv_server(<<<'PHP'
$s = new Swoole\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 1, 'task_worker_num' => 1]);
$s->on('Task', fn($s, $id, $src, $data) => Swoole\Server\Task::pack(['unpacked' => Swoole\Server\Task::unpack($data), 'in' => $s->taskworker]));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    $r = Swoole\Server\Task::unpack($s->taskwait(Swoole\Server\Task::pack(['x' => $data]), 5));
    $s->send($fd, json_encode($r) . "\n");
});
$s->start();
PHP);
$c = $srv->connect();
fwrite($c, 'hi');
echo tasksrv_recv_until($c, "\n");
$srv->stop();
echo $srv->output();
?>
--EXPECTF--
pack: static true, (mixed $data): string|false
unpack: static true, (string $data): mixed
string: string, same
string: string, same
string: string, same
int: string, same
float: string, same
null: string, same
bool: string, same
array: string, same
ArrayObject: string, same

Warning: TaskSrv\Server\Task::unpack(): invalid task package in %s on line %d
bool(false)

Warning: TaskSrv\Server\Task::unpack(): invalid task package in %s on line %d
bool(false)

Warning: TaskSrv\Server\Task::unpack(): invalid task package in %s on line %d
bool(false)

Warning: TaskSrv\Server\Task::unpack(): invalid task package in %s on line %d
bool(false)
TaskSrv\SerializationException: %s
{"unpacked":{"x":"hi"},"in":true}
