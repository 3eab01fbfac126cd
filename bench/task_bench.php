<?php
/*
 * bench/task_bench.php: task throughput and latency inside one server, no TCP traffic.
 *
 * Uses only Swoole\Server's API (set, on, task, taskwait, finish, start, shutdown), so it
 * runs unchanged against tasksrv or against ext/swoole:
 *
 *   php -d extension=modules/tasksrv.so bench/task_bench.php mode=wait size=64 secs=2
 *   php -d extension=swoole.so          bench/task_bench.php mode=wait size=64 secs=2
 *
 * Arguments (key=value):
 *   mode=pipe   pipelined async task(): `window` tasks in flight, each onFinish sends the next.
 *               Prints tasks_per_s (results received per second).
 *   mode=wait   sequential taskwait() round trips. Prints rt_per_s, p50_us, p99_us and
 *               mb_s (= size x round trips / s, 1 MB = 1e6 B; the result has the same size).
 *   pipe and wait also print cpu_us_per_op: CPU time of every process of the server's
 *   process group (/proc/<pid>/schedstat) during the measured window, per task.
 *   mode=rss    pipelined like `pipe` (window `window`); after `n1` tasks and again after
 *               `n2` tasks (both drained, every process idle) reads VmRSS of every process
 *               of this server's process group from /proc/<pid>/status (run it as the
 *               leader of its own group, e.g. `setsid php ...`, as bench/run does).
 *   size=64     payload bytes (a string: no serializer on either side); onTask returns it.
 *   secs=2      measured seconds (a warm-up of 10%, at least 0.1 s, comes first).
 *   window=16   tasks in flight (pipe, rss).
 *   task_workers=2 (pipe, rss) or 1 (wait).
 *   n1=10000 n2=1000000 (rss).
 *
 * The work starts in onWorkerStart of worker #0 and the server shuts itself down when done.
 * Output: one JSON line on stdout, printed by worker #0. A result that does not have the
 * expected size is counted in "bad" (must be 0).
 */

$args = ['mode' => 'wait', 'size' => 64, 'secs' => 2.0, 'window' => 16, 'task_workers' => 0,
    'n1' => 10000, 'n2' => 1000000];
foreach (array_slice($argv, 1) as $a) {
    [$k, $v] = array_pad(explode('=', $a, 2), 2, '');
    if (!array_key_exists($k, $args)) {
        fwrite(STDERR, "task_bench.php: unknown argument $k\n");
        exit(2);
    }
    $args[$k] = is_float($args[$k]) ? (float) $v : (is_int($args[$k]) ? (int) $v : $v);
}
$mode = $args['mode'];
if (!in_array($mode, ['pipe', 'wait', 'rss'], true)) {
    fwrite(STDERR, "task_bench.php: mode must be pipe, wait or rss\n");
    exit(2);
}
$size = $args['size'];
$secs = $args['secs'];
$warm = max(0.1, $secs * 0.1);
$window = max(1, $args['window']);
$taskWorkers = $args['task_workers'] > 0 ? $args['task_workers'] : ($mode === 'wait' ? 1 : 2);
$payload = str_repeat('x', $size);
$impl = extension_loaded('tasksrv') ? 'tasksrv' : (extension_loaded('swoole') ? 'swoole' : 'unknown');

function now(): float
{
    return hrtime(true) / 1e9;
}

function emit(array $r): void
{
    echo json_encode($r, JSON_UNESCAPED_SLASHES), "\n";
}

/* The live processes of this process's group (the server's, when it runs as a group leader). */
function group_pids(): array
{
    $self = file_get_contents('/proc/self/stat');
    $pgid = (int) explode(' ', substr($self, strrpos($self, ')') + 2))[2];
    $out = [];
    foreach (glob('/proc/[0-9]*/stat') as $f) {
        $st = @file_get_contents($f);
        if ($st === false) {
            continue;
        }
        $fields = explode(' ', substr($st, strrpos($st, ')') + 2));
        if ((int) $fields[2] === $pgid && $fields[0] !== 'Z') {
            $out[] = (int) basename(dirname($f));
        }
    }
    sort($out);
    return $out;
}

/* VmRSS in KiB of every live process in this process's group, keyed by pid. */
function group_rss(): array
{
    $out = [];
    foreach (group_pids() as $pid) {
        $status = @file_get_contents("/proc/$pid/status");
        if ($status !== false && preg_match('/^VmRSS:\s+(\d+) kB/m', $status, $m)) {
            $out[$pid] = (int) $m[1];
        }
    }
    return $out;
}

/* Nanoseconds on a CPU, summed over the given processes (/proc/<pid>/schedstat). */
function cpu_ns(array $pids): int
{
    $sum = 0;
    foreach ($pids as $pid) {
        $s = @file_get_contents("/proc/$pid/schedstat");
        if ($s !== false) {
            $sum += (int) $s;
        }
    }
    return $sum;
}

$serv = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
$serv->set([
    'worker_num' => 1,
    'task_worker_num' => $taskWorkers,
    'task_enable_coroutine' => false,
    'enable_coroutine' => false,
]);

/* State of the pipelined modes, in worker #0. */
$st = ['sent' => 0, 'done' => 0, 'bad' => 0, 'phase' => 0, 't0' => 0.0, 'start' => 0.0,
    'counted' => 0, 'stop' => false, 'result' => null, 'rss' => [], 'pids' => [], 'cpu0' => 0];

$serv->on('Receive', function () {
});

$serv->on('Task', function ($serv, $taskId, $srcWorker, $data) {
    return $data;
});

function pipe_send(Swoole\Server $serv): void
{
    global $st, $payload;
    if ($serv->task($payload) === false) {
        fwrite(STDERR, "task_bench.php: task() returned false\n");
        $serv->shutdown();
        return;
    }
    $st['sent']++;
}

function pipe_finish(Swoole\Server $serv, string $data): void
{
    global $st, $size, $secs, $warm, $window, $mode, $args, $impl;

    $st['done']++;
    if (strlen($data) !== $size) {
        $st['bad']++;
    }
    if ($mode === 'pipe') {
        if (($st['done'] & 63) === 0 && !$st['stop']) {
            $t = now();
            if ($st['phase'] === 0 && $t - $st['t0'] >= $warm) {
                $st['phase'] = 1;
                $st['cpu0'] = cpu_ns($st['pids']);
                $st['start'] = now();
                $st['counted'] = $st['done'];
            } elseif ($st['phase'] === 1 && $t - $st['start'] >= $secs) {
                $st['stop'] = true;
                $n = $st['done'] - $st['counted'];
                $cpu = cpu_ns($st['pids']) - $st['cpu0'];
                $st['result'] = ['impl' => $impl, 'mode' => 'pipe', 'size' => $size, 'window' => $window,
                    'task_workers' => $serv->setting['task_worker_num'] ?? null, 'n' => $n,
                    'secs' => round($t - $st['start'], 4), 'tasks_per_s' => round($n / ($t - $st['start']), 1),
                    'cpu_us_per_op' => round($cpu / 1e3 / $n, 2), 'procs' => count($st['pids'])];
            }
        }
        if (!$st['stop']) {
            pipe_send($serv);
        } elseif ($st['done'] === $st['sent']) {
            $st['result']['bad'] = $st['bad'];
            emit($st['result']);
            $serv->shutdown();
        }
        return;
    }
    /* rss: run to n1, let it drain, sample; on to n2, drain, sample. */
    $target = $st['phase'] === 0 ? $args['n1'] : $args['n2'];
    if ($st['sent'] < $target) {
        pipe_send($serv);
        return;
    }
    if ($st['done'] !== $st['sent']) {
        return;
    }
    $st['rss'][] = group_rss();
    if ($st['phase'] === 0) {
        $st['phase'] = 1;
        for ($i = 0; $i < $window; $i++) {
            pipe_send($serv);
        }
        return;
    }
    [$a, $b] = $st['rss'];
    $procs = [];
    foreach ($b as $pid => $kb) {
        $role = $pid === $serv->manager_pid ? 'manager' : ($pid === getmypid() ? 'worker' : 'other');
        $procs[] = ['pid' => $pid, 'role' => $role, 'rss_kb_n1' => $a[$pid] ?? null, 'rss_kb_n2' => $kb,
            'growth_kb' => isset($a[$pid]) ? $kb - $a[$pid] : null];
    }
    emit(['impl' => $impl, 'mode' => 'rss', 'size' => $size, 'window' => $window, 'n1' => $args['n1'],
        'n2' => $args['n2'], 'secs' => round(now() - $st['t0'], 2), 'bad' => $st['bad'], 'procs' => $procs]);
    $serv->shutdown();
}

$serv->on('Finish', function ($serv, $taskId, $data) {
    pipe_finish($serv, $data);
});

function run_wait(Swoole\Server $serv): void
{
    global $payload, $size, $secs, $warm, $impl, $st;

    $bad = 0;
    $t0 = now();
    while (now() - $t0 < $warm) {
        $r = $serv->taskwait($payload, 60);
        if (!is_string($r) || strlen($r) !== $size) {
            $bad++;
        }
    }
    $lat = [];
    $cpu0 = cpu_ns($st['pids']);
    $start = now();
    do {
        $t = hrtime(true);
        $r = $serv->taskwait($payload, 60);
        $e = hrtime(true);
        $lat[] = $e - $t;
        if (!is_string($r) || strlen($r) !== $size) {
            $bad++;
        }
    } while ($e / 1e9 - $start < $secs);
    $el = $e / 1e9 - $start;
    $cpu = cpu_ns($st['pids']) - $cpu0;
    $n = count($lat);
    sort($lat);
    emit(['impl' => $impl, 'mode' => 'wait', 'size' => $size, 'task_workers' => $serv->setting['task_worker_num'] ?? null,
        'n' => $n, 'secs' => round($el, 4), 'rt_per_s' => round($n / $el, 1),
        'p50_us' => round($lat[intdiv($n, 2)] / 1e3, 2), 'p99_us' => round($lat[(int) ($n * 0.99)] / 1e3, 2),
        'mb_s' => round($size * $n / $el / 1e6, 2), 'cpu_us_per_op' => round($cpu / 1e3 / $n, 2),
        'procs' => count($st['pids']), 'bad' => $bad]);
}

$serv->on('WorkerStart', function ($serv, $workerId) {
    global $mode, $window, $st;

    if ($serv->taskworker || $workerId !== 0) {
        return;
    }
    $st['pids'] = group_pids();
    $st['t0'] = now();
    if ($mode === 'wait') {
        run_wait($serv);
        $serv->shutdown();
        return;
    }
    for ($i = 0; $i < $window; $i++) {
        pipe_send($serv);
    }
});

$serv->start();
