--TEST--
swoole_last_error()/getLastError(), swoole_strerror(), swoole_errno(), swoole_version(), swoole_cpu_num(), swoole_get_local_ip()/mac(), SWOOLE_VERSION*, SWOOLE_ERROR_*: Swoole 6.2.1's values and signatures; a send to an unknown session sets 1005 in a worker, a taskwait() timeout 10018
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';

foreach (['swoole_last_error', 'swoole_strerror', 'swoole_errno', 'swoole_version', 'swoole_cpu_num',
    'swoole_get_local_ip', 'swoole_get_local_mac'] as $f) {
    $r = new ReflectionFunction($f);
    echo $f, '(', implode(', ', array_map(fn($p) => $p->getType() . ' $' . $p->getName()
        . ($p->isOptional() ? ' = ' . ($p->getDefaultValueConstantName() ?? $p->getDefaultValue()) : ''), $r->getParameters())),
        '): ', $r->getReturnType(), "\n";
}
var_dump(swoole_last_error(), TaskSrv\last_error(), swoole_errno());
var_dump(swoole_strerror(SWOOLE_ERROR_SESSION_NOT_EXIST), swoole_strerror(2), swoole_strerror(0),
    swoole_strerror(9999), swoole_strerror(-2, SWOOLE_STRERROR_GAI), swoole_strerror(2, SWOOLE_STRERROR_DNS),
    swoole_strerror(SWOOLE_ERROR_CO_TIMEDOUT, SWOOLE_STRERROR_SWOOLE), TaskSrv\strerror(700));
var_dump(SWOOLE_ERROR_MALLOC_FAIL, SWOOLE_ERROR_SERVER_INVALID_COMMAND, SWOOLE_ERROR_CO_SOCKET_CLOSE_WAIT,
    TaskSrv\ERROR_TASK_TIMEOUT, SWOOLE_STRERROR_SYSTEM, SWOOLE_STRERROR_SWOOLE);
echo count(array_filter(array_keys(get_defined_constants(true)['tasksrv']), fn($k) => str_starts_with($k, 'SWOOLE_ERROR_'))),
    " SWOOLE_ERROR_ constants\n";
var_dump(swoole_version(), SWOOLE_VERSION, SWOOLE_VERSION_ID, SWOOLE_MAJOR_VERSION, SWOOLE_MINOR_VERSION,
    SWOOLE_RELEASE_VERSION, SWOOLE_EXTRA_VERSION, TaskSrv\SWOOLE_COMPAT_VERSION);
var_dump(TaskSrv\version() === phpversion('tasksrv'));
var_dump(swoole_cpu_num() === (int) trim(shell_exec('nproc')));
$ips = swoole_get_local_ip();
$ok = true;
foreach ($ips as $if => $ip) {
    $ok = $ok && is_string($if) && filter_var($ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4) && !str_starts_with($ip, '127.');
}
var_dump($ok);
foreach (swoole_get_local_ip(10) as $ip) {
    $ok = $ok && filter_var($ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV6) && $ip !== '::1';
}
var_dump($ok);
foreach (swoole_get_local_mac() as $if => $mac) {
    $ok = $ok && isset($ips[$if]) && preg_match('/^([0-9A-F]{2}:){5}[0-9A-F]{2}$/', $mac);
}
var_dump($ok);
try {
    swoole_get_local_ip(1);
} catch (ValueError $e) {
    echo $e->getMessage(), "\n";
}

// In a running server: a send to a session that does not exist is false and sets 1005.
$srv = tasksrv_server(<<<'PHP'
$s = new Swoole\Server('127.0.0.1', PORT);
$s->set(['task_worker_num' => 1]);
$s->on('Task', function () { usleep(300000); return 1; });
$s->on('Receive', function ($s, $fd, $rid, $data) {
    $before = [$s->getLastError(), swoole_last_error()];
    $r = $s->send(9999, 'x');
    $sent = [$r, $s->getLastError(), swoole_last_error(), $s->exists(9999)];
    // a taskwait() that times out leaves what Swoole 6.2.1 leaves: 10018
    $t = $s->taskwait('slow', 0.05);
    $s->send($fd, json_encode([$before, ...$sent, $t, $s->getLastError() === SWOOLE_ERROR_CO_TIMEDOUT]) . "\n");
});
$s->start();
PHP);
$c = $srv->connect();
fwrite($c, 'x');
echo tasksrv_recv_until($c, "\n");
$srv->stop();
echo $srv->output();
?>
--EXPECT--
swoole_last_error(): int
swoole_strerror(int $errno, int $error_type = SWOOLE_STRERROR_SYSTEM): string
swoole_errno(): int
swoole_version(): string
swoole_cpu_num(): int
swoole_get_local_ip(int $family = 2): array
swoole_get_local_mac(): array
int(0)
int(0)
int(0)
string(17) "Session not exist"
string(25) "No such file or directory"
string(7) "Success"
string(18) "Unknown error 9999"
string(25) "Name or service not known"
string(24) "Host name lookup failure"
string(18) "Coroutine timedout"
string(14) "File not exist"
int(501)
int(9012)
int(10019)
int(2003)
int(0)
int(9)
130 SWOOLE_ERROR_ constants
string(5) "6.2.1"
string(5) "6.2.1"
int(60201)
int(6)
int(2)
int(1)
string(0) ""
string(5) "6.2.1"
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
swoole_get_local_ip(): Argument #1 ($family) must be AF_INET or AF_INET6
[[0,0],false,1005,1005,false,false,true]
