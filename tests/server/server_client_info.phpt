--TEST--
getClientInfo()/connection_info(): every key of Swoole's array with its type, socket_fd is the worker's OS fd, readable from another worker and a task worker; works inside onClose, false after (unless $ignore_error)
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 2, 'task_worker_num' => 1]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$types = function ($info) {
    return implode(' ', array_map(fn($k, $v) => "$k:" . get_debug_type($v), array_keys($info), $info));
};
$s->on('Receive', function ($s, $fd, $rid, $data) use ($types) {
    [$cmd, $arg] = explode(' ', trim($data)) + [1 => null];
    switch ($cmd) {
        case 'info':
            $i = $s->getClientInfo($fd);
            // the OS fd of this connection in this worker: fstat of /proc/self/fd/N is a socket
            $isSock = filetype("/proc/self/fd/{$i['socket_fd']}") === 'link'
                && str_starts_with(readlink("/proc/self/fd/{$i['socket_fd']}"), 'socket:');
            $s->send($fd, json_encode(['types' => $types($i), 'info' => $i, 'sock' => $isSock,
                'worker' => $s->getWorkerId(), 'alias' => $s->connection_info($fd) == $i]) . "\n");
            break;
        case 'sleep':
            usleep(500000);
            $s->send($fd, "slept\n");
            break;
        case 'peek': // the info of another connection, whichever worker owns it
            $s->send($fd, json_encode($s->getClientInfo((int) $arg)) . "\n");
            break;
        case 'closed': // a closed session with $ignore_error: its last info
            $s->send($fd, json_encode(is_array($s->getClientInfo((int) $arg, -1, true))) . "\n");
            break;
        case 'task':
            $s->send($fd, json_encode($s->taskwait((int) $arg, 5)) . "\n");
            break;
        case 'missing':
            $s->send($fd, json_encode([$s->getClientInfo(9999), $s->getClientInfo(0)]) . "\n");
            break;
    }
});
$s->on('Task', fn($s, $id, $src, $fd) => $s->getClientInfo($fd));
$s->on('Close', function ($s, $fd) {
    echo "onClose($fd): ", is_array($s->getClientInfo($fd)) ? "array" : "false", "\n";
});
$s->start();
PHP);
$srv->waitOutput('WorkerStart', 3);
$ask = function ($c, $cmd) {
    fwrite($c, "$cmd\n");
    return json_decode(tasksrv_recv_until($c, "\n"), true);
};
$c1 = $srv->connect();
$t0 = time();
$r = $ask($c1, 'info');
echo $r['types'], "\n";
$i = $r['info'];
echo "socket_fd is a socket in its worker: ", var_export($r['sock'], true), "\n";
echo "reactor_id is the worker: ", var_export($i['reactor_id'] === $r['worker'], true), "\n";
echo "alias: ", var_export($r['alias'], true), "\n";
$local = stream_socket_get_name($c1, false);
echo "remote is the client: ", var_export("{$i['remote_ip']}:{$i['remote_port']}" === $local, true), "\n";
echo "server_port: ", var_export($i['server_port'] === $srv->port, true), ", socket_type: {$i['socket_type']}\n";
echo "times: ", var_export(abs($i['connect_time'] - $t0) <= 2 && $i['last_time'] >= $i['connect_time']
    && $i['last_recv_time'] > 0 && $i['last_dispatch_time'] >= $i['last_recv_time'], true), "\n";
echo "queued: {$i['recv_queued_bytes']} {$i['send_queued_bytes']} close_errno: {$i['close_errno']}\n";
// while the first worker sleeps, the other one accepts a second client, which reads the first one's info
fwrite($c1, "sleep\n");
usleep(100000);
$c2 = $srv->connect();
echo "second client on the other worker: ", var_export($ask($c2, 'info')['worker'] !== $r['worker'], true), "\n";
echo tasksrv_recv_until($c1, "\n");
$p = $c2 ? $ask($c2, "peek 1") : null;
echo "from the other worker: ", var_export($p !== null && $p['socket_fd'] === $i['socket_fd'] && $p['reactor_id'] === $i['reactor_id'], true), "\n";
$t = $ask($c1, 'task 1');
echo "from a task worker: ", var_export($t['socket_fd'] === $i['socket_fd'] && $t['remote_port'] === $i['remote_port'], true), "\n";
echo json_encode($ask($c1, 'missing')), "\n";
fclose($c1);
$srv->waitOutput('onClose(1)');
echo "after close: ", json_encode($ask($c2, 'peek 1')), ", with ignore_error: ", json_encode($ask($c2, 'closed 1')), "\n";
echo "exit: ", $srv->stop(), "\n";
preg_match_all('/onClose\(1\): \w+/', $srv->output(), $m);
echo implode("\n", $m[0]), "\n";
?>
--EXPECT--
server_port:int server_fd:int socket_fd:int socket_type:int remote_port:int remote_ip:string reactor_id:int connect_time:int last_time:int last_recv_time:float last_send_time:float last_dispatch_time:float close_errno:int recv_queued_bytes:int send_queued_bytes:int
socket_fd is a socket in its worker: true
reactor_id is the worker: true
alias: true
remote is the client: true
server_port: true, socket_type: 1
times: true
queued: 0 0 close_errno: 0
second client on the other worker: true
slept
from the other worker: true
from a task worker: true
[false,false]
after close: false, with ignore_error: true
exit: 0
onClose(1): array
