--TEST--
Redis task backend URLs: a TaskNode over redis+unix:// with requirepass (:PASSWORD@, %XX-escaped) and ?db=N, a front over redis:// as an ACL user limited to the queue's keys and the commands docs/distributed.md lists; a wrong password: task() false with a warning, taskwait() throws TaskSrv\BackendException, a node logs it once; the password is printed nowhere; rediss:// without hiredis_ssl is a ValueError naming the missing build feature
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php require __DIR__ . '/../inc/backend.inc'; backend_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/backend.inc';
$sock = sys_get_temp_dir() . '/tasksrv-test-redis-' . getmypid() . '.sock';
@unlink($sock);
/* The ACL of docs/distributed.md ("Security"): the queue's keys, the commands the backend uses. */
$acl = ['alice', 'on', '>Alice-Zecret', '~tasksrv:*', 'resetchannels', '-@all', '+ping', '+select', '+xadd', '+xread',
    '+xreadgroup', '+xack', '+xclaim', '+xpending', '+xgroup|create', '+xlen', '+xinfo|groups', '+set', '+mget',
    '+exists', '+del', '+incr', '+xinfo|consumers', '+xgroup|delconsumer'];
$redis = new TasksrvTestRedis(['--requirepass', 'p@ss:w/rd-Zecret', '--unixsocket', $sock, '--unixsocketperm', '700',
    '--user', ...$acl]);
$redis->auth = ['p@ss:w/rd-Zecret'];
$node = backend_node($redis, <<<'PHP'
function ($node, int $id, int $src, $data) {
    return "$data done on the node";
}
PHP, 1, 'tasksrv', 30, 'redis+unix://:' . rawurlencode('p@ss:w/rd-Zecret') . "@$sock?db=3");
$port = $redis->port;
$front = function (string $user, string $pass) use ($port) {
    return tasksrv_server(<<<PHP
\$s = new TaskSrv\\Server('127.0.0.1', PORT);
\$s->set(['task_backend' => 'redis://$user:$pass@127.0.0.1:$port/3', 'task_worker_num' => 0, 'log_level' => 4]);
\$s->on('Receive', function (\$s, \$fd, \$r, \$data) {
    \$r = @\$s->task('async');
    echo "task: ", var_export(\$r !== false, true), " ", error_get_last()['message'] ?? '', "\\n";
    try {
        echo "taskwait: ", \$s->taskwait('waited', 5.0), "\\n";
    } catch (TaskSrv\\BackendException \$e) {
        echo "taskwait: ", get_class(\$e), ": ", \$e->getMessage(), "\\n";
    }
    \$s->send(\$fd, "ok\\n");
});
\$s->on('Finish', function (\$s, \$id, \$result) {
    echo "onFinish: \$result\\n";
});
\$s->start();
PHP);
};
$good = $front('alice', 'Alice-Zecret');
echo tasksrv_request($good->connect(), "go\n"), "\n";
var_dump($good->waitOutput('onFinish'));
echo preg_replace('/^(?!(task|taskwait|onFinish):).*\n/m', '', $good->output());
echo "tasks in db 3: ", $redis->command('EVAL', "redis.call('SELECT', 3) return redis.call('XLEN', 'tasksrv:tasks')", '0'), "\n";
$bad = $front('alice', 'Wrong-Zecret');
echo tasksrv_request($bad->connect(), "go\n"), "\n";
echo preg_replace('/^(?!(task|taskwait|onFinish):).*\n/m', '', $bad->output());
/* A node with a wrong password keeps trying, and says so once. */
$badNode = backend_node($redis, 'function () {}', 1, 'tasksrv', 30, 'redis+unix://:Wrong-Zecret@' . $sock, false);
usleep((int) (1500000 * tasksrv_slowdown()));
$log = $badNode->output();
echo "bad node: ", substr_count($log, 'WRONGPASS'), " line naming WRONGPASS: ",
    preg_replace('/^.*(task backend .*)$/s', '$1', trim(implode("\n", preg_grep('/WRONGPASS/', explode("\n", $log))))), "\n";
$all = $good->output() . $bad->output() . $node->output() . $log;
echo "passwords printed: ", preg_match_all('/Zecret(?!-)|Alice-Zecret|Wrong-Zecret|w\/rd/', $all), "\n";
foreach ([$badNode, $bad, $good, $node] as $p) {
    echo $p->stop(), " ";
}
echo "\n";
try {
    (new TaskSrv\Server('127.0.0.1', 0))->set(['task_backend' => 'rediss://alice:Alice-Zecret@127.0.0.1:6380']);
    echo "rediss: accepted (this hiredis has TLS)\n";
} catch (ValueError $e) {
    echo "rediss: ", str_contains($e->getMessage(), 'hiredis_ssl') && !str_contains($e->getMessage(), 'Zecret')
        ? 'ValueError naming hiredis_ssl' : $e->getMessage(), "\n";
}
@unlink($sock);
?>
--EXPECTF--
ok
bool(true)
task: true 
taskwait: waited done on the node
onFinish: async done on the node
tasks in db 3: :2
ok
task: false TaskSrv\Server::task(): task backend: redis://alice:***@127.0.0.1:%d/3 AUTH: WRONGPASS invalid username-password pair or user is disabled.
taskwait: taskwait: TaskSrv\BackendException: taskwait(): task backend: redis://alice:***@127.0.0.1:%d/3 AUTH: WRONGPASS invalid username-password pair or user is disabled.
bad node: 1 line naming WRONGPASS: task backend unreachable (redis+unix://:***@%s AUTH: WRONGPASS invalid username-password pair or user is disabled.); trying again from 100 ms, doubling to 5 s
passwords printed: 0
0 0 0 0 
rediss: %s
