--TEST--
task_tmpdir: an existing writable directory is accepted (tasks work, no file is written there); a missing path or a file throws ValueError naming the key
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$dir = sys_get_temp_dir() . '/tasksrv-tmpdir-' . getmypid();
@mkdir($dir);
$file = "$dir/a-file";
touch($file);
$s = new TaskSrv\Server('127.0.0.1', 0);
foreach (['dir' => $dir, 'missing' => "$dir/missing", 'file' => $file, 'empty' => ''] as $what => $path) {
    try {
        $r = $s->set(['task_tmpdir' => $path]);
        echo "$what: ", var_export($r, true), "\n";
    } catch (Throwable $e) {
        echo "$what: ", $e::class, ': ', str_replace($dir, 'DIR', $e->getMessage()), "\n";
    }
}
unset($s);

$srv = tasksrv_server(str_replace('TMPDIR', var_export($dir, true), <<<'PHP'
    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1, 'task_tmpdir' => TMPDIR]);
    $s->on('Receive', function ($s, $fd, $rid, $cmd) {
        $r = $s->taskwait(str_repeat('x', 100000), 5);
        $s->send($fd, 'taskwait of 100000 bytes: ' . strlen($r) . " bytes back\n");
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        return $data;
    });
    $s->start();
PHP));
$c = $srv->connect();
echo tasksrv_request($c, "go\n"), "\n";
echo "exit: ", $srv->stop(), "\n";
echo "files in task_tmpdir: ", json_encode(array_values(array_diff(scandir($dir), ['.', '..', 'a-file']))), "\n";
unlink($file);
var_dump(rmdir($dir));
?>
--EXPECT--
dir: true
missing: ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "task_tmpdir" must name an existing, writable directory, "DIR/missing" given
file: ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "task_tmpdir" must name an existing, writable directory, "DIR/a-file" given
empty: ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "task_tmpdir" must be 1 to 4095 bytes long
taskwait of 100000 bytes: 100000 bytes back
exit: 0
files in task_tmpdir: []
bool(true)
