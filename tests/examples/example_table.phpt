--TEST--
examples/table.php: two workers count two clients' messages in a Swoole\Table, a task worker reads the same rows
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/examples.inc';
$srv = example_server('table.php');
$a = $srv->connect();
$b = $srv->connect();
foreach ([[$a, 'one'], [$b, 'two'], [$a, 'three'], [$a, 'four'], [$b, 'five']] as [$c, $m]) {
    echo example_ask($srv, $m, $c), "\n";
}
/* Session ids follow the order in which the two workers accepted, which need not be the
 * order of the connects: the rows are shown without their ids, sorted. */
$rows = explode(' | ', example_ask($srv, 'stats', $a));
$rows = array_map(fn($r) => preg_replace('/^client\d+:/', 'client:', $r), $rows);
sort($rows);
echo implode("\n", $rows), "\n";
echo "exit: ", $srv->stop(), "\n";
echo "left: ", count(tasksrv_group_pids($srv->pgid)), "\n";
?>
--EXPECT--
counted
counted
counted
counted
counted
client: 2 messages, last 'five', 0 bytes
client: 3 messages, last 'four', 0 bytes
total: 5 messages, last '', 19 bytes
exit: 0
left: 0
