--TEST--
php --ri tasksrv lists the Swoole names tasksrv registers (classes, functions, a count of SWOOLE_* constants), exactly what the engine holds under those names for this module
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$php = getenv('TEST_PHP_EXECUTABLE') ?: PHP_BINARY;
$ri = shell_exec(escapeshellarg($php) . ' -n -d extension=' . escapeshellarg(tasksrv_extension_path()) . ' --ri tasksrv');
preg_match('/^Swoole classes \((\d+)\) => (.*)$/m', $ri, $classes);
preg_match('/^Swoole functions \((\d+)\) => (.*)$/m', $ri, $functions);
preg_match('/^Swoole constants \(SWOOLE_\*\) => (\d+)$/m', $ri, $constants);

$listed = explode(', ', $classes[2]);
echo "classes: count matches the list: ", var_export(count($listed) === (int) $classes[1], true), "\n";
echo "classes: the core ones are there: ", var_export(array_diff(['Swoole\Server', 'Swoole\Server\Task',
    'Swoole\Server\Port', 'Swoole\Exception'], $listed) === [], true), "\n";
$bad = [];
foreach ($listed as $name) {
    if (!class_exists($name) && !interface_exists($name)) {
        $bad[] = "$name: does not exist";
    } elseif ((new ReflectionClass($name))->getExtensionName() !== 'tasksrv') {
        $bad[] = "$name: not tasksrv's";
    } elseif (!str_starts_with($name, 'Swoole\\')) {
        $bad[] = "$name: not a Swoole name";
    }
}
echo "classes: each is a tasksrv class under a Swoole name: ", $bad ? implode('; ', $bad) : 'yes', "\n";

$want = array_values(array_filter(get_extension_funcs('tasksrv'), fn($f) => str_starts_with($f, 'swoole_')));
$got = $functions[2] === 'none' ? [] : explode(', ', $functions[2]);
sort($want);
sort($got);
echo "functions: exactly the module's swoole_* functions: ", $want === $got && count($got) === (int) $functions[1]
    ? 'yes' : "no: listed " . implode(',', $got) . ', registered ' . implode(',', $want), "\n";

$want = count(array_filter(array_keys(get_defined_constants(true)['tasksrv']), fn($c) => str_starts_with($c, 'SWOOLE_')));
echo "constants: the count is the module's SWOOLE_* constants: ", $want === (int) $constants[1] ? 'yes' : "no: {$constants[1]} vs $want", "\n";
echo "at least the server's: ", var_export($want >= 50, true), "\n";
?>
--EXPECT--
classes: count matches the list: true
classes: the core ones are there: true
classes: each is a tasksrv class under a Swoole name: yes
functions: exactly the module's swoole_* functions: yes
constants: the count is the module's SWOOLE_* constants: yes
at least the server's: true
