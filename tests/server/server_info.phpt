--TEST--
php --ri tasksrv: version, compatibility names, build information, events and set() options
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$php = getenv('TEST_PHP_EXECUTABLE') ?: PHP_BINARY;
echo shell_exec(escapeshellarg($php) . ' -n -d extension=' . escapeshellarg(tasksrv_extension_path()) . ' --ri tasksrv');
echo "version matches phpversion(): ";
var_dump(str_contains(shell_exec(escapeshellarg($php) . ' -n -d extension=' . escapeshellarg(tasksrv_extension_path()) . ' --ri tasksrv'),
    'Version => ' . phpversion('tasksrv') . "\n"));
?>
--EXPECTF--
tasksrv

tasksrv support => enabled
Version => %d.%d.%s
Swoole\Server compatibility names => on
Event loop => epoll
Task transport => shared-memory rings of 256 KiB between event workers and task workers (a frame up to 128 KiB goes whole through the ring, a bigger payload through the channel's socketpair), AF_UNIX SOCK_STREAM socketpairs between the other processes; 32-byte frames, no temp files
HTTP server => TaskSrv\Http\Server (re2c HTTP/1.1 parser)
HTTP compression => %s
%A
Modes => SWOOLE_BASE, SWOOLE_PROCESS
Build => %s
Events (on()) => Start, %s

%wset() options%w
option => type => default
worker_num => int => %s
%Aversion matches phpversion(): bool(true)
