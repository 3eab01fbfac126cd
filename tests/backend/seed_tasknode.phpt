--TEST--
Redis task backend: the seed task.php (tests/fixtures/task.php, the copy of ../shared/seed/task.php) with a task_backend line added runs as the front, and the same file with TaskSrv\TaskNode for its Server runs its onTask on a node; driven as scripts/run-seed does (three connections: hello, world, x y)
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
/* The front: the seed with the added line. Its own task workers may not consume the
 * queue yet (docs/distributed.md, "Not done yet"): task_worker_num 0 on the front. */
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
node: 0
