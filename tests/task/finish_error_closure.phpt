--TEST--
finish() with a Closure or resource inside onTask throws TaskSrv\SerializationException in the task worker, nothing is sent, a later finish() works; an unserializable return value is the task's failure (onTaskFailure in the caller) and the task worker goes on
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1]);
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $s->task('finish');
        $s->task('return');
        $s->task('after');
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        if ($data === 'return') {
            echo "T return: pid " . getmypid() . "\n";
            return ['cb' => fn() => 1];
        }
        if ($data === 'after') {
            echo "T after: pid " . getmypid() . "\n";
            return 'after: ok';
        }
        foreach (['closure' => function () {}, 'nested' => [1, ['cb' => strlen(...)]], 'resource' => STDIN] as $what => $v) {
            try {
                echo "T finish($what) returned " . var_export($s->finish($v), true) . "\n";
            } catch (Throwable $e) {
                echo "T finish($what): " . $e::class . ': ' . $e->getMessage() . "\n";
            }
        }
        echo "T finish('ok') returned " . var_export($s->finish('finish: ok'), true) . "\n";
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        echo "F id=$task_id data=$data\n";
        if ($task_id === 2) {
            $s->send($GLOBALS['fd'], "finished\n");
        }
    });
    $s->on('TaskFailure', function ($s, $task_id, $f) {
        echo "X id=$task_id reason={$f->reason} class={$f->exceptionClass} message={$f->message} "
            . "from task worker=" . var_export($f->workerId === 1, true) . " in worker " . $s->getWorkerId() . "\n";
    });
    $s->start();
PHP);
$c = $srv->connect();
echo tasksrv_request($c, 'go'), "\n";
$out = $srv->output();
tasksrv_print_lines($out, 'T finish', false);
// The return value: the task failed, the caller is told ...
tasksrv_print_lines($out, 'X ', false);
// ... and the task worker keeps running.
preg_match_all('/^T (return|after): pid (\d+)$/m', $out, $m);
echo "same task worker afterwards: ", var_export(count($m[2]) === 2 && $m[2][0] === $m[2][1], true), "\n";
tasksrv_print_lines($out, 'F ', false);
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
finished
T finish(closure): TaskSrv\SerializationException: finish(): the data cannot be sent to another process: a Closure at $data
T finish(nested): TaskSrv\SerializationException: finish(): the data cannot be sent to another process: a Closure at $data[1]['cb']
T finish(resource): TaskSrv\SerializationException: finish(): the data cannot be sent to another process: a resource at $data
T finish('ok') returned true
X id=1 reason=exception class=TaskSrv\SerializationException message=onTask return value: the data cannot be sent to another process: a Closure at $data['cb'] from task worker=true in worker 0
same task worker afterwards: true
F id=0 data=finish: ok
F id=2 data=after: ok
exit: 0
