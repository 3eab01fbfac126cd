--TEST--
Server::reload() errors: before start (warning, false), in the single-process form (Swoole's log line, false), reload(true) without task workers (log line, false; the workers keep running)
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$code = <<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => WORKERS]);
$r = $s->reload();
echo "before start: " . var_export($r, true) . "\n";
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    $s->send($fd, var_export($s->reload($data === 'tasks'), true) . "\n");
});
$s->start();
PHP;
foreach ([1, 2] as $workers) {
    $srv = tasksrv_server(str_replace('WORKERS', (string) $workers, $code));
    $srv->waitOutput('WorkerStart', $workers);
    $c = $srv->connect();
    fwrite($c, $workers === 1 ? 'all' : 'tasks');
    echo "worker_num $workers, ", $workers === 1 ? 'reload()' : 'reload(true)', ": ", tasksrv_recv_until($c, "\n");
    usleep(100000);
    echo "exit: ", $srv->stop(), "\n";
    $out = preg_replace(['/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d /m', '/ in \S+ on line \d+/'], ['[DATE ', ''], $srv->output());
    echo implode("\n", array_filter(explode("\n", trim($out)), fn($l) => !str_starts_with($l, 'WorkerStart'))), "\n";
    echo "restarts: ", substr_count($out, 'WorkerStart') - $workers, "\n";
}
?>
--EXPECTF--
worker_num 1, reload(): false
exit: 0
Warning: TaskSrv\Server::reload(): server is not running
before start: false
[DATE #%d.0]	WARNING	Server::reload(): not supported with single process mode
restarts: 0
worker_num 2, reload(true): false
exit: 0
Warning: TaskSrv\Server::reload(): server is not running
before start: false
[DATE *%d.%d]	WARNING	cannot reload task workers, task workers is not started
restarts: 0
