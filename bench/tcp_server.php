<?php
/*
 * bench/tcp_server.php: the server side of the TCP cases of bench/run (client: bench/tcp_load).
 * Uses only Swoole\Server's API, so it runs unchanged on tasksrv or ext/swoole.
 *
 *   php -d extension=modules/tasksrv.so bench/tcp_server.php mode=echo port=PORT
 *   php -d extension=modules/tasksrv.so bench/tcp_server.php mode=seed port=PORT
 *
 * mode=echo  onReceive sends the data back.
 * mode=seed  the seed's flow (task.php) with a reply: onReceive dispatches task($data), onTask
 *            calls finish("$data -> OK") as the seed does, and onFinish sends that result to the
 *            connection that asked.
 * workers=1 task_workers=2 by default. Prints "ready PORT" when worker #0 has started.
 * Runs until SIGTERM.
 */

$args = ['mode' => 'echo', 'port' => 0, 'workers' => 1, 'task_workers' => 2];
foreach (array_slice($argv, 1) as $a) {
    [$k, $v] = array_pad(explode('=', $a, 2), 2, '');
    if (!array_key_exists($k, $args)) {
        fwrite(STDERR, "tcp_server.php: unknown argument $k\n");
        exit(2);
    }
    $args[$k] = is_int($args[$k]) ? (int) $v : $v;
}

$serv = new Swoole\Server('127.0.0.1', $args['port'], SWOOLE_BASE);
$serv->set([
    'worker_num' => $args['workers'],
    'task_worker_num' => $args['mode'] === 'seed' ? $args['task_workers'] : 0,
    'enable_coroutine' => false,
    'task_enable_coroutine' => false,
    'log_level' => 4, // SWOOLE_LOG_WARNING
]);

$fds = [];
if ($args['mode'] === 'echo') {
    $serv->on('Receive', function ($serv, $fd, $reactorId, $data) {
        $serv->send($fd, $data);
    });
} else {
    $serv->on('Receive', function ($serv, $fd, $reactorId, $data) use (&$fds) {
        $id = $serv->task($data);
        if ($id !== false) {
            $fds[$id] = $fd;
        }
    });
    $serv->on('Task', function ($serv, $taskId, $reactorId, $data) {
        $serv->finish("{$data} -> OK");
    });
    $serv->on('Finish', function ($serv, $taskId, $data) use (&$fds) {
        if (isset($fds[$taskId])) {
            $serv->send($fds[$taskId], $data);
            unset($fds[$taskId]);
        }
    });
}
$serv->on('WorkerStart', function ($serv, $workerId) {
    if ($workerId === 0) {
        echo "ready {$serv->port}\n";
    }
});
$serv->start();
