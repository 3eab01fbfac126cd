--TEST--
Atomic and Atomic\Long: add/sub/get/set/cmpset with Swoole's wrap-around (32-bit unsigned, 64-bit signed), no clone, no serialize, Swoole's names
--EXTENSIONS--
tasksrv
--FILE--
<?php
$a = new TaskSrv\Atomic(5);
var_dump($a->get(), $a->add(), $a->add(10), $a->sub(3), $a->set(7), $a->get(), $a->cmpset(7, 9), $a->cmpset(7, 1), $a->get());
$a = new TaskSrv\Atomic(4294967295);
var_dump($a->add(), $a->sub(), (new TaskSrv\Atomic(-1))->get(), $a->add(-2));
$l = new TaskSrv\Atomic\Long(PHP_INT_MAX);
var_dump($l->add(), $l->sub(2), $l->cmpset(PHP_INT_MAX - 1, -5), $l->get(), $l->set(3), $l->get());
class Sub extends TaskSrv\Atomic { public function __construct() {} }
var_dump((new Sub)->add(2));
foreach ([fn() => clone $a, fn() => serialize($l)] as $f) {
    try {
        $f();
    } catch (Throwable $e) {
        echo $e::class, ': ', $e->getMessage(), "\n";
    }
}
var_dump(class_exists('Swoole\Atomic') ? get_class(new Swoole\Atomic) : 'swoole loaded', new Swoole\Atomic\Long instanceof TaskSrv\Atomic\Long);
?>
--EXPECT--
int(5)
int(6)
int(16)
int(13)
NULL
int(7)
bool(true)
bool(false)
int(9)
int(0)
int(4294967295)
int(4294967295)
int(4294967293)
int(-9223372036854775808)
int(9223372036854775806)
bool(true)
int(-5)
NULL
int(3)
int(2)
Error: Trying to clone an uncloneable object of class TaskSrv\Atomic
Exception: Serialization of 'TaskSrv\Atomic\Long' is not allowed
string(14) "TaskSrv\Atomic"
bool(true)
