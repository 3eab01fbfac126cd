--TEST--
Many timers in a plain script: 3000 after() with mixed delays, a third cleared at random (some from inside callbacks), ticks clearing themselves; exists/list/info stay consistent, each surviving timer fires once, in deadline order
--EXTENSIONS--
tasksrv
--FILE--
<?php
mt_srand(42);
$ids = $fired = [];
$order_ok = true;
$last = [-1, 0];
for ($i = 0; $i < 3000; $i++) {
    $ms = mt_rand(1, 60);
    $id = Swoole\Timer::after($ms, function ($i) use (&$fired, &$ids, &$order_ok, &$last) {
        $fired[$i] = ($fired[$i] ?? 0) + 1;
        $info = Swoole\Timer::info($ids[$i]);
        if ($info['exec_msec'] < $last[0]) {
            $order_ok = false;
        }
        $last = [$info['exec_msec'], $i];
        // every 7th clears a timer not yet fired
        if ($i % 7 === 0) {
            $j = ($i * 13 + 5) % 3000;
            if (!isset($fired[$j]) && Swoole\Timer::clear($ids[$j])) {
                $fired[$j] = 'cleared';
            }
        }
    }, $i);
    $ids[$i] = $id;
}
$cleared = 0;
foreach (array_rand($ids, 1000) as $i) {
    if (Swoole\Timer::clear($ids[$i])) {
        $fired[$i] = 'cleared';
        $cleared++;
    }
}
$consistent = true;
foreach ($ids as $i => $id) {
    if (Swoole\Timer::exists($id) !== !isset($fired[$i])) {
        $consistent = false;
    }
}
$list = iterator_to_array(Swoole\Timer::list());
echo "cleared $cleared, listed ", count($list), ", consistent ", var_export($consistent && count($list) === 3000 - $cleared, true), "\n";
$ticks = 0;
for ($k = 0; $k < 50; $k++) {
    Swoole\Timer::tick(mt_rand(1, 5), function ($id) use (&$ticks) {
        static $n = [];
        $n[$id] = ($n[$id] ?? 0) + 1;
        $ticks++;
        if ($n[$id] === 4) {
            Swoole\Timer::clear($id);
        }
    });
}
Swoole\Event::wait();
$once = true;
foreach ($ids as $i => $id) {
    if (($fired[$i] ?? null) !== 1 && ($fired[$i] ?? null) !== 'cleared') {
        $once = false;
    }
}
echo "each fired once or was cleared: ", var_export($once, true), "\n";
echo "in deadline order: ", var_export($order_ok, true), "\n";
echo "ticks: $ticks\n";
echo "left: ", json_encode(Swoole\Timer::stats()), "\n";
?>
--EXPECT--
cleared 1000, listed 2000, consistent true
each fired once or was cleared: true
in deadline order: true
ticks: 200
left: {"initialized":false,"num":0,"round":0}
