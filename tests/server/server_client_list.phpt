--TEST--
getClientList()/connection_list(): pages of session ids across workers, a closed start is false, find_count > 100 warns; $server->connections: foreach/count/isset/[] over the worker's own connections
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/../inc/server.inc';
$srv = tasksrv_server(<<<'PHP'
$s = new TaskSrv\Server('127.0.0.1', PORT);
$s->set(['worker_num' => 2]);
$s->on('WorkerStart', fn($s, $id) => print("WorkerStart($id)\n"));
$s->on('Receive', function ($s, $fd, $rid, $data) {
    $args = array_map('intval', explode(' ', trim($data)));
    switch (array_shift($args)) {
        case 1: // list
            $s->send($fd, json_encode($s->getClientList(...$args)) . "\n");
            break;
        case 2: // alias
            $s->send($fd, json_encode($s->connection_list(...$args)) . "\n");
            break;
        case 3: // the iterator
            $c = $s->connections;
            $seen = [];
            foreach ($c as $k => $id) {
                $seen[$k] = $id;
            }
            $own = array_filter($seen, fn($id) => $s->getClientInfo($id)['reactor_id'] === $s->getWorkerId());
            $s->send($fd, json_encode([
                'class' => get_class($c),
                'swoole' => $c instanceof Swoole\Connection\Iterator,
                'keys_ok' => array_keys($seen) === ($seen ? range(1, count($seen)) : []),
                'all_own' => count($own) === count($seen),
                'has_me' => in_array($fd, $seen, true),
                'count_ok' => count($c) === count($seen),
                'isset_me' => isset($c[$fd]),
                'isset_9999' => isset($c[9999]),
                'get_me' => $c[$fd]['socket_fd'] === $s->getClientInfo($fd)['socket_fd'],
                'get_9999' => $c[9999],
                'n' => count($seen),
                'w' => $s->getWorkerId(),
            ]) . "\n");
            break;
    }
});
$s->start();
PHP, ['wait' => false]);
$srv->waitOutput('WorkerStart', 2);
$ask = function ($c, $cmd) {
    fwrite($c, "$cmd\n");
    return tasksrv_recv_until($c, "\n");
};
$cs = [];
for ($i = 1; $i <= 7; $i++) {
    $cs[$i] = $srv->connect();
}
// every connection is accepted once it answers
foreach ($cs as $c) {
    $ask($c, '1 0 1');
}
echo "default: ", $ask($cs[1], '1'), "";
echo "page 1: ", $ask($cs[1], '1 0 3');
echo "page 2: ", $ask($cs[1], '1 3 3');
echo "page 3: ", $ask($cs[1], '1 6 3');
echo "alias: ", $ask($cs[2], '2 2 2');
fclose($cs[4]);
unset($cs[4]);
usleep(200000);
echo "after a close: ", $ask($cs[1], '1 0 10');
echo "start closed: ", $ask($cs[1], '1 4 3');
echo "start unknown: ", $ask($cs[1], '1 9999 3');
echo "find_count 100: ", $ask($cs[1], '1 0 100');
echo "find_count 101: ", $ask($cs[1], '1 0 101');
$per = [];
foreach ($cs as $i => $c) {
    $r = json_decode($ask($c, '3'), true);
    $per[$r['w']] = $r['n'];
    unset($r['n'], $r['w']);
    $lines[json_encode($r)] = true;
}
echo implode("\n", array_keys($lines)), "\n";
echo "the two workers' iterators cover all 6: ", array_sum($per), "\n";
echo "exit: ", $srv->stop(), "\n";
echo preg_match('/Warning: .*getClientList\(\): swoole connection list max_find_count=100/', $srv->output()) ? "warned\n" : $srv->output();
?>
--EXPECT--
default: [1,2,3,4,5,6,7]
page 1: [1,2,3]
page 2: [4,5,6]
page 3: [7]
alias: [3,4]
after a close: [1,2,3,5,6,7]
start closed: false
start unknown: false
find_count 100: [1,2,3,5,6,7]
find_count 101: false
{"class":"TaskSrv\\Connection\\Iterator","swoole":true,"keys_ok":true,"all_own":true,"has_me":true,"count_ok":true,"isset_me":true,"isset_9999":false,"get_me":true,"get_9999":false}
the two workers' iterators cover all 6: 6
exit: 0
warned
