<?php
// SWOOLE_PROCESS mode: the master process holds every client connection and hands each packet to
// an event worker (dispatch_mode 2: by connection), so a worker that dies or reloads never drops
// a client. Each reply says which worker served it.
// Run:   php -d extension=tasksrv examples/process_mode.php
// Try:   echo -n hi | nc -q1 127.0.0.1 9501       (several times: the workers take turns)
//        echo -n crash | nc -q1 127.0.0.1 9501    (the worker exits, the manager starts it again;
//                                                  the connection stays open in the master)
$server = new Swoole\Server('127.0.0.1', 9501, SWOOLE_PROCESS);
$server->set(['worker_num' => 2, 'dispatch_mode' => 2]);

$server->on('WorkerStart', function ($server, $workerId) {
    echo "worker #$workerId started (pid ", getmypid(), ")\n";
});

$server->on('Connect', function ($server, $fd) {
    echo "client $fd connected\n";
});

$server->on('Receive', function ($server, $fd, $reactorId, $data) {
    if (trim($data) === 'crash') {
        $server->send($fd, "worker #{$server->worker_id} exits now\n");
        exit(1);
    }
    $server->send($fd, "worker #{$server->worker_id} got: " . trim($data) . "\n");
});

$server->on('Close', function ($server, $fd) {
    echo "client $fd closed\n";
});

$server->start();
