--TEST--
Lock: a process killed with kill -9 while it holds a MUTEX or a SPINLOCK does not block the others: the next lock() takes it over (also while the dead holder is still an unreaped zombie)
--EXTENSIONS--
tasksrv
pcntl
posix
--FILE--
<?php
require __DIR__ . '/../inc/shared.inc';

foreach (['MUTEX' => TaskSrv\Lock::MUTEX, 'SPINLOCK' => TaskSrv\Lock::SPINLOCK] as $name => $type) {
    foreach (['reaped', 'zombie'] as $when) {
        $lock = new TaskSrv\Lock($type);
        $held = new TaskSrv\Atomic(0);
        $holder = shared_fork(function () use ($lock, $held) {
            $lock->lock();
            $held->set(1);
            sleep(30);
            return 0;
        });
        while ($held->get() === 0) {
            usleep(1000);
        }
        echo "$name ($when): held by the child; trylock: ", var_export($lock->lock(LOCK_EX | LOCK_NB), true), "\n";
        posix_kill($holder, SIGKILL);
        if ($when === 'reaped') {
            echo json_encode(shared_wait($holder)), "\n";
        } else {
            usleep(100000); /* dead, not yet reaped */
        }
        /* Another process takes it, then the parent. */
        $other = shared_fork(fn() => $lock->lock(LOCK_EX, 5) && $lock->unlock() ? 0 : 1);
        echo "other process: ", json_encode(shared_wait($other)), "\n";
        $t = microtime(true);
        echo "parent lock: ", var_export($lock->lock(LOCK_EX, 5), true), ", unlock: ", var_export($lock->unlock(), true),
            microtime(true) - $t < 2 ? '' : ' (slow)', "\n";
        if ($when === 'zombie') {
            echo json_encode(shared_wait($holder)), "\n";
        }
    }
}
?>
--EXPECT--
MUTEX (reaped): held by the child; trylock: false
{"signal":9}
other process: {"exit":0}
parent lock: true, unlock: true
MUTEX (zombie): held by the child; trylock: false
other process: {"exit":0}
parent lock: true, unlock: true
{"signal":9}
SPINLOCK (reaped): held by the child; trylock: false
{"signal":9}
other process: {"exit":0}
parent lock: true, unlock: true
SPINLOCK (zombie): held by the child; trylock: false
other process: {"exit":0}
parent lock: true, unlock: true
{"signal":9}
