--TEST--
listen() errors: an address in use (by another process, or by a port of this server) and a bad host give a warning and false; bad types and ports are ValueErrors
--EXTENSIONS--
tasksrv
--FILE--
<?php
$busy = stream_socket_server('tcp://127.0.0.1:0');
$busyPort = (int) substr(strrchr(stream_socket_get_name($busy, false), ':'), 1);
$s = new TaskSrv\Server('127.0.0.1', 0);
var_dump($s->listen('127.0.0.1', $busyPort, SWOOLE_SOCK_TCP));
var_dump($s->listen('127.0.0.1', $s->port, SWOOLE_SOCK_TCP));
var_dump($s->listen('0.0.0.0', $s->port, SWOOLE_SOCK_TCP));
var_dump($s->listen('no such host', 0, SWOOLE_SOCK_TCP));
// the same port number for UDP is another socket
var_dump($s->listen('127.0.0.1', $s->port, SWOOLE_SOCK_UDP) instanceof TaskSrv\Server\Port);
foreach ([[0, 7], [70000, SWOOLE_SOCK_TCP], [0, SWOOLE_SOCK_TCP | SWOOLE_SSL]] as [$port, $type]) {
    try {
        $s->listen('127.0.0.1', $port, $type);
    } catch (ValueError $e) {
        echo $e::class, ': ', $e->getMessage(), "\n";
    }
}
var_dump(count($s->ports));
try {
    new Swoole\Server\Port();
} catch (Error $e) {
    echo $e::class, ': ', $e->getMessage(), "\n";
}
?>
--EXPECTF--
Warning: TaskSrv\Server::listen(): failed to listen server port[127.0.0.1:%d], Error: Address already in use[98] in %s on line %d
bool(false)

Warning: TaskSrv\Server::listen(): failed to listen server port[127.0.0.1:%d], Error: Address already in use[98] in %s on line %d
bool(false)

Warning: TaskSrv\Server::listen(): failed to listen server port[0.0.0.0:%d], Error: Address already in use[98] in %s on line %d
bool(false)

Warning: TaskSrv\Server::listen(): failed to listen server port[no such host:0], Error: Invalid argument (not an address)[22] in %s on line %d
bool(false)
bool(true)
ValueError: TaskSrv\Server::listen(): Argument #3 ($sock_type) must be one of SWOOLE_SOCK_TCP, SWOOLE_SOCK_TCP6, SWOOLE_SOCK_UDP, SWOOLE_SOCK_UDP6, SWOOLE_SOCK_UNIX_STREAM, SWOOLE_SOCK_UNIX_DGRAM
ValueError: TaskSrv\Server::listen(): Argument #2 ($port) must be between 0 and 65535
ValueError: TaskSrv\Server::listen(): Argument #3 ($sock_type) must not include SWOOLE_SSL (SSL is not supported)
int(2)
Error: Call to private TaskSrv\Server\Port::__construct() from global scope
