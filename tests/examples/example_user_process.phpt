--TEST--
examples/user_process.php: workers hand numbers to a user process through its pipe and get its answers back; kill -9 of it: the manager starts it again (a new pid, the count starts over); shutdown leaves no process
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/examples.inc';
$srv = example_server('user_process.php');
$srv->waitOutput('counter process');
foreach (['12', '30', 'stats'] as $m) {
    echo preg_replace('/pid=\d+/', 'pid=N', example_ask($srv, $m)), "\n";
}
preg_match('/pid=(\d+)/', example_ask($srv, 'stats'), $m);
tasksrv_signal((int) $m[1], 'KILL');
$srv->waitOutput('counter process', 2);
$after = example_ask($srv, 'stats');
echo "after kill -9: ", preg_replace('/pid=\d+/', 'pid=N', $after), ", new pid: ",
    var_export(!str_contains($after, "pid={$m[1]}"), true), "\n";
echo "exit: ", $srv->stop(), "\n";
echo "left: ", count(tasksrv_group_pids($srv->pgid)), "\n";
echo preg_replace('/\(pid \d+\)/', '(pid N)', preg_replace('/^\[.*abnormal exit.*\n/m', '', $srv->output()));
?>
--EXPECT--
added 12
added 30
count=2 total=42 pid=N
after kill -9: count=0 total=0 pid=N, new pid: true
exit: 0
left: 0
counter process #2 started (pid N)
counter process #2 started (pid N)
