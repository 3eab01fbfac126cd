--TEST--
Server::sendfile(): a range or the rest of a file, from an event worker and from a task worker, in SWOOLE_BASE and SWOOLE_PROCESS; Swoole's false + log line + last error for a missing file (502), a directory (9013), an offset past the end (502), a length past the end (505), an unknown session (1005); a negative offset is a ValueError
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$file = tempnam(sys_get_temp_dir(), 'tasksrv-sendfile-');
file_put_contents($file, 'hello world 0123456789');
$big = tempnam(sys_get_temp_dir(), 'tasksrv-sendfile-big-');
file_put_contents($big, str_repeat(random_bytes(1024), 2048)); // 2 MiB

foreach (['SWOOLE_BASE', 'SWOOLE_PROCESS'] as $mode) {
    $srv = tasksrv_server(str_replace(['FILE', 'BIG', 'MODE'], [var_export($file, true), var_export($big, true), $mode], <<<'PHP'
    $s = new Swoole\Server('127.0.0.1', PORT, MODE);
    $s->set(['worker_num' => 2, 'task_worker_num' => 1]);
    $s->on('Task', function ($s, $id, $src, $fd) {
        // both from the task worker, so they reach the client in this order
        $s->sendfile($fd, FILE, 0, 5);
        $s->send($fd, "\n.\n");
    });
    $s->on('Finish', function () {});
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        if ($data === 'errors') {
            $r = [];
            foreach (['missing' => fn() => $s->sendfile($fd, '/nonexistent/file'),
                'directory' => fn() => $s->sendfile($fd, sys_get_temp_dir()),
                'offset past the end' => fn() => $s->sendfile($fd, FILE, 22),
                'length past the end' => fn() => $s->sendfile($fd, FILE, 20, 3),
                'unknown session' => fn() => $s->sendfile(9999, FILE),
                'negative offset' => fn() => $s->sendfile($fd, FILE, -1)] as $what => $call) {
                try {
                    $r[] = "$what: " . var_export($call(), true) . ' ' . $s->getLastError();
                } catch (ValueError $e) {
                    $r[] = "$what: " . $e->getMessage();
                }
            }
            $s->send($fd, implode("\n", $r) . "\n.\n");
            return;
        }
        if ($data === 'big') {
            $s->sendfile($fd, BIG);
            return;
        }
        $a = $s->sendfile($fd, FILE, 6, 5);        // "world"
        $b = $s->sendfile($fd, FILE, 11);           // " 0123456789"
        $s->send($fd, '|' . var_export($a && $b, true) . '|');
        $s->task($fd);                               // "hello" from the task worker, then the end
    });
    $s->start();
    PHP));
    $c = $srv->connect();
    fwrite($c, 'go');
    echo "$mode: ", tasksrv_recv_until($c, "\n.\n");
    fwrite($c, 'errors');
    echo tasksrv_recv_until($c, "\n.\n");
    fwrite($c, 'big');
    $got = '';
    while (strlen($got) < filesize($big)) {
        $got .= tasksrv_recv($c);
    }
    echo "2 MiB: ", $got === file_get_contents($big) ? 'identical' : 'different', "\n";
    $srv->stop();
    echo preg_replace('/^\[[^\]]*\]\t/m', '', $srv->output());
}
@unlink($file);
@unlink($big);
?>
--EXPECTF--
SWOOLE_BASE: world 0123456789|true|hello
.
missing: false 502
directory: false 9013
offset past the end: false 502
length past the end: false 505
unknown session: false 1005
negative offset: TaskSrv\Server::sendfile(): Argument #3 ($offset) must be greater than or equal to 0
.
2 MiB: identical
WARNING	Server::sendfile() (ERRNO 502): stat(/nonexistent/file) failed
WARNING	Server::sendfile() (ERRNO 9013): the path[%s] given is not a regular file
WARNING	Server::sendfile() (ERRNO 502): file[offset=22] is empty
WARNING	Server::sendfile() (ERRNO 505): length[3] or offset[20] is invalid
SWOOLE_PROCESS: world 0123456789|true|hello
.
missing: false 502
directory: false 9013
offset past the end: false 502
length past the end: false 505
unknown session: false 1005
negative offset: TaskSrv\Server::sendfile(): Argument #3 ($offset) must be greater than or equal to 0
.
2 MiB: identical
WARNING	Server::sendfile() (ERRNO 502): stat(/nonexistent/file) failed
WARNING	Server::sendfile() (ERRNO 9013): the path[%s] given is not a regular file
WARNING	Server::sendfile() (ERRNO 502): file[offset=22] is empty
WARNING	Server::sendfile() (ERRNO 505): length[3] or offset[20] is invalid
