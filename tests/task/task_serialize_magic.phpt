--TEST--
Serialization: objects with __serialize()/__unserialize() round-trip as task data and as results (task, taskwait, taskWaitMulti), rebuilt by their own methods on each side; nested in arrays too
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    final class Money {
        public ?string $trail = null;   // not serialized: set by __unserialize
        public function __construct(public int $cents, public string $currency) {}
        public function __serialize(): array { return ['c' => $this->cents, 'cur' => $this->currency, 'pid' => getmypid()]; }
        public function __unserialize(array $d): void {
            $this->cents = $d['c'];
            $this->currency = $d['cur'];
            $this->trail = $d['pid'] === getmypid() ? 'same process?!' : 'rebuilt by __unserialize in another process';
        }
        public function show(): string { return "$this->cents $this->currency ($this->trail)"; }
    }
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 2]);
    $s->on('Receive', function ($s, $fd, $rid, $cmd) {
        $GLOBALS['fd'] = $fd;
        $out = [];
        $r = $s->taskwait(new Money(100, 'EUR'), 5);
        $out[] = 'taskwait result: ' . get_debug_type($r) . ' ' . $r->show();
        $r = $s->taskWaitMulti(['x' => ['nested' => [new Money(7, 'USD')]]], 5);
        $out[] = 'taskWaitMulti result: ' . $r['x']['nested'][0]->show();
        $GLOBALS['out'] = $out;
        $s->task(new Money(5, 'GBP'));
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        $m = $data instanceof Money ? $data : $data['nested'][0];
        echo "T data: " . get_debug_type($m) . ' ' . $m->show() . "\n";
        $back = new Money($m->cents * 2, $m->currency);
        return $data instanceof Money ? $back : ['nested' => [$back]];
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        $GLOBALS['out'][] = 'onFinish result: ' . get_debug_type($data) . ' ' . $data->show();
        $s->send($GLOBALS['fd'], implode("\n", $GLOBALS['out']) . "\n.\n");
    });
    $s->start();
PHP);
$c = $srv->connect();
echo tasksrv_request($c, "go\n", "\n.\n"), "\n";
echo "exit: ", $srv->stop(), "\n";
tasksrv_print_lines($srv->output(), 'T ', false);
?>
--EXPECT--
taskwait result: Money 200 EUR (rebuilt by __unserialize in another process)
taskWaitMulti result: 14 USD (rebuilt by __unserialize in another process)
onFinish result: Money 10 GBP (rebuilt by __unserialize in another process)
exit: 0
T data: Money 100 EUR (rebuilt by __unserialize in another process)
T data: Money 7 USD (rebuilt by __unserialize in another process)
T data: Money 5 GBP (rebuilt by __unserialize in another process)
