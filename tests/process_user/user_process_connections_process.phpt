--TEST--
A user process and the connections (SWOOLE_PROCESS): exist()/exists()/isset($server->connections[$fd]), getClientInfo(), getClientList(), foreach (keys 1, 2, ... as Swoole's) and count() of $server->connections see every connection; send() reaches the client; close() closes it (onClose in its worker, EOF at the client), then exist(), getClientInfo(), send() and close() of that fd are false without a warning; sendMessage() reaches a worker and a task worker with the user process's id; task() runs a one-way task (onTask gets that id), taskwait() warns as in Swoole
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/connections.inc';
userproc_connections('SWOOLE_PROCESS');
?>
--EXPECT--
client 2 got: "from the user process to 2\n"
client 3 sees EOF: true
exit: 0
left: 0
USER ready getWorkerId=false
USER exist 1: [true,true,true]
USER exist 2: [true,true,true]
USER exist 3: [true,true,true]
USER list 0: foreach=1=>1,2=>2,3=>3 count=3 getClientList=[1,2,3]
USER exist 2: [true,true,true]
USER exist 99: [false,false,false]
USER info 2: remote_ip=127.0.0.1 server_port=true
USER info 99: false
USER send 2: true
USER close 3: true
USER exist 3: [false,false,false]
USER info 3: false
USER send 3: false
USER close 3: false
USER send 99: false
USER list 0: foreach=1=>1,2=>2 count=2 getClientList=[1,2]
USER msg 0: true
USER msg 2: true
USER task 0: 2
USER taskwait 0: false (TaskSrv\Server::taskwait(): taskwait method can only be used in the worker process)
the workers:
onClose(3) in a worker
onPipeMessage in #0 from #3: hello from the user process
onPipeMessage in #2 from #3: hello from the user process
onTask from #3: from the user process
