--TEST--
SIGTERM to the whole process group (systemd's KillMode=control-group) stops the server as SIGTERM to the manager does, in both modes: every worker's and task worker's register_shutdown_function runs to its end, no "abnormal exit", BeforeShutdown and Shutdown run, exit status 0, nothing left
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
foreach (['SWOOLE_BASE', 'SWOOLE_PROCESS'] as $mode) {
    $srv = tasksrv_server(str_replace('MODE', $mode, <<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT, MODE);
    $s->set(['worker_num' => 2, 'task_worker_num' => 2]);
    $s->on('BeforeShutdown', fn() => print("BeforeShutdown\n"));
    $s->on('Shutdown', fn() => print("Shutdown\n"));
    $s->on('WorkerStart', function ($s, $id) {
        echo "WorkerStart\n";
        register_shutdown_function(function () use ($id) {
            usleep(200000);
            echo "shutdown function of $id done\n";
        });
    });
    $s->on('Receive', function () {});
    $s->on('Task', function () {});
    $s->start();
    PHP));
    $srv->waitOutput('WorkerStart', 4);
    /* The group holds the server's processes and the `timeout` leader, which passes
     * SIGTERM on to its child too: every process gets it, some twice. */
    tasksrv_signal(-$srv->pgid, 'TERM');
    $deadline = microtime(true) + 10 * tasksrv_slowdown();
    while (microtime(true) < $deadline && ($srv->running() || tasksrv_group_pids($srv->pgid))) {
        usleep(10000);
    }
    $out = $srv->output();
    echo "$mode: shutdown functions done: ", preg_match_all('/shutdown function of \d done/', $out),
        ", abnormal exits: ", substr_count($out, 'abnormal exit'),
        ", BeforeShutdown: ", substr_count($out, 'BeforeShutdown'),
        ", Shutdown: ", preg_match_all('/^Shutdown$/m', $out),
        ", left: ", count(tasksrv_group_pids($srv->pgid)), "\n";
    echo "exit: ", $srv->stop(), "\n";
    if (getenv("SHOW")) echo $out;
}
?>
--EXPECT--
SWOOLE_BASE: shutdown functions done: 4, abnormal exits: 0, BeforeShutdown: 1, Shutdown: 1, left: 0
exit: 0
SWOOLE_PROCESS: shutdown functions done: 4, abnormal exits: 0, BeforeShutdown: 1, Shutdown: 1, left: 0
exit: 0
