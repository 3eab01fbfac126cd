--TEST--
dispatch_mode 5 (uid): before bind() packets go by fd, after bind($fd, $uid) to worker uid % worker_num; bind() once (a second is false), unknown session false with 1005, uid out of range warns; getClientInfo() starts with uid (0 while unbound); onConnect/onClose dropped with Swoole's warning. In BASE mode bind() works too, uid only once bound
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';

foreach (['SWOOLE_PROCESS, 5', 'SWOOLE_BASE, 2'] as $conf) {
    [$mode, $dm] = explode(', ', $conf);
    $srv = tasksrv_server(str_replace(['MODE', 'DM'], [$mode, $dm], <<<'PHP'
    set_error_handler(function ($no, $str) { echo "Warning: $str\n"; return true; });
    $s = new Swoole\Server('127.0.0.1', PORT, MODE);
    $s->set(['worker_num' => 3, 'dispatch_mode' => DM]);
    if (MODE === SWOOLE_PROCESS) {
        $s->on('Connect', function () {});
        $s->on('Close', function () {});
    }
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $info = $s->getClientInfo($fd);
        $uid = array_key_exists('uid', $info) ? $info['uid'] : 'none';
        if (str_starts_with($data, 'bind ')) {
            $r = [$s->bind($fd, (int) substr($data, 5)), $s->bind($fd, 1)];
            $s->send($fd, json_encode($r) . "\n");
            return;
        }
        if ($data === 'errors') {
            $r = [$s->bind(9999, 1), $s->getLastError(), $s->bind($fd, 4294967296), $s->bind(0, 1)];
            $s->send($fd, json_encode($r) . "\n");
            return;
        }
        $s->send($fd, json_encode(['worker' => $s->worker_id, 'uid' => $uid, 'first key' => array_key_first($info)]) . "\n");
    });
    $s->start();
    PHP));
    echo "$mode, dispatch_mode $dm:\n";
    $conns = [];
    foreach ([7, 8, 9, -1] as $uid) {
        $c = $conns[] = $srv->connect();
        fwrite($c, 'x');
        $before = json_decode(trim(tasksrv_recv_until($c, "\n")), true);
        fwrite($c, "bind $uid");
        $bind = trim(tasksrv_recv_until($c, "\n"));
        $after = [];
        for ($i = 0; $i < 3; $i++) {
            fwrite($c, 'y');
            $after[] = json_decode(trim(tasksrv_recv_until($c, "\n")), true);
        }
        $workers = array_unique(array_column($after, 'worker'));
        printf("bind(%d): %s, before: uid %s (first key %s), after: uid %s in worker%s %s (uid %% 3 = %d)\n", $uid, $bind,
            var_export($before['uid'], true), $before['first key'], var_export($after[0]['uid'], true),
            count($workers) === 1 ? '' : 's', implode(',', $workers), (($uid & 0xFFFFFFFF) % 3));
    }
    fwrite($conns[0], 'errors');
    echo "errors: ", tasksrv_recv_until($conns[0], "\n");
    $srv->stop();
    echo preg_replace('/^\[[^\]]*\]\t/m', '', $srv->output());
}
?>
--EXPECTF--
SWOOLE_PROCESS, dispatch_mode 5:
bind(7): [true,false], before: uid 0 (first key uid), after: uid 7 in worker 1 (uid % 3 = 1)
bind(8): [true,false], before: uid 0 (first key uid), after: uid 8 in worker 2 (uid % 3 = 2)
bind(9): [true,false], before: uid 0 (first key uid), after: uid 9 in worker 0 (uid % 3 = 0)
bind(-1): [true,false], before: uid 0 (first key uid), after: uid 4294967295 in worker 0 (uid % 3 = 0)
errors: [false,1005,false,false]
WARNING	Server::start_check() (ERRNO 9015): cannot set 'onConnect' event when using dispatch_mode=5
WARNING	Server::start_check() (ERRNO 9015): cannot set 'onClose' event when using dispatch_mode=5
Warning: TaskSrv\Server::bind(): uid can not be greater than 4294967295 or less than -2147483648
SWOOLE_BASE, dispatch_mode 2:
bind(7): [true,false], before: uid 'none' (first key server_port), after: uid 7 in worker %s (uid % 3 = 1)
bind(8): [true,false], before: uid 'none' (first key server_port), after: uid 8 in worker %s (uid % 3 = 2)
bind(9): [true,false], before: uid 'none' (first key server_port), after: uid 9 in worker %s (uid % 3 = 0)
bind(-1): [true,false], before: uid 'none' (first key server_port), after: uid 4294967295 in worker %s (uid % 3 = 0)
errors: [false,1005,false,false]
Warning: TaskSrv\Server::bind(): uid can not be greater than 4294967295 or less than -2147483648
