--TEST--
Server::sendwait(): in a SWOOLE_BASE event worker it returns once the socket took every byte (4 MiB to a client that reads only after 300 ms); elsewhere (a task worker, SWOOLE_PROCESS) Swoole's warning and false; an unknown session is false with last error 1005
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';

foreach (['SWOOLE_BASE', 'SWOOLE_PROCESS'] as $mode) {
    $srv = tasksrv_server(str_replace('MODE', $mode, <<<'PHP'
    set_error_handler(function ($no, $str) { echo "Warning: $str\n"; return true; });
    $s = new Swoole\Server('127.0.0.1', PORT, MODE);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1, 'socket_buffer_size' => 64 << 20]);
    $s->on('Task', function ($s, $id, $src, $fd) {
        $r = $s->sendwait($fd, 'x');
        echo "task worker: ", var_export($r, true), "\n";
        return 1;
    });
    $s->on('Finish', function () {});
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        if ($data === 'big') {
            $t = microtime(true);
            $ok = $s->sendwait($fd, str_repeat('b', 4 << 20));
            if (!$ok) {
                return;
            }
            $info = $s->getClientInfo($fd);
            echo "sendwait(4 MiB): ", var_export($ok, true), ", waited for the reader: ", var_export(microtime(true) - $t > 0.2, true),
                ", queued after it: ", $info['send_queued_bytes'] ?? '?', "\n";
            return;
        }
        $r = $s->sendwait(9999, 'x');
        echo "unknown session: ", var_export($r, true), ' ', $s->getLastError(), "\n";
        $r = $s->sendwait($fd, "abc\n");
        echo "worker: ", var_export($r, true), "\n";
        $s->taskwait($fd, 5);
    });
    $s->start();
    PHP));
    $c = $srv->connect();
    fwrite($c, 'go');
    echo "$mode: client got ", json_encode(tasksrv_recv($c, 1)), "\n";
    if ($mode === 'SWOOLE_BASE') {
        fwrite($c, 'big');
        usleep(300000);
        $got = '';
        while (strlen($got) < (4 << 20) && ($chunk = tasksrv_recv($c)) !== '') {
            $got .= $chunk;
        }
        echo "client got ", strlen($got), " bytes\n";
    }
    $srv->stop();
    echo $srv->output();
}
?>
--EXPECT--
SWOOLE_BASE: client got "abc\n"
client got 4194304 bytes
unknown session: false 1005
worker: true
Warning: TaskSrv\Server::sendwait(): can only be used with base mode and must be within worker process
task worker: false
sendwait(4 MiB): true, waited for the reader: true, queued after it: 0
SWOOLE_PROCESS: client got ""
Warning: TaskSrv\Server::sendwait(): can only be used with base mode and must be within worker process
unknown session: false 0
Warning: TaskSrv\Server::sendwait(): can only be used with base mode and must be within worker process
worker: false
Warning: TaskSrv\Server::sendwait(): can only be used with base mode and must be within worker process
task worker: false
