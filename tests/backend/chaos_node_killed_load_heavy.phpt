--TEST--
Redis task backend chaos, heavy (TASKSRV_HEAVY=1): a front and two TaskNodes run 100,000 tasks while one node's process group is killed with SIGKILL halfway; every task has exactly one outcome (done, or worker_died for what the killed node held), the front's ledger balances (issue 15's "done when")
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php require __DIR__ . '/../inc/backend_chaos.inc'; chaos_heavy_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/backend_chaos.inc';
chaos_node_killed_load(100000);
?>
--EXPECT--
sent: 100000
outcomes are done, or worker_died for what A held (two batches at most): yes
every accepted task has one outcome: yes
results are their tasks' answers: yes
ledger balances: yes
B: 0
front: 0
