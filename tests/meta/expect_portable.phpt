--TEST--
No test expects what only one PHP version prints: a closure in a stack trace is "{closure}" on PHP 8.2/8.3 and "{closure:FILE:LINE}" on 8.4 (scripts/test-php84 runs the suite there), so expectations write {closure%S} in --EXPECTF-- (or the test rewrites one form into the other)
--FILE--
<?php
$bad = [];
$it = new RecursiveIteratorIterator(new RecursiveDirectoryIterator(dirname(__DIR__), FilesystemIterator::SKIP_DOTS));
foreach ($it as $f) {
    if ($f->getExtension() !== 'phpt') {
        continue;
    }
    $text = file_get_contents($f->getPathname());
    [$code, $expect] = preg_split('/^--EXPECT(F|REGEX)?--$/m', $text, 2) + [1 => ''];
    /* A test that rewrites 8.4's form itself ({closure:...} in its code) may expect {closure}. */
    if (preg_match('/\{closure\}/', $expect) && !str_contains($code, '{closure:')) {
        $bad[] = substr($f->getPathname(), strlen(dirname(__DIR__)) + 1);
    }
}
sort($bad);
echo $bad ? "expect {closure} (use {closure%S} in --EXPECTF--):\n" . implode("\n", $bad) : "none", "\n";
?>
--EXPECT--
none
