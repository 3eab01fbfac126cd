--TEST--
open_length_check: a packet longer than package_max_length, a negative length and a length ending inside the header close only that connection, with a logged reason; onClose fires; other connections keep working
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/framing.inc';
/* 'l' (signed 32 bit) after two bytes; package_body_offset 0: the length counts the
 * whole packet, header included. 70000 is above 64 KiB, so it is taken as given. */
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['open_length_check' => true, 'package_length_type' => 'l', 'package_length_offset' => 2,
    'package_body_offset' => 0, 'package_max_length' => 70000]);
$s->on('Connect', fn($s, $fd) => print("Connect(fd=$fd)\n"));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    echo "Receive(fd=$fd, " . strlen($data) . " bytes)\n";
    $s->send($fd, "got " . strlen($data) . "\n");
});
$s->on('Close', fn($s, $fd, $rid) => print("Close(fd=$fd, reactor_id=$rid)\n"));
$s->start();
PHP);
$packet = fn(int $total) => 'HD' . pack('l', $total) . str_repeat('.', max(0, $total - 6));
$bystander = framing_connect($srv);
$closed = function (string $what, string $bytes) use ($srv) {
    $c = framing_connect($srv);
    fwrite($c, $bytes);
    echo "$what: ", tasksrv_recv($c, 5.0) === '' && feof($c) ? "closed" : "open", "\n";
};
$alive = function () use ($bystander) {
    fwrite($bystander, 'HD' . pack('l', 10) . 'ping');
    echo "  other connection: ", tasksrv_recv_until($bystander, "\n");
};

$c = framing_connect($srv);
fwrite($c, $packet(70000));
echo "70000 bytes (= package_max_length): ", tasksrv_recv_until($c, "\n");
$closed('70001 bytes announced', substr($packet(70001), 0, 6));
$alive();
$closed('negative length', 'HD' . pack('l', -5) . 'body');
$alive();
$closed('length 3, inside the 6-byte header', 'HD' . pack('l', 3) . 'more');
$alive();
fclose($c);
$srv->waitOutput('Close(fd=2');
fclose($bystander);
$srv->waitOutput('Close(fd=1');
echo "exit: ", $srv->stop(), "\n";
echo $srv->output();
?>
--EXPECTF--
70000 bytes (= package_max_length): got 70000
70001 bytes announced: closed
  other connection: got 10
negative length: closed
  other connection: got 10
length 3, inside the 6-byte header: closed
  other connection: got 10
exit: 0
Connect(fd=1)
Connect(fd=2)
Receive(fd=2, 70000 bytes)
Connect(fd=3)
[%s]	WARNING	Server::onReceive(): session#3 from 127.0.0.1:%d: packet of 70001 bytes is larger than package_max_length 70000, connection closed
Close(fd=3, reactor_id=0)
Receive(fd=1, 10 bytes)
Connect(fd=4)
[%s]	WARNING	Server::onReceive(): session#4 from 127.0.0.1:%d: negative packet length -5 (package_length_type 'l' at offset 2), connection closed
Close(fd=4, reactor_id=0)
Receive(fd=1, 10 bytes)
Connect(fd=5)
[%s]	WARNING	Server::onReceive(): session#5 from 127.0.0.1:%d: packet length 3 ends inside its header of 6 bytes, connection closed
Close(fd=5, reactor_id=0)
Receive(fd=1, 10 bytes)
Close(fd=2, reactor_id=0)
Close(fd=1, reactor_id=0)
