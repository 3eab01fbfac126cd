--TEST--
The seed task.php with SWOOLE_PROCESS: a master, a manager, one worker per CPU and four task workers; three messages are dispatched, run in task workers and finished; SIGTERM ends it all (exit 0, port released)
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
// The seed program, changed only to ask for PROCESS mode.
$seed = file_get_contents(__DIR__ . '/../fixtures/task.php');
$seed = str_replace(["<?php\n", "new Swoole\\Server('127.0.0.1', 9501)"], ['', "new Swoole\\Server('127.0.0.1', PORT, SWOOLE_PROCESS)"], $seed);
echo "seed changed: ", var_export(str_contains($seed, 'SWOOLE_PROCESS'), true), "\n";
$srv = tasksrv_server($seed);
foreach (['hello', 'world', 'x y'] as $m) {
    $c = $srv->connect();
    fwrite($c, $m);
    $srv->waitOutput("beendet: $m -> OK");
    $conns[] = $c;
}
// Worker count follows the CPUs (Swoole's PROCESS default): master + manager + workers + 4.
$cpus = (int) shell_exec('nproc');
echo "processes: ", count(tasksrv_group_pids($srv->pgid)) - 1 === 2 + $cpus + 4 ? "2 + CPUs + 4" : "wrong", "\n";
// Task ids are per worker: which worker got which message depends on the fds.
$out = preg_replace('/id=\d+|\[\d+\]/', 'ID', $srv->output());
$lines = explode("\n", trim($out));
sort($lines);
echo implode("\n", $lines), "\n";
echo "exit: ", $srv->stop(), "\n";
echo "left: ", count(tasksrv_group_pids($srv->pgid)), "\n";
echo "port released: ", tasksrv_port_open($srv->port) ? "no" : "yes", "\n";
?>
--EXPECT--
seed changed: true
processes: 2 + CPUs + 4
Asynchrone Aufgabe abgegeben: ID
Asynchrone Aufgabe abgegeben: ID
Asynchrone Aufgabe abgegeben: ID
Asynchrone AufgabeID beendet: hello -> OK
Asynchrone AufgabeID beendet: world -> OK
Asynchrone AufgabeID beendet: x y -> OK
Neue asynchrone Aufgabe[ID]
Neue asynchrone Aufgabe[ID]
Neue asynchrone Aufgabe[ID]
exit: 0
left: 0
port released: yes
