--TEST--
Table: columns, create(), set/get (whole row or one field)/exists/del/count, incr/decr, add/update/cmpset/getdel/cmpdel, stats(), $size/$memorySize, foreach (key => row, in Swoole's order), Swoole's names
--EXTENSIONS--
tasksrv
--FILE--
<?php
$t = new Swoole\Table(1000);
var_dump($t instanceof TaskSrv\Table, $t->size, $t->getSize(), $t->count(), $t->stats());
var_dump($t->column('i', Swoole\Table::TYPE_INT), $t->column('f', TaskSrv\Table::TYPE_FLOAT), $t->column('s', Swoole\Table::TYPE_STRING, 8));
var_dump($t->create(), $t->size, $t->memorySize === $t->getMemorySize() && $t->memorySize > 0);
var_dump($t->set('k1', ['i' => 5, 'f' => 1.5, 's' => 'hello']), $t->get('k1'), $t->get('k1', 'f'), $t->get('k1', 'nope'), $t->get('missing'));
$t->set('k1', ['i' => 6]);                     /* the other columns keep their values */
$t->set('k2', ['zz' => 1, 0 => 2, 'i' => 3]);  /* unknown columns are ignored */
$t->set('k3', ['i' => '12abc', 'f' => '2.5', 's' => 123]);
echo json_encode([$t->get('k1'), $t->get('k2'), $t->get('k3')]), "\n";
var_dump($t->exists('k1'), $t->exist('nope'), count($t));
var_dump($t->incr('k1', 'i'), $t->incr('k1', 'i', 5), $t->incr('k1', 'f', 2), $t->incr('k1', 'f', 0.25), $t->incr('k1', 'i', 2.7), $t->decr('k1', 'i', 3));
var_dump($t->incr('new', 'i', 3), $t->decr('new2', 'f', 1.5), $t->get('new2'));
$t->set('max', ['i' => PHP_INT_MAX]);
var_dump($t->incr('max', 'i'));
var_dump($t->add('k1', ['i' => 0]), $t->add('k4', ['i' => 4]), $t->update('k4', ['s' => 'four']), $t->update('k5', ['i' => 5]), $t->exists('k5'));
var_dump($t->cmpset('k4', ['i' => 3], ['i' => 40]), $t->cmpset('k4', ['i' => 4, 's' => 'four'], ['i' => 40]), $t->get('k4', 'i'), $t->cmpset('k9', ['i' => 0], ['i' => 1]));
var_dump($t->getdel('k4', 's'), $t->getdel('k4'), $t->cmpdel('k3', ['i' => 1]), $t->cmpdel('k3', ['i' => 12]), $t->exists('k3'));
var_dump($t->del('k2'), $t->del('k2'), $t->delete('new'), count($t));
var_dump($t->stats());

$o = new TaskSrv\Table(64);
$o->column('n', TaskSrv\Table::TYPE_INT);
$o->create();
foreach (['apple', 'banana', 'cherry', 'k1', 'k2', 'k3', 'k10', 'zz', 'a', 'b'] as $n => $k) {
    $o->set($k, ['n' => $n]);
}
foreach ($o as $k => $row) {
    echo $k, '=', $row['n'], ' ';
}
echo "\n";
var_dump($o->valid(), $o->key(), $o->current());
$o->rewind();
$o->set($o->key(), ['n' => 100]);  /* current() is the copy taken by rewind()/next() */
echo $o->key(), ' ', json_encode($o->current()), ' ', json_encode($o->get($o->key())), "\n";
foreach ($o as $k => $row) {
    $o->del($k);
}
var_dump(count($o), $o->stats()['num']);
?>
--EXPECT--
bool(true)
NULL
int(1024)
int(0)
bool(false)
bool(true)
bool(true)
bool(true)
bool(true)
int(1024)
bool(true)
bool(true)
array(3) {
  ["i"]=>
  int(5)
  ["f"]=>
  float(1.5)
  ["s"]=>
  string(5) "hello"
}
float(1.5)
bool(false)
bool(false)
[{"i":6,"f":1.5,"s":"hello"},{"i":3,"f":0,"s":""},{"i":12,"f":2.5,"s":"123"}]
bool(true)
bool(false)
int(3)
int(7)
int(12)
float(3.5)
float(3.75)
int(14)
int(11)
int(3)
float(-1.5)
array(3) {
  ["i"]=>
  int(0)
  ["f"]=>
  float(-1.5)
  ["s"]=>
  string(0) ""
}
int(-9223372036854775808)
bool(false)
bool(true)
bool(true)
bool(false)
bool(false)
bool(false)
bool(true)
int(40)
bool(false)
string(4) "four"
bool(false)
bool(false)
bool(true)
bool(false)
bool(true)
bool(false)
bool(true)
int(3)
array(8) {
  ["num"]=>
  int(3)
  ["conflict_count"]=>
  int(0)
  ["conflict_max_level"]=>
  int(0)
  ["insert_count"]=>
  int(7)
  ["update_count"]=>
  int(10)
  ["delete_count"]=>
  int(4)
  ["available_slice_num"]=>
  int(204)
  ["total_slice_num"]=>
  int(204)
}
k1=3 k2=4 k3=5 a=8 b=9 k10=6 cherry=2 banana=1 apple=0 zz=7 
bool(false)
NULL
NULL
k1 {"n":3} {"n":100}
int(0)
int(0)
