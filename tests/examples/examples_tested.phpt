--TEST--
Every program in examples/ has its own test (tests/examples/example_NAME.phpt, which starts it) and a link in README.md
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php
if (!is_file(__DIR__ . '/../../README.md')) die('skip README.md is not beside the tests');
?>
--FILE--
<?php
require __DIR__ . '/examples.inc';
$readme = file_get_contents(__DIR__ . '/../../README.md');
$examples = glob(example_path('*.php'));
echo "examples: ", count($examples) >= 4 ? "at least 4" : count($examples), "\n";
foreach ($examples as $f) {
    $name = basename($f);
    $test = __DIR__ . '/example_' . basename($name, '.php') . '.phpt';
    $problems = [];
    if (!is_file($test)) {
        $problems[] = 'no ' . basename($test);
    } elseif (!str_contains(file_get_contents($test), "example_server('$name'")) {
        $problems[] = basename($test) . " does not start it with example_server('$name')";
    }
    if (!str_contains($readme, "(examples/$name)")) {
        $problems[] = "README.md has no link to examples/$name";
    }
    if (!str_contains(file_get_contents($f), '9501')) {
        $problems[] = 'it does not listen on 9501';
    }
    if ($problems) {
        echo "examples/$name: ", implode('; ', $problems), "\n";
    }
}
echo "done\n";
?>
--EXPECT--
examples: at least 4
done
