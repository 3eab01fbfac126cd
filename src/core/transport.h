/* tasksrv: the task transport: how a task reaches whoever runs it and how its
 * answers come back, behind a small ops table. The one implementation today is the
 * local one (transport_local.c: the shared-memory rings and socketpairs of
 * channel.c between the event workers and the task workers of this machine); a
 * remote backend (issue 15: task workers on other hosts, over Redis Streams) is
 * meant to be a second table, with no change to task.c:
 *   - a task is addressed by a destination handle (tasksrv_dest_t), which the
 *     transport resolves (the local one: a task worker's index; a remote one: its
 *     own numbering of queues or streams), not by an endpoint of this process tree;
 *   - an answer goes back to where its task came from (reply_to: whatever the
 *     transport recorded as the task's source when it handed the task out);
 *   - answers may arrive from outside the process tree: next_frame() returns them
 *     to a waiter, event_fd() lets the event loop watch for them.
 * Frames stay the 32-byte header plus payload (frame.h) whatever carries them.
 * Every call is one indirect call through the table: no allocation, no copy of
 * its own (the local transport writes the frame straight into a ring). */
#ifndef TASKSRV_TRANSPORT_H
#define TASKSRV_TRANSPORT_H

#include <stdint.h>

#include "frame.h"

struct tasksrv_loop;

typedef struct tasksrv_transport tasksrv_transport_t;

/* Where a task goes. */
typedef struct {
	int32_t index;   /* the local transport: the task worker's index, 0..task_worker_num-1 */
} tasksrv_dest_t;

typedef struct {
	const char *name;
	int remote;      /* tasks leave this machine: no local task worker slots, no destination index */
	/* Lifecycle, in each process that sends tasks or runs them, once its role is
	 * known (after the fork); and at its end. 0 or -1 with errno. */
	int (*open)(tasksrv_transport_t *t);
	void (*close)(tasksrv_transport_t *t);
	/* A task to dst without blocking (queued when the way is full), or blocking until
	 * the transport took it whole. 0 or -1 with errno. */
	int (*send_async)(tasksrv_transport_t *t, tasksrv_dest_t dst, tasksrv_frame_t *f, const char *payload);
	int (*send_blocking)(tasksrv_transport_t *t, tasksrv_dest_t dst, tasksrv_frame_t *f, const char *payload);
	/* An answer (a RESULT frame) to the sender of a task that came from reply_to,
	 * blocking or not. 0 or -1 with errno. */
	int (*reply)(tasksrv_transport_t *t, int reply_to, tasksrv_frame_t *f, const char *payload, int blocking);
	/* The next frame of the task side for this process (answers, failures the manager
	 * reports), whole, its payload in glue storage (*handle): 1, with *src where it
	 * came from; 0 when none came by deadline_ms; -1 with errno. */
	int (*next_frame)(tasksrv_transport_t *t, int64_t deadline_ms, tasksrv_frame_t *f, int *src, void **handle);
	/* An fd the event loop watches for answers arriving from outside the process
	 * tree, or -1 when they come through channels the loop already watches. */
	int (*event_fd)(tasksrv_transport_t *t);
	/* This process's loop is up (an event worker's, a task worker's): a transport whose
	 * frames come from outside the process tree starts watching for them there and
	 * hands them to s->hooks->on_frame itself. Optional (NULL: nothing to watch). */
	void (*watch)(tasksrv_transport_t *t, struct tasksrv_loop *loop);
	/* Once per turn of this process's loop, before it waits: a transport that batches
	 * (frames sent without blocking wait in it until then) writes the batch, and hands
	 * out what it holds for s->hooks->on_frame. Non-zero: it handed frames out, so the
	 * loop must not sleep (their callbacks may have queued more). Optional (NULL). */
	int (*flush)(tasksrv_transport_t *t);
} tasksrv_transport_ops_t;

struct tasksrv_transport {
	const tasksrv_transport_ops_t *ops;
	struct tasksrv_server *srv;
	void *state;     /* the implementation's own (NULL for the local one) */
};

/* {{{ The calls, one indirect call each. */
static inline int tasksrv_transport_open(tasksrv_transport_t *t)
{
	return t->ops->open(t);
}

static inline void tasksrv_transport_close(tasksrv_transport_t *t)
{
	t->ops->close(t);
}

static inline int tasksrv_transport_send_async(tasksrv_transport_t *t, tasksrv_dest_t dst, tasksrv_frame_t *f,
	const char *payload)
{
	return t->ops->send_async(t, dst, f, payload);
}

static inline int tasksrv_transport_send_blocking(tasksrv_transport_t *t, tasksrv_dest_t dst, tasksrv_frame_t *f,
	const char *payload)
{
	return t->ops->send_blocking(t, dst, f, payload);
}

static inline int tasksrv_transport_reply(tasksrv_transport_t *t, int reply_to, tasksrv_frame_t *f,
	const char *payload, int blocking)
{
	return t->ops->reply(t, reply_to, f, payload, blocking);
}

static inline int tasksrv_transport_next_frame(tasksrv_transport_t *t, int64_t deadline_ms, tasksrv_frame_t *f,
	int *src, void **handle)
{
	return t->ops->next_frame(t, deadline_ms, f, src, handle);
}

static inline void tasksrv_transport_watch(tasksrv_transport_t *t, struct tasksrv_loop *loop)
{
	if (t->ops->watch) {
		t->ops->watch(t, loop);
	}
}

static inline int tasksrv_transport_flush(tasksrv_transport_t *t)
{
	return t->ops->flush ? t->ops->flush(t) : 0;
}

/* Whether tasks leave this machine (a backend such as Redis): then there are no local
 * task worker slots to count them in, and a destination index means nothing. */
static inline int tasksrv_transport_is_remote(const tasksrv_transport_t *t)
{
	return t->ops->remote;
}

static inline tasksrv_dest_t tasksrv_transport_dest(int index)
{
	tasksrv_dest_t d;

	d.index = index;
	return d;
}
/* }}} */

#endif
