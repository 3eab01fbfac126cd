--TEST--
Redis task backend chaos, light: redis-server (append-only file, fsync always) killed with SIGKILL while nodes run tasks and more wait in the stream, started again 0.7 s later: task() false and taskwait() throws meanwhile, each process logs the outage and the reconnect once, and every accepted task has exactly one outcome
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php require __DIR__ . '/../inc/backend.inc'; backend_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/backend_chaos.inc';
chaos_redis_restart(false);
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
