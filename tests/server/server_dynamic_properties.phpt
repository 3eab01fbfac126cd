--TEST--
Dynamic properties on Server and Port ($serv->fdlist = [], as Swoole programs do): set before start(), they are in every worker of both modes, and a worker's own changes stay its own
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';

foreach (['SWOOLE_BASE', 'SWOOLE_PROCESS'] as $mode) {
    $srv = tasksrv_server(<<<PHP
    \$s = new Swoole\\Server('127.0.0.1', PORT, $mode);
    \$s->set(['worker_num' => 2, 'task_worker_num' => 1, 'dispatch_mode' => 2]);
    \$s->fdlist = [];
    \$s->counter = 10;
    \$s->ports[0]->label = 'primary';
    \$s->on('Receive', function (\$s, \$fd, \$rid, \$data) {
        if (\$data === 'task') {
            \$s->send(\$fd, json_encode(\$s->taskwait('x')) . "\\n");
            return;
        }
        \$s->fdlist[] = \$fd;
        \$s->counter++;
        \$s->send(\$fd, json_encode([\$s->worker_id >= 0, count(\$s->fdlist), \$s->counter, \$s->ports[0]->label]) . "\\n");
    });
    \$s->on('Task', function (\$s, \$id, \$src, \$data) {
        return [\$s->taskworker, \$s->counter, \$s->fdlist];
    });
    \$s->start();
    PHP);
    $c = $srv->connect();
    fwrite($c, 'a');
    $a = tasksrv_recv_until($c, "\n");
    fwrite($c, 'b');
    $b = tasksrv_recv_until($c, "\n");
    fwrite($c, 'task');
    $t = tasksrv_recv_until($c, "\n");
    echo "$mode: ", trim($a), ' ', trim($b), ' task worker: ', trim($t), "\n";
    $srv->stop();
    echo $srv->output();
}
?>
--EXPECT--
SWOOLE_BASE: [true,1,11,"primary"] [true,2,12,"primary"] task worker: [true,10,[]]
SWOOLE_PROCESS: [true,1,11,"primary"] [true,2,12,"primary"] task worker: [true,10,[]]
