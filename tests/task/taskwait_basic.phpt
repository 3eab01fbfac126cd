--TEST--
taskwait(): returns the task's result (string, array, object, 0, ''), the first of several results, false for a null result; never calls onFinish; task ids are shared with task(); results of async tasks arriving meanwhile go to onFinish afterwards
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    class Box { public function __construct(public array $items = []) {} }
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 2]);
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $out = '';
        foreach (['string', 'array', 'object', 'zero', 'empty', 'false', 'null', 'finish twice'] as $what) {
            $r = $s->taskwait($what, 5);
            $out .= "taskwait($what): " . preg_replace('/\s*\n\s*/', ' ', var_export($r, true)) . "\n";
        }
        // An async task's result arrives while the worker waits for another task.
        $out .= "task('async', 0) returned " . $s->task('async', 0) . "\n";
        $out .= "taskwait('slow', 5, 1): " . $s->taskwait('slow', 5, 1) . "\n";
        $out .= "task('async 2') returned " . $s->task('async 2') . "\n";
        $out .= "onFinish so far: " . json_encode($GLOBALS['finished'] ?? []) . "\n";
        $s->send($fd, $out);
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        echo "T id=$task_id data=$data\n";
        switch ($data) {
            case 'string': return 'a string';
            case 'array': return ['k' => [1, 2], 'id' => $task_id];
            case 'object': return new Box(['x']);
            case 'zero': return 0;
            case 'empty': return '';
            case 'false': return false;
            case 'null': return null;
            case 'finish twice': $s->finish('first'); $s->finish('second'); return 'third';
            case 'slow': usleep(100000); return "slow done";
            default: return "$data done";
        }
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        $GLOBALS['finished'][] = "$task_id: $data";
        if (count($GLOBALS['finished']) === 2) {
            $s->send($GLOBALS['fd'], "onFinish: " . implode(', ', $GLOBALS['finished']) . "\nend\n");
        }
    });
    $s->start();
PHP);
echo tasksrv_request($srv->connect(), 'go', "end\n");
tasksrv_print_lines($srv->output(), 'T id=');
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
taskwait(string): 'a string'
taskwait(array): array ( 'k' => array ( 0 => 1, 1 => 2, ), 'id' => 1, )
taskwait(object): \Box::__set_state(array( 'items' => array ( 0 => 'x', ), ))
taskwait(zero): 0
taskwait(empty): ''
taskwait(false): false
taskwait(null): false
taskwait(finish twice): 'first'
task('async', 0) returned 8
taskwait('slow', 5, 1): slow done
task('async 2') returned 10
onFinish so far: []
onFinish: 8: async done, 10: async 2 done
T id=0 data=string
T id=1 data=array
T id=10 data=async 2
T id=2 data=object
T id=3 data=zero
T id=4 data=empty
T id=5 data=false
T id=6 data=null
T id=7 data=finish twice
T id=8 data=async
T id=9 data=slow
exit: 0
