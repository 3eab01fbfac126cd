--TEST--
examples/broadcast.php: a user process sends each client's line to every connection, lists them (/who) and closes one (/kick), whichever worker accepted it; shutdown leaves no process
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/examples.inc';
$srv = example_server('broadcast.php');
$srv->waitListening();
$c = [1 => $srv->connect(), 2 => $srv->connect(), 3 => $srv->connect()];
/* Each client says hello first, so that all three are served before the broadcast. */
foreach ($c as $i => $conn) {
    fwrite($conn, "/who\n");
    $who = tasksrv_recv_until($conn, "\n");
}
echo "#3 asked /who: ", $who;
fwrite($c[1], "hello all\n");
foreach ($c as $i => $conn) {
    echo "client $i got: ", tasksrv_recv_until($conn, "\n");
}
fwrite($c[2], "/kick 3\n");
echo "client 2 got: ", tasksrv_recv_until($c[2], "\n");
echo "client 3 closed: ", var_export(tasksrv_recv($c[3]) === '' && feof($c[3]), true), "\n";
fwrite($c[1], "/who\n");
echo "client 1 got: ", tasksrv_recv_until($c[1], "\n");
fwrite($c[1], "/kick 3\n");
echo "client 1 got: ", tasksrv_recv_until($c[1], "\n");
echo "exit: ", $srv->stop(), "\n";
echo "left: ", count(tasksrv_group_pids($srv->pgid)), "\n";
echo $srv->output();
?>
--EXPECT--
#3 asked /who: 3 here: #1 from 127.0.0.1, #2 from 127.0.0.1, #3 from 127.0.0.1
client 1 got: #1: hello all
client 2 got: #1: hello all
client 3 got: #1: hello all
client 2 got: kicked #3
client 3 closed: true
client 1 got: 2 here: #1 from 127.0.0.1, #2 from 127.0.0.1
client 1 got: no connection #3
exit: 0
left: 0
