--TEST--
Server::__construct(): argument errors, bind failure (TaskSrv\Exception with errno as code), no leak after a failure
--EXTENSIONS--
tasksrv
--FILE--
<?php
$cases = [
    'no args' => fn() => new TaskSrv\Server(),
    'mode 0' => fn() => new TaskSrv\Server('127.0.0.1', 0, 0),
    'mode 7' => fn() => new TaskSrv\Server('127.0.0.1', 0, 7),
    'sock_type 0' => fn() => new TaskSrv\Server('127.0.0.1', 0, SWOOLE_BASE, 0),
    'sock_type 99' => fn() => new TaskSrv\Server('127.0.0.1', 0, SWOOLE_BASE, 99),
    'port -1' => fn() => new TaskSrv\Server('127.0.0.1', -1),
    'port 65536' => fn() => new TaskSrv\Server('127.0.0.1', 65536),
    'address not local' => fn() => new TaskSrv\Server('192.0.2.1', 0),
];
foreach ($cases as $what => $make) {
    try {
        $make();
        echo "$what: no exception\n";
    } catch (Throwable $e) {
        echo "$what: ", $e::class, ': ', $e->getMessage(), ' (code ', $e->getCode(), ")\n";
    }
}

// The port is taken: bind() fails in the constructor.
$blocker = stream_socket_server('tcp://127.0.0.1:0');
$name = stream_socket_get_name($blocker, false);
$port = (int) substr($name, strrpos($name, ':') + 1);
$fds = count(scandir('/proc/self/fd'));
try {
    new TaskSrv\Server('127.0.0.1', $port);
} catch (TaskSrv\Exception $e) {
    echo $e::class, ': ', str_replace((string) $port, 'PORT', $e->getMessage()), ' (code ', $e->getCode(), ")\n";
}
// Swoole's name for the same exception class.
try {
    new Swoole\Server('127.0.0.1', $port);
} catch (Swoole\Exception $e) {
    echo 'caught as Swoole\Exception: ', $e::class, ' code ', $e->getCode(), "\n";
}
echo "fds leaked: ", count(scandir('/proc/self/fd')) - $fds, "\n";

// A failed constructor does not count as "the" server of the process.
$s = new TaskSrv\Server('127.0.0.1', 0);
echo "constructed after failures: ", $s->port > 0 ? "yes" : "no", "\n";

// The constructor runs once per object.
try {
    $s->__construct('127.0.0.1', 0);
} catch (Throwable $e) {
    echo $e::class, ': ', $e->getMessage(), "\n";
}
?>
--EXPECTF--
no args: ArgumentCountError: TaskSrv\Server::__construct() expects at least 1 argument, 0 given (code 0)
mode 0: ValueError: TaskSrv\Server::__construct(): Argument #3 ($mode) must be SWOOLE_BASE or SWOOLE_PROCESS (code 0)
mode 7: ValueError: TaskSrv\Server::__construct(): Argument #3 ($mode) must be SWOOLE_BASE or SWOOLE_PROCESS (code 0)
sock_type 0: ValueError: TaskSrv\Server::__construct(): Argument #4 ($sock_type) must be %s (code 0)
sock_type 99: ValueError: TaskSrv\Server::__construct(): Argument #4 ($sock_type) must be %s (code 0)
port -1: ValueError: TaskSrv\Server::__construct(): Argument #2 ($port) must be between 0 and 65535 (code 0)
port 65536: ValueError: TaskSrv\Server::__construct(): Argument #2 ($port) must be between 0 and 65535 (code 0)
address not local: TaskSrv\Exception: failed to listen server port[192.0.2.1:0], Error: Cannot assign requested address[99] (code 99)
TaskSrv\Exception: failed to listen server port[127.0.0.1:PORT], Error: Address already in use[98] (code 98)
caught as Swoole\Exception: TaskSrv\Exception code 98
fds leaked: 0
constructed after failures: yes
Error: Constructor of TaskSrv\Server can only be called once
