--TEST--
Process titles (Swoole sets none): "tasksrv: manager", "tasksrv: worker #N", "tasksrv: task worker #N" in /proc/PID/cmdline and ps, also after a reload; single process "tasksrv: worker #0"; PROCESS mode "tasksrv: master"; a title set in WorkerStart or before start() wins; process_title_prefix; process_title => false keeps the command line
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php
// Under scripts/valgrind-tests every server process is valgrind's: /proc/PID/cmdline and ps
// show valgrind's command line, never the title the process set.
if (getenv('TASKSRV_TEST_VALGRIND')) die('skip process titles are hidden by valgrind');
?>
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
function title(int $pid): string
{
    return rtrim(str_replace("\0", ' ', (string) @file_get_contents("/proc/$pid/cmdline")));
}
function tree(int $pid): array
{
    $all = [$pid];
    foreach (tasksrv_children($pid) as $child) {
        $all = array_merge($all, tree($child));
    }
    return $all;
}
function titles(TasksrvTestServer $srv): string
{
    $all = array_map('title', tree($srv->mainPid()));
    sort($all);
    return preg_replace('/\S*php\S* .*?SCRIPT/', 'php SCRIPT', implode(' | ', str_replace($srv->script, 'SCRIPT', $all)));
}
$code = <<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT, MODE);
$s->set(SETTINGS);
BEFORE
$s->on('WorkerStart', function ($s, $id) {
    if ($id === 1 && !$s->taskworker) {
        cli_set_process_title("my own title for #$id");
    }
    echo "WorkerStart($id)\n";
});
$s->on('AfterReload', fn() => print("AfterReload\n"));
$s->on('Receive', function () {});
$s->on('Task', function () {});
$s->start();
PHP;
$cases = [
    'default' => [['worker_num' => 2, 'task_worker_num' => 1], ''],
    'prefix' => [['worker_num' => 1, 'task_worker_num' => 1, 'process_title_prefix' => 'myapp'], ''],
    'off' => [['worker_num' => 1, 'task_worker_num' => 1, 'process_title' => false], ''],
    'script title' => [['worker_num' => 1, 'task_worker_num' => 1], 'cli_set_process_title("my server");'],
    'single' => [['worker_num' => 1], ''],
    'single, script title' => [['worker_num' => 1], 'cli_set_process_title("my server");'],
    'PROCESS' => [['worker_num' => 1, 'task_worker_num' => 1], '', 'SWOOLE_PROCESS'],
    'PROCESS, script title' => [['worker_num' => 1, 'task_worker_num' => 1], 'cli_set_process_title("my server");', 'SWOOLE_PROCESS'],
];
foreach ($cases as $name => [$settings, $before]) {
    $mode = $cases[$name][2] ?? 'SWOOLE_BASE';
    $n = ($settings['worker_num'] ?? 1) + ($settings['task_worker_num'] ?? 0);
    $srv = tasksrv_server(str_replace(['SETTINGS', 'BEFORE', 'MODE'], [var_export($settings, true), $before, $mode], $code));
    $srv->waitOutput('WorkerStart', $n);
    $deadline = microtime(true) + 2; // titles are set as each process starts
    while ($name !== 'off' && str_contains(titles($srv), 'php SCRIPT') && microtime(true) < $deadline) {
        usleep(10000);
    }
    echo "$name: ", titles($srv), "\n";
    if ($name === 'default') {
        $worker = array_values(array_filter(tasksrv_children($srv->mainPid()), fn($p) => title($p) === 'tasksrv: worker #0'))[0];
        echo "ps -o args: ", trim(shell_exec("ps -o args= -p $worker")), "\n";
        tasksrv_signal($srv->mainPid(), 'USR1');
        $srv->waitOutput('AfterReload');
        $srv->waitOutput('WorkerStart', 2 * $n);
        echo "after reload: ", titles($srv), "\n";
    }
    echo "exit: ", $srv->stop(), "\n";
}
?>
--EXPECT--
default: my own title for #1 | tasksrv: manager | tasksrv: task worker #2 | tasksrv: worker #0
ps -o args: tasksrv: worker #0
after reload: my own title for #1 | tasksrv: manager | tasksrv: task worker #2 | tasksrv: worker #0
exit: 0
prefix: myapp: manager | myapp: task worker #1 | myapp: worker #0
exit: 0
off: php SCRIPT | php SCRIPT | php SCRIPT
exit: 0
script title: my server | tasksrv: task worker #1 | tasksrv: worker #0
exit: 0
single: tasksrv: worker #0
exit: 0
single, script title: my server
exit: 0
PROCESS: tasksrv: manager | tasksrv: master | tasksrv: task worker #1 | tasksrv: worker #0
exit: 0
PROCESS, script title: my server | tasksrv: manager | tasksrv: task worker #1 | tasksrv: worker #0
exit: 0
