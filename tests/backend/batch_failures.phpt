--TEST--
Redis task backend batching, when Redis fails the batch: a task whose pipelined XADD Redis refuses (WRONGTYPE) fails as shutdown naming the error while taskwait() throws BackendException; a task appended when Redis goes away before the batch is written fails as worker_died (Redis may have it); the next task() returns false
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php require __DIR__ . '/../inc/backend.inc'; backend_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/backend.inc';
$redis = new TasksrvTestRedis();
$url = $redis->url();
$port = $redis->port;
echo "make the task stream a string: ", $redis->command('SET', 'q:tasks', 'not a stream'), "\n";
$front = tasksrv_server(<<<PHP
\$s = new TaskSrv\\Server('127.0.0.1', PORT);
\$s->set(['task_backend' => '$url', 'task_backend_queue' => 'q', 'task_worker_num' => 0, 'log_level' => 5]);
\$s->on('Receive', function (\$s, \$fd, \$r, \$data) {
    switch (trim(\$data)) {
        case 'refused':
            \$id = \$s->task('a');
            \$out = 'task() gave an id: ' . (is_int(\$id) ? 'yes' : 'no');
            try {
                \$s->taskwait('b', 2.0);
                \$out .= '; taskwait returned';
            } catch (TaskSrv\\BackendException \$e) {
                \$out .= '; taskwait threw BackendException: ' . (str_contains(\$e->getMessage(), 'WRONGTYPE') ? 'names WRONGTYPE' : \$e->getMessage());
            }
            break;
        case 'lost':
            \$id = \$s->task('c');
            /* Redis goes away before this turn's batch is written. */
            \$c = stream_socket_client('tcp://127.0.0.1:$port', \$errno, \$errstr, 2);
            fwrite(\$c, "SHUTDOWN NOSAVE\\r\\n");
            while (!feof(\$c) && fread(\$c, 100) !== false) {
            }
            \$out = 'task() gave an id: ' . (is_int(\$id) ? 'yes' : 'no');
            break;
        default:
            \$out = 'task() ' . var_export(@\$s->task('d'), true);
    }
    \$s->send(\$fd, \$out . "\\n");
});
\$s->on('TaskFailure', function (\$s, \$id, \$f) {
    \$m = str_contains(\$f->message, 'WRONGTYPE') ? 'names WRONGTYPE' : (str_contains(\$f->message, 'lost before Redis confirmed') ? 'says the connection was lost before Redis confirmed it' : \$f->message);
    echo "onTaskFailure: {\$f->reason}: \$m\\n";
    \$l = \$s->stats();
    echo "ledger: accepted={\$l['task_accepted']} done={\$l['task_done']} failed={\$l['task_failed']} queued={\$l['task_queue_num']}\\n";
});
\$s->start();
PHP);
echo tasksrv_request($front->connect(), "refused\n"), "\n";
var_dump($front->waitOutput('ledger:'));
echo tasksrv_request($front->connect(), "lost\n"), "\n";
var_dump($front->waitOutput('ledger:', 2));
echo tasksrv_request($front->connect(), "again\n"), "\n";
echo "front: ", $front->stop(), "\n";
preg_match_all('/^(onTaskFailure|ledger): .*$/m', $front->output(), $m);
echo implode("\n", $m[0]), "\n";
?>
--EXPECT--
make the task stream a string: +OK
task() gave an id: yes; taskwait threw BackendException: names WRONGTYPE
bool(true)
task() gave an id: yes
bool(true)
task() false
front: 0
onTaskFailure: shutdown: names WRONGTYPE
ledger: accepted=1 done=0 failed=1 queued=0
onTaskFailure: worker_died: says the connection was lost before Redis confirmed it
ledger: accepted=2 done=0 failed=2 queued=0
