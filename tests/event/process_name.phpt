--TEST--
swoole_set_process_name() (TaskSrv\set_process_name()) in WorkerStart: the title in /proc/PID/cmdline of an event worker and a task worker, true as in Swoole 6.2.1; a non-string is a TypeError
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php
// Under scripts/valgrind-tests /proc/PID/cmdline shows valgrind's command line.
if (getenv('TASKSRV_TEST_VALGRIND')) die('skip process titles are hidden by valgrind');
?>
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new Swoole\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 1, 'task_worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
$s->on('WorkerStart', function ($s, $wid) {
    $r = $s->taskworker ? TaskSrv\set_process_name("my task worker $wid") : swoole_set_process_name("my worker $wid");
    echo "set: " . var_export($r, true) . "\n"; // one write: two processes share the log
    try {
        swoole_set_process_name([]);
    } catch (TypeError $e) {
        echo $e->getMessage() . "\n"; // one write, as above
    }
});
$s->on('Receive', function () {});
$s->on('Task', function () {});
$s->start();
PHP);
$srv->waitOutput('set:', 2);
$titles = [];
foreach (tasksrv_children($srv->mainPid()) as $pid) {
    $titles[] = rtrim(str_replace("\0", ' ', file_get_contents("/proc/$pid/cmdline")));
}
sort($titles);
echo implode("\n", $titles), "\n";
$out = explode("\n", trim($srv->output()));
sort($out);
echo implode("\n", $out), "\n";
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
my task worker 1
my worker 0
set: true
set: true
swoole_set_process_name(): Argument #1 ($process_name) must be of type string, array given
swoole_set_process_name(): Argument #1 ($process_name) must be of type string, array given
exit: 0
