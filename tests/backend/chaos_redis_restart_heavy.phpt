--TEST--
Redis task backend chaos, heavy (TASKSRV_HEAVY=1): redis-server (append-only file, fsync always) killed with SIGKILL while nodes run tasks and more wait in the stream, started again 1.5 s later, five times under streams of 500 short tasks: task() false and taskwait() throws meanwhile, each process logs the outage and the reconnect once, and every accepted task has exactly one outcome
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php require __DIR__ . '/../inc/backend_chaos.inc'; chaos_heavy_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/backend_chaos.inc';
chaos_redis_restart(true);
?>
--EXPECT--
task() while Redis is down: false
its warning: TaskSrv\Server::task(): task backend: cannot connect to redis://127.0.0.1:PORT: Connection refused
taskwait() while Redis is down: E TaskSrv\BackendException: taskwait(): task backend: cannot connect to redis://127.0.0.1:PORT: Connection refused
task() refused only while Redis was down: yes
outcomes: done
every accepted task has one outcome: yes
results are their tasks' answers: yes
ledger balances: yes
logged the outage and the reconnect: front: yes, A: yes, B: yes
front: 0
A: 0
B: 0
