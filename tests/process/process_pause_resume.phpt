--TEST--
PROCESS mode: pause() stops onReceive for a connection until resume() (or confirm()), also when called for it from another connection; unknown sessions are false
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
$s->set(['worker_num' => 1]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    $b = fn($v) => var_export($v, true);
    [$cmd, $arg] = explode(' ', trim($data), 2) + [1 => ''];
    switch ($cmd) {
        case 'pause':
            $s->send($fd, "pause($arg): {$b($s->pause((int) $arg))}\n");
            break;
        case 'resume':
            $s->send($fd, "resume($arg): {$b($s->resume((int) $arg))}\n");
            break;
        case 'confirm':
            $s->send($fd, "confirm($arg): {$b($s->confirm((int) $arg))}\n");
            break;
        default:
            echo "onReceive($fd): ", trim($data), "\n";
            $s->send($fd, "got " . trim($data) . "\n");
    }
});
$s->start();
PHP, ['wait' => false]);
$srv->waitOutput('WorkerStart');
$srv->waitListening();
$a = $srv->connect();
$ctl = $srv->connect();
$say = function ($c, $cmd) {
    fwrite($c, "$cmd\n");
    echo tasksrv_recv_until($c, "\n");
};
$say($a, 'one');
$say($ctl, 'pause 1');
fwrite($a, "two\n");
echo "while paused: ", json_encode(tasksrv_recv($a, 0.5)), "\n";
$say($ctl, 'resume 1');
echo "after resume: ", tasksrv_recv_until($a, "\n");
$say($a, 'pause 1');
fwrite($a, "three\n");
echo "while paused: ", json_encode(tasksrv_recv($a, 0.5)), "\n";
$say($ctl, 'confirm 1');
echo "after confirm: ", tasksrv_recv_until($a, "\n");
$say($ctl, 'pause 999');
$say($ctl, 'resume 999');
echo "exit: ", $srv->stop(), "\n";
echo preg_replace('/^(?!onReceive).*\n/m', '', $srv->output());
?>
--EXPECT--
got one
pause(1): true
while paused: ""
resume(1): true
after resume: got two
pause(1): true
while paused: ""
confirm(1): true
after confirm: got three
pause(999): false
resume(999): false
exit: 0
onReceive(1): one
onReceive(1): two
onReceive(1): three
