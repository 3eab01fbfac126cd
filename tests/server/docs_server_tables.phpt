--TEST--
docs/server.md's Options, Events and Methods tables are those of the code (php --ri tasksrv, reflection)
--EXTENSIONS--
tasksrv
--SKIPIF--
<?php
if (!is_file(__DIR__ . '/../../docs/server.md')) die('skip docs/server.md is not shipped beside the tests');
?>
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';

/* The cells of one markdown table row; `\|` is a pipe inside a cell, backticks around a cell go. */
function row_cells(string $line): array
{
    $cells = preg_split('/(?<!\\\\)\|/', trim(trim($line), '|'));
    return array_map(function ($c) {
        $c = str_replace('\|', '|', trim($c));
        return preg_match('/^`(.*)`$/', $c, $m) ? $m[1] : $c;
    }, $cells);
}

/** The rows (cells) of the first table after "## $section" in $md whose header starts with $first. */
function doc_table(string $md, string $section, string $first): array
{
    $rows = [];
    $in_section = $in_table = false;
    foreach (explode("\n", $md) as $line) {
        if (preg_match('/^## /', $line)) {
            if ($in_section) {
                break;
            }
            $in_section = trim(substr($line, 3)) === $section;
            continue;
        }
        if (!$in_section) {
            continue;
        }
        if (!str_starts_with(ltrim($line), '|')) {
            if ($in_table) {
                break;
            }
            continue;
        }
        $cells = row_cells($line);
        if (!$in_table) {
            $in_table = $cells[0] === $first;
            continue;
        }
        if (preg_match('/^:?-+:?$/', $cells[0])) {
            continue;
        }
        $rows[] = $cells;
    }
    return $rows;
}

$cmd = escapeshellarg(getenv('TEST_PHP_EXECUTABLE') ?: PHP_BINARY) . ' -n -d '
    . escapeshellarg('extension=' . tasksrv_extension_path()) . ' --ri tasksrv';
exec($cmd, $lines, $rc);
if ($rc !== 0) {
    echo "php --ri tasksrv failed ($rc):\n", implode("\n", $lines), "\n";
}

/* php --ri: "option => type => default" heads the options, one "name => type => default" a line. */
$code_options = [];
$code_events = [];
$in_options = false;
foreach ($lines as $line) {
    if ($line === 'option => type => default') {
        $in_options = true;
    } elseif ($in_options && $line === '') {
        $in_options = false;
    } elseif ($in_options) {
        [$name, $type, $default] = explode(' => ', $line, 3) + ['', '', ''];
        $code_options[$name] = [$type, $default];
    } elseif (str_starts_with($line, 'Events (on()) => ')) {
        $code_events = explode(', ', substr($line, strlen('Events (on()) => ')));
    }
}

$md = file_get_contents(__DIR__ . '/../../docs/server.md');
$doc_options = [];
$problems = [];
foreach (doc_table($md, 'Options', 'option') as $cells) {
    if (count($cells) !== 4) {
        $problems[] = "docs: Options row with " . count($cells) . " cells instead of 4: " . implode(' | ', $cells);
        continue;
    }
    if (isset($doc_options[$cells[0]])) {
        $problems[] = "docs: option {$cells[0]} has two rows";
    }
    $doc_options[$cells[0]] = [$cells[1], $cells[2]];
}
$doc_events = [];
foreach (doc_table($md, 'Events', 'event') as $cells) {
    if (count($cells) !== 3) {
        $problems[] = "docs: Events row with " . count($cells) . " cells instead of 3: " . implode(' | ', $cells);
        continue;
    }
    if (in_array($cells[0], $doc_events, true)) {
        $problems[] = "docs: event {$cells[0]} has two rows";
    }
    $doc_events[] = $cells[0];
}

foreach ($code_options as $name => [$type, $default]) {
    if (!isset($doc_options[$name])) {
        $problems[] = "option $name: missing in docs/server.md, add: | `$name` | $type | $default | <effect> |";
    } elseif ($doc_options[$name] !== [$type, $default]) {
        $problems[] = "option $name: docs say type \"{$doc_options[$name][0]}\" default \"{$doc_options[$name][1]}\","
            . " the code has type \"$type\" default \"$default\"";
    }
}
foreach (array_diff_key($doc_options, $code_options) as $name => $unused) {
    $problems[] = "option $name: in docs/server.md, but set() does not know it (src/php/php_options.c)";
}
foreach (array_diff($code_events, $doc_events) as $name) {
    $problems[] = "event $name: accepted by on(), missing in docs/server.md's Events table";
}
foreach (array_diff($doc_events, $code_events) as $name) {
    $problems[] = "event $name: in docs/server.md, but on() does not accept it (src/php/php_server.c)";
}
/* Methods: the first cell is the signature, `name(...)...`. */
$doc_methods = [];
foreach (doc_table($md, 'Methods', 'method') as $cells) {
    $doc_methods[] = strtolower(preg_replace('/\(.*/', '', $cells[0]));
}
$code_methods = [];
foreach ((new ReflectionClass(TaskSrv\Server::class))->getMethods(ReflectionMethod::IS_PUBLIC) as $m) {
    $code_methods[strtolower($m->getName())] = $m->getName();
}
foreach (array_diff_key($code_methods, array_flip($doc_methods)) as $name) {
    $problems[] = "method $name: TaskSrv\\Server has it, missing in docs/server.md's Methods table";
}
foreach (array_diff($doc_methods, array_keys($code_methods)) as $name) {
    $problems[] = "method $name: in docs/server.md, but TaskSrv\\Server has no such method";
}
if (!isset($code_options['worker_num'], $code_options['task_worker_num']) || !in_array('Receive', $code_events, true)) {
    $problems[] = "php --ri tasksrv printed no option table or no events row:\n" . implode("\n", $lines);
}

echo $problems ? implode("\n", $problems) . "\n" : "Options, Events and Methods tables match the code\n";
?>
--EXPECT--
Options, Events and Methods tables match the code
