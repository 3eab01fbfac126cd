--TEST--
The shared-state core's C unit tests (tests/unit/test_shared.c, cmocka: table.c rows, chains, pool, iteration and a dead holder; lock.c; atomic.c) pass under ASan and UBSan
--SKIPIF--
<?php
if (!is_file(__DIR__ . '/../unit/test_shared.c')) die('skip the unit tests are not beside the tests');
if (!is_file('/usr/include/cmocka.h')) die('skip cmocka is not installed');
exec('command -v cc', $o, $rc);
if ($rc !== 0) die('skip no C compiler');
?>
--FILE--
<?php
$top = realpath(__DIR__ . '/../..');
$bin = tempnam(sys_get_temp_dir(), 'tasksrv-unit');
$cmd = sprintf('cc -std=gnu99 -D_GNU_SOURCE -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined'
	. ' -Wall -Wextra -Werror -Wno-unused-parameter -I%1$s/src/core %1$s/tests/unit/test_shared.c'
	. ' %1$s/src/core/table.c %1$s/src/core/lock.c %1$s/src/core/atomic.c -lcmocka -o %2$s 2>&1', escapeshellarg($top), escapeshellarg($bin));
exec($cmd, $out, $rc);
if ($rc !== 0) {
	echo "build failed:\n", implode("\n", $out), "\n";
	exit;
}
$out = [];
exec(escapeshellarg($bin) . ' 2>&1', $out, $rc);
unlink($bin);
$summary = preg_grep('/^\[  (PASSED|FAILED)/', $out);
echo "exit $rc\n", implode("\n", $summary), "\n";
if ($rc !== 0) {
	echo implode("\n", $out), "\n";
}
?>
--EXPECT--
exit 0
[  PASSED  ] 9 test(s).
