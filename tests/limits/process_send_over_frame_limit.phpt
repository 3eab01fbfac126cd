--TEST--
SWOOLE_PROCESS: send() of more than one frame between processes carries (1 GiB + 1 byte) returns false with a warning naming the limit, and the worker's channel to the master stays intact (the next send() arrives); set() refuses a package_max_length above 1 GiB with a ValueError
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php
if ((int) shell_exec("awk '/MemAvailable/ {print \$2}' /proc/meminfo") < 4 * 1024 * 1024) die('skip needs 4 GiB of free memory');
?>
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$s = new TaskSrv\Server('127.0.0.1', 0);
try {
    $s->set(['package_max_length' => (1 << 30) + 1]);
} catch (ValueError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
$s->set(['worker_num' => 1]);
$s->on('Receive', function ($s, $fd, $r, $d) {
    $big = str_repeat('x', (1 << 30) + 1);
    $ok = $s->send($fd, $big);
    unset($big);
    $s->send($fd, "big send: " . var_export($ok, true) . "\n");
});
$s->start();
PHP, ['ini' => ['memory_limit' => '-1']]);
$c = $srv->connect();
fwrite($c, 'go');
echo tasksrv_recv_until($c, "\n", 20);
$srv->waitOutput('exceeds the largest message');
echo preg_match('/WARNING\tThe length of data \[1073741825\] exceeds the largest message between processes \[1073741824\]/', $srv->output()) ? "warning names the limit\n" : $srv->output();
echo "corrupt channel: ", substr_count($srv->output(), 'corrupt'), "\n";
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "package_max_length" must be between 1 and 1073741824, 1073741825 given
big send: false
warning names the limit
corrupt channel: 0
exit: 0
