--TEST--
Http\Server in BASE and PROCESS: task()/taskwait()/taskWaitMulti()/taskCo()/finish() from onRequest, detach() and Response::create() answering from onFinish and from a task worker, pipelined requests answered in order
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/http.inc';
foreach ([SWOOLE_BASE => 'BASE', SWOOLE_PROCESS => 'PROCESS'] as $mode => $name) {
    $srv = tasksrv_server(<<<PHP
\$s = new Swoole\Http\Server('127.0.0.1', PORT, $mode);
\$s->set(['worker_num' => 2, 'task_worker_num' => 2, 'http_compression' => false]);
\$s->on('Request', function (\$req, \$res) use (\$s) {
    switch (\$req->server['request_uri']) {
        case '/wait':
            \$res->end('wait=' . \$s->taskwait(['sum', [1, 2, 3]], 5));
            return;
        case '/multi':
            \$m = \$s->taskWaitMulti([['sum', [1]], ['sum', [2, 2]]], 5);
            ksort(\$m); /* the results come in the order they finished */
            \$res->end('multi=' . implode(',', \$m));
            return;
        case '/co':
            \$m = \$s->taskCo([['sum', [5]], ['sum', [6]]], 5);
            ksort(\$m);
            \$res->end('co=' . implode(',', \$m));
            return;
        case '/finish':
            \$res->detach();
            \$s->task(['later', \$req->fd]);
            return;
        case '/in-task':
            \$res->detach();
            \$s->task(['answer', \$req->fd]);
            return;
    }
    \$res->end('plain ' . \$req->server['request_uri']);
});
\$s->on('Task', function (\$s, \$id, \$src, \$d) {
    switch (\$d[0]) {
        case 'sum': return array_sum(\$d[1]);
        case 'later': return \$d;
        case 'answer':
            \$r = Swoole\Http\Response::create(\$d[1]);
            \$r->header('X-From', 'task worker');
            \$r->end('answered by a task worker');
            return null;
    }
});
\$s->on('Finish', function (\$s, \$id, \$d) {
    if (is_array(\$d) && \$d[0] === 'later') {
        \$r = Swoole\Http\Response::create(\$s, \$d[1]);
        \$r->end('answered from onFinish');
    }
});
\$s->start();
PHP);
    echo "== $name\n";
    foreach (['/wait', '/multi', '/co', '/finish', '/in-task'] as $path) {
        /* A Response::create()d answer knows nothing of the request's Connection: close
         * (as in Swoole): the connection stays open, so only a short wait. */
        $r = http_raw($srv->port, "GET $path HTTP/1.1\r\nConnection: close\r\n\r\n", $path[1] === 'f' || $path[1] === 'i' ? 0.5 : 5);
        $r = preg_replace('/<open>$/', '', $r);
        echo $path, ': ', http_status($r), ' | ', preg_replace('/<closed>$/', '', substr($r, strpos($r, "\r\n\r\n") + 4)),
            str_contains($r, 'X-From: task worker') ? ' (X-From)' : '', "\n";
    }
    $r = http_raw($srv->port, "GET /a HTTP/1.1\r\n\r\nGET /wait HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\n\r\n"
        . "GET /multi HTTP/1.1\r\nConnection: close\r\n\r\n");
    preg_match_all('/\r\n\r\n([a-z]+[^H<]*)/', $r, $m);
    echo "pipelined: ", implode(' | ', $m[1]), ' ', str_ends_with($r, '<closed>') ? '<closed>' : '<open>', "\n";
    echo "exit: ", $srv->stop(), "\n", $srv->output();
}
?>
--EXPECT--
== BASE
/wait: HTTP/1.1 200 OK <closed> | wait=6
/multi: HTTP/1.1 200 OK <closed> | multi=1,4
/co: HTTP/1.1 200 OK <closed> | co=5,6
/finish: HTTP/1.1 200 OK <open> | answered from onFinish
/in-task: HTTP/1.1 200 OK <open> | answered by a task worker (X-From)
pipelined: plain /a | wait=6 | plain /b | multi=1,4 <closed>
exit: 0
== PROCESS
/wait: HTTP/1.1 200 OK <closed> | wait=6
/multi: HTTP/1.1 200 OK <closed> | multi=1,4
/co: HTTP/1.1 200 OK <closed> | co=5,6
/finish: HTTP/1.1 200 OK <open> | answered from onFinish
/in-task: HTTP/1.1 200 OK <open> | answered by a task worker (X-From)
pipelined: plain /a | wait=6 | plain /b | multi=1,4 <closed>
exit: 0
