--TEST--
Connections: $fd is a session id from 1, unique across workers; reactor_id is the worker id; exists(); close() fires onClose with reactor_id -1 and the client sees EOF
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 2]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$rel = fn($s, $rid) => $rid === $s->getWorkerId() ? 'own worker id' : $rid;
$s->on('Connect', function ($s, $fd, $rid) use ($rel) {
    echo "Connect fd=$fd reactor_id={$rel($s, $rid)}\n";
});
$s->on('Receive', function ($s, $fd, $rid, $data) use ($rel) {
    if ($data === 'sleep') {
        echo "worker " . $s->getWorkerId() . " sleeps\n";
        usleep(500000);
        $s->send($fd, "slept\n");
        return;
    }
    if ($data === 'close') {
        $r = $s->close($fd);
        echo "close($fd) returned " . var_export($r, true) . ", then exists: " . var_export($s->exists($fd), true)
            . ", close again: " . var_export($s->close($fd), true) . "\n";
        return;
    }
    $s->send($fd, "fd=$fd reactor_id={$rel($s, $rid)} worker=" . $s->getWorkerId() . " exists=" . var_export($s->exists($fd), true) . "\n");
});
$s->on('Close', function ($s, $fd, $rid) use ($rel) {
    echo "Close fd=$fd reactor_id={$rel($s, $rid)} exists=" . var_export($s->exists($fd), true) . "\n";
});
$s->start();
PHP, ['wait' => false]); // no probe connection: the first client gets fd 1
$srv->waitOutput('WorkerStart', 2);
$clients = $workers = [];
$hello = function () use ($srv, &$clients, &$workers) {
    $c = $srv->connect();
    fwrite($c, 'hello');
    $reply = tasksrv_recv_until($c, "\n");
    preg_match('/^fd=(\d+) .* worker=(\d+)/', $reply, $m);
    $clients[$m[1]] = $c;
    $workers[$m[1]] = $m[2];
    echo preg_replace('/ worker=\d/', '', $reply);
};
$hello();
// While the worker of fd 1 is busy, the other one accepts.
fwrite($clients[1], 'sleep');
$srv->waitOutput('sleeps');
$hello();
$hello();
$hello();
echo tasksrv_recv_until($clients[1], "\n");
echo "fds: ", implode(',', array_keys($clients)), "\n";
echo "both workers used: ", count(array_unique($workers)) === 2 ? "yes" : "no", "\n";

// The server closes fd 2.
fwrite($clients[2], 'close');
echo "client 2 sees EOF: ", tasksrv_recv($clients[2], 5.0) === '' && feof($clients[2]) ? "yes" : "no", "\n";
$srv->waitOutput('Close fd=2');
// The client closes fd 3.
fclose($clients[3]);
$srv->waitOutput('Close fd=3');
// The others still work.
fwrite($clients[1], 'hello');
echo preg_replace('/ worker=\d/', '', tasksrv_recv_until($clients[1], "\n"));
echo "exit: ", $srv->stop(), "\n";
// Connections 1 and 4 are closed by the shutdown.
$lines = array_filter(explode("\n", trim($srv->output())), fn($l) => !preg_match('/^(WorkerStart|worker \d sleeps)/', $l));
sort($lines);
echo implode("\n", $lines), "\n";
?>
--EXPECT--
fd=1 reactor_id=own worker id exists=true
fd=2 reactor_id=own worker id exists=true
fd=3 reactor_id=own worker id exists=true
fd=4 reactor_id=own worker id exists=true
slept
fds: 1,2,3,4
both workers used: yes
client 2 sees EOF: yes
fd=1 reactor_id=own worker id exists=true
exit: 0
Close fd=1 reactor_id=-1 exists=false
Close fd=2 reactor_id=-1 exists=false
Close fd=3 reactor_id=own worker id exists=false
Close fd=4 reactor_id=-1 exists=false
Connect fd=1 reactor_id=own worker id
Connect fd=2 reactor_id=own worker id
Connect fd=3 reactor_id=own worker id
Connect fd=4 reactor_id=own worker id
close(2) returned true, then exists: false, close again: false
