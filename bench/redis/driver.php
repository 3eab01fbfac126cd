<?php
/* bench/redis/driver.php: run by bench/redis/run (see there). One round = the anchor
 * (anchor.php), tasksrv's throughput and tasksrv's taskwait round trip (tasksrv.php), each
 * against a redis-server of its own on a free loopback port (--save '' --appendonly no),
 * the order of anchor and tasksrv alternating between rounds. Every process is started
 * with setsid (its own process group) and only those groups are killed: on their end, on
 * the time limit of a run, and at exit. Prints a table of medians; the raw JSON lines go
 * to $OUT/raw.jsonl. */
$env = fn (string $k, string $d) => getenv($k) !== false && getenv($k) !== '' ? getenv($k) : $d;
$ROUNDS = (int) $env('ROUNDS', '5');
$N = (int) $env('N', '100000');
$RTT_N = (int) $env('RTT_N', '2000');
$WINDOW = (int) $env('WINDOW', '2048');
$BATCH = (int) $env('BATCH', '256');
$LIMIT = (float) $env('RUN_LIMIT', '120');
$EXT = $env('EXT', dirname(__DIR__, 2) . '/modules/tasksrv.so');
$PHP = $env('PHP', PHP_BINARY);
$NODES = $env('NODES', '1x2');    /* "1x2": one TaskNode of 2 task workers; "2x1": two nodes of 1 */
$OUT = $env('OUT', sys_get_temp_dir() . '/tasksrv-bench-redis-' . gmdate('Ymd\THis\Z'));
@mkdir($OUT, 0777, true);
$dir = __DIR__;
$anchorPhp = [$PHP, '-n', '-d', 'extension=igbinary.so', '-d', 'extension=redis.so'];
$tasksrvPhp = [$PHP, '-n', '-d', "extension=$EXT"];
/* EXT_OTHER: a second build of tasksrv (another commit's), run in every round beside the first. */
$EXT_OTHER = $env('EXT_OTHER', '');
$otherPhp = $EXT_OTHER !== '' ? [$PHP, '-n', '-d', "extension=$EXT_OTHER"] : null;

/** @var array<int, array{proc: resource, log: string}> the groups started and not yet reaped */
$groups = [];

function say(string $m): void
{
    fwrite(STDERR, "bench/redis: $m\n");
}

/** Starts $cmd as the leader of a new process group; returns its pid (= the group). */
function start(array $cmd, string $log): int
{
    global $groups;
    $proc = proc_open(array_merge(['setsid'], $cmd), [0 => ['file', '/dev/null', 'r'], 1 => ['file', $log, 'w'],
        2 => ['file', $log . '.err', 'w']], $pipes);
    $pid = proc_get_status($proc)['pid'];
    $groups[$pid] = ['proc' => $proc, 'log' => $log];
    return $pid;
}

function alive(int $pid): bool
{
    global $groups;
    return isset($groups[$pid]) && proc_get_status($groups[$pid]['proc'])['running'];
}

/** Waits for the group leader until $secs; then kills the group (SIGKILL) and reaps it. Returns true when it ended by itself. */
function finish(int $pid, float $secs, int $sig = 0): bool
{
    global $groups;
    if (!isset($groups[$pid])) {
        return true;
    }
    if ($sig) {
        posix_kill($pid, $sig);
    }
    $until = microtime(true) + $secs;
    while (alive($pid) && microtime(true) < $until) {
        usleep(5000);
    }
    $ended = !alive($pid);
    /* Whatever is left of the group (children of a killed leader too). */
    posix_kill(-$pid, SIGKILL);
    proc_close($groups[$pid]['proc']);
    unset($groups[$pid]);
    return $ended;
}

register_shutdown_function(function () {
    global $groups;
    foreach (array_keys($groups) as $pid) {
        finish($pid, 0);
    }
});
pcntl_async_signals(true);
pcntl_signal(SIGINT, fn () => exit(130));
pcntl_signal(SIGTERM, fn () => exit(143));

function free_port(): int
{
    $s = stream_socket_server('tcp://127.0.0.1:0');
    $port = (int) explode(':', stream_socket_get_name($s, false))[1];
    fclose($s);
    return $port;
}

function port_open(int $port): bool
{
    $c = @stream_socket_client("tcp://127.0.0.1:$port", $e, $es, 0.2);
    if ($c) {
        fclose($c);
        return true;
    }
    return false;
}

function redis_start(string $log): array
{
    $port = free_port();
    $pid = start(['redis-server', '--port', (string) $port, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
        '--daemonize', 'no'], $log);
    $until = microtime(true) + 10;
    while (!port_open($port)) {
        if (microtime(true) > $until) {
            throw new RuntimeException("redis-server did not listen on $port");
        }
        usleep(10000);
    }
    return [$pid, $port];
}

function wait_lines(string $log, string $needle, int $count, float $secs): bool
{
    $until = microtime(true) + $secs;
    while (substr_count((string) @file_get_contents($log), $needle) < $count) {
        if (microtime(true) > $until) {
            return false;
        }
        usleep(10000);
    }
    return true;
}

/** The JSON lines of a log. */
function json_lines(string $log): array
{
    $out = [];
    foreach (file($log, FILE_IGNORE_NEW_LINES) ?: [] as $l) {
        if ($l !== '' && $l[0] === '{' && ($j = json_decode($l, true)) !== null) {
            $out[] = $j;
        }
    }
    return $out;
}

/** redis-server's INFO commandstats: [command => [calls, usec]] (redis-cli, when installed). */
function command_stats(int $port): array
{
    $out = [];
    $txt = (string) @shell_exec('redis-cli -h 127.0.0.1 -p ' . $port . ' INFO commandstats 2>/dev/null');
    if (preg_match_all('/^cmdstat_([^:]+):calls=(\d+),usec=(\d+)/m', $txt, $m, PREG_SET_ORDER)) {
        foreach ($m as $x) {
            $out[$x[1]] = [(int) $x[2], (int) $x[3]];
        }
    }
    return $out;
}

function run_anchor(int $round): ?array
{
    global $OUT, $N, $RTT_N, $WINDOW, $BATCH, $LIMIT, $anchorPhp, $dir;
    [$rpid, $port] = redis_start("$OUT/r$round-anchor-redis.log");
    $cons = [];
    for ($i = 0; $i < 2; $i++) {
        $cons[] = start(array_merge($anchorPhp, ["$dir/anchor.php", 'consumer', (string) $port]), "$OUT/r$round-anchor-c$i.log");
    }
    $prod = start(array_merge($anchorPhp, ["$dir/anchor.php", 'producer', (string) $port, (string) $rpid, (string) $N,
        (string) $WINDOW, (string) $BATCH, (string) $RTT_N, '2']), "$OUT/r$round-anchor-p.log");
    $ok = finish($prod, $LIMIT);
    foreach ($cons as $c) {
        $ok = finish($c, 10) && $ok;
    }
    $cmds = command_stats($port);
    finish($rpid, 10, SIGTERM);
    $p = json_lines("$OUT/r$round-anchor-p.log")[0] ?? null;
    if (!$ok || $p === null) {
        say("anchor round $round failed (logs in $OUT)");
        return null;
    }
    $p['redis_cmds'] = $cmds;
    $p['cpu_consumers'] = 0.0;
    foreach ([0, 1] as $i) {
        $p['cpu_consumers'] += json_lines("$OUT/r$round-anchor-c$i.log")[0]['cpu'] ?? 0;
    }
    return $p;
}

function run_tasksrv(int $round, string $mode, ?array $php = null): ?array
{
    global $OUT, $N, $RTT_N, $WINDOW, $BATCH, $LIMIT, $tasksrvPhp, $dir, $NODES;
    $cmd = $php ?? $tasksrvPhp;
    $mode0 = $mode;
    $mode .= $php !== null ? '-other' : '';
    [$rpid, $port] = redis_start("$OUT/r$round-$mode-redis.log");
    $url = "redis://127.0.0.1:$port";
    [$nodes, $per] = array_map('intval', explode('x', $NODES));
    $node = [];
    for ($i = 0; $i < $nodes; $i++) {
        $node[$i] = start(array_merge($cmd, ["$dir/tasksrv.php", 'node', $url, (string) $per]), "$OUT/r$round-$mode-n$i.log");
    }
    $ok = true;
    for ($i = 0; $i < $nodes; $i++) {
        $ok = $ok && wait_lines("$OUT/r$round-$mode-n$i.log", 'READY', $per, 20);
    }
    $front = null;
    if ($ok) {
        $front = start(array_merge($cmd, ["$dir/tasksrv.php", 'front', $url, (string) free_port(), (string) $rpid,
            $mode0, (string) ($mode0 === 'rtt' ? $RTT_N : $N), (string) $WINDOW, (string) $BATCH]), "$OUT/r$round-$mode-f.log");
        $ok = finish($front, $LIMIT);
    }
    foreach ($node as $n) {
        $ok = finish($n, 10, SIGTERM) && $ok;
    }
    $cmds = command_stats($port);
    finish($rpid, 10, SIGTERM);
    $f = $front ? (json_lines("$OUT/r$round-$mode-f.log")[0] ?? null) : null;
    if (!$ok || $f === null) {
        say("tasksrv $mode round $round failed (logs in $OUT)");
        return null;
    }
    $f['redis_cmds'] = $cmds;
    $f['cpu_nodes'] = 0.0;
    $f['node_tasks'] = [];
    for ($i = 0; $i < $nodes; $i++) {
        foreach (json_lines("$OUT/r$round-$mode-n$i.log") as $j) {
            $f['cpu_nodes'] += $j['cpu'];
            $f['node_tasks'][] = $j['tasks'];
        }
    }
    if (count($f['node_tasks']) !== $nodes * $per) {
        /* A task worker's line is missing: no CPU figure rather than a wrong one. */
        say("tasksrv $mode round $round: " . count($f['node_tasks']) . " of " . ($nodes * $per) . " task workers reported their CPU time");
        $f['cpu_nodes'] = null;
    }
    return $f;
}

function median(array $v): ?float
{
    $v = array_values(array_filter($v, fn ($x) => $x !== null));
    if (!$v) {
        return null;
    }
    sort($v);
    $n = count($v);
    return $n % 2 ? $v[intdiv($n, 2)] : ($v[$n / 2 - 1] + $v[$n / 2]) / 2;
}

$load0 = sys_getloadavg();
$raw = fopen("$OUT/raw.jsonl", 'w');
$rows = [];
$t0 = microtime(true);
for ($r = 1; $r <= $ROUNDS; $r++) {
    $order = $r % 2 ? ['anchor', 'tasksrv', 'other'] : ['other', 'tasksrv', 'anchor'];
    $row = [];
    foreach ($order as $what) {
        if ($what === 'anchor') {
            $row['anchor'] = run_anchor($r);
        } elseif ($what === 'tasksrv') {
            $row['tasksrv'] = run_tasksrv($r, 'throughput');
            $row['rtt'] = run_tasksrv($r, 'rtt');
        } elseif ($otherPhp !== null) {
            $row['other'] = run_tasksrv($r, 'throughput', $otherPhp);
            $row['other_rtt'] = run_tasksrv($r, 'rtt', $otherPhp);
        }
    }
    fwrite($raw, json_encode(['round' => $r] + $row) . "\n");
    $rows[] = $row;
    $a = $row['anchor']['jobs_per_s'] ?? 0;
    $t = $row['tasksrv']['jobs_per_s'] ?? 0;
    say(sprintf("round %d: anchor %.0f jobs/s, tasksrv %.0f jobs/s (%.2fx), taskwait p50/p99 %.0f/%.0f us", $r, $a, $t,
        $a ? $t / $a : 0, $row['rtt']['rtt_p50_us'] ?? -1, $row['rtt']['rtt_p99_us'] ?? -1));
}
$load1 = sys_getloadavg();

$col = fn (string $k, string $f) => array_map(fn ($row) => $row[$k][$f] ?? null, $rows);
$us = fn (?array $x, array $fields, string $k = 'jobs') => $x && !in_array(null, array_map(fn ($f) => $x[$f] ?? null, $fields), true)
    ? array_sum(array_map(fn ($f) => $x[$f], $fields)) / $x[$k] * 1e6 : null;
$aRate = median($col('anchor', 'jobs_per_s'));
$tRate = median($col('tasksrv', 'jobs_per_s'));
$ratios = array_map(fn ($row) => isset($row['anchor'], $row['tasksrv']) ? $row['tasksrv']['jobs_per_s'] / $row['anchor']['jobs_per_s'] : null, $rows);
$aCli = median(array_map(fn ($row) => $us($row['anchor'], ['cpu_producer', 'cpu_consumers']), $rows));
$aRed = median(array_map(fn ($row) => $us($row['anchor'], ['cpu_redis']), $rows));
$tCli = median(array_map(fn ($row) => $us($row['tasksrv'], ['cpu_front', 'cpu_nodes']), $rows));
$tRed = median(array_map(fn ($row) => $us($row['tasksrv'], ['cpu_redis']), $rows));
$fmt = fn ($v, $d = 0) => $v === null ? 'n/a' : number_format($v, $d, '.', '');
printf("bench/redis: %d rounds, N=%d 64-byte jobs, window %d, batch %d, tasksrv nodes %s, %.0f s; load average %.2f before, %.2f after (%d cores)\n",
    $ROUNDS, $N, $WINDOW, $BATCH, $NODES, microtime(true) - $t0, $load0[0], $load1[0], (int) shell_exec('nproc'));
printf("%-34s %12s %18s %18s\n", '', 'jobs/s', 'CPU us/job client', 'CPU us/job redis');
printf("%-34s %12s %18s %18s   rounds: %s\n", 'anchor (phpredis lists, 2 cons.)', $fmt($aRate), $fmt($aCli, 1), $fmt($aRed, 1),
    implode(' ', array_map(fn ($v) => $fmt($v), $col('anchor', 'jobs_per_s'))));
printf("%-34s %12s %18s %18s   rounds: %s\n", 'tasksrv (task_backend, 2 workers)', $fmt($tRate), $fmt($tCli, 1), $fmt($tRed, 1),
    implode(' ', array_map(fn ($v) => $fmt($v), $col('tasksrv', 'jobs_per_s'))));
if ($otherPhp !== null) {
    printf("%-34s %12s %18s %18s   rounds: %s\n", 'tasksrv, EXT_OTHER', $fmt(median($col('other', 'jobs_per_s'))),
        $fmt(median(array_map(fn ($row) => $us($row['other'] ?? null, ['cpu_front', 'cpu_nodes']), $rows)), 1),
        $fmt(median(array_map(fn ($row) => $us($row['other'] ?? null, ['cpu_redis']), $rows)), 1),
        implode(' ', array_map(fn ($v) => $fmt($v), $col('other', 'jobs_per_s'))));
    printf("EXT_OTHER (%s): taskwait() p50/p99 us %s/%s\n", $EXT_OTHER, $fmt(median($col('other_rtt', 'rtt_p50_us'))),
        $fmt(median($col('other_rtt', 'rtt_p99_us'))));
}
printf("tasksrv/anchor jobs/s: %sx (median of the per-round ratios: %s)\n", $fmt(median($ratios), 2),
    implode(' ', array_map(fn ($v) => $fmt($v, 2), $ratios)));
printf("round trip of one job, p50/p99 us: tasksrv taskwait() %s/%s; anchor RPUSH+BLPOP %s/%s\n",
    $fmt(median($col('rtt', 'rtt_p50_us'))), $fmt(median($col('rtt', 'rtt_p99_us'))),
    $fmt(median($col('anchor', 'rtt_p50_us'))), $fmt(median($col('anchor', 'rtt_p99_us'))));
/* Where redis-server's time goes: its own count of each command's calls and time (INFO
 * commandstats, every round, the whole run: the anchor's round trips and tasksrv's
 * connects included), per job; the rest of its CPU time is reading, parsing and writing. */
foreach (['anchor' => 'anchor', 'tasksrv' => 'tasksrv'] as $k => $label) {
    $sum = [];
    $jobs = 0;
    foreach ($rows as $row) {
        if (!isset($row[$k]['redis_cmds'])) {
            continue;
        }
        $jobs += $row[$k]['jobs'];
        foreach ($row[$k]['redis_cmds'] as $cmd => [$calls, $usec]) {
            $sum[$cmd][0] = ($sum[$cmd][0] ?? 0) + $calls;
            $sum[$cmd][1] = ($sum[$cmd][1] ?? 0) + $usec;
        }
    }
    if ($jobs === 0 || !$sum) {
        continue;
    }
    uasort($sum, fn ($a, $b) => $b[1] <=> $a[1]);
    $parts = [];
    $total = 0;
    foreach ($sum as $cmd => [$calls, $usec]) {
        $total += $usec;
        if ($usec / $jobs >= 0.05) {
            $parts[] = sprintf('%s %.2f calls %.2f us', $cmd, $calls / $jobs, $usec / $jobs);
        }
    }
    printf("redis commands per job, %s: %.2f us in commands: %s\n", $label, $total / $jobs, implode('; ', $parts));
}
printf("raw: %s/raw.jsonl\n", $OUT);
