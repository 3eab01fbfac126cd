/* tasksrv: the channels between the server's processes (channel.c): a socketpair
 * per pair of endpoints, and shared-memory rings both ways between event workers and
 * task workers (the socket then carries only big payloads). Frames are written
 * without blocking (queued in the peer's out buffer, corked during a batch) or
 * blocking; read whole into glue storage; frames read while waiting for something
 * else are deferred to the loop. */
#ifndef TASKSRV_CHANNEL_H
#define TASKSRV_CHANNEL_H

#include "state.h"

/* Creates every channel of the run (start(), before the first fork). */
int tasksrv_channel_create(tasksrv_server_t *s);
void tasksrv_channel_destroy(tasksrv_server_t *s);
/* Takes this process's ends (endpoint self), closing the others' when close_others. */
void tasksrv_channel_open(tasksrv_server_t *s, int self, int close_others);
void tasksrv_channel_close(tasksrv_server_t *s);
/* A successor takes over channels whose reader died mid-frame: the rest of that frame
 * is skipped; a task it cut is reported through cut (task.c's report). */
void tasksrv_channel_resume(tasksrv_server_t *s, void (*cut)(tasksrv_server_t *s, int peer, const tasksrv_frame_t *hdr));
/* Whether this process's channel to peer was found corrupt by its reader and is not
 * reset yet: every send on it fails with EBADMSG (docs/reliability.md). */
int tasksrv_channel_is_broken(const tasksrv_server_t *s, int peer);
/* Whether the channel from peer to this process is broken (this process reads it as
 * empty until it can empty it): a wait must look at it again now and then. */
int tasksrv_channel_input_broken(const tasksrv_server_t *s, int peer);
/* Queues a frame to a peer without blocking. Returns 0 or -1 (errno; EBADMSG: the
 * channel is broken). */
int tasksrv_channel_send_async(tasksrv_server_t *s, int peer, tasksrv_frame_t *f, const char *payload);
/* Bytes of frames to peer that wait in this process (the socket took no more yet). */
size_t tasksrv_channel_backlog(const tasksrv_server_t *s, int peer);
/* Writes a frame to a peer, blocking until the socket took it all. */
int tasksrv_channel_send_blocking(tasksrv_server_t *s, int peer, tasksrv_frame_t *f, const char *payload);
/* Reads from a peer without blocking, as far as the bytes go: returns 1 with a whole
 * frame (its payload in glue storage), 0 when the frame is not complete yet, -1 when
 * the channel is broken. */
int tasksrv_channel_read_frame(tasksrv_server_t *s, int peer, tasksrv_frame_t *f, void **handle);
/* Whether whole or partial frames already wait in this process for peer (its ring):
 * check it before sleeping on the socket. */
int tasksrv_channel_has_input(const tasksrv_server_t *s, int peer);
/* Writes the frames corked during a batch. Anything that waits for results calls it
 * first: a corked task may be the one awaited. */
void tasksrv_channel_uncork(tasksrv_server_t *s);
/* Reads every frame already waiting from endpoints [from, to) into the deferred queue. */
void tasksrv_channel_sweep(tasksrv_server_t *s, int from, int to);
/* Writes what waits in the out buffers, until deadline_ms at the latest. */
void tasksrv_channel_flush(tasksrv_server_t *s, int64_t deadline_ms);
/* The loop handler of a channel end. */
void tasksrv_channel_on_event(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, uint32_t events);
/* Keeps a frame for the loop, which hands it out in arrival order (run_deferred). */
void tasksrv_channel_defer(tasksrv_server_t *s, const tasksrv_frame_t *f, int peer, void *handle);
int tasksrv_channel_run_deferred(tasksrv_loop_t *loop, void *ctx);
/* Shared-memory channels: the eventfd in the loop, and the last look at the rings
 * before the loop sleeps (1: do not sleep). watch_rings also watches the channels a
 * predecessor left broken (the loop runs: they are emptied once their writers gave up). */
int tasksrv_channel_watch_rings(tasksrv_server_t *s);
int tasksrv_channel_prepare_sleep(tasksrv_server_t *s);
/* Sleeps until peers [from, to) may have a frame (the range is fixed by the first
 * call: an epoll set of their sockets and, edge-triggered, this process's eventfd)
 * or timeout_ms passes. Returns the events seen (0: timeout, -1: error); the
 * peers whose sockets are readable go to ready (at most max; a ring's wake-up
 * adds none: the caller looks at the rings again). */
int tasksrv_channel_wait_input(tasksrv_server_t *s, int from, int to, int timeout_ms, int *ready, int max, int *nready);

#endif
