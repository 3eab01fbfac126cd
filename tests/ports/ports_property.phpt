--TEST--
$server->ports: the primary port first (the constructor's, with its real port), then each listen() in order; the primary port shares the server's callbacks and set() array; Swoole\Server\Port is the same class
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php
if (!@stream_socket_server('tcp://[::1]:0')) {
    die('skip IPv6 loopback not available');
}
?>
--FILE--
<?php
$s = new Swoole\Server('127.0.0.1', 0);
var_dump(count($s->ports), $s->ports[0] instanceof Swoole\Server\Port, $s->ports[0]->port === $s->port);
$a = $s->listen('127.0.0.1', 0, SWOOLE_SOCK_UDP);
$b = $s->addListener('::1', 0, SWOOLE_SOCK_TCP6);
var_dump($s->ports[1] === $a, $s->ports[2] === $b);
foreach ($s->ports as $i => $p) {
    printf("%d %s %s type=%d port>0=%s sock>0=%s setting=%s\n", $i, $p::class, $p->host, $p->type,
        var_export($p->port > 0, true), var_export($p->sock > 0, true), json_encode($p->setting));
}
$s->set(['open_eof_check' => true]);
echo json_encode($s->ports[0]->setting), ' ', json_encode($a->setting), "\n";
$a->set(['package_eof' => "\r\n"]);
echo json_encode($a->setting), "\n";
$f = function () {};
$s->on('receive', $f);
var_dump($s->ports[0]->getCallback('Receive') === $f, $a->getCallback('receive'));
$g = function () {};
$s->ports[0]->on('Connect', $g);
var_dump($s->getCallback('connect') === $g);
// A server event on a port is unknown there: a warning and false, as Swoole.
var_dump($a->on('Start', $f), $a->getCallback('Start'));
// Dynamic properties, as on Swoole's Port.
$a->label = 'udp';
var_dump($a->label);
try {
    clone $a;
} catch (Error $e) {
    echo $e::class, ': ', $e->getMessage(), "\n";
}
?>
--EXPECTF--
int(1)
bool(true)
bool(true)
bool(true)
bool(true)
0 TaskSrv\Server\Port 127.0.0.1 type=1 port>0=true sock>0=true setting=null
1 TaskSrv\Server\Port 127.0.0.1 type=2 port>0=true sock>0=true setting=null
2 TaskSrv\Server\Port ::1 type=3 port>0=true sock>0=true setting=null
{"open_eof_check":true} null
{"package_eof":"\r\n"}
bool(true)
NULL
bool(true)

Warning: TaskSrv\Server\Port::on(): unknown event types[Start] in %s on line %d
bool(false)
NULL
string(3) "udp"
Error: Trying to clone an uncloneable object of class TaskSrv\Server\Port
