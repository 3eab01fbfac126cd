--TEST--
task_backend_retries: a TaskNode killed with SIGKILL mid-task (lease 1 s, retries 1): the task goes back to the queue and a second node runs it; the caller gets exactly one outcome (done), stats() counts the retries across hosts; a task whose every try dies fails as worker_died
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php require __DIR__ . '/../inc/backend.inc'; backend_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/backend.inc';
/* A task runs until this file exists. */
$release = sys_get_temp_dir() . '/tasksrv-retries-' . getmypid();
@unlink($release);
$redis = new TasksrvTestRedis();
$url = $redis->url();
$onTask = <<<'PHP'
function ($node, int $id, int $src, $data) {
    [$data, $release] = explode(' ', $data);
    echo "RUNNING $data ", getmypid(), "\n";
    while (!file_exists($release)) {
        usleep(10000);
    }
    return "$data done by " . getmypid();
}
PHP;
$front = tasksrv_server(<<<PHP
\$s = new TaskSrv\\Server('127.0.0.1', PORT);
\$s->set(['task_backend' => '$url', 'task_worker_num' => 0, 'task_backend_lease' => 1, 'task_backend_retries' => 1, 'log_level' => 4]);
\$s->on('Receive', function (\$s, \$fd, \$r, \$data) {
    if (trim(\$data) === 'stats') {
        \$s->send(\$fd, \$s->stats()['task_backend_retried'] . "\\n");
        return;
    }
    \$s->task(trim(\$data));
    \$s->send(\$fd, "sent\\n");
});
\$s->on('Finish', function (\$s, \$id, \$result) {
    echo "onFinish: ", preg_replace('/\\d+\$/', 'PID', \$result), "\\n";
    \$l = \$s->stats();
    echo "ledger: accepted={\$l['task_accepted']} done={\$l['task_done']} failed={\$l['task_failed']} queued={\$l['task_queue_num']}\\n";
});
\$s->on('TaskFailure', function (\$s, \$id, \$failure) {
    echo "onTaskFailure: {\$failure->reason}\\n";
    \$l = \$s->stats();
    echo "ledger: accepted={\$l['task_accepted']} done={\$l['task_done']} failed={\$l['task_failed']} queued={\$l['task_queue_num']}\\n";
});
\$s->start();
PHP);
$a = backend_node($redis, $onTask, 1, 'tasksrv', 1);
echo tasksrv_request($front->connect(), "victim $release\n"), "\n";
var_dump($a->waitOutput('RUNNING victim'));
/* The second node starts only now: the task is A's. */
$b = backend_node($redis, $onTask, 1, 'tasksrv', 1);
tasksrv_signal(-$a->pgid, 'KILL');
var_dump($b->waitOutput('RUNNING victim', 1, 15));
touch($release); /* B ends it */
var_dump($front->waitOutput('ledger:', 1, 15));
/* Retries run out: both tries die. */
echo tasksrv_request($front->connect(), "victim2 $release-2\n"), "\n";
var_dump($b->waitOutput('RUNNING victim2'));
$c = backend_node($redis, $onTask, 1, 'tasksrv', 1);
tasksrv_signal(-$b->pgid, 'KILL');
var_dump($c->waitOutput('RUNNING victim2', 1, 15));
tasksrv_signal(-$c->pgid, 'KILL');
var_dump($front->waitOutput('ledger:', 2, 15));
/* Counted across hosts (whichever front or node put them back), read within a second. */
usleep(1200000);
echo "retried: ", tasksrv_request($front->connect(), "stats\n"), "\n";
echo "front: ", $front->stop(), "\n";
@unlink($release);
$out = $front->output();
preg_match_all('/^(onFinish|onTaskFailure|ledger): .*$/m', $out, $mm);
echo implode("\n", $mm[0]), "\n";
echo "put back: ", substr_count($out . $b->output() . $c->output(), 'put back in the queue (try 2 of 2'), "\n";
if (getenv('DEBUG_RETRIES')) { echo "A: ", $a->output(), "\nB: ", $b->output(), "\nC: ", $c->output(), "\nFRONT: $out\n"; }
?>
--EXPECT--
sent
bool(true)
bool(true)
bool(true)
sent
bool(true)
bool(true)
bool(true)
retried: 2
front: 0
onFinish: victim done by PID
ledger: accepted=1 done=1 failed=0 queued=0
onTaskFailure: worker_died
ledger: accepted=2 done=1 failed=1 queued=0
put back: 2
