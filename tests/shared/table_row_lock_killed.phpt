--TEST--
Table: a process killed with kill -9 while it holds a row's lock does not block the others: the next process that wants the row takes the lock over (with Swoole's warning "lock process[PID] not exists, force unlock"), and then every process uses the row again
--EXTENSIONS--
tasksrv
pcntl
posix
--FILE--
<?php
require __DIR__ . '/../inc/shared.inc';

$t = new TaskSrv\Table(64);
$t->column('s', TaskSrv\Table::TYPE_STRING, 4 << 20);
$t->column('n', TaskSrv\Table::TYPE_INT);
$t->create();
$t->set('row', ['n' => 1]);
/* A 4 MiB value: the writer holds the row's lock while it copies it, a good part of its time. */
$big = str_repeat('x', 4 << 20);
$started = new TaskSrv\Atomic(0);

$recovered = 0;
$warning = '';
set_error_handler(function ($no, $msg) use (&$recovered, &$warning) {
    if (str_contains($msg, 'not exists, force unlock')) {
        $recovered++;
        $warning = $msg;
    }
    return true;
});
for ($try = 0; $try < 300 && $recovered < 3; $try++) {
    $started->set(0);
    $pid = shared_fork(function () use ($t, $big, $started) {
        $started->set(1);
        for (;;) {
            $t->set('row', ['s' => $big]);
        }
    });
    while ($started->get() === 0) {
        usleep(100);
    }
    usleep(random_int(500, 3000));
    posix_kill($pid, SIGKILL);
    $status = shared_wait($pid);
    /* The parent wants the row: it must not wait for ever. */
    $t->incr('row', 'n');
}
restore_error_handler();
echo "recovered from a dead holder: ", $recovered > 0 ? 'yes' : "no (after $try kills)", "\n";
echo preg_replace('/\d+/', 'PID', $warning), "\n";

/* Every process uses the row again. */
$n = $t->get('row', 'n');
$pids = [];
for ($i = 0; $i < 3; $i++) {
    $pids[] = shared_fork(function () use ($t) {
        for ($j = 0; $j < 1000; $j++) {
            $t->incr('row', 'n');
        }
        return 0;
    });
}
foreach ($pids as $p) {
    echo json_encode(shared_wait($p)), ' ';
}
echo "\nincrements after the recovery: ", $t->get('row', 'n') - $n, "\n";
?>
--EXPECT--
recovered from a dead holder: yes
TaskSrv\Table::incr(): lock process[PID] not exists, force unlock
{"exit":0} {"exit":0} {"exit":0} 
increments after the recovery: 3000
