--TEST--
task() from onManagerStart is one-way: it runs in a task worker (src_worker_id 0), finish() and a return value there log "Server::finish() can only be used in the worker process"
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 2]);
    $s->on('ManagerStart', function ($s) {
        $ids = [$s->task('from manager'), $s->task('from manager to 1', 1),
            // The finish callback means nothing for a one-way task.
            $s->task('from manager with callback', -1, function () { echo "M callback called\n"; })];
        echo "M task() returned " . implode(', ', $ids) . " in pid " . getmypid() . "\n";
    });
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $s->task($data);
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        $r = $s->finish("finish($data)");
        echo "T id=$task_id src=$src data=$data worker_id=" . $s->getWorkerId()
            . " finish() returned " . var_export($r, true) . "\n";
        return "return($data)";
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        echo "F id=$task_id data=$data\n";
        $s->send($GLOBALS['fd'], "$data\n");
    });
    $s->start();
PHP);
$ok = $srv->waitOutput('can only be used in the worker process', 6);
var_dump($ok);
// A task from the event worker still has its result, and is the only one.
echo tasksrv_request($srv->connect(), 'probe', "return(probe)\n");
$out = $srv->output();
preg_match('/^M task\(\) returned .* in pid (\d+)$/m', $out, $m);
echo "sent by the manager: ", var_export(isset($m[1]) && (int) $m[1] === $srv->mainPid(), true), "\n";
tasksrv_print_lines(preg_replace('/ in pid \d+$/m', '', $out), 'M ');
// Only the task sent to index 1 has a fixed task worker.
tasksrv_print_lines(preg_replace('/(?<!to 1) worker_id=[12] finish/', ' worker_id=1|2 finish', $out), 'T ');
// Two warnings (finish() and the return value) per task, from the task workers.
foreach (explode("\n", $out) as $line) {
    if (str_contains($line, 'can only be used in the worker process')) {
        echo preg_replace('/^\[\S+ \S+ (\S)\d+\.[12]\]/', '[<date> $1<pid>.1|2]', $line), "\n";
    }
}
tasksrv_print_lines($out, 'F ');
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
bool(true)
finish(probe)
sent by the manager: true
M task() returned 0, 1, 2
T id=0 src=0 data=from manager worker_id=1|2 finish() returned false
T id=0 src=0 data=probe worker_id=1|2 finish() returned true
T id=1 src=0 data=from manager to 1 worker_id=2 finish() returned false
T id=2 src=0 data=from manager with callback worker_id=1|2 finish() returned false
[<date> ^<pid>.1|2]	WARNING	Server::finish(): Server::finish() can only be used in the worker process
[<date> ^<pid>.1|2]	WARNING	Server::finish(): Server::finish() can only be used in the worker process
[<date> ^<pid>.1|2]	WARNING	Server::finish(): Server::finish() can only be used in the worker process
[<date> ^<pid>.1|2]	WARNING	Server::finish(): Server::finish() can only be used in the worker process
[<date> ^<pid>.1|2]	WARNING	Server::finish(): Server::finish() can only be used in the worker process
[<date> ^<pid>.1|2]	WARNING	Server::finish(): Server::finish() can only be used in the worker process
F id=0 data=finish(probe)
F id=0 data=return(probe)
exit: 0
