--TEST--
Lock across processes: MUTEX, RWLOCK and SPINLOCK each keep 4 processes' read-modify-write of a shared counter exact; Swoole's documented fork example (parent holds, child waits until the parent unlocks)
--EXTENSIONS--
tasksrv
pcntl
posix
--FILE--
<?php
require __DIR__ . '/../inc/shared.inc';

foreach (['MUTEX' => TaskSrv\Lock::MUTEX, 'RWLOCK' => TaskSrv\Lock::RWLOCK, 'SPINLOCK' => TaskSrv\Lock::SPINLOCK] as $name => $type) {
    $lock = new TaskSrv\Lock($type);
    $n = new TaskSrv\Atomic\Long(0);
    $pids = [];
    for ($p = 0; $p < 4; $p++) {
        $pids[] = shared_fork(function () use ($lock, $n) {
            for ($i = 0; $i < 2000; $i++) {
                $lock->lock();
                /* not atomic on purpose: only the lock keeps it exact */
                $v = $n->get();
                if ($i % 500 === 0) {
                    usleep(100);
                }
                $n->set($v + 1);
                $lock->unlock();
            }
            return 0;
        });
    }
    $codes = array_map(fn($p) => json_encode(shared_wait($p)), $pids);
    echo "$name: ", $n->get(), ' ', implode(' ', array_unique($codes)), "\n";
}

$lock = new Swoole\Lock(SWOOLE_MUTEX);
echo "[Parent] lock: ", var_export($lock->lock(), true), "\n";
$got = new TaskSrv\Atomic(0);
$pid = shared_fork(function () use ($lock, $got) {
    $lock->lock();
    $got->set(1);
    $lock->unlock();
    return 0;
});
usleep(200000);
echo "[Child] got it while the parent holds it: ", $got->get(), "\n";
echo "[Parent] unlock: ", var_export($lock->unlock(), true), "\n";
echo json_encode(shared_wait($pid)), " got=", $got->get(), "\n";
?>
--EXPECT--
MUTEX: 8000 {"exit":0}
RWLOCK: 8000 {"exit":0}
SPINLOCK: 8000 {"exit":0}
[Parent] lock: true
[Child] got it while the parent holds it: 0
[Parent] unlock: true
{"exit":0} got=1
