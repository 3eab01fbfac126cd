--TEST--
package_length_func (implies open_length_check): > 0 is the packet's length, 0 waits for more bytes, -1 closes the connection; an exception is reported and closes it too
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/framing.inc';
/* A text header: the body's length in decimal, then ':'. */
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['package_length_func' => function (string $buf): int {
    if (str_starts_with($buf, 'throw')) {
        throw new RuntimeException('no length here');
    }
    $colon = strpos($buf, ':');
    if ($colon === false) {
        return strlen($buf) < 8 ? 0 : -1;
    }
    $n = substr($buf, 0, $colon);
    return preg_match('/^[0-9]+$/', $n) ? $colon + 1 + (int) $n : -1;
}]);
$s->on('Receive', function ($s, $fd, $rid, $data) {
    echo "Receive(" . json_encode($data) . ")\n";
    $s->send($fd, json_encode($data) . "\n");
});
$s->on('Close', fn($s, $fd, $rid) => print("Close(fd=$fd, reactor_id=$rid)\n"));
$s->start();
PHP);
$c = framing_connect($srv);
fwrite($c, '5:hello2:hi0:');
echo "one write: ", implode(' ', framing_recv_lines($c, 3)), "\n";
framing_write_split($c, '11:hello world3:abc', 40);
echo "cut: ", implode(' ', framing_recv_lines($c, 2)), "\n";
$closed = function (string $what, string $bytes) use ($srv) {
    $c = framing_connect($srv);
    fwrite($c, $bytes);
    echo "$what: ", tasksrv_recv($c, 5.0) === '' && feof($c) ? "closed" : "open", "\n";
};
$closed('-1 (not a number)', 'x5:hello');
$closed('-1 (no colon in 8 bytes)', '123456789');
$closed('exception', 'throw:');
fwrite($c, '4:still');
echo "first connection: ", implode(' ', framing_recv_lines($c, 1)), "\n";
fclose($c);
$srv->waitOutput('Close(fd=1');
echo "exit: ", $srv->stop(), "\n";
echo $srv->output();
?>
--EXPECTF--
one write: "5:hello" "2:hi" "0:"
cut: "11:hello world" "3:abc"
-1 (not a number): closed
-1 (no colon in 8 bytes): closed
exception: closed
first connection: "4:stil"
exit: 0
Receive("5:hello")
Receive("2:hi")
Receive("0:")
Receive("11:hello world")
Receive("3:abc")
[%s]	WARNING	Server::onReceive(): session#2 from 127.0.0.1:%d: package_length_func returned -1, connection closed
Close(fd=2, reactor_id=0)
[%s]	WARNING	Server::onReceive(): session#3 from 127.0.0.1:%d: package_length_func returned -1, connection closed
Close(fd=3, reactor_id=0)

Fatal error: Uncaught RuntimeException: no length here in %s:%d
Stack trace:
#0 [internal function]: {closure%S}('throw:')
#1 %s(%d): TaskSrv\Server->start()
#2 {main}
  thrown in %s on line %d
[%s]	WARNING	Server::onReceive(): session#4 from 127.0.0.1:%d: package_length_func returned -1, connection closed
Close(fd=4, reactor_id=0)
Receive("4:stil")
Close(fd=1, reactor_id=0)
