--TEST--
The seed task.php with SWOOLE_PROCESS: PROCESS mode is not implemented, the constructor throws TaskSrv\Exception saying so and nothing is started
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
// In this process.
foreach (['TaskSrv\Server', 'Swoole\Server'] as $class) {
    try {
        new $class('127.0.0.1', 0, SWOOLE_PROCESS);
        echo "no exception\n";
    } catch (Throwable $e) {
        echo $e::class, ': ', $e->getMessage(), "\n";
    }
}
// A failed constructor leaves no half-made server: a BASE one can be made now.
$s = new TaskSrv\Server('127.0.0.1', 0, SWOOLE_BASE);
echo "BASE after that: ", $s->mode === SWOOLE_BASE ? "ok" : "wrong mode", "\n";
unset($s);

// The seed program, changed only to ask for PROCESS mode.
$seed = file_get_contents(__DIR__ . '/../fixtures/task.php');
$seed = str_replace(["<?php\n", "new Swoole\\Server('127.0.0.1', 9501)"], ['', "new Swoole\\Server('127.0.0.1', PORT, SWOOLE_PROCESS)"], $seed);
echo "seed changed: ", var_export(str_contains($seed, 'SWOOLE_PROCESS'), true), "\n";
$srv = tasksrv_server($seed, ['wait' => false]);
$deadline = microtime(true) + 10;
while ($srv->running() && microtime(true) < $deadline) {
    usleep(10000);
}
echo "exited: ", var_export(!$srv->running(), true), "\n";
echo "listening: ", var_export(tasksrv_port_open($srv->port), true), "\n";
echo "left: ", count(tasksrv_group_pids($srv->pgid)), "\n";
echo "exit: ", $srv->stop(), "\n";
$out = str_replace([$srv->script, (string) $srv->port], ['SCRIPT', 'PORT'], $srv->output());
// The only output: the uncaught exception, at the constructor's line.
echo trim($out), "\n";
?>
--EXPECT--
TaskSrv\Exception: SWOOLE_PROCESS mode is not implemented yet, use SWOOLE_BASE
TaskSrv\Exception: SWOOLE_PROCESS mode is not implemented yet, use SWOOLE_BASE
BASE after that: ok
seed changed: true
exited: true
listening: false
left: 0
exit: 255
Fatal error: Uncaught TaskSrv\Exception: SWOOLE_PROCESS mode is not implemented yet, use SWOOLE_BASE in SCRIPT:2
Stack trace:
#0 SCRIPT(2): TaskSrv\Server->__construct('127.0.0.1', PORT, 2)
#1 {main}
  thrown in SCRIPT on line 2
