--TEST--
Redis task backend chaos, heavy (TASKSRV_HEAVY=1): a front restarted ten times (killed with SIGKILL, started again in the same pid namespace shape: same host, same pids, same task ids) while a TaskNode runs its tasks and two hundred more wait behind them; the new incarnation gets only its own outcomes, the node keeps running
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php require __DIR__ . '/../inc/backend_chaos.inc'; chaos_heavy_skipif(); if (!chaos_can_unshare()) die('skip needs unshare --pid (root)'); ?>
--FILE--
<?php
require __DIR__ . '/../inc/backend_chaos.inc';
chaos_front_restart(true);
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
