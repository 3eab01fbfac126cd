--TEST--
open_eof_split with package_eof "\r\n": one onReceive per packet (EOF included), however the stream is cut
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['open_eof_split' => true, 'package_eof' => "\r\n"]);
$s->on('Receive', function ($s, $fd, $rid, $data) {
    echo "Receive(" . json_encode($data) . ")\n";
});
$s->start();
PHP);
$c = $srv->connect();
$count = fn() => substr_count($srv->output(), 'Receive(');
// Each piece is written on its own (a separate segment) with the number of
// onReceive calls there must be once it arrived.
$step = function (string $what, array $pieces) use ($c, $srv, $count) {
    echo "-- $what\n";
    $before = $count();
    foreach ($pieces as [$piece, $expect]) {
        fwrite($c, $piece);
        if ($expect > 0) {
            $srv->waitOutput('Receive(', $before + $expect);
        }
        usleep(50000);  // and no more than that
        if ($count() !== $before + $expect) {
            echo "after ", json_encode($piece), ": ", $count() - $before, " calls, expected $expect\n";
        }
    }
    $lines = array_slice(explode("\n", trim($srv->output())), $before);
    echo implode("\n", $lines), "\n";
};
$step('three packets in one write', [["a\r\nbb\r\nccc\r\n", 3]]);
$step('one packet in three writes', [["ddd", 0], ["eee", 0], ["fff\r\n", 1]]);
$step('EOF cut in the middle', [["gg\r", 0], ["\n", 1]]);
$step('a packet and the start of the next', [["x\r\ny", 1], ["y\r\n", 2]]);
$step('empty packets', [["\r\n\r\n", 2]]);
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
-- three packets in one write
Receive("a\r\n")
Receive("bb\r\n")
Receive("ccc\r\n")
-- one packet in three writes
Receive("dddeeefff\r\n")
-- EOF cut in the middle
Receive("gg\r\n")
-- a packet and the start of the next
Receive("x\r\n")
Receive("yy\r\n")
-- empty packets
Receive("\r\n")
Receive("\r\n")
exit: 0
