--TEST--
docs/tasks.md, dst_worker_id example: a key always goes to the same task worker, whose cache then hits
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
// The server script is the example in docs/tasks.md as it stands there
// (doc_examples_sync.phpt checks that); only its port is replaced.
$srv = tasksrv_server(str_replace('9501', 'PORT', "?>\n" . <<<'PHP'
<?php
// Each key always goes to the same task worker (dst_worker_id), which keeps a cache.
// task_max_request replaces a task worker after 1000 tasks, so no cache grows forever.
$server = new TaskSrv\Server('127.0.0.1', 9501);
$server->set(['worker_num' => 2, 'task_worker_num' => 2, 'task_max_request' => 1000]);

$server->on('Receive', function (TaskSrv\Server $server, int $fd, int $reactorId, string $data) {
    $key = trim($data);
    $dst = crc32($key) % $server->setting['task_worker_num'];
    $result = $server->taskwait($key, 1.0, $dst);
    $server->send($fd, ($result === false ? 'timeout' : $result) . "\n");
});

$server->on('Task', function (TaskSrv\Server $server, int $taskId, int $srcWorkerId, string $key) {
    static $cache = [];
    $hit = isset($cache[$key]);
    $cache[$key] ??= hash('crc32b', $key);    // stands for an expensive computation
    return ($hit ? 'hit' : 'miss') . " in task worker {$server->getWorkerId()}: {$cache[$key]}";
});

$server->start();
PHP));
// crc32('a') is odd: task worker index 1 (worker id 3); crc32('d') is even: index 0 (worker id 2).
foreach (['a', 'd', 'a', 'd'] as $key) {
    echo "$key: ", tasksrv_request($srv->connect(), "$key\n"), "\n";
}
echo "exit: ", $srv->stop(), "\n";
echo $srv->output();
?>
--EXPECT--
a: miss in task worker 3: e8b7be43
d: miss in task worker 2: 98dd4acc
a: hit in task worker 3: e8b7be43
d: hit in task worker 2: 98dd4acc
exit: 0
