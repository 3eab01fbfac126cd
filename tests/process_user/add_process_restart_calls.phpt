--TEST--
Server::addProcess(): a callback that returns at once is started again, at most once a second (no fork storm); in a user process task() sends a one-way task (its id, 0), sendMessage() to a worker works, send() to no connection is false without a warning, stats() and reload() work
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new Swoole\Server('127.0.0.1', PORT, SWOOLE_BASE);
$s->set(['worker_num' => 1, 'task_worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
$s->addProcess(new Swoole\Process(function (Swoole\Process $p) {
    $s = $GLOBALS['s']; // not use(): see add_process_basic.phpt
    echo "START ", getmypid(), "\n";
    if (!file_exists(__FILE__ . '.once')) {
        touch(__FILE__ . '.once');
        var_dump($s->task('x'), $s->sendMessage('m', 0), $s->send(1, 'x'));
        echo "user_worker_num=", $s->stats()['user_worker_num'], "\n";
        var_dump($s->reload());
    }
}));
$s->on('Receive', fn() => null);
$s->on('Task', fn() => null);
$s->on('PipeMessage', fn() => null);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('Shutdown', fn() => @unlink(__FILE__ . '.once'));
$s->start();
PHP);
$srv->waitOutput('START', 2);
$t0 = microtime(true);
usleep((int) (1500000 * tasksrv_slowdown()));
/* Two starts before the wait, then at most one a second (plus one for the edges). */
$starts = substr_count($srv->output(), 'START');
$most = 2 + (int) ceil(microtime(true) - $t0) + 1;
echo "at most one start a second: ", $starts >= 2 && $starts <= $most ? 'yes' : "no ($starts in " . round(microtime(true) - $t0, 1) . " s)", "\n";
echo "reloaded: ", var_export(substr_count($srv->output(), 'WorkerStart(0)') >= 2, true), "\n";
echo "exit: ", $srv->stop(), "\n";
echo "left: ", count(tasksrv_group_pids($srv->pgid)), "\n";
$lines = array_values(array_filter(explode("\n", $srv->output()), fn($l) => !preg_match('/^(START|WorkerStart)/', $l) && $l !== ''));
echo preg_replace('/in \S+ on line \d+/', 'in FILE on line N', implode("\n", $lines)), "\n";
?>
--EXPECT--
at most one start a second: yes
reloaded: true
exit: 0
left: 0
int(0)
bool(true)
bool(false)
user_worker_num=1
bool(true)
