--TEST--
open_length_check for every package_length_type (signed and unsigned, 1/2/4/8 bytes, machine order, big and little endian), with a header before the length field and after it
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/framing.inc';
/* Header: "HD", the length field, "|"; the length counts the body only. A body of
 * 300 bytes (0x012C) reads as another length in the wrong byte order. */
$types = ['c', 'C', 's', 'S', 'n', 'v', 'l', 'L', 'N', 'V', 'q', 'Q', 'J', 'P'];
$size = fn(string $t) => strlen(pack($t, 0));
$servers = [];
foreach ($types as $t) {
    $servers[$t] = tasksrv_server(str_replace(['TYPE', 'BODY'], [$t, 3 + $size($t)], <<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['open_length_check' => true, 'package_length_type' => 'TYPE',
    'package_length_offset' => 2, 'package_body_offset' => BODY]);
$s->on('Receive', function ($s, $fd, $rid, $data) {
    $ok = substr($data, 0, 2) === 'HD' && $data[BODY - 1] === '|';
    $body = substr($data, BODY);
    $s->send($fd, ($ok ? '' : 'BAD HEADER ') . strlen($body) . ':' . md5($body) . "\n");
});
$s->start();
PHP), ['wait' => false]);
}
foreach ($types as $t) {
    $srv = $servers[$t];
    $srv->waitListening();
    $long = str_repeat(chr(65 + strlen($t)), $size($t) === 1 ? 100 : 300);
    $bodies = ['x', $long, '', 'tail'];
    $stream = '';
    $expect = [];
    foreach ($bodies as $b) {
        $stream .= 'HD' . pack($t, strlen($b)) . '|' . $b;
        $expect[] = strlen($b) . ':' . md5($b);
    }
    $c1 = framing_connect($srv);
    fwrite($c1, $stream);
    $coalesced = framing_recv_lines($c1, count($bodies));
    $c2 = framing_connect($srv);
    framing_write_split($c2, $stream, 40, 17);
    $split = framing_recv_lines($c2, count($bodies));
    echo "$t: one write ", $coalesced === $expect ? 'ok' : json_encode($coalesced),
        ", cut ", $split === $expect ? 'ok' : json_encode($split), "\n";
    fclose($c1);
    fclose($c2);
    $srv->stop();
    $srv->kill();
}
?>
--EXPECT--
c: one write ok, cut ok
C: one write ok, cut ok
s: one write ok, cut ok
S: one write ok, cut ok
n: one write ok, cut ok
v: one write ok, cut ok
l: one write ok, cut ok
L: one write ok, cut ok
N: one write ok, cut ok
V: one write ok, cut ok
q: one write ok, cut ok
Q: one write ok, cut ok
J: one write ok, cut ok
P: one write ok, cut ok
