--TEST--
Atomic::wait()/wakeup() across processes: children sleep on the shared futex until the parent wakes them, wakeup(n) wakes n of them, a 1 left by wakeup() is taken at once, wait() times out
--EXTENSIONS--
tasksrv
pcntl
posix
--FILE--
<?php
require __DIR__ . '/../inc/shared.inc';

$a = new TaskSrv\Atomic(0);
$ready = new TaskSrv\Atomic(0);
$woken = new TaskSrv\Atomic(0);

/* One sleeper, woken by the parent. */
$pid = shared_fork(function () use ($a, $ready) {
    $ready->add();
    $t = microtime(true);
    $ok = $a->wait(10);
    return $ok && microtime(true) - $t < 5 ? 7 : 1;
});
while ($ready->get() < 1) {
    usleep(1000);
}
usleep(100000); /* it is inside wait() by now (or about to be: the futex wait then sees the 1) */
var_dump($a->wakeup());
var_dump(shared_wait($pid), $a->get());

/* Three sleepers: each wakeup() lets exactly one through (each takes the 1 back to 0). */
$ready->set(0);
$pids = [];
for ($i = 0; $i < 3; $i++) {
    $pids[] = shared_fork(function () use ($a, $ready, $woken) {
        $ready->add();
        while (!$a->wait(10)) {
        }
        $woken->add();
        return 0;
    });
}
while ($ready->get() < 3) {
    usleep(1000);
}
for ($i = 1; $i <= 3; $i++) {
    usleep(50000);
    $a->wakeup(3);
    $t = microtime(true);
    while ($woken->get() < $i && microtime(true) - $t < 5) {
        usleep(1000);
    }
    echo "after wakeup $i: woken=", $woken->get(), "\n";
}
foreach ($pids as $p) {
    echo json_encode(shared_wait($p)), "\n";
}

/* wakeup() with nobody asleep leaves a 1 that the next wait() takes at once. */
var_dump($a->wakeup(), $a->get(), $a->wait(0.1), $a->get());
/* No wakeup: wait() gives up after its timeout; a value other than 0/1 returns false at once. */
$t = microtime(true);
var_dump($a->wait(0.2));
$dt = microtime(true) - $t;
echo $dt >= 0.19 && $dt < 2 ? "timed out after ~0.2s\n" : "waited $dt\n";
$a->set(5);
var_dump($a->wait(5), $a->get());
?>
--EXPECT--
bool(true)
array(1) {
  ["exit"]=>
  int(7)
}
int(0)
after wakeup 1: woken=1
after wakeup 2: woken=2
after wakeup 3: woken=3
{"exit":0}
{"exit":0}
{"exit":0}
bool(true)
int(1)
bool(true)
int(0)
bool(false)
timed out after ~0.2s
bool(false)
int(5)
