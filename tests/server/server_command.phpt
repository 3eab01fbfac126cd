--TEST--
Server::addCommand()/command(): a command runs in the calling process when it names itself (an event worker, a task worker, the SWOOLE_PROCESS master in onStart) with the JSON of $data, its result JSON-decoded (or the raw string); another process, a type the command does not accept: false with 505; an unknown name: false with 9012; addCommand() after start() or before it for a taken name
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$s = new Swoole\Server('127.0.0.1', 0);
var_dump(SWOOLE_SERVER_COMMAND_MASTER, SWOOLE_SERVER_COMMAND_MANAGER, SWOOLE_SERVER_COMMAND_EVENT_WORKER, SWOOLE_SERVER_COMMAND_TASK_WORKER);
var_dump($s->addCommand('a', SWOOLE_SERVER_COMMAND_EVENT_WORKER, fn() => 1), $s->addCommand('a', SWOOLE_SERVER_COMMAND_EVENT_WORKER, fn() => 2));
try {
    $s->addCommand('b', SWOOLE_SERVER_COMMAND_EVENT_WORKER, 'no_such_function');
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}
var_dump($s->command('a', 0, SWOOLE_SERVER_COMMAND_EVENT_WORKER, 1));
unset($s);

foreach (['SWOOLE_BASE', 'SWOOLE_PROCESS'] as $mode) {
    $srv = tasksrv_server(str_replace('MODE', $mode, <<<'PHP'
    set_error_handler(function ($no, $str) { echo "Warning: $str\n"; return true; });
    $s = new Swoole\Server('127.0.0.1', PORT, MODE);
    $s->set(['worker_num' => 2, 'task_worker_num' => 1]);
    $all = SWOOLE_SERVER_COMMAND_MASTER | SWOOLE_SERVER_COMMAND_EVENT_WORKER | SWOOLE_SERVER_COMMAND_TASK_WORKER;
    $s->addCommand('whoami', $all, function ($s, $json) {
        return json_encode(['worker_id' => $s->worker_id, 'task' => $s->taskworker, 'got' => $json]);
    });
    $s->addCommand('workers_only', SWOOLE_SERVER_COMMAND_EVENT_WORKER, fn($s, $json) => "plain $json");
    $s->on('Start', function ($s) {
        if ($s->mode === SWOOLE_PROCESS) {
            echo 'master: ', json_encode($s->command('whoami', 0, SWOOLE_SERVER_COMMAND_MASTER, ['m' => 1])), "\n";
        }
    });
    $s->on('Task', function ($s, $id, $src, $data) {
        return json_encode($s->command('whoami', 0, SWOOLE_SERVER_COMMAND_TASK_WORKER, $data));
    });
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $me = $s->worker_id;
        $r = [];
        $r[] = json_encode($s->command('whoami', $me, SWOOLE_SERVER_COMMAND_EVENT_WORKER, ['a' => 1]));
        $r[] = json_encode($s->command('whoami', $me, SWOOLE_SERVER_COMMAND_EVENT_WORKER, 'x', false));
        $r[] = json_encode($s->command('workers_only', $me, SWOOLE_SERVER_COMMAND_EVENT_WORKER, [1, 2], false));
        $r[] = 'other worker: ' . var_export($s->command('whoami', 1 - $me, SWOOLE_SERVER_COMMAND_EVENT_WORKER, 1), true) . ' ' . $s->getLastError();
        $r[] = 'not accepted: ' . var_export($s->command('workers_only', 0, SWOOLE_SERVER_COMMAND_TASK_WORKER, 1), true) . ' ' . $s->getLastError();
        $r[] = 'unknown: ' . var_export($s->command('nope', $me, SWOOLE_SERVER_COMMAND_EVENT_WORKER, 1), true) . ' ' . $s->getLastError();
        $r[] = 'task worker: ' . $s->taskwait('t', 5);
        $r[] = 'addCommand: ' . var_export($s->addCommand('late', SWOOLE_SERVER_COMMAND_EVENT_WORKER, fn() => ''), true);
        $s->send($fd, implode("\n", $r) . "\n.\n");
    });
    $s->start();
    PHP));
    $c = $srv->connect();
    fwrite($c, 'x');
    echo "$mode:\n", preg_replace('/"worker_id":[01],/', '"worker_id":ME,', tasksrv_recv_until($c, "\n.\n"));
    $srv->stop();
    echo $srv->output();
}
?>
--EXPECTF--
int(2)
int(32)
int(8)
int(16)
bool(true)
bool(false)
TaskSrv\Server::addCommand(): Argument #3 ($callback) must be a valid callback, function "no_such_function" not found or invalid function name

Warning: TaskSrv\Server::command(): server is not running in %s on line %d
bool(false)
SWOOLE_BASE:
{"worker_id":ME,"task":false,"got":"{\"a\":1}"}
"{\"worker_id\":%d,\"task\":false,\"got\":\"\\\"x\\\"\"}"
"plain [1,2]"
other worker: false 505
not accepted: false 505
unknown: false 9012
task worker: {"worker_id":2,"task":true,"got":"\"t\""}
addCommand: false
.
Warning: TaskSrv\Server::addCommand(): server is running, can't add command
SWOOLE_PROCESS:
{"worker_id":ME,"task":false,"got":"{\"a\":1}"}
"{\"worker_id\":%d,\"task\":false,\"got\":\"\\\"x\\\"\"}"
"plain [1,2]"
other worker: false 505
not accepted: false 505
unknown: false 9012
task worker: {"worker_id":2,"task":true,"got":"\"t\""}
addCommand: false
.
master: {"worker_id":-1,"task":false,"got":"{\"m\":1}"}
Warning: TaskSrv\Server::addCommand(): server is running, can't add command
