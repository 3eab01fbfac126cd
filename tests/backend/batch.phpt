--TEST--
Redis task backend batching: 3000 task() calls in one callback (pipelined XADDs, one write a loop turn) to a TaskNode of two task workers (XREADGROUP COUNT n, answers in one EVAL a batch): every task reaches exactly one outcome with its own result, the ledger balances, the task stream is trimmed (answered entries go, a stream node at a time) and the front's reply stream is trimmed
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php require __DIR__ . '/../inc/backend.inc'; backend_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/backend.inc';
$redis = new TasksrvTestRedis();
$url = $redis->url();
$node = backend_node($redis, <<<'PHP'
function (TaskSrv\Server $node, int $id, int $src, $data) {
    return "r:$data";
}
PHP, 2);
$front = tasksrv_server(<<<PHP
\$s = new TaskSrv\\Server('127.0.0.1', PORT);
\$s->set(['task_backend' => '$url', 'task_worker_num' => 0, 'log_level' => 4]);
\$st = new stdClass();
\$st->want = [];
\$st->ok = \$st->bad = 0;
\$s->on('Receive', function (\$s, \$fd, \$r, \$data) use (\$st) {
    if (trim(\$data) === 'wait') {
        \$s->send(\$fd, \$s->taskwait('w', 5.0) . "\\n");
        return;
    }
    for (\$i = 0; \$i < 3000; \$i++) {
        \$id = \$s->task("t\$i");
        if (\$id === false) {
            echo "task() false\\n";
            break;
        }
        \$st->want[\$id] = "t\$i";
    }
    \$s->send(\$fd, "sent " . count(\$st->want) . "\\n");
});
\$s->on('Finish', function (\$s, \$id, \$result) use (\$st) {
    if (isset(\$st->want[\$id]) && \$result === 'r:' . \$st->want[\$id]) {
        unset(\$st->want[\$id]);
        \$st->ok++;
    } else {
        \$st->bad++;
    }
    if (\$st->ok + \$st->bad === 3000) {
        \$l = \$s->stats();
        echo "done: ok={\$st->ok} bad={\$st->bad} left=", count(\$st->want), "\\n";
        echo "ledger: accepted={\$l['task_accepted']} done={\$l['task_done']} failed={\$l['task_failed']} queued={\$l['task_queue_num']}\\n";
        echo "reply stream: tasksrv:results:", gethostname(), ":", getmypid(), "\\n";
    }
});
\$s->on('TaskFailure', function (\$s, \$id, \$f) {
    echo "onTaskFailure: {\$f->reason}: {\$f->message}\\n";
});
\$s->start();
PHP);
echo tasksrv_request($front->connect(), "go\n"), "\n";
var_dump($front->waitOutput('reply stream:', 1, 30.0));
echo tasksrv_request($front->connect(), "wait\n"), "\n";
$out = $front->output();
preg_match('/^done: .*$/m', $out, $m);
echo $m[0] ?? "done: MISSING\n$out", "\n";
preg_match('/^ledger: .*$/m', $out, $m);
echo $m[0] ?? 'ledger: MISSING', "\n";
/* Trimmed a batch at a time, whole stream nodes (100 entries) only. */
$len = (int) substr($redis->command('XLEN', 'tasksrv:tasks'), 1);
echo "task stream trimmed: ", $len <= 200 ? 'yes' : "no ($len entries)", "\n";
preg_match('/^reply stream: (.*)$/m', $out, $m);
$len = (int) substr($redis->command('XLEN', $m[1]), 1);
echo "reply stream trimmed: ", $len < 600 ? 'yes' : "no ($len entries)", "\n";
echo "front: ", $front->stop(), "\n";
echo "node: ", $node->stop(), "\n";
echo str_contains($out, 'onTaskFailure') ? $out : "no failures\n";
?>
--EXPECT--
sent 3000
bool(true)
r:w
done: ok=3000 bad=0 left=0
ledger: accepted=3000 done=3000 failed=0 queued=0
task stream trimmed: yes
reply stream trimmed: yes
front: 0
node: 0
no failures
