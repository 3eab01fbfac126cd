--TEST--
Server::set(): the framing options are checked when given (ValueError/TypeError naming the option) where Swoole has fatal errors; the valid ones are accepted
--EXTENSIONS--
tasksrv
--FILE--
<?php
$s = new TaskSrv\Server('127.0.0.1');
$cases = [
    ['package_length_type' => 'x'],
    ['package_length_type' => ''],
    ['package_length_type' => 'NN'],
    ['package_length_type' => 4],
    ['package_length_offset' => 8153],
    ['package_length_offset' => -1],
    ['package_body_offset' => 8153],
    ['package_body_start' => 9000],
    ['package_eof' => ''],
    ['package_eof' => '123456789'],
    ['package_length_func' => 'no_such_function'],
    ['package_length_func' => 42],
    ['open_length_check' => 'yes'],
];
foreach ($cases as $c) {
    try {
        var_dump($s->set($c));
    } catch (Throwable $e) {
        echo $e::class, ': ', $e->getMessage(), "\n";
    }
}
foreach (['c', 'C', 's', 'S', 'n', 'N', 'l', 'L', 'q', 'Q', 'J', 'P', 'v', 'V'] as $t) {
    $s->set(['package_length_type' => $t]);
}
var_dump($s->set(['open_length_check' => true, 'package_length_offset' => 8152, 'package_body_offset' => 8152,
    'package_body_start' => 0, 'package_length_func' => 'strlen']));
var_dump($s->set(['package_length_func' => null]));
var_dump($s->setting);
?>
--EXPECT--
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "package_length_type" must be one of c|C|s|S|n|N|l|L|q|Q|J|P|v|V, "x" given
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "package_length_type" must be one of c|C|s|S|n|N|l|L|q|Q|J|P|v|V, "" given
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "package_length_type" must be one of c|C|s|S|n|N|l|L|q|Q|J|P|v|V, "NN" given
TypeError: TaskSrv\Server::set(): Argument #1 ($settings) option "package_length_type" must be of type string, int given
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "package_length_offset" must be between 0 and 8152, 8153 given
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "package_length_offset" must be between 0 and 8152, -1 given
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "package_body_offset" must be between 0 and 8152, 8153 given
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "package_body_start" must be between 0 and 8152, 9000 given
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "package_eof" must be 1 to 8 bytes long
ValueError: TaskSrv\Server::set(): Argument #1 ($settings) option "package_eof" must be 1 to 8 bytes long
TypeError: TaskSrv\Server::set(): Argument #1 ($settings) option "package_length_func" must be a valid callback or null, string given
TypeError: TaskSrv\Server::set(): Argument #1 ($settings) option "package_length_func" must be a valid callback or null, int given
TypeError: TaskSrv\Server::set(): Argument #1 ($settings) option "open_length_check" must be of type bool, string given
bool(true)
bool(true)
array(6) {
  ["package_length_type"]=>
  string(1) "V"
  ["open_length_check"]=>
  bool(true)
  ["package_length_offset"]=>
  int(8152)
  ["package_body_offset"]=>
  int(8152)
  ["package_body_start"]=>
  int(0)
  ["package_length_func"]=>
  NULL
}
