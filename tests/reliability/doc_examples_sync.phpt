--TEST--
docs/reliability.md: every PHP example names the test that runs it, and that test runs exactly the example's code
--FILE--
<?php
$root = dirname(__DIR__, 2);
$doc = file_get_contents("$root/docs/reliability.md");
// Each ```php block, and the last "tested by" marker before it (since the previous block).
$m = [];
$parts = explode("```php\n", $doc);
for ($i = 1; $i < count($parts); $i++) {
    $code = substr($parts[$i], 0, strpos($parts[$i], "\n```"));
    $before = substr($parts[$i - 1], $i > 1 ? strpos($parts[$i - 1], "\n```") : 0);
    if (preg_match_all('/<!-- tested by (tests\/reliability\/\w+\.phpt) -->/', $before, $t)) {
        $m[] = [end($t[1]), $code];
    }
}
echo "PHP blocks in the doc: ", count($parts) - 1, ", with a test: ", count($m), "\n";
foreach ($m as [$test, $code]) {
    $text = @file_get_contents("$root/$test");
    echo "$test: ", $text === false ? 'MISSING' : (str_contains($text, "<<<'PHP'\n$code\nPHP") ? 'same code' : 'DIFFERS from the doc'), "\n";
}
$named = array_column($m, 0);
foreach (glob(__DIR__ . '/doc_example_*.phpt') as $f) {
    if (!in_array('tests/reliability/' . basename($f), $named, true)) {
        echo basename($f), ": no example in the doc names it\n";
    }
}
?>
--EXPECT--
PHP blocks in the doc: 6, with a test: 6
tests/reliability/doc_example_exception.phpt: same code
tests/reliability/doc_example_fatal.phpt: same code
tests/reliability/doc_example_worker_died.phpt: same code
tests/reliability/doc_example_timeout.phpt: same code
tests/reliability/doc_example_shutdown.phpt: same code
tests/reliability/doc_example_backpressure.phpt: same code
