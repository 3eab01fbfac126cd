--TEST--
Redis task backend batching, tasks fetched and not started: a node's task worker that dies of a fatal error in the middle of a batch (300 tasks queued before any node ran) and a node stopped with SIGTERM in the middle of a run (a second node takes over) give their fetched tasks back to the queue: every task reaches exactly one outcome, none waits for a lease, the ledger balances
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php require __DIR__ . '/../inc/backend.inc'; backend_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/backend.inc';
$redis = new TasksrvTestRedis();
$url = $redis->url();
$onTask = <<<'PHP'
function (TaskSrv\Server $node, int $id, int $src, $data) {
    if ($data === 'a150') {
        trigger_error('boom on the node', E_USER_ERROR);
    }
    if ($data[0] === 'b') {
        usleep(200);
    }
    return "r:$data";
}
PHP;
$front = tasksrv_server(<<<PHP
\$s = new TaskSrv\\Server('127.0.0.1', PORT);
\$s->set(['task_backend' => '$url', 'task_worker_num' => 0, 'log_level' => 4]);
\$st = new stdClass();
\$st->want = [];
\$st->ok = \$st->bad = \$st->failed = 0;
\$s->on('Receive', function (\$s, \$fd, \$r, \$data) use (\$st) {
    \$p = trim(\$data);
    \$n = \$p === 'a' ? 300 : 2000;
    \$st->ok = \$st->bad = \$st->failed = 0;
    \$st->n = \$n;
    for (\$i = 0; \$i < \$n; \$i++) {
        \$st->want[\$s->task("\$p\$i")] = "\$p\$i";
    }
    \$s->send(\$fd, "sent \$n\\n");
});
\$end = function (\$s) use (\$st) {
    if (\$st->ok === 300) {
        echo "progress\\n";
    }
    if (\$st->ok + \$st->bad + \$st->failed === \$st->n) {
        \$l = \$s->stats();
        echo "phase: ok={\$st->ok} failed={\$st->failed} bad={\$st->bad} left=", count(\$st->want), " ledger: accepted={\$l['task_accepted']} done={\$l['task_done']} failed={\$l['task_failed']} queued={\$l['task_queue_num']}\\n";
    }
};
\$s->on('Finish', function (\$s, \$id, \$result) use (\$st, \$end) {
    if (isset(\$st->want[\$id]) && \$result === 'r:' . \$st->want[\$id]) {
        unset(\$st->want[\$id]);
        \$st->ok++;
    } else {
        \$st->bad++;
    }
    \$end(\$s);
});
\$s->on('TaskFailure', function (\$s, \$id, \$f) use (\$st, \$end) {
    echo "onTaskFailure: {\$f->reason}: ", str_contains(\$f->message, 'boom on the node') ? 'names the fatal error' : \$f->message, "\\n";
    unset(\$st->want[\$id]);
    \$st->failed++;
    \$end(\$s);
});
\$s->start();
PHP);
/* 300 tasks wait in the stream before any node runs: the node's reads grow to batches. */
echo tasksrv_request($front->connect(), "a\n"), "\n";
$nodeA = backend_node($redis, $onTask, 1);
var_dump($front->waitOutput('phase:', 1, 30.0));
/* 2000 tasks of 0.2 ms; the node is stopped in the middle, a second one runs the rest. */
echo tasksrv_request($front->connect(), "b\n"), "\n";
var_dump($front->waitOutput('progress', 1, 30.0));
echo "node A: ", $nodeA->stop(), "\n";
$nodeB = backend_node($redis, $onTask, 1);
var_dump($front->waitOutput('phase:', 2, 30.0));
echo "front: ", $front->stop(), "\n";
echo "node B: ", $nodeB->stop(), "\n";
preg_match_all('/^(onTaskFailure|phase): .*$/m', $front->output(), $m);
echo implode("\n", $m[0]), "\n";
/* Trimmed a batch at a time, whole stream nodes (100 entries) only. */
$len = (int) substr($redis->command('XLEN', 'tasksrv:tasks'), 1);
echo "task stream trimmed: ", $len <= 200 ? 'yes' : "no ($len entries)", "\n";
?>
--EXPECT--
sent 300
bool(true)
sent 2000
bool(true)
node A: 0
bool(true)
front: 0
node B: 0
onTaskFailure: fatal_error: names the fatal error
phase: ok=299 failed=1 bad=0 left=0 ledger: accepted=300 done=299 failed=1 queued=0
phase: ok=2000 failed=0 bad=0 left=0 ledger: accepted=2300 done=2299 failed=1 queued=0
task stream trimmed: yes
