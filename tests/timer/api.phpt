--TEST--
Timer API in an event worker: tick cleared from onReceive, after() with params, exists/info/list/stats (Swoole 6.2.1's keys), clearAll, an exception in a timer callback reported as in other callbacks (the worker goes on), ms < 1 refused with Swoole's warning
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new Swoole\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
$st = ['tick' => 0, 'ticks' => 0, 'after' => null];
$s->on('WorkerStart', function ($s) use (&$st) {
    $st['tick'] = Swoole\Timer::tick(10, function ($id) use (&$st) { $st['ticks']++; });
    swoole_timer_after(10, function (...$a) use (&$st) { $st['after'] = $a; }, 'p', [1, 2]);
    Swoole\Timer::after(30, function () { throw new RuntimeException('from a timer'); });
});
$s->on('Receive', function ($s, $fd, $rid, $data) use (&$st) {
    switch (trim($data)) {
    case 'state':
        $info = Swoole\Timer::info($st['tick']);
        $s->send($fd, json_encode([
            'after' => $st['after'],
            'ticking' => $st['ticks'] >= 3,
            'exists' => Swoole\Timer::exists($st['tick']),
            'info keys' => array_keys($info),
            'interval' => $info['interval'],
            'removed' => $info['removed'],
            'list' => iterator_to_array(Swoole\Timer::list()),
            'list class' => get_class(Swoole\Timer::list()),
            'stats' => Swoole\Timer::stats(),
            'info of none' => Swoole\Timer::info(12345),
            'clear none' => Swoole\Timer::clear(12345),
        ]) . "\n");
        break;
    case 'clear':
        $r = Swoole\Timer::clear($st['tick']);
        $st['at clear'] = $st['ticks'];
        $s->send($fd, json_encode(['cleared' => $r, 'exists' => Swoole\Timer::exists($st['tick']), 'again' => Swoole\Timer::clear($st['tick'])]) . "\n");
        break;
    case 'count':
        $s->send($fd, json_encode(['ticks since clear' => $st['ticks'] - $st['at clear']]) . "\n");
        break;
    case 'bad':
        $r = [Swoole\Timer::tick(0, fn() => 1), swoole_timer_after(-5, fn() => 1)];
        $a = Swoole\Timer::after(1000, fn() => 1);
        $b = Swoole\Timer::tick(1000, fn() => 1);
        $r[] = count(Swoole\Timer::list());
        $r[] = Swoole\Timer::clearAll();
        $r[] = count(Swoole\Timer::list());
        $r[] = $b === $a + 1;
        $s->send($fd, json_encode($r) . "\n");
        break;
    }
});
$s->start();
PHP);
$c = $srv->connect();
$srv->waitOutput('from a timer');
fwrite($c, "state\n");
echo tasksrv_recv_until($c, "\n");
fwrite($c, "clear\n");
echo tasksrv_recv_until($c, "\n");
usleep(100000);
fwrite($c, "count\n");
echo tasksrv_recv_until($c, "\n");
fwrite($c, "bad\n");
echo tasksrv_recv_until($c, "\n");
echo preg_replace('/^\s*#.*\n/m', '', preg_replace('/(\S+\.php)/', 'FILE', $srv->output()));
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECTF--
{"after":["p",[1,2]],"ticking":true,"exists":true,"info keys":["exec_msec","exec_count","interval","round","removed"],"interval":10,"removed":false,"list":[1],"list class":"TaskSrv\\Timer\\Iterator","stats":{"initialized":true,"num":1,"round":%d},"info of none":null,"clear none":false}
{"cleared":true,"exists":false,"again":false}
{"ticks since clear":0}
[false,false,2,true,0,true]

Fatal error: Uncaught RuntimeException: from a timer in FILE:8
Stack trace:
  thrown in FILE on line 8

Warning: TaskSrv\Timer::tick(): Timer must be greater than or equal to 1 in FILE on line 37

Warning: swoole_timer_after(): Timer must be greater than or equal to 1 in FILE on line 37
exit: 0
