--TEST--
task(): each event worker has its own task id counter starting at 0; src_worker_id is the sender, results go back to the sender
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 2, 'task_worker_num' => 2]);
    $s->on('Receive', function () {});
    $s->on('WorkerStart', function ($s, $worker_id) {
        if ($s->taskworker) {
            return;
        }
        $ids = [];
        for ($i = 0; $i < 3; $i++) {
            $ids[] = $s->task("w$worker_id#$i");
        }
        echo "R worker $worker_id: task() returned " . implode(',', $ids) . "\n";
    });
    $s->on('Task', function ($s, $task_id, $src_worker_id, $data) {
        echo "T id=$task_id src=$src_worker_id data=$data\n";
        return $data;
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        echo "F worker " . $s->getWorkerId() . " got id=$task_id data=$data\n";
    });
    $s->start();
PHP);
$ok = $srv->waitOutput("F worker", 6);
$out = $srv->output();
var_dump($ok);
tasksrv_print_lines($out, 'R ');
tasksrv_print_lines($out, 'T ');
tasksrv_print_lines($out, 'F ');
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
bool(true)
R worker 0: task() returned 0,1,2
R worker 1: task() returned 0,1,2
T id=0 src=0 data=w0#0
T id=0 src=1 data=w1#0
T id=1 src=0 data=w0#1
T id=1 src=1 data=w1#1
T id=2 src=0 data=w0#2
T id=2 src=1 data=w1#2
F worker 0 got id=0 data=w0#0
F worker 0 got id=1 data=w0#1
F worker 0 got id=2 data=w0#2
F worker 1 got id=0 data=w1#0
F worker 1 got id=1 data=w1#1
F worker 1 got id=2 data=w1#2
exit: 0
