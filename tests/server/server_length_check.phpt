--TEST--
open_length_check with Swoole's defaults (package_length_type N at offset 0, package_body_offset 4): one onReceive per whole packet, however the stream is cut
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/framing.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['open_length_check' => true]);
$s->on('Receive', function ($s, $fd, $rid, $data) {
    echo "Receive(" . json_encode($data) . ")\n";
    $body = substr($data, 4);
    $s->send($fd, (strlen($body) > 50 ? strlen($body) . ' bytes, md5 ' . md5($body) : json_encode($body)) . "\n");
});
$s->start();
PHP);
$c = framing_connect($srv);
$p = fn(string $body) => pack('N', strlen($body)) . $body;
$step = function (string $what, string $stream, int $packets, callable $write) use ($c) {
    $write($c, $stream);
    echo "-- $what: ", implode(' ', framing_recv_lines($c, $packets)), "\n";
};
$whole = fn($c, $s) => fwrite($c, $s);
$step('three packets in one write', $p('a') . $p('bb') . $p('ccc'), 3, $whole);
$step('one byte per write', $p('split') . $p('up'), 2, 'framing_write_split');
$step('a packet and the start of the next', $p('x') . substr($p('yy'), 0, 3), 1, $whole);
$step('the rest of it', substr($p('yy'), 3), 1, $whole);
$step('empty bodies', $p('') . $p('') . $p('z'), 3, $whole);
$big = str_repeat('0123456789', 10000);
$step('100000 bytes, cut', $p($big) . $p('after'), 2, fn($c, $s) => framing_write_split($c, $s, 8, 7001));
echo "exit: ", $srv->stop(), "\n";
echo "onReceive calls: ", substr_count($srv->output(), 'Receive('), "\n";
?>
--EXPECT--
-- three packets in one write: "a" "bb" "ccc"
-- one byte per write: "split" "up"
-- a packet and the start of the next: "x"
-- the rest of it: "yy"
-- empty bodies: "" "" "z"
-- 100000 bytes, cut: 100000 bytes, md5 13572e9e296cff52b79c52148313c3a5 "after"
exit: 0
onReceive calls: 12
