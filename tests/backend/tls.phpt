--TEST--
Redis task backend over TLS: rediss:// to a TLS-only redis-server (a throwaway CA named by SSL_CERT_FILE): task() reaches onFinish, taskwait() returns the node's result; redis:// to the TLS port and rediss:// to a plain port fail with a warning and a TaskSrv\BackendException naming the backend
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php
require __DIR__ . '/../inc/backend.inc';
backend_skipif();
ob_start();
(new ReflectionExtension('tasksrv'))->info();
if (!str_contains(ob_get_clean(), 'rediss:// (TLS')) {
    die('skip built without rediss:// (hiredis without hiredis_ssl)');
}
exec('command -v openssl', $out, $rc);
if ($rc !== 0) {
    die('skip openssl (the command) not installed');
}
exec('redis-server --tls-port 1 --port 0 --tls-cert-file /nonexistent 2>&1', $out);
if (!str_contains(implode("\n", $out), 'tls-key-file')) {
    die('skip this redis-server has no TLS');
}
?>
--FILE--
<?php
require __DIR__ . '/../inc/backend.inc';
/* A throwaway CA and a server certificate for 127.0.0.1 signed by it. */
$dir = sys_get_temp_dir() . '/tasksrv-test-tls-' . getmypid();
@mkdir($dir, 0700);
$sh = function (string $cmd) use ($dir) {
    exec('cd ' . escapeshellarg($dir) . " && $cmd 2>&1", $out, $rc);
    if ($rc !== 0) {
        throw new RuntimeException("$cmd: " . implode("\n", $out));
    }
};
$sh('openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=tasksrv-test-ca -keyout ca.key -out ca.crt');
$sh('openssl req -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -keyout server.key -out server.csr');
$sh("printf 'subjectAltName=IP:127.0.0.1\\n' > ext.cnf && openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key"
    . ' -CAcreateserial -days 1 -extfile ext.cnf -out server.crt');
/* TasksrvTestRedis listens on its port: here that is the TLS port, the plain one is off. */
$tls = new TasksrvTestRedis(['--port', '0', '--tls-port', 'PORT', '--tls-cert-file', "$dir/server.crt",
    '--tls-key-file', "$dir/server.key", '--tls-ca-cert-file', "$dir/ca.crt", '--tls-auth-clients', 'no']);
$plain = new TasksrvTestRedis();
/* hiredis verifies the server against OpenSSL's default CA store, which SSL_CERT_FILE names
 * (docs/distributed.md); the servers below inherit it. */
putenv("SSL_CERT_FILE=$dir/ca.crt");
$rediss = "rediss://127.0.0.1:{$tls->port}";

$nodeCode = <<<PHP
\$node = new TaskSrv\\TaskNode();
\$node->set(['task_backend' => '$rediss', 'task_worker_num' => 1, 'log_level' => 4]);
\$node->on('WorkerStart', function (\$node, \$id) { if (\$node->taskworker) { echo "NODE READY\\n"; } });
\$node->on('Task', function (\$node, int \$id, int \$src, \$data) { return "\$data done over TLS"; });
\$node->start();
PHP;
$node = tasksrv_server($nodeCode, ['wait' => false]);
if (!$node->waitOutput('NODE READY')) {
    throw new RuntimeException("node did not start:\n" . $node->output());
}
$front = function (string $url) {
    return tasksrv_server(<<<PHP
\$s = new TaskSrv\\Server('127.0.0.1', PORT);
\$s->set(['task_backend' => '$url', 'task_worker_num' => 0, 'log_level' => 4]);
\$s->on('Receive', function (\$s, \$fd, \$r, \$data) {
    \$r = @\$s->task('async');
    echo "task: ", var_export(\$r !== false, true), " ", error_get_last()['message'] ?? '', "\\n";
    try {
        \$r = \$s->taskwait('waited', 5.0);
        echo "taskwait: \$r\\n";
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
$lines = fn (TasksrvTestServer $s) => preg_replace('/^(?!(task|taskwait|onFinish):).*\n/m', '', $s->output());

echo "-- rediss:// to the TLS port\n";
$good = $front($rediss);
echo tasksrv_request($good->connect(), "go\n"), "\n";
var_dump($good->waitOutput('onFinish'));
echo $lines($good);
echo "-- redis:// to the TLS port\n";
$bad1 = $front("redis://127.0.0.1:{$tls->port}");
echo tasksrv_request($bad1->connect(), "go\n"), "\n";
echo $lines($bad1);
/* Redis drops a plaintext client on its TLS port: the task() already written fails as worker_died. */
echo preg_replace('/^.*(worker_died: .*)$/', '$1', array_values(preg_grep('/WARNING.*worker_died/', explode("\n", $bad1->output())))[0] ?? 'no worker_died'), "\n";
echo "-- rediss:// to a plain port\n";
$bad2 = $front("rediss://127.0.0.1:{$plain->port}");
echo tasksrv_request($bad2->connect(), "go\n"), "\n";
echo $lines($bad2);
foreach ([$bad2, $bad1, $good, $node] as $p) {
    echo $p->stop(), " ";
}
echo "\n";
$tls->kill();
$plain->kill();
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECTF--
-- rediss:// to the TLS port
ok
bool(true)
task: true 
taskwait: waited done over TLS
onFinish: async done over TLS
-- redis:// to the TLS port
ok
task: true 
taskwait: TaskSrv\BackendException: taskwait(): task backend: redis://127.0.0.1:%d: %s
worker_died: the connection was lost before Redis confirmed them (redis://127.0.0.1:%d: %s)
-- rediss:// to a plain port
ok
task: false TaskSrv\Server::task(): task backend: TLS with rediss://127.0.0.1:%d failed: SSL_connect failed: %s
taskwait: TaskSrv\BackendException: taskwait(): task backend: TLS with rediss://127.0.0.1:%d failed: SSL_connect failed: %s
0 0 0 0 
