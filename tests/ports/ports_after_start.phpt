--TEST--
After start(): listen()/addListener() warn and return false; Port::set()/on() warn and return false; getCallback() still answers
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$extra = $s->listen('127.0.0.1', 0, SWOOLE_SOCK_TCP);
$s->on('Receive', function () {});
$s->on('WorkerStart', function ($s) use ($extra) {
    var_dump($s->listen('127.0.0.1', 0, SWOOLE_SOCK_TCP));
    var_dump($s->addlistener('127.0.0.1', 0, SWOOLE_SOCK_UDP));
    var_dump($extra->set(['open_eof_check' => true]));
    var_dump($s->ports[0]->set(['open_eof_check' => true]));
    var_dump($extra->on('Receive', function () {}));
    var_dump($extra->getCallback('receive'), $s->ports[0]->getCallback('Receive') instanceof Closure);
    var_dump(count($s->ports));
    echo "done\n";
});
$s->start();
PHP);
$srv->waitOutput('done');
echo "exit: ", $srv->stop(), "\n";
echo $srv->output();
?>
--EXPECTF--
exit: 0

Warning: TaskSrv\Server::listen(): server is running, cannot add listener in %s on line %d
bool(false)

Warning: TaskSrv\Server::addListener(): server is running, cannot add listener in %s on line %d
bool(false)

Warning: TaskSrv\Server\Port::set(): server is running, unable to execute TaskSrv\Server\Port->set in %s on line %d
bool(false)

Warning: TaskSrv\Server\Port::set(): server is running, unable to execute TaskSrv\Server\Port->set in %s on line %d
bool(false)

Warning: TaskSrv\Server\Port::on(): can't register event callback function after server started in %s on line %d
bool(false)
NULL
bool(true)
int(2)
done
