--TEST--
Redis task backend: results that arrive while taskwait() waits, or after it, for tasks sent with task() before it, reach onFinish (the reader's inbox is handed to the loop and the read sent again after a waiter)
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php require __DIR__ . '/../inc/backend.inc'; backend_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/backend_chaos.inc';
$redis = new TasksrvTestRedis();
$node = chaos_node($redis, 2, 30);
$front = chaos_front($redis, 30);
$c = new ChaosClient($front);
/* One result comes during the wait (in the same read as the waiter's or before it),
 * one after it, when nothing else is sent. */
echo json_encode($c->send(1, 50, 'during')), "\n";
echo json_encode($c->send(1, 400, 'after')), "\n";
echo $c->ask('wait 100 W 5'), "\n";
$r = $c->settle(5);
echo json_encode($r['by_id']), "\n";
echo chaos_accounting($r), "\n";
echo "front: ", $front->stop(), "\n";
echo "node: ", $node->stop(), "\n";
?>
--EXPECT--
[1,0]
[1,0]
R '100:W ok'
[["50:during-0","done"],["400:after-0","done"]]
every accepted task has one outcome: yes
results are their tasks' answers: yes
ledger balances: yes
front: 0
node: 0
