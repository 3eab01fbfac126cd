--TEST--
Swoole\Event in a plain script with a socket pair: add/isset/set/write/del, the write queue, defer (after the round of events, in order, those added later on the next turn: the order Swoole 6.2.1 prints), dispatch(), exit(), Swoole 6.2.1's warnings and return values
--EXTENSIONS--
tasksrv
--FILE--
<?php
[$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
var_dump(Swoole\Event::isset($a));
var_dump(Swoole\Event::add($a, function ($fd) use ($a) {
    $d = fread($fd, 100);
    echo "read: $d (same stream: ", var_export($fd === $a, true), ")\n";
    if (str_ends_with($d, 'bye')) {
        var_dump(Swoole\Event::del($fd), Swoole\Event::del($fd));
    }
}) > 0);
var_dump(Swoole\Event::isset($a), Swoole\Event::isset($a, SWOOLE_EVENT_READ), Swoole\Event::isset($a, SWOOLE_EVENT_WRITE));
var_dump(Swoole\Event::add($a, fn() => 1));
var_dump(Swoole\Event::add($b));
var_dump(Swoole\Event::add("x", fn() => 1));
var_dump(Swoole\Event::add(-1, fn() => 1));
var_dump(Swoole\Event::set($b, fn() => 1));
var_dump(Swoole\Event::write($b, "x"));
var_dump(Swoole\Event::write($a, ""));
$writes = 0;
var_dump(Swoole\Event::add($b, null, function ($fd) use (&$writes) {
    echo "writable\n";
    if (++$writes === 2) {
        var_dump(Swoole\Event::set($fd, null, null, SWOOLE_EVENT_READ));
        var_dump(Swoole\Event::set($fd, fn($fd) => print("b readable\n"), null, SWOOLE_EVENT_READ));
        var_dump(Swoole\Event::isset($fd, SWOOLE_EVENT_WRITE));
        var_dump(Swoole\Event::write($fd, str_repeat('y', 3) . 'bye'));
    }
}, SWOOLE_EVENT_WRITE) > 0);
var_dump(Swoole\Event::defer(function () {
    echo "defer 1\n";
    Swoole\Event::defer(fn() => print("defer 3 (next turn)\n"));
}));
Swoole\Event::defer(fn() => print("defer 2\n"));
Swoole\Timer::after(100, function () use ($b) {
    echo "timer: b still watched: ", var_export(Swoole\Event::isset($b), true), "\n";
    Swoole\Event::exit();
});
echo "wait\n";
Swoole\Event::wait();
echo "after wait: ", var_export(Swoole\Event::isset($b), true), " ", json_encode(Swoole\Timer::stats()), "\n";
var_dump(Swoole\Event::dispatch());
?>
--EXPECTF--
bool(false)
bool(true)
bool(true)
bool(true)
bool(false)

Warning: TaskSrv\Event::add(): already exist in %s on line %d
bool(false)

Warning: TaskSrv\Event::add(): TaskSrv\Event: unable to find readable callback of fd [%d] in %s on line %d
bool(false)

Warning: TaskSrv\Event::add(): invalid file descriptor passed in %s on line %d

Warning: TaskSrv\Event::add(): unknown fd type in %s on line %d
bool(false)

Warning: TaskSrv\Event::add(): invalid file descriptor#-1 passed in %s on line %d

Warning: TaskSrv\Event::add(): unknown fd type in %s on line %d
bool(false)

Warning: TaskSrv\Event::set(): socket[%d] is not found in the reactor in %s on line %d
bool(false)

Warning: TaskSrv\Event::write(): socket[%d] is not found in the reactor in %s on line %d
bool(false)

Warning: TaskSrv\Event::write(): data empty in %s on line %d
bool(false)
bool(true)
bool(true)
wait
writable
defer 1
defer 2
writable

Warning: TaskSrv\Event::set(): TaskSrv\Event: unable to find readable callback of fd [%d] in %s on line %d
bool(false)
bool(true)
bool(false)
bool(true)
defer 3 (next turn)
read: yyybye (same stream: true)
bool(true)
bool(false)
timer: b still watched: true
after wait: false {"initialized":false,"num":0,"round":0}
bool(false)
