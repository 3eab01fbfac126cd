--TEST--
Big temporary buffers shrink back once used: after a 200 MiB async task waited in an event worker's output buffer (its task worker busy), the worker's RSS falls back once the payload is out, and the task completes intact
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php
if ((int) shell_exec("awk '/MemAvailable/ {print \$2}' /proc/meminfo") < 3 * 1024 * 1024) die('skip needs 3 GiB of free memory');
?>
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
function rss_mb(): int
{
    preg_match('/VmRSS:\s+(\d+)/', file_get_contents('/proc/self/status'), $m);
    return intdiv((int) $m[1], 1024);
}
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 1, 'task_worker_num' => 1]);
$s->on('Receive', function ($s, $fd, $r, $d) {
    $GLOBALS['fd'] = $fd;
    $GLOBALS['before'] = rss_mb();
    $s->task('hold');                              /* keeps the task worker busy */
    $s->task(str_repeat('x', 200 << 20));          /* waits in this worker's output buffer */
    $GLOBALS['peak'] = rss_mb();
});
$s->on('Task', function ($s, $id, $src, $d) {
    if ($d === 'hold') {
        usleep(300000);
        return 'held';
    }
    return strlen($d) === (200 << 20) && strspn($d, 'x') === (200 << 20) ? 'intact' : 'broken';
});
$s->on('Finish', function ($s, $id, $d) {
    if ($d !== 'held') {
        $after = rss_mb();
        $s->send($GLOBALS['fd'], sprintf("%s; buffered: %s; given back: %s\n", $d,
            $GLOBALS['peak'] - $GLOBALS['before'] > 150 ? 'yes' : 'no (' . ($GLOBALS['peak'] - $GLOBALS['before']) . ' MB)',
            $after - $GLOBALS['before'] < 50 ? 'yes' : 'no (' . ($after - $GLOBALS['before']) . ' MB kept)'));
    }
});
$s->start();
PHP, ['ini' => ['memory_limit' => '-1']]);
$c = $srv->connect();
fwrite($c, 'go');
echo tasksrv_recv_until($c, "\n", 30);
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
intact; buffered: yes; given back: yes
exit: 0
