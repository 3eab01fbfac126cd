--TEST--
examples/task_failure.php: a task that succeeds, one that throws, one whose task worker exits and one past task_timeout each reach the client as done or as the TaskFailure's reason; the server serves on and stops cleanly
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/examples.inc';
$srv = example_server('task_failure.php');
foreach (['ok', 'throw', 'exit', 'slow', 'ok'] as $job) {
    echo str_pad($job, 6), "-> ", example_ask($srv, $job), "\n";
}
foreach (explode("\n", $srv->output()) as $line) {
    if (preg_match('/^task \d+ (done|failed \(\w+\))/', $line, $m)) {
        echo "server: ", $m[0], "\n";
    }
}
echo "exit: ", $srv->stop(), "\n";
echo "left: ", count(tasksrv_group_pids($srv->pgid)), "\n";
?>
--EXPECT--
ok    -> done
throw -> failed: exception
exit  -> failed: worker_died
slow  -> failed: timeout
ok    -> done
server: task 0 done
server: task 1 failed (exception)
server: task 2 failed (worker_died)
server: task 3 failed (timeout)
server: task 4 done
exit: 0
left: 0
