--TEST--
task(): returns the id (0, 1, 2 ...); onTask($server, $task_id, $src_worker_id, $data) runs in a task worker, onFinish($server, $task_id, $data) in the worker that called task()
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 2]);
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        foreach (['a', 'b', 'c'] as $d) {
            $id = $s->task($d);
            echo "R task($d) returned " . var_export($id, true) . " worker_id=" . $s->getWorkerId()
                . " taskworker=" . var_export($s->taskworker, true) . " pid=" . getmypid() . "\n";
        }
        $GLOBALS['fd'] = $fd;
    });
    $s->on('Task', function ($s, $task_id, $src_worker_id, $data) {
        // One echo, one write(): lines of concurrent processes do not interleave.
        echo "T id=$task_id src=$src_worker_id data=$data argc=" . func_num_args()
            . " server=" . $s::class . " taskworker=" . var_export($s->taskworker, true)
            . " worker_id=" . $s->getWorkerId() . " pid=" . getmypid() . "\n";
        $s->finish("$data-done");
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        echo "F id=$task_id data=$data argc=" . func_num_args() . " worker_id=" . $s->getWorkerId()
            . " taskworker=" . var_export($s->taskworker, true) . " pid=" . getmypid() . "\n";
        if (++$GLOBALS['finished'] === 3) {
            $s->send($GLOBALS['fd'], "done\n");
        }
    });
    $s->start();
PHP);
$c = $srv->connect();
echo tasksrv_request($c, 'go'), "\n";
$out = $srv->output();

// Replace pids by the role of the process that owns them.
preg_match('/^R .* pid=(\d+)$/m', $out, $m);
$worker_pid = $m[1];
$task_pids = [];
foreach (tasksrv_lines($out, 'T ') as $line) {
    preg_match('/worker_id=(\d+) pid=(\d+)/', $line, $m);
    $task_pids[$m[2]][$m[1]] = true;
}
$label = function (string $line) use ($worker_pid, $task_pids) {
    return preg_replace_callback('/pid=(\d+)/', function ($m) use ($worker_pid, $task_pids) {
        if ($m[1] === $worker_pid) {
            return 'pid=<event worker>';
        }
        return isset($task_pids[$m[1]]) && count($task_pids[$m[1]]) === 1 ? 'pid=<task worker>' : 'pid=<?>';
    }, $line);
};
foreach (['R ', 'T ', 'F '] as $p) {
    foreach (tasksrv_lines($out, $p, $p !== 'R ') as $line) {
        // Results come back in any order; which of the two task workers ran a task is not fixed.
        echo $label(preg_replace('/worker_id=[12] pid/', 'worker_id=1|2 pid', $p . $line)), "\n";
    }
}
// A task worker pid is not the event worker's, and each has one worker id.
var_dump(!isset($task_pids[$worker_pid]));
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
done
R task(a) returned 0 worker_id=0 taskworker=false pid=<event worker>
R task(b) returned 1 worker_id=0 taskworker=false pid=<event worker>
R task(c) returned 2 worker_id=0 taskworker=false pid=<event worker>
T id=0 src=0 data=a argc=4 server=TaskSrv\Server taskworker=true worker_id=1|2 pid=<task worker>
T id=1 src=0 data=b argc=4 server=TaskSrv\Server taskworker=true worker_id=1|2 pid=<task worker>
T id=2 src=0 data=c argc=4 server=TaskSrv\Server taskworker=true worker_id=1|2 pid=<task worker>
F id=0 data=a-done argc=3 worker_id=0 taskworker=false pid=<event worker>
F id=1 data=b-done argc=3 worker_id=0 taskworker=false pid=<event worker>
F id=2 data=c-done argc=3 worker_id=0 taskworker=false pid=<event worker>
bool(true)
exit: 0
