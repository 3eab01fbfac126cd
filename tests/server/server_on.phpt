--TEST--
Server::on()/getCallback(): every Swoole TCP event name, case-insensitive, replace, errors
--EXTENSIONS--
tasksrv
--FILE--
<?php
function handler() {}
class H {
    static function s() {}
    function i() {}
}
$s = new TaskSrv\Server('127.0.0.1');
$names = ['Start', 'BeforeShutdown', 'Shutdown', 'WorkerStart', 'WorkerStop', 'WorkerExit', 'WorkerError',
    'ManagerStart', 'ManagerStop', 'Task', 'Finish', 'PipeMessage', 'BeforeReload', 'AfterReload',
    'Connect', 'Receive', 'Close', 'Packet', 'BufferFull', 'BufferEmpty'];
foreach ($names as $n) {
    var_dump($s->getCallback($n));
}
$ok = 0;
foreach ($names as $n) {
    $ok += $s->on($n, 'handler') === true;
}
echo "$ok of ", count($names), " names accepted\n";
foreach ($names as $n) {
    if ($s->getCallback(strtolower($n)) !== 'handler' || $s->getCallback(strtoupper($n)) !== 'handler') {
        echo "$n: ", var_export($s->getCallback($n), true), "\n";
    }
}

// Case-insensitive: every spelling is the same event.
$closure = function () {};
var_dump($s->on('ReCeIvE', $closure));
var_dump($s->getCallback('receive') === $closure, $s->getCallback('RECEIVE') === $closure);

// getCallback returns the callable exactly as registered; re-registering replaces it.
$obj = new H;
$s->on('connect', [$obj, 'i']);
var_dump($s->getCallback('Connect')[0] === $obj);
$s->on('Connect', 'H::s');
var_dump($s->getCallback('Connect'));
$s->on('close', ['H', 's']);
var_dump($s->getCallback('Close'));
$s->on('close', 'strlen');
var_dump($s->getCallback('Close'));

// Replacing drops the old callback (no leak).
$d = new class { function __destruct() { echo "old callback freed\n"; } function __invoke() {} };
$s->on('Task', $d);
unset($d);
echo "replacing\n";
$s->on('Task', 'handler');
echo "replaced\n";

// An unknown name warns and returns false, as Swoole 6.2.1 ("unknown event types[...]"):
// older programs register 'Timer' and run on. swoole_last_error() says PHP_RUNTIME_NOTICE.
foreach (['foo', 'onReceive', '', 'Receive ', 'Timer'] as $bad) {
    var_dump($s->on($bad, 'handler'));
}
var_dump(TaskSrv\last_error() === TaskSrv\ERROR_PHP_RUNTIME_NOTICE);
// getCallback() of an unknown name is null, as Swoole.
var_dump($s->getCallback('foo'));
// A callable that is not one stays a TypeError (Swoole warns and returns false).
foreach (['no_such_function', null, 42, [$obj, 'nope']] as $bad) {
    try {
        $s->on('Receive', $bad);
    } catch (Throwable $e) {
        echo $e::class, ': ', $e->getMessage(), "\n";
    }
}
// The failed calls left the registered callback alone.
var_dump($s->getCallback('Receive') === $closure);
?>
--EXPECTF--
NULL
NULL
NULL
NULL
NULL
NULL
NULL
NULL
NULL
NULL
NULL
NULL
NULL
NULL
NULL
NULL
NULL
NULL
NULL
NULL
20 of 20 names accepted
bool(true)
bool(true)
bool(true)
bool(true)
string(4) "H::s"
array(2) {
  [0]=>
  string(1) "H"
  [1]=>
  string(1) "s"
}
string(6) "strlen"
replacing
old callback freed
replaced

Warning: TaskSrv\Server::on(): unknown event types[foo] in %s on line %d
bool(false)

Warning: TaskSrv\Server::on(): unknown event types[onReceive] in %s on line %d
bool(false)

Warning: TaskSrv\Server::on(): unknown event types[] in %s on line %d
bool(false)

Warning: TaskSrv\Server::on(): unknown event types[Receive ] in %s on line %d
bool(false)

Warning: TaskSrv\Server::on(): unknown event types[Timer] in %s on line %d
bool(false)
bool(true)
NULL
TypeError: TaskSrv\Server::on(): Argument #2 ($callback) must be a valid callback, function "no_such_function" not found or invalid function name
TypeError: TaskSrv\Server::on(): Argument #2 ($callback) must be a valid callback, no array or string given
TypeError: TaskSrv\Server::on(): Argument #2 ($callback) must be a valid callback, no array or string given
TypeError: TaskSrv\Server::on(): Argument #2 ($callback) must be a valid callback, class H does not have a method "nope"
bool(true)
