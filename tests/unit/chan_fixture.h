/* tests/unit/chan_fixture.h: a server of two endpoints in one process, for the tests
 * and fuzz targets of the channel reader (src/core/channel.c). Endpoint 0 reads what
 * endpoint 1 writes: on the socket, into the ring from the socket, or (a shared-memory
 * channel) straight into the ring, with big payloads on the socket. The one place
 * that knows how the core sets a channel up, so a change there is fixed here once. */
#ifndef TASKSRV_CHAN_FIXTURE_H
#define TASKSRV_CHAN_FIXTURE_H

#include "frame.h"
#include "log.h"
#include "ring.h"
#include "channel.h"
#include "server.h"
#include "shm.h"

#include <stdlib.h>
#include <string.h>

enum chan_kind {
	CHAN_SOCKET,  /* no rings: header, then payload, from the socket */
	CHAN_RING,    /* a receive ring filled from the socket */
	CHAN_SHM      /* the writer puts whole frames into the ring; big payloads on the socket */
};

typedef struct {
	tasksrv_server_t s;
	tasksrv_hooks_t hooks;
	int wfd;                  /* the writer's end of the socket */
	tasksrv_ring_t *wring;    /* CHAN_SHM: the ring the writer puts into (the reader's) */
} chan_fixture_t;

/* Payloads above this many bytes are refused (0: no limit), as a glue out of memory would:
 * the fuzz targets keep their allocations small with it. */
static size_t chan_alloc_limit;

static char *chan_payload_alloc(tasksrv_server_t *s, size_t len, void **handle)
{
	char *p = chan_alloc_limit && len > chan_alloc_limit ? NULL : malloc(len ? len : 1);

	*handle = p;
	return p;
}

static void chan_payload_free(tasksrv_server_t *s, void *handle)
{
	free(handle);
}

/* Returns 0, or -1 when the sockets or rings cannot be made. */
static inline int chan_fixture_open(chan_fixture_t *x, int kind)
{
	tasksrv_server_t *s = &x->s;

	memset(x, 0, sizeof(*x));
	x->hooks.payload_alloc = chan_payload_alloc;
	x->hooks.payload_free = chan_payload_free;
	tasksrv_log_set_level(TASKSRV_LOG_NONE);
	tasksrv_server_init(s, &x->hooks, NULL);
	s->nendpoints = 2;
	/* endpoint 0 an event worker, 1 a task worker: their channels are shared-memory ones */
	s->cfg.worker_num = 1;
	s->cfg.task_worker_num = kind == CHAN_SHM ? 1 : 0;
	if (kind != CHAN_SOCKET && (s->rings = tasksrv_ring_set_create(2)) == NULL) {
		return -1;
	}
	/* the shared mapping: counters and the channels' read tracks */
	if ((s->shm = tasksrv_shm_create(2, 16, 2)) == NULL || tasksrv_channel_create(s) < 0) {
		return -1;
	}
	tasksrv_channel_open(s, 0, 0);
	x->wfd = s->chan[1 * 2 + 0];
	if (kind == CHAN_SHM) {
		if (!s->peers[1].shm_in) {
			return -1;
		}
		x->wring = &s->peers[1].ring;
	}
	return 0;
}

static inline void chan_fixture_close(chan_fixture_t *x)
{
	tasksrv_channel_close(&x->s);
	tasksrv_channel_destroy(&x->s);
	tasksrv_ring_set_destroy(x->s.rings);
	x->s.rings = NULL;
	tasksrv_shm_destroy(x->s.shm);
	x->s.shm = NULL;
}

/* The track of the channel endpoint 0 reads from endpoint 1 (shared memory). */
static inline tasksrv_chan_track_t *chan_fixture_track(chan_fixture_t *x)
{
	return tasksrv_shm_track(x->s.shm, 2, 0, 1);
}

/* Whether the reader found the channel corrupt (it reads nothing more of it until reset). */
static inline int chan_fixture_broken(chan_fixture_t *x)
{
	return __atomic_load_n(&chan_fixture_track(x)->broken, __ATOMIC_ACQUIRE) != 0;
}

/* The next frame from endpoint 1: 1 with *f and the payload (the caller frees it), 0
 * when more must come (or the channel is broken: chan_fixture_broken), -1 on error (end
 * of stream). */
static inline int chan_fixture_read(chan_fixture_t *x, tasksrv_frame_t *f, char **payload)
{
	void *handle = NULL;
	int r = tasksrv_channel_read_frame(&x->s, 1, f, &handle);

	*payload = r > 0 ? handle : NULL;
	return r;
}

#endif
