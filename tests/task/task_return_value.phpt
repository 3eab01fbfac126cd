--TEST--
onTask: a non-null return value (false, 0, '' and [] included) is sent like finish(); null sends nothing
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    // One task worker: tasks run, and results come back, in the order they were sent.
    $s->set(['worker_num' => 1, 'task_worker_num' => 1]);
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        foreach (['false', 'zero', 'empty', 'null', 'noreturn', 'emptyarray', 'zerofloat', 'string', 'last'] as $d) {
            $s->task($d);
        }
    });
    $s->on('Task', function ($s, $task_id, $src_worker_id, $data) {
        switch ($data) {
            case 'false': return false;
            case 'zero': return 0;
            case 'empty': return '';
            case 'null': return null;
            case 'noreturn': return;
            case 'emptyarray': return [];
            case 'zerofloat': return 0.0;
            case 'string': return 'str';
            case 'last': return 'last';
        }
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        $r = "id=$task_id " . var_export($data, true) . "\n";
        echo "F $r";
        $s->send($GLOBALS['fd'], $r);
    });
    $s->start();
PHP);
$c = $srv->connect();
fwrite($c, 'go');
echo tasksrv_recv_until($c, "'last'\n");
// Nothing more arrives: the null results really sent nothing.
echo tasksrv_recv($c, 0.2);
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
id=0 false
id=1 0
id=2 ''
id=5 array (
)
id=6 0.0
id=7 'str'
id=8 'last'
exit: 0
