<?php
// A user process that talks to every client (Server::addProcess()): each line a client sends
// goes to it through its pipe, and it sends the line to every connection in $server->connections.
// "/kick N" asks it to close connection N; "/who" lists the connections. Works the same with
// SWOOLE_PROCESS as the third argument of the constructor.
// Run:   php -d extension=tasksrv examples/broadcast.php
// Try:   nc 127.0.0.1 9501        (in two or three terminals; type lines, "/who", "/kick 2")
$server = new Swoole\Server('127.0.0.1', 9501);
$server->set(['worker_num' => 2]);

$hub = new Swoole\Process(function (Swoole\Process $process) use ($server) {
    while (true) {
        [$from, $line] = explode(' ', $process->read(), 2);
        $from = (int) $from;
        if ($line === '/who') {
            $who = [];
            foreach ($server->connections as $fd) {
                $who[] = "#$fd from " . $server->getClientInfo($fd)['remote_ip'];
            }
            $server->send($from, count($server->connections) . " here: " . implode(', ', $who) . "\n");
        } elseif (preg_match('#^/kick (\d+)$#', $line, $m)) {
            // close() works on any connection, whichever worker accepted it.
            $closed = $server->close((int) $m[1]);
            $server->send($from, $closed ? "kicked #{$m[1]}\n" : "no connection #{$m[1]}\n");
        } else {
            foreach ($server->connections as $fd) {
                $server->send($fd, "#$from: $line\n");   // false for a client gone meanwhile
            }
        }
    }
}, false, SOCK_DGRAM);   // one write() is one read(), whichever worker wrote it
$server->addProcess($hub);

$server->on('Receive', function ($server, $fd, $reactorId, $data) use ($hub) {
    foreach (explode("\n", trim($data)) as $line) {
        $hub->write("$fd " . trim($line));
    }
});

$server->start();
