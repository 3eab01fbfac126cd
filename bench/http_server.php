<?php
/*
 * The HTTP benchmark's server, the same file for tasksrv and Swoole (bench/http):
 *   php -n -d extension=EXT http_server.php PORT hello|task [base|process]
 * One event worker (and one task worker for "task"): hello answers "Hello World";
 * task also starts one task() per request and answers at once (the seed's use case).
 */
[$port, $kind, $mode] = [(int) ($argv[1] ?? 9501), $argv[2] ?? 'hello', $argv[3] ?? 'base'];
$s = new Swoole\Http\Server('127.0.0.1', $port, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$s->set(['worker_num' => 1, 'task_worker_num' => $kind === 'task' ? 1 : 0, 'log_level' => 5,
    'http_compression' => false]);
if ($kind === 'task') {
    $s->on('Request', function ($req, $res) use ($s) {
        $s->task($req->server['request_uri']);
        $res->end('Hello World');
    });
    $s->on('Task', function ($s, $id, $src, $data) { return null; });
    $s->on('Finish', function () {});
} else {
    $s->on('Request', function ($req, $res) { $res->end('Hello World'); });
}
$s->start();
