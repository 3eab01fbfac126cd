--TEST--
open_eof_check (without split): onReceive gets what has arrived only when it ends with package_eof (an EOF inside is not enough), several packets at a time; EOF framing wins over open_length_check as in Swoole
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/framing.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['open_eof_check' => true, 'package_eof' => "#", 'open_length_check' => true]);
$s->on('Receive', function ($s, $fd, $rid, $data) {
    echo "Receive(" . json_encode($data) . ")\n";
    $s->send($fd, json_encode($data) . "\n");
});
$s->start();
PHP);
$c = framing_connect($srv);
fwrite($c, "one#two#");
echo "one write: ", implode(' ', framing_recv_lines($c, 1)), "\n";
fwrite($c, "thr");
usleep(100000);
fwrite($c, "ee#fo");
usleep(100000);
fwrite($c, "ur#");
echo "three writes: ", implode(' ', framing_recv_lines($c, 1)), "\n";
echo "exit: ", $srv->stop(), "\n";
echo "onReceive calls: ", substr_count($srv->output(), 'Receive('), "\n";
?>
--EXPECT--
one write: "one#two#"
three writes: "three#four#"
exit: 0
onReceive calls: 2
