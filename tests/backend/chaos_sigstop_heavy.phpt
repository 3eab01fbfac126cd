--TEST--
Redis task backend chaos, heavy (TASKSRV_HEAVY=1): a TaskNode of four task workers stopped with SIGSTOP past its lease five times in the middle of a stream of short tasks; the front fails them as worker_died, the other node runs the rest; after SIGCONT the node drops and logs its late results and runs new tasks; every accepted task has exactly one outcome and the ledger balances
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php require __DIR__ . '/../inc/backend_chaos.inc'; chaos_heavy_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/backend_chaos.inc';
chaos_sigstop(true);
?>
--EXPECT--
A stopped 5 times past its lease with tasks in hand: yes
B: 0
A runs new tasks after SIGCONT: yes
late results dropped and logged, one each: yes
outcomes: done, worker_died
every accepted task has one outcome: yes
results are their tasks' answers: yes
ledger balances: yes
front: 0
A: 0
