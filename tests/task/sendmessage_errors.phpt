--TEST--
sendMessage() errors: to itself warns "can't send messages to self"; an id out of range throws ValueError; without onPipeMessage it warns "onPipeMessage is null, can't use sendMessage"; before start() "server is not running"
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
foreach (['with onPipeMessage' => true, 'without onPipeMessage' => false] as $title => $pipe) {
    echo "== $title\n";
    $srv = tasksrv_server(str_replace('PIPE', var_export($pipe, true), <<<'PHP'
        set_error_handler(function ($no, $str) { echo "Warning: $str\n"; return true; });
        $s = new TaskSrv\Server('127.0.0.1', PORT);
        $s->set(['worker_num' => 2, 'task_worker_num' => 2]);
        if (PIPE) {
            $s->on('PipeMessage', function ($s, $src, $data) {
                echo "P got $data from " . ($src < 2 ? 'an event worker' : "task worker $src") . "\n";
            });
            echo "before start: " . var_export($s->sendMessage('x', 1), true) . "\n";
        }
        $s->on('Receive', function ($s, $fd, $rid, $cmd) {
            ob_start();
            $me = $s->getWorkerId();
            foreach (['self' => $me, 'out of range 4' => 4, 'negative' => -1, 'a task worker' => 3] as $what => $dst) {
                try {
                    $r = $s->sendMessage("to $what", $dst);
                    echo "$what: " . var_export($r, true) . "\n";
                } catch (Throwable $e) {
                    echo "$what: " . $e::class . ': ' . $e->getMessage() . "\n";
                }
            }
            if (PIPE) {
                echo 'in a task worker: ' . $s->taskwait('x', 5);
            }
            $s->send($fd, ob_get_clean() . ".\n");
        });
        $s->on('Task', function ($s, $task_id, $src, $data) {
            ob_start();
            $r = $s->sendMessage('to itself', $s->getWorkerId());
            return ob_get_clean() . 'self: ' . var_export($r, true) . "\n";
        });
        $s->start();
    PHP));
    $c = $srv->connect();
    echo tasksrv_request($c, "go\n", "\n.\n"), "\n";
    if ($pipe) {
        $srv->waitOutput('P got');
    }
    echo "exit: ", $srv->stop(), "\n";
    echo $srv->output();
}
?>
--EXPECT--
== with onPipeMessage
Warning: TaskSrv\Server::sendMessage(): can't send messages to self
self: false
out of range 4: ValueError: TaskSrv\Server::sendMessage(): Argument #2 ($dst_worker_id) must be a worker id between 0 and 3
negative: ValueError: TaskSrv\Server::sendMessage(): Argument #2 ($dst_worker_id) must be a worker id between 0 and 3
a task worker: true
in a task worker: Warning: TaskSrv\Server::sendMessage(): can't send messages to self
self: false
exit: 0
Warning: TaskSrv\Server::sendMessage(): server is not running
before start: false
P got to a task worker from an event worker
== without onPipeMessage
Warning: TaskSrv\Server::sendMessage(): onPipeMessage is null, can't use sendMessage
self: false
Warning: TaskSrv\Server::sendMessage(): onPipeMessage is null, can't use sendMessage
out of range 4: false
Warning: TaskSrv\Server::sendMessage(): onPipeMessage is null, can't use sendMessage
negative: false
Warning: TaskSrv\Server::sendMessage(): onPipeMessage is null, can't use sendMessage
a task worker: false
exit: 0
