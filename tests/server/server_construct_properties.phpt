--TEST--
Server::__construct(): properties after construction, port 0, one server per process, Swoole\Server is the same class
--EXTENSIONS--
tasksrv
--FILE--
<?php
$s = new TaskSrv\Server('127.0.0.1');
var_dump($s->port > 0 && $s->port < 65536);
$props = get_object_vars($s);
$props['port'] = 'PORT';
// the primary port: tests/ports/ports_property.phpt looks at it
$props['ports'] = array_map(fn($p) => $p::class . ' ' . ($p->port === $s->port ? 'PORT' : $p->port), $props['ports']);
var_dump($props);
var_dump($s->getMasterPid(), $s->getManagerPid(), $s->getWorkerId(), $s->getWorkerPid());

try {
    new TaskSrv\Server('127.0.0.1');
} catch (TaskSrv\Exception $e) {
    echo $e::class, ': ', $e->getMessage(), ' (code ', $e->getCode(), ")\n";
}
try {
    new Swoole\Server('127.0.0.1');
} catch (TaskSrv\Exception $e) {
    echo $e::class, ': ', $e->getMessage(), ' (code ', $e->getCode(), ")\n";
}
unset($s);
// Once the first object is gone, a new one may be created (and the old port is free).
$s = new Swoole\Server('::1', 0, SWOOLE_BASE, SWOOLE_SOCK_TCP6);
var_dump($s instanceof TaskSrv\Server, $s::class, $s->host, $s->type, $s->mode);
var_dump((new ReflectionClass('Swoole\Server'))->getName(), (new ReflectionClass('Swoole\Exception'))->getName());
$fixed = new ReflectionClass(TaskSrv\Server::class);
var_dump($fixed->isCloneable());
try {
    serialize($s);
} catch (Throwable $e) {
    echo $e::class, ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
bool(true)
array(12) {
  ["setting"]=>
  NULL
  ["host"]=>
  string(9) "127.0.0.1"
  ["port"]=>
  string(4) "PORT"
  ["type"]=>
  int(1)
  ["mode"]=>
  int(1)
  ["master_pid"]=>
  int(0)
  ["manager_pid"]=>
  int(0)
  ["worker_id"]=>
  int(-1)
  ["worker_pid"]=>
  int(0)
  ["taskworker"]=>
  bool(false)
  ["ports"]=>
  array(1) {
    [0]=>
    string(24) "TaskSrv\Server\Port PORT"
  }
  ["connections"]=>
  object(TaskSrv\Connection\Iterator)#2 (0) {
  }
}
int(0)
int(0)
bool(false)
bool(false)
TaskSrv\Exception: server is running. unable to create TaskSrv\Server (code -3)
TaskSrv\Exception: server is running. unable to create TaskSrv\Server (code -3)
bool(true)
string(14) "TaskSrv\Server"
string(3) "::1"
int(3)
int(1)
string(14) "TaskSrv\Server"
string(17) "TaskSrv\Exception"
bool(false)
Exception: Serialization of 'TaskSrv\Server' is not allowed
