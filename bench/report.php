<?php
/*
 * bench/report.php RAW.jsonl: the table bench/run prints, from its raw results.
 *
 * Every value is a median over repetitions. "ratio" is the median of the per-repetition
 * ratios case/floor, each from a run and the floor run right beside it (so a noisy moment
 * hits both sides of a ratio); [min-max] is their range. For latencies the ratio is
 * case/floor too, so lower is better there.
 */

$raw = $argv[1] ?? null;
if ($raw === null || !is_readable($raw)) {
    fwrite(STDERR, "usage: php bench/report.php RAW.jsonl\n");
    exit(2);
}

$runs = [];   // case => rep => impl => result
foreach (file($raw, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) as $line) {
    $j = json_decode($line, true);
    if (!is_array($j)) {
        continue;
    }
    $runs[$j['case']][$j['rep']][$j['impl']] = $j['r'];
}

function median(array $v): ?float
{
    $v = array_values(array_filter($v, fn($x) => $x !== null));
    if (!$v) {
        return null;
    }
    sort($v);
    $n = count($v);
    return $n % 2 ? (float) $v[intdiv($n, 2)] : ($v[$n / 2 - 1] + $v[$n / 2]) / 2;
}

function fmt(?float $v, string $unit): string
{
    if ($v === null) {
        return 'n/a';
    }
    switch ($unit) {
        case '/s':
            return $v >= 1e4 ? sprintf('%.1fk/s', $v / 1e3) : sprintf('%.0f/s', $v);
        case 'MB/s':
            return $v >= 1000 ? sprintf('%.2f GB/s', $v / 1000) : sprintf('%.0f MB/s', $v);
        case 'us':
            return $v >= 1000 ? sprintf('%.1f ms', $v / 1000) : sprintf('%.0f µs', $v);
    }
    return (string) $v;
}

/* [case, floor case, label, metric key in case, metric key in floor, unit, target op, target] */
$rows = [
    ['pipe64', 'pipe64', 'pipelined async tasks, 64 B, window 16, 2 task workers', 'tasks_per_s', 'msg_per_s', '/s', '>=', 0.85],
    ['pipe64', 'pipe64', 'pipelined 64 B: CPU time per task, all processes', 'cpu_us_per_op', 'cpu_us_per_op', 'us', null, null],
    ['pipe64_exact', 'pipe64_exact', 'model, not tasksrv: the floor reading as tasksrv does (epoll_wait + 2 reads per frame), pipelined 64 B', 'msg_per_s', 'msg_per_s', '/s', null, null],
    ['pipe64_exact', 'pipe64_exact', 'model: CPU time per message', 'cpu_us_per_op', 'cpu_us_per_op', 'us', null, null],
    ['pipe64_shm', 'pipe64_shm', 'model, not tasksrv: shared-memory rings + eventfd wake-ups (bench/shm_model.c), pipelined 64 B', 'msg_per_s', 'msg_per_s', '/s', null, null],
    ['pipe64_shm', 'pipe64_shm', 'model (shm): CPU time per message', 'cpu_us_per_op', 'cpu_us_per_op', 'us', null, null],
    ['pipe8k', 'pipe8k', 'pipelined async tasks, 8 KiB, window 16, 2 task workers', 'tasks_per_s', 'msg_per_s', '/s', null, null],
    ['wait64', 'wait64', 'taskwait round trips, 64 B', 'rt_per_s', 'rt_per_s', '/s', '>=', 0.95],
    ['wait64', 'wait64', 'taskwait 64 B, p50', 'p50_us', 'p50_us', 'us', null, null],
    ['wait64', 'wait64', 'taskwait 64 B, p99', 'p99_us', 'p99_us', 'us', '<=', 2.0],
    ['wait64', 'wait64', 'taskwait 64 B: CPU time per round trip, all processes', 'cpu_us_per_op', 'cpu_us_per_op', 'us', null, null],
    ['wait64_exact', 'wait64_exact', 'model, not tasksrv: the floor reading as tasksrv does, ping-pong 64 B', 'rt_per_s', 'rt_per_s', '/s', null, null],
    ['wait64_exact', 'wait64_exact', 'model: CPU time per round trip', 'cpu_us_per_op', 'cpu_us_per_op', 'us', null, null],
    ['wait64_shm', 'wait64_shm', 'model, not tasksrv: shared-memory rings, ping-pong 64 B', 'rt_per_s', 'rt_per_s', '/s', null, null],
    ['wait64_shm', 'wait64_shm', 'model (shm): p99', 'p99_us', 'p99_us', 'us', null, null],
    ['wait64_shm', 'wait64_shm', 'model (shm): CPU time per round trip', 'cpu_us_per_op', 'cpu_us_per_op', 'us', null, null],
    ['wait8k', 'wait8k', 'taskwait round trips, 8 KiB', 'rt_per_s', 'rt_per_s', '/s', null, null],
    ['wait8k', 'wait8k', 'taskwait 8 KiB, p99', 'p99_us', 'p99_us', 'us', null, null],
    ['wait64k', 'wait64k', 'taskwait 64 KiB', 'mb_s', 'mb_s', 'MB/s', '>=', 0.9],
    ['wait64k_shm', 'wait64k_shm', 'model, not tasksrv: shared-memory rings, ping-pong 64 KiB', 'mb_s', 'mb_s', 'MB/s', null, null],
    ['wait1m', 'wait1m', 'taskwait 1 MiB', 'mb_s', 'mb_s', 'MB/s', '>=', 0.9],
    ['wait1m', 'wait1m', 'taskwait 1 MiB: CPU time per round trip', 'cpu_us_per_op', 'cpu_us_per_op', 'us', null, null],
    ['wait16m', 'wait16m', 'taskwait 16 MiB', 'mb_s', 'mb_s', 'MB/s', '>=', 0.9],
    ['wait16m', 'wait16m', 'taskwait 16 MiB: CPU time per round trip', 'cpu_us_per_op', 'cpu_us_per_op', 'us', null, null],
    ['wait16m_shm', 'wait16m_shm', 'model, not tasksrv: shared-memory rings (1 MiB, in pieces), ping-pong 16 MiB', 'mb_s', 'mb_s', 'MB/s', null, null],
    ['wait16m_shm', 'wait16m_shm', 'model (shm): CPU time per round trip', 'cpu_us_per_op', 'cpu_us_per_op', 'us', null, null],
    ['wait16m_hp', 'wait16m_hp', 'taskwait 16 MiB, USE_ZEND_ALLOC_HUGE_PAGES=1 (experiment)', 'mb_s', 'mb_s', 'MB/s', null, null],
    ['wait16m_hp', 'wait16m_hp', 'taskwait 16 MiB, huge pages: CPU time per round trip', 'cpu_us_per_op', 'cpu_us_per_op', 'us', null, null],
    ['tcp_echo', 'tcp_c', 'TCP echo via onReceive/send, 16 conns (floor: C epoll echo)', 'req_per_s', 'req_per_s', '/s', null, null],
    ['tcp_echo', 'tcp_c', 'TCP echo, p99', 'p99_us', 'p99_us', 'us', null, null],
    ['tcp_seed', 'tcp_c', 'TCP seed flow with replies (task + finish + send), 16 conns', 'req_per_s', 'req_per_s', '/s', null, null],
    ['tcp_seed', 'tcp_c', 'TCP seed flow, p99', 'p99_us', 'p99_us', 'us', null, null],
];

echo "| case | measured (median) | floor (median) | ratio (median of pairs) | ratio range | target | met |\n";
echo "|---|---:|---:|---:|---|---|---|\n";
$bad = 0;
foreach ($rows as [$case, $floorCase, $label, $k, $fk, $unit, $op, $target]) {
    if (!isset($runs[$case])) {
        continue;
    }
    $cv = $fv = $ratios = [];
    foreach ($runs[$case] as $rep => $byImpl) {
        $c = $byImpl['case'][$k] ?? null;
        $f = $runs[$floorCase][$rep]['floor'][$fk] ?? null;
        $bad += $byImpl['case']['bad'] ?? 0;
        $bad += $byImpl['case']['errors'] ?? 0;
        $cv[] = $c;
        $fv[] = $f;
        if ($c !== null && $f !== null && $f > 0) {
            $ratios[] = $c / $f;
        }
    }
    $r = median($ratios);
    $met = '';
    if ($op !== null && $r !== null) {
        $met = ($op === '>=' ? $r >= $target : $r <= $target) ? 'yes' : '**no**';
    }
    printf("| %s | %s | %s | %s | %s | %s | %s |\n", $label, fmt(median($cv), $unit), fmt(median($fv), $unit),
        $r === null ? 'n/a' : sprintf('%.2f×', $r),
        $ratios ? sprintf('%.2f–%.2f (%d)', min($ratios), max($ratios), count($ratios)) : '',
        $op === null ? '' : "{$op} {$target}×", $met);
}
if ($bad > 0) {
    echo "\nWARNING: $bad results had the wrong size or connections failed (see raw.jsonl).\n";
}

if (isset($runs['rss'][1]['case'])) {
    $r = $runs['rss'][1]['case'];
    printf("\nRSS of every process of the server's group (VmRSS), after %d and after %d tasks of 64 B (pipelined, window %d):\n\n",
        $r['n1'], $r['n2'], $r['window']);
    echo "| process | pid | RSS after {$r['n1']} | RSS after {$r['n2']} | growth | < 1 MiB |\n|---|---:|---:|---:|---:|---|\n";
    foreach ($r['procs'] as $p) {
        $role = $p['role'] === 'other' ? 'task worker / other' : $p['role'];
        $g = $p['growth_kb'];
        printf("| %s | %d | %s KiB | %s KiB | %s KiB | %s |\n", $role, $p['pid'], $p['rss_kb_n1'] ?? 'n/a', $p['rss_kb_n2'],
            $g === null ? 'n/a' : sprintf('%+d', $g), $g !== null && $g < 1024 ? 'yes' : '**no**');
    }
    printf("\n(%d tasks in %.1f s, %d results with the wrong size)\n", $r['n2'], $r['secs'], $r['bad']);
}
