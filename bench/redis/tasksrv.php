<?php
/* bench/redis: tasksrv through its Redis task backend (docs/distributed.md). Run by driver.php.
 *
 *   php tasksrv.php node URL WORKERS
 *     A TaskNode with WORKERS task workers; onTask returns its 64-byte data. Each task
 *     worker prints "READY" at its start and its CPU time (getrusage) as JSON at its stop.
 *   php tasksrv.php front URL PORT REDIS_PID MODE N WINDOW BATCH
 *     A front (one event worker, task_worker_num 0). MODE "throughput": N 64-byte tasks by
 *     task(), at most WINDOW in flight, more sent BATCH at a time as onFinish frees room;
 *     end to end (the last onFinish). MODE "rtt": N taskwait() one after another (after 100
 *     unmeasured). Prints JSON and shuts the server down. */
use TaskSrv\Timer;

function cpu_self(): float
{
    $u = getrusage();
    return $u['ru_utime.tv_sec'] + $u['ru_utime.tv_usec'] / 1e6 + $u['ru_stime.tv_sec'] + $u['ru_stime.tv_usec'] / 1e6;
}

function cpu_of(int $pid): float
{
    $st = @file_get_contents("/proc/$pid/stat");
    if ($st === false) {
        return 0.0;
    }
    $f = explode(' ', substr($st, strrpos($st, ')') + 2));
    return ((int) $f[11] + (int) $f[12]) / 100;
}

function percentile(array $v, float $p): float
{
    sort($v);
    return $v[min(count($v) - 1, (int) floor($p * count($v)))];
}

$role = $argv[1];
$url = $argv[2];
if ($role === 'node') {
    $node = new TaskSrv\TaskNode();
    $node->set(['task_backend' => $url, 'task_worker_num' => (int) $argv[3], 'log_level' => 4]);
    $node->on('WorkerStart', function ($node, $id) {
        if ($node->taskworker) {
            $GLOBALS['cpu0'] = cpu_self();
            $GLOBALS['tasks'] = 0;
            echo "READY $id\n";
        }
    });
    $node->on('WorkerStop', function ($node, $id) {
        if ($node->taskworker) {
            /* One write: the task workers share the node's output. */
            echo json_encode(['role' => 'task_worker', 'tasks' => $GLOBALS['tasks'], 'cpu' => cpu_self() - $GLOBALS['cpu0']]) . "\n";
        }
    });
    $node->on('Task', function ($node, $id, $src, $data) {
        $GLOBALS['tasks']++;
        return $data;
    });
    $node->start();
    exit(0);
}

[$port, $redisPid, $mode, $n, $window, $batch] = [(int) $argv[3], (int) $argv[4], $argv[5], (int) $argv[6],
    (int) $argv[7], (int) $argv[8]];
$s = new TaskSrv\Server('127.0.0.1', $port);
$s->set(['task_backend' => $url, 'task_worker_num' => 0, 'worker_num' => 1, 'log_level' => 4]);
$payload = str_repeat('x', 64);
$st = (object) ['sent' => 0, 'done' => 0, 'failed' => 0, 't0' => 0, 'cpu0' => 0.0, 'rcpu0' => 0.0];

$report = function ($s, array $out) {
    echo json_encode($out) . "\n";
    $s->shutdown();
};
$pump = function ($s) use ($st, $n, $window, $payload) {
    while ($st->sent < $n && $st->sent - $st->done - $st->failed < $window) {
        if ($s->task($payload) === false) {
            fwrite(STDERR, "task() returned false\n");
            $s->shutdown();
            return;
        }
        $st->sent++;
    }
};
$end = function ($s) use ($st, $n, $redisPid, $report) {
    if ($st->done + $st->failed === $n) {
        $secs = (hrtime(true) - $st->t0) / 1e9;
        $report($s, ['role' => 'front', 'jobs' => $n, 'failed' => $st->failed, 'secs' => $secs,
            'jobs_per_s' => $n / $secs, 'cpu_front' => cpu_self() - $st->cpu0, 'cpu_redis' => cpu_of($redisPid) - $st->rcpu0]);
    }
};
$s->on('Finish', function ($s, $id, $data) use ($st, $window, $batch, $pump, $end) {
    $st->done++;
    $end($s);
    if ($st->sent - $st->done - $st->failed <= $window - $batch) {
        $pump($s);
    }
});
$s->on('TaskFailure', function ($s, $id, $f) use ($st, $end) {
    $st->failed++;
    fwrite(STDERR, "task $id failed: {$f->reason}: {$f->message}\n");
    $end($s);
});
$s->on('WorkerStart', function ($s, $id) use ($st, $mode, $n, $pump, $report, $payload, $redisPid) {
    Timer::after(1, function () use ($s, $st, $mode, $n, $pump, $report, $payload, $redisPid) {
        if ($mode === 'throughput') {
            $st->t0 = hrtime(true);
            $st->cpu0 = cpu_self();
            $st->rcpu0 = cpu_of($redisPid);
            $pump($s);
            return;
        }
        $rtt = [];
        for ($i = 0; $i < $n + 100; $i++) {
            $t = hrtime(true);
            if ($s->taskwait($payload, 5.0) !== $payload) {
                fwrite(STDERR, "taskwait failed\n");
                break;
            }
            if ($i >= 100) {
                $rtt[] = (hrtime(true) - $t) / 1e3;
            }
        }
        $report($s, ['role' => 'front_rtt', 'n' => count($rtt), 'rtt_p50_us' => $rtt ? percentile($rtt, 0.5) : null,
            'rtt_p99_us' => $rtt ? percentile($rtt, 0.99) : null]);
    });
});
$s->on('Receive', function () {
});
$s->start();
