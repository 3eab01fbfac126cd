--TEST--
addProcess() broadcast (Swoole's documented example, unchanged, SWOOLE_PROCESS): a user process reads each message from its pipe and send()s it to every connection in $server->connections; three clients, each gets every message sent once it is connected; after kill -9 the restarted user process broadcasts too; nothing is left behind
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/broadcast.inc';
userproc_broadcast('SWOOLE_PROCESS');
?>
--EXPECT--
a came and sent "one\n"
a: "one\n"
b came and sent "two\n"
a: "two\n"
b: "two\n"
c came and sent "three\n"
a: "three\n"
b: "three\n"
c: "three\n"
b sent "to all\n"
a: "to all\n"
b: "to all\n"
c: "to all\n"
user processes: 1
restarted: true
a: "after the restart\n"
b: "after the restart\n"
c: "after the restart\n"
exit: 0
left: 0
output:
