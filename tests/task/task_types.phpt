--TEST--
task(): strings arrive raw (binary, NUL bytes, strings that look serialized); scalars, arrays and objects (__serialize/__unserialize, enums) round-trip to onTask and back to onFinish
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/task.inc';
$srv = tasksrv_server(<<<'PHP'
    // Both sides run this script, so both know the classes.
    final class Point
    {
        public int $hops = 0;
        public function __construct(public int $x = 0, public array $tags = []) {}
        public function __serialize(): array
        {
            return ['x' => $this->x, 'tags' => $this->tags, 'hops' => $this->hops];
        }
        public function __unserialize(array $d): void
        {
            // Counts the process crossings.
            [$this->x, $this->tags, $this->hops] = [$d['x'], $d['tags'], $d['hops'] + 1];
        }
    }
    enum Suit: string { case Hearts = 'H'; case Spades = 'S'; }

    function values(): array
    {
        $p = new Point(7, ['a' => [1, 2]]);
        return [
            'empty string' => '',
            'binary' => "\0a\0\xff\x00\r\n" . str_repeat("\0", 5),
            'looks serialized' => 'i:5;',
            'looks serialized null' => 'N;',
            'int' => 42,
            'int max' => PHP_INT_MAX,
            'int min' => PHP_INT_MIN,
            'float' => 0.1,
            'float -0.0' => -0.0,
            'float big' => 1.5e300,
            'float INF' => -INF,
            'true' => true,
            'false' => false,
            'null' => null,
            'empty array' => [],
            'list' => [1, 'two', 3.0],
            'nested' => ['a' => ['b' => ['c' => [null, false, "\0"]]], 5 => 'five', -1 => 'minus'],
            'object' => $p,
            'object in array' => ['p' => $p, 'q' => $p],
            'enum' => Suit::Spades,
            'stdClass' => (object) ['k' => 'v', 'n' => [1]],
        ];
    }

    function describe(mixed $v): string
    {
        if (is_string($v)) {
            return 'string(' . strlen($v) . ') "' . addcslashes($v, "\0..\37\177..\377\"") . '"';
        }
        $s = get_debug_type($v) . ' ' . preg_replace('/\s*\n\s*/', ' ', var_export($v, true));
        if (is_array($v) && isset($v['p'])) {
            $s .= ' same object: ' . var_export($v['p'] === $v['q'], true);
        }
        if ($v instanceof Suit) {
            $s .= ' identical case: ' . var_export($v === Suit::Spades, true);
        }
        return $s;
    }

    $s = new TaskSrv\Server('127.0.0.1', PORT);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1]);
    $s->on('Receive', function ($s, $fd, $rid, $data) {
        $GLOBALS['fd'] = $fd;
        foreach (values() as $name => $v) {
            $GLOBALS['names'][$s->task($v)] = $name;
        }
    });
    $s->on('Task', function ($s, $task_id, $src, $data) {
        echo "T $task_id: " . describe($data) . "\n";
        // finish(), not return: null is a result too.
        $s->finish($data);
    });
    $s->on('Finish', function ($s, $task_id, $data) {
        $name = $GLOBALS['names'][$task_id];
        $orig = values()[$name];
        // Objects are new instances: compare what they hold (hops aside).
        $same = is_object($orig) && !$orig instanceof UnitEnum || is_array($orig) && isset($orig['p'])
            ? serialize($orig) === str_replace('s:4:"hops";i:2;', 's:4:"hops";i:0;', serialize($data))
            : $orig === $data || (is_float($orig) && is_nan($orig) && is_nan($data));
        echo "F $task_id $name: " . ($same ? 'identical' : 'DIFFERENT') . ', ' . describe($data) . "\n";
        if ($name === 'stdClass') {
            $s->send($GLOBALS['fd'], "done\n");
        }
    });
    $s->start();
PHP);
$c = $srv->connect();
echo tasksrv_request($c, 'go'), "\n";
$out = $srv->output();
tasksrv_print_lines($out, 'T ', false);
tasksrv_print_lines($out, 'F ', false);
echo "exit: ", $srv->stop(), "\n";
?>
--EXPECT--
done
T 0: string(0) ""
T 1: string(12) "\000a\000\377\000\r\n\000\000\000\000\000"
T 2: string(4) "i:5;"
T 3: string(2) "N;"
T 4: int 42
T 5: int 9223372036854775807
T 6: int -9223372036854775807-1
T 7: float 0.1
T 8: float -0.0
T 9: float 1.5E+300
T 10: float -INF
T 11: bool true
T 12: bool false
T 13: null NULL
T 14: array array ( )
T 15: array array ( 0 => 1, 1 => 'two', 2 => 3.0, )
T 16: array array ( 'a' => array ( 'b' => array ( 'c' => array ( 0 => NULL, 1 => false, 2 => '' . "\0" . '', ), ), ), 5 => 'five', -1 => 'minus', )
T 17: Point \Point::__set_state(array( 'hops' => 1, 'x' => 7, 'tags' => array ( 'a' => array ( 0 => 1, 1 => 2, ), ), ))
T 18: array array ( 'p' => \Point::__set_state(array( 'hops' => 1, 'x' => 7, 'tags' => array ( 'a' => array ( 0 => 1, 1 => 2, ), ), )), 'q' => \Point::__set_state(array( 'hops' => 1, 'x' => 7, 'tags' => array ( 'a' => array ( 0 => 1, 1 => 2, ), ), )), ) same object: true
T 19: Suit \Suit::Spades identical case: true
T 20: stdClass (object) array( 'k' => 'v', 'n' => array ( 0 => 1, ), )
F 0 empty string: identical, string(0) ""
F 1 binary: identical, string(12) "\000a\000\377\000\r\n\000\000\000\000\000"
F 2 looks serialized: identical, string(4) "i:5;"
F 3 looks serialized null: identical, string(2) "N;"
F 4 int: identical, int 42
F 5 int max: identical, int 9223372036854775807
F 6 int min: identical, int -9223372036854775807-1
F 7 float: identical, float 0.1
F 8 float -0.0: identical, float -0.0
F 9 float big: identical, float 1.5E+300
F 10 float INF: identical, float -INF
F 11 true: identical, bool true
F 12 false: identical, bool false
F 13 null: identical, null NULL
F 14 empty array: identical, array array ( )
F 15 list: identical, array array ( 0 => 1, 1 => 'two', 2 => 3.0, )
F 16 nested: identical, array array ( 'a' => array ( 'b' => array ( 'c' => array ( 0 => NULL, 1 => false, 2 => '' . "\0" . '', ), ), ), 5 => 'five', -1 => 'minus', )
F 17 object: identical, Point \Point::__set_state(array( 'hops' => 2, 'x' => 7, 'tags' => array ( 'a' => array ( 0 => 1, 1 => 2, ), ), ))
F 18 object in array: identical, array array ( 'p' => \Point::__set_state(array( 'hops' => 2, 'x' => 7, 'tags' => array ( 'a' => array ( 0 => 1, 1 => 2, ), ), )), 'q' => \Point::__set_state(array( 'hops' => 2, 'x' => 7, 'tags' => array ( 'a' => array ( 0 => 1, 1 => 2, ), ), )), ) same object: true
F 19 enum: identical, Suit \Suit::Spades identical case: true
F 20 stdClass: identical, stdClass (object) array( 'k' => 'v', 'n' => array ( 0 => 1, ), )
exit: 0
