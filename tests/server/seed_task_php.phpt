--TEST--
The seed task.php runs unchanged: three messages are dispatched, run in task workers and finished
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
// tests/fixtures/task.php is a verbatim copy of the seed (../shared/seed/task.php).
$seed = file_get_contents(__DIR__ . '/../fixtures/task.php');
$seed = str_replace(["<?php\n", '9501'], ['', 'PORT'], $seed);
$srv = tasksrv_server($seed);
foreach (['hello', 'world', 'x y'] as $i => $m) {
    $c = $srv->connect();
    fwrite($c, $m);
    $srv->waitOutput("beendet: $m -> OK");
    $conns[] = $c;
}
echo "processes: ", count(tasksrv_group_pids($srv->pgid)) - 1, "\n"; // minus the timeout leader
$lines = explode("\n", trim($srv->output()));
sort($lines);
echo implode("\n", $lines), "\n";
echo "exit: ", $srv->stop(), "\n";
echo "left: ", count(tasksrv_group_pids($srv->pgid)), "\n";
echo "port released: ", tasksrv_port_open($srv->port) ? "no" : "yes", "\n";
?>
--EXPECT--
processes: 6
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
port released: yes
