--TEST--
addProcess() broadcast (Swoole's documented example, unchanged, SWOOLE_BASE): a user process reads each message from its pipe and send()s it to every connection in $server->connections; three clients each get every message; after kill -9 the restarted user process broadcasts too; nothing is left behind
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/broadcast.inc';
userproc_broadcast('SWOOLE_BASE');
?>
--EXPECT--
a sent "one\n"
a: "one\n"
b: "one\n"
c: "one\n"
b sent "two\n"
a: "two\n"
b: "two\n"
c: "two\n"
c sent "three\n"
a: "three\n"
b: "three\n"
c: "three\n"
user processes: 1
restarted: true
a: "after the restart\n"
b: "after the restart\n"
c: "after the restart\n"
exit: 0
left: 0
output:
