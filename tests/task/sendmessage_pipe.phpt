--TEST--
sendMessage(): onPipeMessage($server, $src_worker_id, $data) runs in the destination: event worker -> task worker, task worker -> event worker, event worker -> event worker; arrays and objects arrive rebuilt
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 2, 'task_worker_num' => 2]);
    $s->on('WorkerStart', function ($s, $id) {
        if ($id === 0) {
            echo "S worker 0 -> task worker 2: " . var_export($s->sendMessage(['hop' => 1, 'reply_to' => 1], 2), true) . "\n";
            echo "S worker 0 -> worker 1: " . var_export($s->sendMessage('hi worker 1', 1), true) . "\n";
        }
    });
    $s->on('Receive', function () {});
    $s->on('PipeMessage', function ($s, $src, $data) {
        echo "P in " . ($s->taskworker ? 'task worker' : 'worker') . " " . $s->getWorkerId() . " (pid "
            . ($s->getWorkerPid() === getmypid() ? 'own' : '?') . ") from $src: " . json_encode($data)
            . (is_object($data) ? ' ' . $data::class : '') . " argc=" . func_num_args() . "\n";
        if (is_array($data) && $s->taskworker) {
            // From a task worker (inside onPipeMessage) to an event worker.
            $r = $s->sendMessage(new ArrayObject(['hop' => 2]), $data['reply_to']);
            echo "S task worker 2 -> worker 1: " . var_export($r, true) . "\n";
        }
    });
    $s->on('Task', function () {});
    $s->start();
PHP);
var_dump($srv->waitOutput('P in worker 1', 2) && $srv->waitOutput('S task worker 2 -> worker 1'));
tasksrv_print_lines($srv->output(), 'S ');
tasksrv_print_lines($srv->output(), 'P ');
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
bool(true)
S task worker 2 -> worker 1: true
S worker 0 -> task worker 2: true
S worker 0 -> worker 1: true
P in task worker 2 (pid own) from 0: {"hop":1,"reply_to":1} argc=3
P in worker 1 (pid own) from 0: "hi worker 1" argc=3
P in worker 1 (pid own) from 2: {"hop":2} ArrayObject argc=3
exit: 0
