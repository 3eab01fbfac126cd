--TEST--
Data whose __unserialize() throws in the receiving process: in a task worker the task fails (TaskFailure to the caller); in the event worker the result fails the same way (no onFinish, no uncaught exception); taskwait() throws; both processes go on
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    class Picky
    {
        public function __construct(public string $v = '') {}
        public function __serialize(): array { return ['v' => $this->v]; }
        public function __unserialize(array $d): void
        {
            $here = $GLOBALS['server']->taskworker ? 'task worker' : 'event worker';
            if ($d['v'] === "refuse in $here") {
                throw new RuntimeException("Picky refuses in $here");
            }
            $this->v = $d['v'];
        }
    }
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $GLOBALS['server'] = $s;
    $s->set(['worker_num' => 1, 'task_worker_num' => 1]);
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        echo "R task(refused by the task worker): " . var_export($s->task(new Picky('refuse in task worker')), true) . "\n";
        echo "R task(refused by the event worker): " . var_export($s->task(new Picky('refuse in event worker')), true) . "\n";
        foreach (['task worker', 'event worker'] as $where) {
            try {
                echo "R taskwait(refused by the $where): " . var_export($s->taskwait(new Picky("refuse in $where"), 2), true) . "\n";
            } catch (Throwable $e) {
                echo "R taskwait(refused by the $where): " . $e::class . ': ' . $e->getMessage() . "\n";
            }
        }
        echo "R task('last'): " . var_export($s->task('last'), true) . "\n";
    });
    $s->on('Task', function ($s, $id, $src, $data) {
        echo "T id=$id " . (is_object($data) ? $data->v : $data) . "\n";
        return $data;
    });
    $s->on('Finish', function ($s, $id, $data) {
        echo "F id=$id " . (is_object($data) ? $data->v : $data) . "\n";
        if ($data === 'last') {
            $s->send($GLOBALS['fd'], "done\n");
        }
    });
    $s->on('TaskFailure', function ($s, $id, $f) {
        echo "X id=$id reason={$f->reason} {$f->exceptionClass}: {$f->message}\n";
    });
    $s->start();
PHP);
echo tasksrv_request($srv->connect(), 'go'), "\n";
$out = $srv->output();
tasksrv_print_lines($out, 'R ', false);
tasksrv_print_lines($out, 'T ', false);
// The event worker's outcomes, in order.
foreach (explode("\n", $out) as $line) {
    if (preg_match('/^[FX] /', $line)) {
        echo $line, "\n";
    }
}
echo "uncaught anywhere: ", var_export(str_contains($out, 'Uncaught'), true), "\n";
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
done
R task(refused by the task worker): 0
R task(refused by the event worker): 1
R taskwait(refused by the task worker): TaskSrv\TaskFailedException: task 2 failed (exception): Picky refuses in task worker
R taskwait(refused by the event worker): TaskSrv\TaskFailedException: task 3 failed (exception): Picky refuses in event worker
R task('last'): 4
T id=1 refuse in event worker
T id=3 refuse in event worker
T id=4 last
X id=0 reason=exception RuntimeException: Picky refuses in task worker
X id=1 reason=exception RuntimeException: Picky refuses in event worker
F id=4 last
uncaught anywhere: false
exit: 0
