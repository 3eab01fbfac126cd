--TEST--
memory_limit fatal error in onTask, under load (async and taskwait): the task fails as fatal_error with PHP's message, file and line, exitStatus 255; the task worker exits 255 and is replaced; every other task reaches onFinish once; the counters balance
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php
if (getenv('USE_ZEND_ALLOC') === '0') {
    die('skip memory_limit does not work without the Zend memory manager (USE_ZEND_ALLOC=0); fatal_user_error.phpt covers the path');
}
?>
--FILE--
<?php
require __DIR__ . '/../inc/reliability.inc';
$srv = rel_server(<<<'PHP'
    const N = 1000;
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 2]);
    $s->on('WorkerStart', fn($s, $id) => print("START $id " . getmypid() . "\n"));
    $s->on('WorkerError', fn($s, $id, $pid, $code, $sig) => print("WORKERERROR $code $sig\n"));
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $l = $GLOBALS['ledger'] ??= new RelLedger();
        $out = '';
        for ($i = 0; $i < N; $i++) {
            $l->sent($s->task($i === 200 && $data === 'async' ? 'hog' : $i));
        }
        if ($data === 'wait') {
            try {
                $s->taskwait('hog', 10);
            } catch (TaskSrv\TaskFailedException $e) {
                $out .= "taskwait threw: " . rel_describe($e->getFailure()) . "\n";
            }
        }
        $GLOBALS['out'] = $out;
        $l->tell($s, $fd, $out);
    });
    $s->on('Task', function ($s, $id, $src, $data) {
        if ($data === 'hog') {
            $hog = [];
            while (true) {
                $hog[] = str_repeat('x', 1 << 20); // memory_limit: fatal error
            }
        }
        usleep(200);
        return $data;
    });
    $s->on('Finish', function ($s, $id, $data) {
        $GLOBALS['ledger']->done($id);
        $GLOBALS['ledger']->tell($s, $GLOBALS['fd'], $GLOBALS['out'] ?? '');
    });
    $s->on('TaskFailure', function ($s, int $id, TaskSrv\TaskFailure $f) {
        echo "FAILURE $id " . rel_describe($f) . "\n";
        $GLOBALS['ledger']->failed($id, $f);
        $GLOBALS['ledger']->tell($s, $GLOBALS['fd'], $GLOBALS['out'] ?? '');
    });
    $s->start();
PHP, ['ini' => ['memory_limit' => '32M']]);
foreach (['async', 'wait'] as $n => $cmd) {
    echo "-- $cmd\n";
    $c = $srv->connect();
    fwrite($c, $cmd);
    echo rel_recv_line($c, "balanced", 10);
    echo "replaced: ", var_export($srv->waitOutput('START ', 4 + $n), true), "\n";
}
$out = $srv->output();
tasksrv_print_lines($out, 'FAILURE ');
tasksrv_print_lines($out, 'WORKERERROR ');
tasksrv_print_lines($out, 'Fatal error');
print_r(rel_log_lines($out, 'WARNING'));
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECTF--
-- async
LEDGER 0 sent=1000 refused=0 done=999 exception=0 fatal_error=1 worker_died=0 timeout=0 shutdown=0 too_large=0 channel_corrupt=0 duplicates=0 missing=0 unknown=0
STATS settled accepted=1000 done=999 failed=1 queue=0 running=0 rejected=0 by_reason=exception:0,fatal_error:1,worker_died:0,timeout:0,shutdown:0,too_large:0,channel_corrupt:0 balanced=yes
replaced: true
-- wait
taskwait threw: reason=fatal_error signal=NULL exitStatus=255 exceptionClass=NULL code=NULL file=tasksrv-srv-%s.php line=%d trace=NULL message=Allowed memory size of 33554432 bytes exhausted (tried to allocate %d bytes)
LEDGER 0 sent=2000 refused=0 done=1999 exception=0 fatal_error=1 worker_died=0 timeout=0 shutdown=0 too_large=0 channel_corrupt=0 duplicates=0 missing=0 unknown=0
STATS settled accepted=2001 done=1999 failed=2 queue=0 running=0 rejected=0 by_reason=exception:0,fatal_error:2,worker_died:0,timeout:0,shutdown:0,too_large:0,channel_corrupt:0 balanced=yes
replaced: true
FAILURE 200 reason=fatal_error signal=NULL exitStatus=255 exceptionClass=NULL code=NULL file=tasksrv-srv-%s.php line=%d trace=NULL message=Allowed memory size of 33554432 bytes exhausted (tried to allocate %d bytes)
WORKERERROR 255 0
WORKERERROR 255 0
Fatal error: Allowed memory size of 33554432 bytes exhausted (tried to allocate %d bytes) in %s on line %d
Fatal error: Allowed memory size of 33554432 bytes exhausted (tried to allocate %d bytes) in %s on line %d
Array
(
    [0] => WARNING	Worker::report_error(): worker(pid=N, id=N) abnormal exit, status=N, signal=N
    [1] => WARNING	Worker::report_error(): worker(pid=N, id=N) abnormal exit, status=N, signal=N
)
exit: 0
