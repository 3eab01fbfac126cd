--TEST--
examples/process_mode.php: SWOOLE_PROCESS with two workers; a worker that exits is started again and the client's connection, held by the master, is served by it
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/examples.inc';
$srv = example_server('process_mode.php');
$srv->waitOutput('started', 2);
$a = $srv->connect();
$b = $srv->connect();
echo preg_replace('/#\d/', '#N', example_ask($srv, 'hi', $a)), "\n";
echo preg_replace('/#\d/', '#N', example_ask($srv, 'hi', $b)), "\n";
$crash = example_ask($srv, 'crash', $a);
echo preg_replace('/#\d/', '#N', $crash), "\n";
$srv->waitOutput('started', 3);
$again = example_ask($srv, 'again', $a);
echo "same connection, same worker id: ", var_export($again === str_replace(' exits now', ' got: again', $crash), true), "\n";
echo "processes: master, manager, two workers: ", count(tasksrv_group_pids($srv->pgid)) - 1, "\n";
fclose($a);
fclose($b);
$srv->waitOutput('closed', 2);
echo "exit: ", $srv->stop(), "\n";
echo "left: ", count(tasksrv_group_pids($srv->pgid)), "\n";
$out = $srv->output();
echo "connect and close lines: ", substr_count($out, 'connected'), " ", substr_count($out, 'closed'), "\n";
?>
--EXPECT--
worker #N got: hi
worker #N got: hi
worker #N exits now
same connection, same worker id: true
processes: master, manager, two workers: 4
exit: 0
left: 0
connect and close lines: 2 2
