--TEST--
task($data, $dst, $callback): the result goes to that callback instead of onFinish, once; a null callback means onFinish; a non-callable is a TypeError and sends nothing
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    function by_name($s, $id, $data) { echo "C by_name id=$id data=$data argc=" . func_num_args() . "\n"; }
    class Handler
    {
        public function method($s, $id, $data) { echo "C method id=$id data=$data\n"; }
        public static function stat($s, $id, $data) { echo "C static id=$id data=$data\n"; }
    }
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    // One task worker: results arrive in the order the tasks were sent.
    $s->set(['worker_num' => 1, 'task_worker_num' => 1]);
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        $h = new Handler();
        $local = 'captured';
        $calls = [
            'closure' => fn() => $s->task('closure', -1, function ($srv, $id, $data) use ($s, $local) {
                echo "C closure id=$id data=$data same server=" . var_export($srv === $s, true) . " $local worker=" . $srv->getWorkerId() . "\n";
            }),
            'null' => fn() => $s->task('null', -1, null),
            'name' => fn() => $s->task('name', -1, 'by_name'),
            'method' => fn() => $s->task('method', 0, [$h, 'method']),
            'static' => fn() => $s->task('static', -1, 'Handler::stat'),
            'first-class' => fn() => $s->task('first-class', -1, $h->method(...)),
            'twice' => fn() => $s->task('twice', -1, function ($srv, $id, $data) {
                echo "C twice id=$id data=$data\n";
            }),
            'not callable' => fn() => $s->task('not callable', -1, 'no_such_function'),
            'not callable array' => fn() => $s->task('not callable array', -1, [1, 2]),
            'last' => fn() => $s->task('last'),
        ];
        set_error_handler(function ($no, $str) { echo "W $str\n"; return true; });
        foreach ($calls as $what => $call) {
            try {
                echo "R $what: task() returned " . var_export($call(), true) . "\n";
            } catch (Throwable $e) {
                echo "R $what: " . $e::class . ': ' . $e->getMessage() . "\n";
            }
        }
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        echo "T id=$task_id data=$data\n";
        if ($data === 'twice') {
            $s->finish('twice: first');
            return 'twice: second';
        }
        return $data;
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        echo "F onFinish id=$task_id data=$data\n";
        if ($data === 'last') {
            $s->send($GLOBALS['fd'], "done\n");
        }
    });
    $s->start();
PHP);
echo tasksrv_request($srv->connect(), 'go'), "\n";
$out = $srv->output();
tasksrv_print_lines($out, 'R ', false);
tasksrv_print_lines($out, 'T ', false);
// Callbacks, onFinish and warnings of the event worker, in the order they ran.
foreach (explode("\n", $out) as $line) {
    if (preg_match('/^[CFW] /', $line)) {
        echo $line, "\n";
    }
}
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
done
R closure: task() returned 0
R null: task() returned 1
R name: task() returned 2
R method: task() returned 3
R static: task() returned 4
R first-class: task() returned 5
R twice: task() returned 6
R not callable: TypeError: TaskSrv\Server::task(): Argument #3 ($finish_callback) must be a valid callback or null, function "no_such_function" not found or invalid function name
R not callable array: TypeError: TaskSrv\Server::task(): Argument #3 ($finish_callback) must be a valid callback or null, first array member is not a valid class name or object
R last: task() returned 7
T id=0 data=closure
T id=1 data=null
T id=2 data=name
T id=3 data=method
T id=4 data=static
T id=5 data=first-class
T id=6 data=twice
T id=7 data=last
C closure id=0 data=closure same server=true captured worker=0
F onFinish id=1 data=null
C by_name id=2 data=name argc=3
C method id=3 data=method
C static id=4 data=static
C method id=5 data=first-class
C twice id=6 data=twice: first
W TaskSrv\Server::start(): require 'onFinish' callback
F onFinish id=7 data=last
exit: 0
