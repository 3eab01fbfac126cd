--TEST--
max_conn (alias max_connection): a connection beyond it is accepted then closed, logged "Too many connections [now: N]" and counted in abort_count; below it again, connections are served
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
foreach (['max_conn', 'max_connection'] as $opt) {
    $srv = tasksrv_server(<<<PHP
\$s = new TaskSrv\Server('127.0.0.1', PORT);
\$s->set(['worker_num' => 1, '$opt' => 2, 'backlog' => 16]);
\$s->on('WorkerStart', fn(\$s, \$id) => print("WorkerStart(\$id)\\n"));
\$s->on('Receive', function (\$s, \$fd, \$rid, \$data) {
    \$st = \$s->stats();
    \$s->send(\$fd, "fd=\$fd connection_num={\$st['connection_num']} abort_count={\$st['abort_count']} accept_count={\$st['accept_count']} max_connection={\$s->setting['max_connection']}\\n");
});
\$s->on('Close', fn(\$s, \$fd) => print("Close(\$fd)\\n"));
\$s->start();
PHP, ['wait' => false]);
    $srv->waitOutput('WorkerStart');
    echo "$opt:\n";
    $c1 = $srv->connect();
    fwrite($c1, "x");
    echo tasksrv_recv_until($c1, "\n");
    $c2 = $srv->connect();
    fwrite($c2, "x");
    echo tasksrv_recv_until($c2, "\n");
    $c3 = $srv->connect();
    echo "third closed by the server: ", var_export(tasksrv_recv($c3, 5.0) === '' && feof($c3), true), "\n";
    fclose($c1);
    $srv->waitOutput('Close(1)');
    $c4 = $srv->connect();
    fwrite($c4, "x");
    echo tasksrv_recv_until($c4, "\n");
    echo "exit: ", $srv->stop(), "\n";
    echo preg_match_all('/WARNING\tToo many connections \[now: 2\]/', $srv->output()), " warning\n";
}
?>
--EXPECT--
max_conn:
fd=1 connection_num=1 abort_count=0 accept_count=1 max_connection=2
fd=2 connection_num=2 abort_count=0 accept_count=2 max_connection=2
third closed by the server: true
fd=3 connection_num=2 abort_count=1 accept_count=3 max_connection=2
exit: 0
1 warning
max_connection:
fd=1 connection_num=1 abort_count=0 accept_count=1 max_connection=2
fd=2 connection_num=2 abort_count=0 accept_count=2 max_connection=2
third closed by the server: true
fd=3 connection_num=2 abort_count=1 accept_count=3 max_connection=2
exit: 0
1 warning
