--TEST--
package_max_length (never below 64 KiB): a connection sending more without EOF is closed and logged; other connections keep working
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
// 1000 is raised to 64 KiB at start, as Swoole does.
$s->set(['open_eof_split' => true, 'package_eof' => "\r\n", 'package_max_length' => 1000]);
$s->on('Receive', function ($s, $fd, $rid, $data) {
    echo "Receive(fd=$fd, " . strlen($data) . " bytes)\n";
    $s->send($fd, "got " . strlen($data) . "\n");
});
$s->on('Close', fn($s, $fd, $rid) => print("Close(fd=$fd, reactor_id=$rid)\n"));
$s->start();
PHP, ['wait' => false]);
$srv->waitListening();  // its probe connection is fd 1
$srv->waitOutput('Close(fd=1');
$big = $srv->connect();
$small = $srv->connect();

// 10000 bytes in one packet: more than 1000, well within 64 KiB.
fwrite($big, str_repeat('a', 9998) . "\r\n");
echo tasksrv_recv_until($big, "\n");

// 100 KiB without EOF: closed.
stream_set_blocking($big, false);
$chunk = str_repeat('b', 8192);
$written = 0;
$deadline = microtime(true) + 5;
while ($written < 100 * 1024 && microtime(true) < $deadline) {
    $w = @fwrite($big, $chunk);
    if ($w === false) {
        break;
    }
    $written += $w;
    usleep(1000);
}
stream_set_blocking($big, true);
echo "big client sees EOF: ", tasksrv_recv($big, 5.0) === '' && feof($big) ? "yes" : "no", "\n";
$srv->waitOutput('Close(fd=2');

fwrite($small, "still here\r\n");
echo tasksrv_recv_until($small, "\n");
echo "exit: ", $srv->stop(), "\n";
echo $srv->output();
?>
--EXPECTF--
got 10000
big client sees EOF: yes
got 12
exit: 0
Receive(fd=1, 10000 bytes)
[%s #%d.0]	WARNING	%s
Close(fd=1, reactor_id=0)
Receive(fd=2, 12 bytes)
Close(fd=2, reactor_id=-1)
