--TEST--
reload_async => false: the manager stops the old processes one at a time (never two stopping at once); with the default, all at once
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
foreach ([false, true] as $async) {
    $dir = sys_get_temp_dir() . '/tasksrv-stopping-' . getmypid();
    @mkdir($dir);
    $code = <<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 3, 'task_worker_num' => 1, 'reload_async' => ASYNC]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('WorkerStop', function ($s, $id) {
    // how many old processes are stopping at this moment
    touch(DIR . '/' . getmypid());
    // wait a little for another one (long enough to see them when they stop at once)
    $end = microtime(true) + (ASYNC ? 2.0 : 0.15);
    while (count(glob(DIR . '/*')) < 2 && microtime(true) < $end) {
        usleep(5000);
    }
    echo "WorkerStop($id) saw " . count(glob(DIR . '/*')) . " stopping\n";
    unlink(DIR . '/' . getmypid());
});
$s->on('AfterReload', fn($s) => print("AfterReload\n"));
$s->on('Receive', function () {});
$s->on('Task', function () {});
$s->start();
PHP;
    $srv = tasksrv_server(str_replace(['ASYNC', 'DIR'], [var_export($async, true), var_export($dir, true)], $code));
    $srv->waitOutput('WorkerStart', 4);
    tasksrv_signal($srv->mainPid(), 'USR1');
    $srv->waitOutput('AfterReload');
    $srv->waitOutput('WorkerStart', 8);
    preg_match_all('/saw (\d) stopping/', $srv->output(), $m);
    echo "reload_async=", var_export($async, true), ": ", count($m[1]), " stopped, at most ", max($m[1]), " at once\n";
    echo "exit: ", $srv->stop(), "\n";
    @rmdir($dir);
}
?>
--EXPECTF--
reload_async=false: 4 stopped, at most 1 at once
exit: 0
reload_async=true: 4 stopped, at most %r[234]%r at once
exit: 0
