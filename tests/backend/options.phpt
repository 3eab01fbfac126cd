--TEST--
task_backend options in every build: set() validates task_backend (a redis:// URL; in a build without hiredis, an error naming the missing build feature), task_backend_queue and task_backend_lease strictly, naming the key; php --ri says whether the backend is built; a TaskNode needs a backend and task workers, a front with a backend takes no dst_worker_id
--EXTENSIONS--
tasksrv
--FILE--
<?php
ob_start();
(new ReflectionExtension('tasksrv'))->info();
$info = ob_get_clean();
$built = str_contains($info, 'Task backend (task_backend, TaskSrv\TaskNode) => redis (Redis Streams');
var_dump($built || str_contains($info, 'Task backend (task_backend, TaskSrv\TaskNode) => not built (no hiredis'));
$tls = str_contains($info, 'rediss:// (TLS through hiredis_ssl)');
$cases = [
    ['task_backend', 'redis://h', 'must be a URL'],
    ['task_backend', 'http://127.0.0.1:1', 'must be a URL'],
    ['task_backend', 'redis://127.0.0.1:70000', 'port between 1 and 65535'],
    ['task_backend', 'redis://u:p@127.0.0.1:1', null],
    ['task_backend', 'redis://u@127.0.0.1:1', 'must give a password with a user'],
    ['task_backend', 'redis+unix:///run/redis.sock?db=2', null],
    ['task_backend', 'redis+unix:///run/redis.sock?x=2', 'may only have ?db=N'],
    ['task_backend', 'rediss://u:p@127.0.0.1:1', $tls ? null : 'needs hiredis with TLS (hiredis_ssl'],
    ['task_backend', 'redis://127.0.0.1:6379/x', 'database number'],
    ['task_backend', 'redis://127.0.0.1:6379/2', null],
    ['task_backend_queue', '', '1 to 100 bytes'],
    ['task_backend_queue', 'jobs', null],
    ['task_backend_lease', 0, 'between 1 and 86400'],
    ['task_backend_lease', '5', 'must be of type int'],
    ['task_backend_retries', -1, 'between 0 and 1000'],
    ['task_backend_retries', 3, null],
    ['task_backend_max_payload', 0, 'between 1 and 536870912'],
    ['task_backend_max_payload', 1 << 20, null],
];
foreach ($cases as [$key, $value, $want]) {
    $s = new TaskSrv\Server('127.0.0.1', 0);
    /* Without the backend every task_backend is refused for that reason, well-formed or not. */
    if ($key === 'task_backend' && !$built) {
        $want = 'needs the Redis task backend, which this build of tasksrv lacks';
    }
    try {
        $s->set([$key => $value]);
        $got = $want === null ? 'ok' : "accepted " . var_export($value, true) . ", expected: $want";
    } catch (ValueError|TypeError $e) {
        $named = str_contains($e->getMessage(), "option \"$key\"");
        $got = $want !== null && $named && str_contains($e->getMessage(), $want) ? 'ok' : $e->getMessage();
        if (in_array($want, ['1 to 100 bytes', 'between 1 and 86400', 'between 0 and 1000', 'between 1 and 536870912'], true)) {
            $got = $got === 'ok' && $e instanceof ValueError ? 'ok' : $got;
        }
        if ($want === 'must be of type int') {
            $got = $got === 'ok' && $e instanceof TypeError ? 'ok' : $got;
        }
    }
    echo "$key: $got\n";
    unset($s);
}
$n = new TaskSrv\TaskNode();
var_dump($n instanceof TaskSrv\Server, is_subclass_of('TaskSrv\BackendException', 'TaskSrv\Exception'));
$n->set(['task_worker_num' => 1]);
$n->on('Task', fn () => null);
try {
    $n->start();
} catch (TaskSrv\Exception $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
bool(true)
task_backend: ok
task_backend: ok
task_backend: ok
task_backend: ok
task_backend: ok
task_backend: ok
task_backend: ok
task_backend: ok
task_backend: ok
task_backend: ok
task_backend_queue: ok
task_backend_queue: ok
task_backend_lease: ok
task_backend_lease: ok
task_backend_retries: ok
task_backend_retries: ok
task_backend_max_payload: ok
task_backend_max_payload: ok
bool(true)
bool(true)
failed to start TaskNode: it needs task_backend (redis://HOST:PORT[/DB]) in set()
