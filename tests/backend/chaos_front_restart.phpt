--TEST--
Redis task backend chaos, light: a front restarted (killed with SIGKILL, started again in the same pid namespace shape: same host, same pids, same task ids) while a TaskNode runs its tasks; the new incarnation gets only its own outcomes, the node keeps running
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php require __DIR__ . '/../inc/backend_chaos.inc'; backend_skipif(); if (!chaos_can_unshare()) die('skip needs unshare --pid (root)'); ?>
--FILE--
<?php
require __DIR__ . '/../inc/backend_chaos.inc';
chaos_front_restart(false);
?>
--EXPECT--
B waits for 2 taskwait()s: R '1:W1 ok' / R '1:W2 ok'
outcomes at B: done
every accepted task has one outcome: yes
results are their tasks' answers: yes
ledger balances: yes
the node ran A's tasks: yes
B: 0
node: 0
