--TEST--
Table misuse that ends the program in Swoole 6.2.1 ends it here too: a row operation or foreach before create() (fatal error), create() twice (fatal error), any use after destroy() (Error), a subclass that skips the constructor (Error); no clone, no serialize
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$pre = '$t = new TaskSrv\Table(64); $t->column("i", TaskSrv\Table::TYPE_INT);';
$cases = [
    'set before create' => '$t->set("a", ["i" => 1]);',
    'get before create' => '$t->get("a");',
    'incr before create' => '$t->incr("a", "i");',
    'foreach before create' => 'foreach ($t as $k => $v) {}',
    'destroy before create' => '$t->destroy();',
    'create twice' => 'var_dump($t->create()); $t->create();',
    'after destroy' => '$t->create(); var_dump($t->destroy()); $t->get("a");',
    'no constructor' => 'class T extends TaskSrv\Table { public function __construct() {} } (new T)->column("a", 1);',
    'clone' => '$t->create(); $u = clone $t;',
    'serialize' => 'serialize($t);',
];
$php = getenv('TEST_PHP_EXECUTABLE') ?: PHP_BINARY;
$so = tasksrv_extension_path();
/* A php that ends in a fatal error frees nothing: under scripts/asan-tests its leak report is set
 * aside as a worker's is (tests/inc/server.inc), memory errors would still count. */
function run_child(string $php, string $so, string $file): string
{
    $p = proc_open([$php, '-n', '-d', 'display_errors=1', '-d', "extension=$so", $file],
        [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes);
    $pid = proc_get_status($p)['pid'];
    $out = stream_get_contents($pipes[1]);
    fclose($pipes[1]);
    $rc = proc_close($p);
    $asan = getenv('TASKSRV_TEST_ASAN_LOGDIR');
    if ($rc === 255 && $asan && is_file("$asan/asan.$pid")) {
        rename("$asan/asan.$pid", "$asan/asan.$pid.abnormal");
    }
    return $out;
}
foreach ($cases as $name => $code) {
    $file = tempnam(sys_get_temp_dir(), 'tbl');
    file_put_contents($file, "<?php\n$pre\n$code\necho \"still running\\n\";\n");
    $out = run_child($php, $so, $file);
    unlink($file);
    $out = preg_replace(['~ in /\S+ on line \d+~', '~ in /\S+:\d+~', '~Stack trace:.*~s'], ['', '', ''], trim($out));
    echo "$name: ", trim($out), "\n";
}
?>
--EXPECT--
set before create: Fatal error: TaskSrv\Table::set(): table is not created or has been destroyed
get before create: Fatal error: TaskSrv\Table::get(): table is not created or has been destroyed
incr before create: Fatal error: TaskSrv\Table::incr(): table is not created or has been destroyed
foreach before create: Fatal error: TaskSrv\Table::rewind(): table is not created or has been destroyed
destroy before create: Fatal error: TaskSrv\Table::destroy(): table is not created or has been destroyed
create twice: bool(true)

Fatal error: TaskSrv\Table::create(): the table has already been created
after destroy: bool(true)

Fatal error: Uncaught Error: must call constructor first
no constructor: Fatal error: Uncaught Error: must call constructor first
clone: Fatal error: Uncaught Error: Trying to clone an uncloneable object of class TaskSrv\Table
serialize: Fatal error: Uncaught Exception: Serialization of 'TaskSrv\Table' is not allowed
