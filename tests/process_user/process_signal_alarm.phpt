--TEST--
Process::signal() and Process::alarm(): callbacks run in the script's own flow (at the next VM check, or when a blocking read() or wait() is interrupted), signal(n, null) removes one, invalid numbers warn
--EXTENSIONS--
tasksrv
posix
--FILE--
<?php
use Swoole\Process;

$n = 0;
var_dump(Process::signal(SIGALRM, function ($sig) use (&$n) {
    echo "alarm $sig ", ++$n, "\n";
    if ($n === 3) {
        var_dump(Process::alarm(-1), Process::signal(SIGALRM, null));
    }
}));
var_dump(Process::alarm(20000));
while ($n < 3) {
    usleep(10000);
}
usleep(100000);
echo "alarms: $n\n";

Process::signal(SIGUSR1, function ($sig) { echo "usr1 $sig\n"; });
posix_kill(getmypid(), SIGUSR1);
echo "after kill\n";

/* A signal while read() waits: the callback runs, the read goes on. */
$p = new Process(function (Process $w) {
    usleep(100000);
    posix_kill(posix_getppid(), SIGUSR1);
    usleep(100000);
    $w->write('late');
    usleep(100000);
});
$p->start();
var_dump($p->read());
Process::signal(SIGCHLD, function ($sig) { echo "chld $sig\n"; });
$r = Process::wait();
echo "reaped: ", $r['pid'] === $p->pid ? 'yes' : 'no', "\n";
Process::signal(SIGCHLD, null);
Process::signal(SIGUSR1, null);

var_dump(Process::signal(0, fn() => null), Process::signal(99999, fn() => null));
var_dump(Process::alarm(1000, 7));
?>
--EXPECTF--
bool(true)
bool(true)
alarm 14 1
alarm 14 2
alarm 14 3
bool(true)
bool(true)
alarms: 3
usr1 10
after kill
usr1 10
string(4) "late"
chld 17
reaped: yes

Warning: TaskSrv\Process::signal(): invalid signal number [0] in %s on line %d

Warning: TaskSrv\Process::signal(): invalid signal number [99999] in %s on line %d
bool(false)
bool(false)

Warning: TaskSrv\Process::alarm(): setitimer() failed, Error: Invalid argument[22] in %s on line %d
bool(false)
