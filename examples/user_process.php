<?php
// A user process beside the workers (Server::addProcess): every worker hands it a number through
// its pipe; it keeps a count and a running total, and answers "stats" with them.
// The manager starts it with the server, starts it again if it dies (kill -9 it and try again),
// and stops it last at shutdown.
// Run:   php -d extension=tasksrv examples/user_process.php
// Try:   echo -n "12" | nc -q1 127.0.0.1 9501        (adds 12 to the user process's total)
//        echo -n "stats" | nc -q1 127.0.0.1 9501
$server = new Swoole\Server('127.0.0.1', 9501);
$server->set(['worker_num' => 2]);

// SOCK_DGRAM: one write() is one read(), whichever worker wrote it.
$counter = new Swoole\Process(function (Swoole\Process $process) {
    $count = $total = 0;
    echo "counter process #{$process->id} started (pid {$process->pid})\n";
    while (true) {
        $line = $process->read();                        // blocks until a worker writes
        [$fd, $value] = explode(' ', $line, 2);
        if ($value === 'stats') {
            $process->write("$fd count=$count total=$total pid={$process->pid}");
            continue;
        }
        $count++;
        $total += (int) $value;
        $process->write("$fd added $value");
    }
}, false, SOCK_DGRAM);
$server->addProcess($counter);

$server->on('Receive', function ($server, $fd, $reactorId, $data) use ($counter) {
    $counter->write("$fd " . trim($data));
    // The answer comes back on the same pipe. Two workers may read it at once, so
    // each answer names its connection and goes to whichever worker reads it.
    [$to, $answer] = explode(' ', $counter->read(), 2);
    $server->send((int) $to, "$answer\n");
});

$server->start();
