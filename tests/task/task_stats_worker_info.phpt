--TEST--
getWorkerId(), getWorkerPid(), getWorkerStatus() in an event worker, a task worker (own status BUSY=1 inside a callback, an idle peer IDLE=2) and the manager (no worker id: false)
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 2]);
    function info($s, string $where): string {
        $pid = $s->getWorkerPid();
        return "$where: getWorkerId=" . var_export($s->getWorkerId(), true)
            . " getWorkerPid()=" . ($pid === getmypid() ? 'own pid' : var_export($pid, true))
            . " getWorkerStatus()=" . var_export($s->getWorkerStatus(), true)
            . " status of 0,1,2=" . implode(',', array_map(fn($id) => var_export($s->getWorkerStatus($id), true), [0, 1, 2]))
            . " pids of 0,1,2 are ints=" . var_export(array_map(fn($id) => is_int($s->getWorkerPid($id)), [0, 1, 2]) === [true, true, true], true)
            . " out of range: " . var_export($s->getWorkerPid(3), true) . ',' . var_export($s->getWorkerStatus(3), true);
    }
    $s->on('ManagerStart', function ($s) {
        echo "I " . info($s, 'manager') . "\n";
    });
    $s->on('Receive', function ($s, $fd, $rid, $cmd) {
        $lines = [info($s, 'worker onReceive')];
        // Task worker 1 (index 0) answers; task worker 2 stays idle.
        [$line, $pid] = $s->taskwait('info', 5, 0);
        $lines[] = $line;
        $lines[] = 'task worker pid: ' . ($pid === $s->getWorkerPid(1) ? 'getWorkerPid(1)' : "WRONG $pid");
        $s->send($fd, implode("\n", $lines) . "\n.\n");
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        return [info($s, 'task worker onTask'), getmypid()];
    });
    $s->start();
PHP);
$c = $srv->connect();
echo tasksrv_request($c, "go\n", "\n.\n"), "\n";
tasksrv_print_lines($srv->output(), 'I ');
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECTF--
worker onReceive: getWorkerId=0 getWorkerPid()=own pid getWorkerStatus()=1 status of 0,1,2=1,2,2 pids of 0,1,2 are ints=true out of range: false,false
task worker onTask: getWorkerId=1 getWorkerPid()=own pid getWorkerStatus()=1 status of 0,1,2=1,1,2 pids of 0,1,2 are ints=true out of range: false,false
task worker pid: getWorkerPid(1)
I manager: getWorkerId=false getWorkerPid()=false getWorkerStatus()=false status of 0,1,2=%r[12],[12],[12]%r pids of 0,1,2 are ints=true out of range: false,false
exit: 0
