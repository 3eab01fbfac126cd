--TEST--
Redis task backend chaos: a TaskNode killed (SIGKILL, its group) mid-task and started again in the same pid namespace shape (same host name, same pids, as a container restarted): the new node does not renew the dead one's lease, so the task it held fails as worker_died naming the node; the new node runs the next tasks; every accepted task has one outcome
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php require __DIR__ . '/../inc/backend_chaos.inc'; backend_skipif(); if (!chaos_can_unshare()) die('skip needs unshare --pid (root)'); ?>
--FILE--
<?php
require __DIR__ . '/../inc/backend_chaos.inc';
$lease = 1;
$wrap = ['wrap' => ['unshare', '--pid', '--fork']];
$redis = new TasksrvTestRedis();
$front = chaos_front($redis, $lease);
$client = new ChaosClient($front);
$a = chaos_node($redis, 1, $lease, TASKSRV_TEST_LIFETIME, 4, $wrap);
$client->send(1, 60000, 'A');
echo "A runs the task: ", $a->waitOutput('RUNNING 60000:A', 1, 5) ? 'yes' : 'no', "\n";
$a->kill();
$b = chaos_node($redis, 1, $lease, TASKSRV_TEST_LIFETIME, 4, $wrap);
$client->send(2, 1, 'B');
$r = $client->settle(15);
echo "outcomes: ", chaos_outcome_names($r), "\n";
echo chaos_accounting($r), "\n";
echo "the front named the node: ", preg_match('/its node \(\S+:1\) stopped renewing its lease|its node \(\S+:\d+\) stopped renewing/', $front->output()) ? 'yes' : $front->output(), "\n";
echo "B: ", $b->stop(), "\n";
echo "front: ", $front->stop(), "\n";
?>
--EXPECT--
A runs the task: yes
outcomes: done, worker_died
every accepted task has one outcome: yes
results are their tasks' answers: yes
ledger balances: yes
the front named the node: yes
B: 0
front: 0