--TEST--
Redis task backend: the seed task.php (tests/fixtures/task.php, the copy of ../shared/seed/task.php) with a task_backend line added (and task_worker_num 0) runs as the front, and the same file with TaskSrv\TaskNode for its Server runs its onTask on a node; driven as scripts/run-seed does (three connections: hello, world, x y); then the seed with exactly one added line (its own four task workers consuming beside the node's)
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php require __DIR__ . '/../inc/backend.inc'; backend_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/backend.inc';
$redis = new TasksrvTestRedis();
$seed = file_get_contents(__DIR__ . '/../fixtures/task.php');
$set = "\$serv->set([\n    'task_worker_num' => 4\n]);";
$ctor = "new Swoole\\Server('127.0.0.1', 9501)";
if (!str_starts_with($seed, "<?php\n") || substr_count($seed, $set) !== 1 || substr_count($seed, $ctor) !== 1) {
    die("the seed changed:\n$seed");
}
$seed = substr($seed, strlen("<?php\n"));
$line = "    'task_backend' => '{$redis->url()}',\n";
/* The front: the seed with the added line and task_worker_num 0, so that every onTask
 * runs on the node (the one-line version, below, runs them on either). */
$front_code = str_replace($set, "\$serv->set([\n$line    'task_worker_num' => 0\n]);", $seed);
/* The node: the same file, a TaskNode for its Server, the same added line; its onTask,
 * its four task workers; Receive and Finish stay registered and are never called. */
$node_code = str_replace([$set, $ctor], ["\$serv->set([\n$line    'task_worker_num' => 4\n]);", 'new TaskSrv\TaskNode()'], $seed);
/* What differs from the seed, line by line. */
foreach (['front' => $front_code, 'node' => $node_code] as $who => $code) {
    foreach (array_diff(explode("\n", $code), explode("\n", $seed)) as $l) {
        echo "$who: + ", str_replace($redis->url(), 'URL', trim($l)), "\n";
    }
    foreach (array_diff(explode("\n", $seed), explode("\n", $code)) as $l) {
        echo "$who: - ", trim($l), "\n";
    }
}
$node = tasksrv_server($node_code, ['wait' => false]);
$front = tasksrv_server(str_replace('9501', 'PORT', $front_code));
$conns = [];
foreach (['hello', 'world', 'x y'] as $i => $m) {
    usleep($i ? 150000 : 0);
    $c = $front->connect();
    fwrite($c, $m);
    $conns[] = $c;
}
var_dump($front->waitOutput('beendet', 3));
echo "---- front\n";
$lines = explode("\n", trim($front->output()));
sort($lines);
echo implode("\n", $lines), "\n";
echo "---- node\n";
$lines = explode("\n", trim($node->output()));
sort($lines);
echo implode("\n", $lines), "\n";
echo "front: ", $front->stop(), "\n";
/* The seed with exactly one added line: its own four task workers consume the queue
 * beside the node's, so each message's onTask runs once, on one or the other. */
$front_code = str_replace($set, "\$serv->set([\n$line    'task_worker_num' => 4\n]);", $seed);
echo "one-line front: ", count(array_diff(explode("\n", $front_code), explode("\n", $seed))), " line added, ",
    count(array_diff(explode("\n", $seed), explode("\n", $front_code))), " changed\n";
$before = substr_count($node->output(), 'Neue asynchrone');
$front = tasksrv_server(str_replace('9501', 'PORT', $front_code));
foreach (['hello', 'world', 'x y'] as $i => $m) {
    usleep($i ? 150000 : 0);
    fwrite($front->connect(), $m);
}
var_dump($front->waitOutput('beendet', 3));
preg_match_all('/beendet: .*$/m', $front->output(), $m);
sort($m[0]);
echo implode("\n", $m[0]), "\n";
echo "onTask ran once a message: ", substr_count($front->output(), 'Neue asynchrone')
    + substr_count($node->output(), 'Neue asynchrone') - $before, "\n";
echo "front: ", $front->stop(), "\n";
echo "node: ", $node->stop(), "\n";
?>
--EXPECT--
front: + 'task_backend' => 'URL',
front: + 'task_worker_num' => 0
front: - 'task_worker_num' => 4
node: + $serv = new TaskSrv\TaskNode();
node: + 'task_backend' => 'URL',
node: - $serv = new Swoole\Server('127.0.0.1', 9501);
bool(true)
---- front
Asynchrone Aufgabe abgegeben: id=0
Asynchrone Aufgabe abgegeben: id=1
Asynchrone Aufgabe abgegeben: id=2
Asynchrone Aufgabe[0] beendet: hello -> OK
Asynchrone Aufgabe[1] beendet: world -> OK
Asynchrone Aufgabe[2] beendet: x y -> OK
---- node
Neue asynchrone Aufgabe[id=0]
Neue asynchrone Aufgabe[id=1]
Neue asynchrone Aufgabe[id=2]
front: 0
one-line front: 1 line added, 0 changed
bool(true)
beendet: hello -> OK
beendet: world -> OK
beendet: x y -> OK
onTask ran once a message: 3
front: 0
node: 0
