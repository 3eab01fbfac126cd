--TEST--
A user process sending to a client that never reads, in both modes: send() returns false with a warning once socket_buffer_size is queued at the connection's owner (BASE: its event worker, PROCESS: the master), whose memory stays small; a send() longer than output_buffer_size is false with Swoole's warning; another client is served meanwhile
--EXTENSIONS--
tasksrv
--FILE--
<?php
require __DIR__ . '/output_cap.inc';
foreach (['SWOOLE_BASE', 'SWOOLE_PROCESS'] as $mode) {
    echo "== $mode\n";
    userproc_output_cap($mode);
}
?>
--EXPECT--
== SWOOLE_BASE
owner grew by less than 32 MB: true
warned: true
the other client: still served
exit: 0
left: 0
USER ready
USER flood: false before 64 MiB: true, queued at most socket_buffer_size: true
[DATE]	WARNING	The length of data [1048577] exceeds the output buffer size[1048576], please use the sendfile, chunked transfer mode or adjust the output_buffer_size
USER long: false
USER hello: true
== SWOOLE_PROCESS
owner grew by less than 32 MB: true
warned: true
the other client: still served
exit: 0
left: 0
USER ready
USER flood: false before 64 MiB: true, queued at most socket_buffer_size: true
[DATE]	WARNING	The length of data [1048577] exceeds the output buffer size[1048576], please use the sendfile, chunked transfer mode or adjust the output_buffer_size
USER long: false
USER hello: true
