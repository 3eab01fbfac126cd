--TEST--
Redis task backend chaos, light: a TaskNode stopped with SIGSTOP past its lease while it runs two tasks; the front fails them as worker_died, the other node runs the rest; after SIGCONT the node drops and logs its late results and runs new tasks; every accepted task has exactly one outcome and the ledger balances
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php require __DIR__ . '/../inc/backend.inc'; backend_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/backend_chaos.inc';
chaos_sigstop(false);
?>
--EXPECT--
A stopped with two tasks; the front failed them as worker_died: yes
after the lease, not long after: yes
the failed tasks are those A ran: yes
B: 0
A runs new tasks after SIGCONT: yes
late results dropped and logged, one each: yes
outcomes: done, worker_died
every accepted task has one outcome: yes
results are their tasks' answers: yes
ledger balances: yes
front: 0
A: 0
