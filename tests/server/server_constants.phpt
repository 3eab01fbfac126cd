--TEST--
Swoole compatibility constants have Swoole's values
--EXTENSIONS--
tasksrv
--FILE--
<?php
$expected = [
    'SWOOLE_BASE' => 1, 'SWOOLE_PROCESS' => 2,
    'SWOOLE_SOCK_TCP' => 1, 'SWOOLE_TCP' => 1, 'SWOOLE_SOCK_UDP' => 2, 'SWOOLE_UDP' => 2,
    'SWOOLE_SOCK_TCP6' => 3, 'SWOOLE_TCP6' => 3, 'SWOOLE_SOCK_UDP6' => 4, 'SWOOLE_UDP6' => 4,
    'SWOOLE_SOCK_UNIX_STREAM' => 5, 'SWOOLE_UNIX_STREAM' => 5, 'SWOOLE_SOCK_UNIX_DGRAM' => 6, 'SWOOLE_UNIX_DGRAM' => 6,
    'SWOOLE_IPC_UNSOCK' => 1, 'SWOOLE_IPC_MSGQUEUE' => 2, 'SWOOLE_IPC_PREEMPTIVE' => 3,
    'SWOOLE_TASK_TMPFILE' => 1, 'SWOOLE_TASK_SERIALIZE' => 2, 'SWOOLE_TASK_NONBLOCK' => 4, 'SWOOLE_TASK_CALLBACK' => 8,
    'SWOOLE_TASK_WAITALL' => 16, 'SWOOLE_TASK_COROUTINE' => 32, 'SWOOLE_TASK_PEEK' => 64, 'SWOOLE_TASK_NOREPLY' => 128,
    'SWOOLE_WORKER_BUSY' => 1, 'SWOOLE_WORKER_IDLE' => 2, 'SWOOLE_WORKER_EXIT' => 3,
    'SWOOLE_LOG_DEBUG' => 0, 'SWOOLE_LOG_TRACE' => 1, 'SWOOLE_LOG_INFO' => 2, 'SWOOLE_LOG_NOTICE' => 3,
    'SWOOLE_LOG_WARNING' => 4, 'SWOOLE_LOG_ERROR' => 5, 'SWOOLE_LOG_NONE' => 6,
];
$bad = 0;
foreach ($expected as $name => $value) {
    if (!defined($name)) {
        echo "$name: not defined\n";
        $bad++;
    } elseif (constant($name) !== $value) {
        echo "$name: ", var_export(constant($name), true), ", expected $value\n";
        $bad++;
    }
}
echo count($expected) - $bad, " of ", count($expected), " constants right\n";
// They belong to the extension.
$ours = get_defined_constants(true)['tasksrv'] ?? [];
echo "registered by tasksrv: ", count(array_intersect_key($expected, $ours)) === count($expected) ? "all" : "not all", "\n";
// The class names Swoole programs use.
var_dump(class_exists('Swoole\Server'), class_exists('Swoole\Exception'), Swoole\Server::class);
?>
--EXPECT--
35 of 35 constants right
registered by tasksrv: all
bool(true)
bool(true)
string(13) "Swoole\Server"
