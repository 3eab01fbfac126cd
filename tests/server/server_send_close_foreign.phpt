--TEST--
send()/close() on a connection owned by another event worker, and from a task worker: forwarded to the owner (true), which sends or closes it; onClose runs in the owner with reactor_id -1; an unknown session is false
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 2, 'task_worker_num' => 1]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    [$cmd, $arg] = explode(' ', trim($data), 2) + [1 => ''];
    $me = $s->getWorkerId();
    $b = fn($v) => var_export($v, true);
    switch ($cmd) {
        case 'who':
            $s->send($fd, "fd=$fd worker=$me\n");
            break;
        case 'sleep':
            usleep(500000);
            $s->send($fd, "slept\n");
            break;
        case 'send':
            $owner = $s->getClientInfo((int) $arg)['reactor_id'] ?? 'none';
            $r = $s->send((int) $arg, "hello from worker $me\n");
            $s->send($fd, "send($arg) from worker $me to the connection of worker $owner: {$b($r)}\n");
            break;
        case 'close':
            $r = $s->close((int) $arg);
            $s->send($fd, "close($arg) from worker $me: {$b($r)}\n");
            break;
        case 'task':
            $s->send($fd, "task: " . $s->taskwait($arg, 5) . "\n");
            break;
    }
});
$s->on('Task', function ($s, $id, $src, $data) {
    [$op, $fd] = explode(' ', $data);
    $r = $op === 'send' ? $s->send((int) $fd, "hello from the task worker\n") : $s->close((int) $fd);
    return "$op($fd) in the task worker: " . var_export($r, true);
});
$s->on('Close', function ($s, $fd, $rid) {
    echo "Close fd=$fd reactor_id=$rid in worker ", $s->getWorkerId(), "\n";
});
$s->start();
PHP, ['wait' => false]);
$srv->waitOutput('WorkerStart', 3);
$a = $srv->connect();
fwrite($a, "who\n");
preg_match('/worker=(\d)/', $ra = tasksrv_recv_until($a, "\n"), $m);
$wa = (int) $m[1];
echo preg_replace('/worker=\d/', 'worker=A', $ra);
// While A's worker sleeps, the other worker accepts B.
fwrite($a, "sleep\n");
usleep(100000);
$b = $srv->connect();
fwrite($b, "who\n");
$rb = tasksrv_recv_until($b, "\n");
preg_match('/worker=(\d)/', $rb, $m);
$wb = (int) $m[1];
echo "B on the other worker: ", var_export($wa !== $wb, true), "\n";
echo tasksrv_recv_until($a, "\n");
$names = fn($s) => strtr($s, ["worker $wa" => 'worker A', "worker $wb" => 'worker B', "worker=$wa" => 'worker=A', "worker=$wb" => 'worker=B']);
$say = function ($c, $cmd) use ($names) {
    fwrite($c, "$cmd\n");
    echo $names(tasksrv_recv_until($c, "\n"));
};
$say($b, 'send 1');
echo "A got: ", $names(tasksrv_recv_until($a, "\n"));
$say($b, 'send 999');
$say($b, 'task send 1');
echo "A got: ", tasksrv_recv_until($a, "\n");
$say($b, 'close 1');
echo "A sees EOF: ", var_export(tasksrv_recv($a, 5.0) === '' && feof($a), true), "\n";
$srv->waitOutput('Close fd=1');
$say($b, 'close 1');
// the task worker closes B itself
$c = $srv->connect();
fwrite($c, "who\n");
tasksrv_recv_until($c, "\n");
$say($c, 'task close 2');
echo "B sees EOF: ", var_export(tasksrv_recv($b, 5.0) === '' && feof($b), true), "\n";
$srv->waitOutput('Close fd=2');
echo "exit: ", $srv->stop(), "\n";
preg_match_all('/^Close fd=[12] .*$/m', $srv->output(), $m);
echo $names(implode("\n", $m[0])), "\n";
?>
--EXPECT--
fd=1 worker=A
B on the other worker: true
slept
send(1) from worker B to the connection of worker A: true
A got: hello from worker B
send(999) from worker B to the connection of worker none: false
task: send(1) in the task worker: true
A got: hello from the task worker
close(1) from worker B: true
A sees EOF: true
close(1) from worker B: false
task: close(2) in the task worker: true
B sees EOF: true
exit: 0
Close fd=1 reactor_id=-1 in worker A
Close fd=2 reactor_id=-1 in worker B
