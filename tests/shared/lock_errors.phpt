--TEST--
Lock: Swoole 6.2's lock($operation, $timeout) (LOCK_NB fails at once with errCode EBUSY, a timeout fails with ETIMEDOUT), read locks of the RWLOCK, unknown types, a subclass without the constructor, no clone
--EXTENSIONS--
tasksrv
--FILE--
<?php
var_dump(TaskSrv\Lock::MUTEX, TaskSrv\Lock::RWLOCK, TaskSrv\Lock::SPINLOCK, SWOOLE_MUTEX, SWOOLE_RWLOCK, SWOOLE_SPINLOCK);
foreach ([SWOOLE_MUTEX, SWOOLE_SPINLOCK] as $type) {
    $l = new Swoole\Lock($type);
    echo "type $type: ", json_encode([$l->lock(), $l->lock(LOCK_EX | LOCK_NB), $l->errCode]);
    $t = microtime(true);
    $r = $l->lock(LOCK_EX, 0.2);
    $dt = microtime(true) - $t;
    echo ' ', json_encode([$r, $l->errCode, $dt > 0.15 && $dt < 2, $l->unlock(), $l->lock(LOCK_SH | LOCK_NB), $l->errCode, $l->unlock()]), "\n";
}
$rw = new Swoole\Lock(SWOOLE_RWLOCK);
echo "rwlock: ", json_encode([$rw->lock(LOCK_SH), $rw->lock(LOCK_SH | LOCK_NB), $rw->lock(LOCK_EX | LOCK_NB), $rw->errCode,
    $rw->unlock(), $rw->unlock(), $rw->lock(LOCK_EX | LOCK_NB), $rw->lock(LOCK_SH | LOCK_NB), $rw->unlock()]), "\n";
var_dump($rw);
foreach ([99, 2, 4] as $bad) {
    try {
        new TaskSrv\Lock($bad);
    } catch (TaskSrv\Exception $e) {
        echo $e::class, ': ', $e->getMessage(), "\n";
    }
}
class L extends Swoole\Lock { public function __construct() {} }
foreach ([fn() => (new L)->lock(), fn() => clone $rw] as $f) {
    try {
        $f();
    } catch (Error $e) {
        echo $e::class, ': ', $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
int(3)
int(1)
int(5)
int(3)
int(1)
int(5)
type 3: [true,false,16] [false,110,true,true,true,110,true]
type 5: [true,false,16] [false,110,true,true,true,110,true]
rwlock: [true,true,false,16,true,true,true,false,true]
object(TaskSrv\Lock)#1 (1) {
  ["errCode"]=>
  int(16)
}
TaskSrv\Exception: lock type[99] is not supported
TaskSrv\Exception: lock type[2] is not supported
TaskSrv\Exception: lock type[4] is not supported
Error: must call constructor first
Error: Trying to clone an uncloneable object of class TaskSrv\Lock
