--TEST--
Process: a child with a SOCK_STREAM, a SOCK_DGRAM and no pipe; write()/read() both ways, wait()'s pid/code/signal, exit codes, redirect_stdin_and_stdout, errors as in Swoole 6.2.1
--EXTENSIONS--
tasksrv
--FILE--
<?php
use Swoole\Process;

foreach ([Process::PIPE_TYPE_STREAM, Process::PIPE_TYPE_DGRAM] as $type) {
    $p = new Process(function (Process $w) {
        $got = $w->read();
        $w->write("echo:$got");
        $w->write("second");
        $w->exit(3);
    }, false, $type);
    echo "type $type: pipe before start ", is_int($p->pipe) ? 'int' : 'null', ", pid ", var_export($p->pid, true), "\n";
    $pid = $p->start();
    echo "start: ", var_export($pid === $p->pid && $pid > 0, true), "\n";
    echo "write: ", $p->write('hello'), "\n";
    usleep(100000);
    if ($type === Process::PIPE_TYPE_DGRAM) {
        echo "read: ", $p->read(), " / ", $p->read(), "\n";   // one message per read
    } else {
        echo "read: ", $p->read(), "\n";                      // a byte stream
    }
    $r = Process::wait();
    echo "wait: ", var_export($r['pid'] === $pid, true), " code={$r['code']} signal={$r['signal']} keys=", implode(',', array_keys($r)), "\n";
}

$p = new Process(function (Process $w) {
    echo "pipe in child: ", var_export($w->pipe, true), "\n";
    posix_kill(getmypid(), SIGKILL);
}, false, 0);
$p->start();
$r = Process::wait();
echo "killed: code={$r['code']} signal={$r['signal']}\n";
var_dump($p->write('x'), $p->read());

$p = new Process(function (Process $w) {
    echo "to the pipe\n";
    $w->exit(4);
}, true, 0);
$p->start();
$r = Process::wait();
echo "redirected: ", json_encode($p->read()), " code={$r['code']}\n";

$p = new Process(function () { throw new RuntimeException('boom'); });
$p->start();
$r = Process::wait();
echo "exception: code={$r['code']}\n";

$p = new Process(function () { usleep(200000); });
$p->start();
var_dump($p->start());
$p->setTimeout(0.05);
$t = microtime(true);
var_dump($p->read(), microtime(true) - $t < 1);
$p->setBlocking(false);
var_dump($p->read());
var_dump($p->write(''));
var_dump($p->read(0));
$p->exit(300);
Process::wait();
var_dump(Process::wait(), Process::wait(false));
var_dump(Process::kill(getmypid(), 0), Process::kill(999999999, 0));
?>
--EXPECTF--
type 1: pipe before start int, pid NULL
start: true
write: 5
read: echo:hellosecond
wait: true code=3 signal=0 keys=pid,code,signal
type 2: pipe before start int, pid NULL
start: true
write: 5
read: echo:hello / second
wait: true code=3 signal=0 keys=pid,code,signal
pipe in child: NULL
killed: code=0 signal=9

Warning: TaskSrv\Process::write(): no pipe, cannot write into pipe in %s on line %d

Warning: TaskSrv\Process::read(): no pipe, cannot read from pipe in %s on line %d
bool(false)
bool(false)
redirected: "to the pipe\n" code=4

Fatal error: Uncaught RuntimeException: boom in %s:%d
Stack trace:
#0 [internal function]: {closure%S}(Object(TaskSrv\Process))
#1 %s(%d): TaskSrv\Process->start()
#2 {main}
  thrown in %s on line %d
exception: code=255

Warning: TaskSrv\Process::start(): process has already been started in %s on line %d
bool(false)
bool(false)
bool(true)
bool(false)

Warning: TaskSrv\Process::write(): the data to send is empty in %s on line %d
bool(false)

Warning: TaskSrv\Process::read(): size must be greater than 0 in %s on line %d
bool(false)

Warning: TaskSrv\Process::exit(): not current process in %s on line %d
bool(false)
bool(false)
bool(true)
bool(false)
