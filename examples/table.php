<?php
// A Swoole\Table made before start() is shared by every process of the server: two workers
// count each client's messages in it, and a task worker reads the same rows for "stats".
$table = new Swoole\Table(1024);
$table->column('messages', Swoole\Table::TYPE_INT);
$table->column('bytes', Swoole\Table::TYPE_INT);
$table->column('last', Swoole\Table::TYPE_STRING, 32);
$table->create();

$serv = new Swoole\Server('127.0.0.1', 9501);
$serv->set(['worker_num' => 2, 'task_worker_num' => 1]);

$serv->on('Receive', function ($serv, $fd, $reactor_id, $data) use ($table) {
    $data = trim($data);
    if ($data === 'stats') {
        $serv->task($fd);   // the task worker answers this client itself
        return;
    }
    // incr() is atomic: several workers may count the same row at once.
    $table->incr('total', 'messages');
    $table->incr('total', 'bytes', strlen($data));
    $table->incr("client$fd", 'messages');
    $table->set("client$fd", ['last' => $data]);
    $serv->send($fd, "counted\n");
});

$serv->on('Task', function ($serv, $task_id, $src_worker_id, $fd) use ($table) {
    $lines = [];
    foreach ($table as $key => $row) {
        $lines[] = "$key: {$row['messages']} messages, last '{$row['last']}', {$row['bytes']} bytes";
    }
    sort($lines);
    $serv->send($fd, implode(' | ', $lines) . "\n");
});

$serv->start();
