--TEST--
metrics_listen answers while every event worker and every task worker is blocked in sleep (BASE: the manager answers; PROCESS: the master does): each scrape within a second, showing them all busy and the two tasks running
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php
require __DIR__ . '/../inc/metrics.inc';
metrics_skipif();
?>
--FILE--
<?php
require __DIR__ . '/../inc/metrics.inc';
foreach ([SWOOLE_BASE => 'BASE', SWOOLE_PROCESS => 'PROCESS'] as $mode => $name) {
    $mport = tasksrv_free_port();
    $srv = tasksrv_server(<<<PHP
\$s = new Swoole\Http\Server('127.0.0.1', PORT, $mode);
\$s->set(['worker_num' => 2, 'task_worker_num' => 2, 'dispatch_mode' => 3, 'metrics_listen' => '127.0.0.1:$mport']);
\$s->on('Request', function (\$req, \$res) use (\$s) {
    \$s->task('sleep', \$s->worker_id); /* worker 0 -> task worker 0, 1 -> 1 */
    sleep(3);
    \$res->end('slept');
});
\$s->on('Task', function (\$s, \$id, \$src, \$d) {
    sleep(3);
});
\$s->on('Finish', function () {});
\$s->start();
PHP);
    echo "== $name\n";
    echo "listening: ", var_export(metrics_wait_port($mport), true), "\n";
    $clients = [];
    $slow = [];
    $want = 1;
    $deadline = microtime(true) + 10;
    /* One request at a time, the next once the previous one's worker and task worker are
     * busy: so each event worker gets one. */
    while (microtime(true) < $deadline) {
        if (count($clients) < $want) {
            $c = stream_socket_client("tcp://127.0.0.1:{$srv->port}", $e, $es, 5);
            fwrite($c, "GET /block HTTP/1.1\r\nConnection: close\r\n\r\n");
            $clients[] = $c;
        }
        $r = metrics_curl($mport);
        if ($r['ms'] >= 1000 || $r['status'] !== 200) {
            $slow[] = sprintf('%d after %.0f ms', $r['status'], $r['ms']);
        }
        $fams = metrics_parse($r['body']);
        $busy = metrics_value($fams, 'tasksrv_workers', ['kind' => 'worker', 'state' => 'busy']);
        $tbusy = metrics_value($fams, 'tasksrv_workers', ['kind' => 'task_worker', 'state' => 'busy']);
        if ($busy >= $want && $tbusy >= $want) {
            if ($want === 2) {
                break;
            }
            $want = 2;
        }
        usleep(20000);
    }
    /* All four processes sleep: a few more scrapes, each answered at once. */
    for ($i = 0; $i < 5; $i++) {
        $r = metrics_curl($mport);
        if ($r['ms'] >= 1000 || $r['status'] !== 200) {
            $slow[] = sprintf('%d after %.0f ms', $r['status'], $r['ms']);
        }
    }
    echo "slow or failed scrapes: ", $slow ? implode(', ', $slow) : 'none', "\n";
    $fams = metrics_parse($r['body']);
    echo metrics_show($fams, 'tasksrv_workers', 'tasksrv_tasks_running');
    foreach ($clients as $c) {
        echo "client: ", preg_replace('~^HTTP/1.1 (\d+).*\r\n\r\n~s', '$1 ', stream_get_contents($c)), "\n";
    }
    echo "exit: ", $srv->stop(), "\n", $srv->output();
}
?>
--EXPECT--
== BASE
listening: true
slow or failed scrapes: none
tasksrv_workers (gauge): tasksrv_workers{kind=worker,state=busy}=2 tasksrv_workers{kind=worker,state=idle}=0 tasksrv_workers{kind=worker,state=exiting}=0 tasksrv_workers{kind=task_worker,state=busy}=2 tasksrv_workers{kind=task_worker,state=idle}=0 tasksrv_workers{kind=task_worker,state=exiting}=0
tasksrv_tasks_running (gauge): tasksrv_tasks_running=2
client: 200 slept
client: 200 slept
exit: 0
== PROCESS
listening: true
slow or failed scrapes: none
tasksrv_workers (gauge): tasksrv_workers{kind=worker,state=busy}=2 tasksrv_workers{kind=worker,state=idle}=0 tasksrv_workers{kind=worker,state=exiting}=0 tasksrv_workers{kind=task_worker,state=busy}=2 tasksrv_workers{kind=task_worker,state=idle}=0 tasksrv_workers{kind=task_worker,state=exiting}=0
tasksrv_tasks_running (gauge): tasksrv_tasks_running=2
client: 200 slept
client: 200 slept
exit: 0
