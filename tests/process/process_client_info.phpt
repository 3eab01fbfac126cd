--TEST--
PROCESS mode getClientInfo(): the same answer in the connection's worker, another worker and a task worker: reactor_id 0 (the master's reactor), socket_fd the master's OS fd, the client's address; it still works inside onClose
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
$s->set(['worker_num' => 2, 'task_worker_num' => 1]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$info = function ($s, $fd) {
    $i = $s->getClientInfo($fd);
    return $i === false ? 'false' : "reactor_id={$i['reactor_id']} socket_fd=" . ($i['socket_fd'] > 2 ? 'fd' : $i['socket_fd'])
        . " remote_ip={$i['remote_ip']} server_port=" . ($i['server_port'] === $s->port ? 'port' : $i['server_port']);
};
$s->on('Receive', function ($s, $fd, $rid, $data) use ($info) {
    $s->send($fd, "worker: {$info($s, $fd)}\n");
    $s->sendMessage($fd, 1 - $s->getWorkerId());
    $s->task($fd);
});
$s->on('PipeMessage', fn($s, $src, $fd) => $s->send($fd, "other worker: {$info($s, $fd)}\n"));
$s->on('Task', fn($s, $id, $src, $fd) => $s->send($fd, "task worker: {$info($s, $fd)}\n"));
$s->on('Finish', fn() => null);
$s->on('Close', fn($s, $fd, $rid) => print("onClose: {$info($s, $fd)}\n"));
$s->start();
PHP);
$srv->waitOutput('WorkerStart', 3);
$c = $srv->connect();
fwrite($c, 'x');
$got = '';
while (substr_count($got, "\n") < 3) {
    $got .= tasksrv_recv_until($c, "\n");
}
$lines = explode("\n", trim($got));
sort($lines);
echo implode("\n", $lines), "\n";
fclose($c);
$srv->waitOutput('onClose');
echo "exit: ", $srv->stop(), "\n";
echo implode("\n", array_filter(explode("\n", trim($srv->output())), fn($l) => !str_starts_with($l, 'WorkerStart'))), "\n";
?>
--EXPECT--
other worker: reactor_id=0 socket_fd=fd remote_ip=127.0.0.1 server_port=port
task worker: reactor_id=0 socket_fd=fd remote_ip=127.0.0.1 server_port=port
worker: reactor_id=0 socket_fd=fd remote_ip=127.0.0.1 server_port=port
exit: 0
onClose: reactor_id=0 socket_fd=fd remote_ip=127.0.0.1 server_port=port
