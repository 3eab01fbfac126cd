--TEST--
Redis task backend: a node stopped (SIGSTOP of its process group) past its lease: the front fails its task as worker_died; continued (SIGCONT), the node finishes it and its result is dropped and counted (the node's stats() task_late_results, every server's task_backend_late_results and the OpenMetrics text); the queue's stats across hosts (stream length, waiting, pending, consumers)
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php require __DIR__ . '/../inc/backend.inc'; backend_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/backend.inc';
$release = sys_get_temp_dir() . '/tasksrv-late-' . getmypid();
@unlink($release);
$redis = new TasksrvTestRedis();
$url = $redis->url();
$node = backend_node($redis, <<<'PHP'
function ($node, int $id, int $src, $data) {
    if ($data === 'stats') {
        return 'node task_late_results=' . $node->stats()['task_late_results'];
    }
    echo "RUNNING $data\n";
    while (!file_exists($data)) {
        usleep(10000);
    }
    return 'held';
}
PHP, 1, 'tasksrv', 1);
$front = tasksrv_server(<<<PHP
\$s = new TaskSrv\\Server('127.0.0.1', PORT);
\$s->set(['task_backend' => '$url', 'task_worker_num' => 0, 'task_backend_lease' => 1, 'log_level' => 4]);
\$s->on('Receive', function (\$s, \$fd, \$r, \$data) {
    \$data = trim(\$data);
    if (\$data === 'show') {
        \$st = \$s->stats();
        \$out = '';
        foreach (['task_late_results', 'task_backend_late_results', 'task_backend_stream_length', 'task_backend_waiting', 'task_backend_pending'] as \$k) {
            \$out .= "\$k=\$st[\$k] ";
        }
        \$out .= 'consumers ' . (\$st['task_backend_consumers'] >= 1 ? '>= 1' : \$st['task_backend_consumers']) . "\\n";
        preg_match_all('/^tasksrv_task_(late|backend)\\S* .*\$/m', \$s->stats(TaskSrv\\Server::STATS_OPENMETRICS), \$m);
        \$s->send(\$fd, \$out . implode("\\n", preg_replace('/^(tasksrv_task_backend_consumers) \\d+/', '\$1 N', \$m[0])) . "\\nEND\\n");
        return;
    }
    \$s->task(\$data);
    \$s->send(\$fd, "sent\\n");
});
\$s->on('Finish', function (\$s, \$id, \$result) {
    echo "onFinish: \$result\\n";
});
\$s->on('TaskFailure', function (\$s, \$id, \$failure) {
    echo "onTaskFailure: {\$failure->reason}\\n";
});
\$s->start();
PHP);
echo tasksrv_request($front->connect(), "$release\n"), "\n";
var_dump($node->waitOutput('RUNNING'));
tasksrv_signal(-$node->pgid, 'STOP');
var_dump($front->waitOutput('onTaskFailure', 1, 15));
touch($release);
tasksrv_signal(-$node->pgid, 'CONT');
var_dump($node->waitOutput('dropped'));
echo tasksrv_request($front->connect(), "stats\n"), "\n";
var_dump($front->waitOutput('onFinish'));
usleep((int) (1500000 * tasksrv_slowdown())); /* the queue's stats are read once a second */
echo tasksrv_request($front->connect(), "show\n", "END\n");
echo "node: ", $node->stop(), "\n";
echo "front: ", $front->stop(), "\n";
preg_match_all('/^(onFinish|onTaskFailure): .*$/m', $front->output(), $m);
echo implode("\n", $m[0]), "\n";
preg_match('/WARNING\t(task backend: the outcome .*)$/m', $node->output(), $m);
echo preg_replace('/entry [0-9-]+/', 'entry ID', $m[1] ?? $node->output()), "\n";
@unlink($release);
?>
--EXPECT--
sent
bool(true)
bool(true)
bool(true)
sent
bool(true)
task_late_results=0 task_backend_late_results=1 task_backend_stream_length=2 task_backend_waiting=0 task_backend_pending=0 consumers >= 1
tasksrv_task_late_results_total 0
tasksrv_task_backend_stream_length 2
tasksrv_task_backend_waiting 0
tasksrv_task_backend_pending 0
tasksrv_task_backend_consumers N
tasksrv_task_backend_late_results_total 1
tasksrv_task_backend_retried_total 0
node: 0
front: 0
onTaskFailure: worker_died
onFinish: node task_late_results=1
task backend: the outcome of task 0 (entry ID) dropped: its lease expired and it was already failed as worker_died or put back in the queue
