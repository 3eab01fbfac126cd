--TEST--
Timers outside a server (a plain script), as Swoole 6.2.1: the loop runs at the end of the script (Swoole's deprecation notice), or in Event::wait(); an uncaught exception in a timer is fatal; exit() in a timer; start() refused once the script made its loop
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
function run(string $code): void
{
    /* tempnam() makes $base; the script is $base.php: both go. */
    $base = tempnam(sys_get_temp_dir(), 'tasksrv-timer-');
    $f = $base . '.php';
    file_put_contents($f, "<?php\n" . $code);
    $php = getenv('TEST_PHP_EXECUTABLE') ?: PHP_BINARY;
    exec(escapeshellarg($php) . ' -n -d extension=' . escapeshellarg(tasksrv_extension_path())
        . ' -d display_errors=1 -d error_reporting=-1 ' . escapeshellarg($f) . ' 2>&1', $out, $rc);
    unlink($f);
    unlink($base);
    /* PHP 8.4 names a closure {closure:FILE:LINE} in traces, 8.2 {closure}. */
    $text = preg_replace('/\{closure:[^}]*\}/', '{closure}', implode("\n", $out));
    echo preg_replace('/\S+tasksrv-timer-\w+\.php/', 'FILE', $text), "\nrc=$rc\n";
}
echo "-- implicit wait at the end\n";
run(<<<'PHP'
register_shutdown_function(fn() => print("shutdown function\n"));
Swoole\Timer::tick(5, function ($id) { static $n = 0; echo "tick ", ++$n, "\n"; if ($n === 3) Swoole\Timer::clear($id); });
Swoole\Timer::after(30, function (...$a) { echo "after ", implode(',', $a), "\n"; }, 'x', 'y');
echo "end of script\n";
PHP);
echo "-- Event::wait()\n";
run(<<<'PHP'
Swoole\Timer::after(10, fn() => print("after\n"));
Swoole\Event::wait();
var_dump(Swoole\Timer::stats()['num']);
echo "after wait\n";
PHP);
echo "-- exception\n";
run(<<<'PHP'
Swoole\Timer::after(5, function () { throw new RuntimeException("boom"); });
Swoole\Timer::after(10, fn() => print("never\n"));
try { Swoole\Event::wait(); } catch (Throwable $e) { echo "caught\n"; }
echo "not reached\n";
PHP);
echo "-- exit\n";
run(<<<'PHP'
Swoole\Timer::after(5, function () { echo "exiting\n"; exit(7); });
Swoole\Timer::after(10, fn() => print("never\n"));
Swoole\Event::wait();
echo "not reached\n";
PHP);
echo "-- start() after a timer\n";
run(<<<'PHP'
Swoole\Timer::after(5, fn() => print("timer\n"));
$s = new Swoole\Server('127.0.0.1', 0);
$s->on('Receive', function () {});
var_dump($s->start());
PHP);
?>
--EXPECTF--
-- implicit wait at the end
end of script
shutdown function

Deprecated: swoole_event_rshutdown(): Event::wait() in shutdown function is deprecated in Unknown on line 0
tick 1
tick 2
tick 3
after x,y
rc=0
-- Event::wait()
after
int(0)
after wait
rc=0
-- exception

Fatal error: Uncaught RuntimeException: boom in FILE:2
Stack trace:
#0 [internal function]: {closure}()
#1 FILE(4): TaskSrv\Event::wait()
#2 {main}
  thrown in FILE on line 2
rc=255
-- exit
exiting
rc=7
-- start() after a timer

Warning: TaskSrv\Server::start(): The event-loop has already been created, unable to start TaskSrv\Server in FILE on line 5
bool(false)

Deprecated: swoole_event_rshutdown(): Event::wait() in shutdown function is deprecated in Unknown on line 0
timer
rc=0
