<?php
/* bench/redis: the anchor of issue 15, a plain phpredis list queue. Run by driver.php.
 *
 *   php anchor.php consumer PORT
 *     BLPOP one job from `jobs`, RPUSH it to `results`, until the job "STOP"; prints its
 *     CPU time (getrusage) as JSON.
 *   php anchor.php producer PORT REDIS_PID N WINDOW BATCH RTT_N CONSUMERS
 *     Throughput: N 64-byte jobs RPUSHed in pipelines of BATCH, at most WINDOW in flight,
 *     results taken with BLPOP and LPOP COUNT (rawCommand: phpredis 5.3 has no count argument) until all N are back (end to end). Then the round
 *     trip of one job at a time (RPUSH, BLPOP of its result), RTT_N times. Prints JSON:
 *     jobs/s, its own and redis-server's CPU over the throughput phase, rtt p50/p99. */
function cpu_self(): float
{
    $u = getrusage();
    return $u['ru_utime.tv_sec'] + $u['ru_utime.tv_usec'] / 1e6 + $u['ru_stime.tv_sec'] + $u['ru_stime.tv_usec'] / 1e6;
}

/** CPU seconds (user + system) of process $pid, from /proc. */
function cpu_of(int $pid): float
{
    $st = @file_get_contents("/proc/$pid/stat");
    if ($st === false) {
        return 0.0;
    }
    $f = explode(' ', substr($st, strrpos($st, ')') + 2));
    return ((int) $f[11] + (int) $f[12]) / 100;
}

function connect(int $port): Redis
{
    $r = new Redis();
    $r->connect('127.0.0.1', $port);
    $r->setOption(Redis::OPT_READ_TIMEOUT, -1);
    return $r;
}

function percentile(array $v, float $p): float
{
    sort($v);
    return $v[min(count($v) - 1, (int) floor($p * count($v)))];
}

[$role, $port] = [$argv[1], (int) $argv[2]];
$r = connect($port);
if ($role === 'consumer') {
    $cpu0 = cpu_self();
    $n = 0;
    for (;;) {
        [, $job] = $r->blPop(['jobs'], 0);
        if ($job === 'STOP') {
            break;
        }
        $r->rPush('results', $job);
        $n++;
    }
    echo json_encode(['role' => 'consumer', 'jobs' => $n, 'cpu' => cpu_self() - $cpu0]), "\n";
    exit(0);
}

[, , , $redisPid, $n, $window, $batch, $rttN, $consumers] = array_map('intval', $argv);
$payload = str_repeat('x', 64);
$cpu0 = cpu_self();
$rcpu0 = cpu_of($redisPid);
$t0 = hrtime(true);
$sent = $done = 0;
while ($done < $n) {
    if ($sent < $n && $sent - $done <= $window - $batch) {
        $k = min($batch, $n - $sent);
        $p = $r->pipeline();
        for ($i = 0; $i < $k; $i++) {
            $p->rPush('jobs', $payload);
        }
        $p->exec();
        $sent += $k;
        $got = $r->rawCommand('LPOP', 'results', 1024);
    } else {
        /* The window is full: wait for one result, then take what else is there. */
        $one = $r->blPop(['results'], 0);
        $done += $one ? 1 : 0;
        $got = $r->rawCommand('LPOP', 'results', 1024);
    }
    $done += is_array($got) ? count($got) : 0;
}
$secs = (hrtime(true) - $t0) / 1e9;
$cpu = cpu_self() - $cpu0;
$rcpu = cpu_of($redisPid) - $rcpu0;

/* The round trip of one job at a time. */
$rtt = [];
for ($i = 0; $i < $rttN + 100; $i++) {
    $t = hrtime(true);
    $r->rPush('jobs', $payload);
    $r->blPop(['results'], 0);
    if ($i >= 100) {
        $rtt[] = (hrtime(true) - $t) / 1e3;
    }
}
for ($i = 0; $i < $consumers; $i++) {
    $r->rPush('jobs', 'STOP');
}
echo json_encode(['role' => 'producer', 'jobs' => $n, 'secs' => $secs, 'jobs_per_s' => $n / $secs,
    'cpu_producer' => $cpu, 'cpu_redis' => $rcpu,
    'rtt_p50_us' => $rtt ? percentile($rtt, 0.5) : null, 'rtt_p99_us' => $rtt ? percentile($rtt, 0.99) : null]), "\n";
