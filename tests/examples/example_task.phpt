--TEST--
examples/task.php (the seed): three messages become three tasks, run in task workers and finished in the worker
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/examples.inc';
$srv = example_server('task.php');
foreach (['hello', 'world', 'x y'] as $m) {
    $c = $srv->connect();
    fwrite($c, $m);
    $srv->waitOutput("beendet: $m -> OK");
}
$lines = explode("\n", trim($srv->output()));
sort($lines);
echo implode("\n", $lines), "\n";
echo "exit: ", $srv->stop(), "\n";
echo "left: ", count(tasksrv_group_pids($srv->pgid)), "\n";
?>
--EXPECT--
Asynchrone Aufgabe abgegeben: id=0
Asynchrone Aufgabe abgegeben: id=1
Asynchrone Aufgabe abgegeben: id=2
Asynchrone Aufgabe[0] beendet: hello -> OK
Asynchrone Aufgabe[1] beendet: world -> OK
Asynchrone Aufgabe[2] beendet: x y -> OK
Neue asynchrone Aufgabe[id=0]
Neue asynchrone Aufgabe[id=1]
Neue asynchrone Aufgabe[id=2]
exit: 0
left: 0
