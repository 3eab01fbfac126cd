--TEST--
Table and Atomic made before start() are shared by the event workers and the task workers (PROCESS mode, 2 + 2): 4 processes incr the same row 5000 times each at once (counts exact), each writes its own row, churns set/del on 200 keys that collide, and every process reads what the others wrote (a task reads the worker's row, foreach in a worker sees every row)
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$table = new Swoole\Table(256);
$table->column('n', Swoole\Table::TYPE_INT);
$table->column('f', Swoole\Table::TYPE_FLOAT);
$table->column('who', Swoole\Table::TYPE_STRING, 16);
$table->create();
$go = new Swoole\Atomic(0);
$done = new Swoole\Atomic(0);
$s = new Swoole\Server('127.0.0.1', PORT, SWOOLE_PROCESS);
$s->set(['worker_num' => 2, 'task_worker_num' => 2]);
$s->on('WorkerStart', function ($s, $id) use ($table, $go, $done) {
    $who = ($s->taskworker ? 'task' : 'worker') . $id;
    $table->set($who, ['who' => $who, 'n' => $id]);
    /* All four start together, so the increments really race. */
    $go->add();
    for ($t = microtime(true); $go->get() < 4 && microtime(true) - $t < 10;) {
        usleep(1000);
    }
    for ($i = 0; $i < 5000; $i++) {
        $table->incr('total', 'n');
        $table->incr('total', 'f', 0.5);
        $k = 'churn' . ($i % 200);
        if (($i + $id) % 2) {
            $table->set($k, ['n' => $i]);
        } else {
            $table->del($k);
        }
    }
    for ($i = 0; $i < 200; $i++) {
        $table->del('churn' . $i);
    }
    $done->add();
    echo "WorkerStart($id)\n";
});
$s->on('Receive', function ($s, $fd, $rid, $data) use ($table, $done) {
    for ($t = microtime(true); $done->get() < 4 && microtime(true) - $t < 20;) {
        usleep(1000);
    }
    $rows = [];
    foreach ($table as $k => $row) {
        $rows[$k] = $row;
    }
    ksort($rows);
    $fromTask = $s->taskwait('worker0', 5);
    $s->send($fd, json_encode(['done' => $done->get(), 'count' => count($table), 'rows' => $rows, 'task saw' => $fromTask,
        'stats' => array_intersect_key($table->stats(), ['num' => 1, 'insert_count' => 1, 'delete_count' => 1])]) . "\n");
});
$s->on('Task', fn($s, $tid, $src, $key) => $table->get($key));
$s->start();
PHP);
$srv->waitOutput('WorkerStart', 4, 60);
$c = $srv->connect();
fwrite($c, "report\n");
$r = json_decode(tasksrv_recv_until($c, "\n", 30), true);
$ins = $r['stats']['insert_count'];
$del = $r['stats']['delete_count'];
unset($r['stats']['insert_count'], $r['stats']['delete_count']);
echo json_encode($r, JSON_PRETTY_PRINT), "\n";
echo "churn inserts and deletes balance: ", $ins - 5 === $del && $del > 0 ? 'yes' : "no ($ins, $del)", "\n";
$srv->stop();
?>
--EXPECT--
{
    "done": 4,
    "count": 5,
    "rows": {
        "task2": {
            "n": 2,
            "f": 0,
            "who": "task2"
        },
        "task3": {
            "n": 3,
            "f": 0,
            "who": "task3"
        },
        "total": {
            "n": 20000,
            "f": 10000,
            "who": ""
        },
        "worker0": {
            "n": 0,
            "f": 0,
            "who": "worker0"
        },
        "worker1": {
            "n": 1,
            "f": 0,
            "who": "worker1"
        }
    },
    "task saw": {
        "n": 0,
        "f": 0,
        "who": "worker0"
    },
    "stats": {
        "num": 5
    }
}
churn inserts and deletes balance: yes
