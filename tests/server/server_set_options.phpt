--TEST--
Server::set(): unknown options are kept with a warning, repeated calls merge, values are stored as given
--EXTENSIONS--
tasksrv
--FILE--
<?php
$s = new TaskSrv\Server('127.0.0.1');
var_dump($s->setting);
var_dump($s->set([]));
var_dump($s->setting);
var_dump($s->set(['worker_num' => 2, 'bogus' => 'x', 'open_eof_split' => 1]));
var_dump($s->set(['worker_num' => 3, 'another_bogus' => [1], 'task_worker_num' => 1]));
var_dump($s->set([5 => 'numeric key']));
var_dump($s->setting);
?>
--EXPECTF--
NULL
bool(true)
array(0) {
}

Warning: TaskSrv\Server::set(): unsupported option [bogus] in %s on line %d
bool(true)

Warning: TaskSrv\Server::set(): unsupported option [another_bogus] in %s on line %d
bool(true)

Warning: TaskSrv\Server::set(): unsupported option [5] in %s on line %d
bool(true)
array(6) {
  ["worker_num"]=>
  int(3)
  ["bogus"]=>
  string(1) "x"
  ["open_eof_split"]=>
  int(1)
  ["another_bogus"]=>
  array(1) {
    [0]=>
    int(1)
  }
  ["task_worker_num"]=>
  int(1)
  [5]=>
  string(11) "numeric key"
}
