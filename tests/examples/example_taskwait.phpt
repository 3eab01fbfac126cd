--TEST--
examples/taskwait.php: one word goes through taskwait(), several through taskWaitMulti() (results in the words' order), each answered on the client's connection
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/examples.inc';
$srv = example_server('taskwait.php');
foreach (['hello', 'one two three', 'a b c d e f'] as $m) {
    echo preg_replace('/@\d+/', '@N', example_ask($srv, $m)), "\n";
}
echo "exit: ", $srv->stop(), "\n";
echo "left: ", count(tasksrv_group_pids($srv->pgid)), "\n";
?>
--EXPECT--
taskwait: 'HELLO@N'
taskWaitMulti: ONE@N TWO@N THREE@N
taskWaitMulti: A@N B@N C@N D@N E@N F@N
exit: 0
left: 0
