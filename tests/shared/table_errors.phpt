--TEST--
Table errors as Swoole 6.2.1: warnings and false for a bad column, a column after create(), an empty or too long key, a full table (set and incr), incr of a string or unknown column; an oversize string is cut with a warning; count()/stats()/getMemorySize() before create()
--EXTENSIONS--
tasksrv
--FILE--
<?php
$t = new TaskSrv\Table(64);
var_dump($t->count(), $t->stats(), $t->getMemorySize(), $t->memorySize);
var_dump($t->column('i', TaskSrv\Table::TYPE_INT), $t->column('i8', TaskSrv\Table::TYPE_INT, 2), $t->column('s', TaskSrv\Table::TYPE_STRING, 8));
var_dump($t->column('s0', TaskSrv\Table::TYPE_STRING));
var_dump($t->column('b', 9));
var_dump($t->column('i', TaskSrv\Table::TYPE_STRING, 4));
var_dump($t->column('huge', TaskSrv\Table::TYPE_STRING, 1 << 40));
var_dump($t->create());
var_dump($t->column('late', TaskSrv\Table::TYPE_INT));
var_dump($t->set('k', ['s' => '0123456789abcdef', 'i8' => 70000]), $t->get('k'));
var_dump($t->set('', ['i' => 1]), $t->get(''), $t->exists(''), $t->del(''));
var_dump($t->set(str_repeat('x', 64), ['i' => 1]), $t->set(str_repeat('x', 63), ['i' => 1]), $t->get(str_repeat('x', 63), 'i'));
var_dump($t->incr('k', 's'), $t->decr('k', 's'), $t->incr('k', 'nope'), $t->exists('nope'));
/* 64 buckets and 12 pool rows: keys past that have nowhere to go. */
$failed = 0;
set_error_handler(function ($no, $msg) use (&$failed) { $failed++; $GLOBALS['last'] = $msg; return true; });
for ($i = 0; $i < 300; $i++) {
    $t->set("key$i", ['i' => $i]);
}
restore_error_handler();
$st = $t->stats();
echo "full: count=", count($t), " failed=$failed num={$st['num']} available={$st['available_slice_num']} total={$st['total_slice_num']}\n", $last, "\n";
var_dump(count($t) + $failed === 302, count($t) <= 64 + 12);
for ($i = 0; $i < 300 && $t->exists("zkey$i") === false; $i++) {
    if (@$t->incr("zkey$i", 'i') === false) {
        break;
    }
}
var_dump($t->incr("zkey$i", 'i'));
?>
--EXPECTF--
int(0)
bool(false)
int(0)
NULL
bool(true)
bool(true)
bool(true)

Warning: TaskSrv\Table::column(): the length of string type values has to be more than zero in %s on line %d
bool(false)

Warning: TaskSrv\Table::column(): unknown column type in %s on line %d
bool(false)

Warning: TaskSrv\Table::column(): column[i] already exists in %s on line %d
bool(false)

Warning: TaskSrv\Table::column(): column[huge] size is too large in %s on line %d
bool(false)
bool(true)

Warning: TaskSrv\Table::column(): unable to add column after table has been created in %s on line %d
bool(false)

Warning: TaskSrv\Table::set(): [key=k,field=s]string value is too long in %s on line %d
bool(true)
array(3) {
  ["i"]=>
  int(0)
  ["i8"]=>
  int(70000)
  ["s"]=>
  string(8) "01234567"
}

Warning: TaskSrv\Table::set(): key must not be empty in %s on line %d

Warning: TaskSrv\Table::get(): key must not be empty in %s on line %d

Warning: TaskSrv\Table::exists(): key must not be empty in %s on line %d

Warning: TaskSrv\Table::del(): key must not be empty in %s on line %d
bool(false)
bool(false)
bool(false)
bool(false)

Warning: TaskSrv\Table::set(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)
bool(true)
int(1)

Warning: TaskSrv\Table::incr(): can't execute 'incr' on a string type column in %s on line %d

Warning: TaskSrv\Table::decr(): can't execute 'decr' on a string type column in %s on line %d

Warning: TaskSrv\Table::incr(): column[nope] does not exist in %s on line %d
bool(false)
bool(false)
bool(false)
bool(false)
full: count=%d failed=%d num=%d available=0 total=12
TaskSrv\Table::set(): failed to set('key%d'), unable to allocate memory
bool(true)
bool(true)

Warning: TaskSrv\Table::incr(): unable to allocate memory in %s on line %d
bool(false)
