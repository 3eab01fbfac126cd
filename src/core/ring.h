/* tasksrv: the channels' receive rings. One ring per direction of every channel,
 * all in one shared mapping: a reader takes every frame a read() can bring into
 * the ring of its channel, and the ring outlives the reader, so a successor
 * resumes from exactly the bytes its predecessor had taken off the socket.
 *
 * Some channels are written straight into the ring instead (shared-memory
 * channels, src/core/channel.c): the writer copies a whole frame in and publishes it
 * with one store, and the socket carries only the payloads of big frames. Each
 * endpoint has an eventfd for wake-ups: a reader about to sleep raises its
 * `asleep` flag and looks at its rings once more; a writer that publishes a frame
 * and finds the flag raised lowers it and rings the eventfd. A writer that finds
 * no room raises the ring's `writer_waits` and sleeps on its own eventfd until
 * the reader, having consumed, rings it. */
#ifndef TASKSRV_RING_H
#define TASKSRV_RING_H

#include <stddef.h>
#include <stdint.h>

/* Bytes per ring: 2700 small frames, 31 of 8 KiB or 3 of 64 KiB. A ring that
 * carries traffic holds all of it in memory (shared by its writer and reader). */
#define TASKSRV_RING_CAP 262144u
/* A payload this large that is not whole in the ring is read straight into its
 * storage, not copied through the ring; on a shared-memory channel its frame is a
 * marker in the ring and the payload goes on the socket. */
#define TASKSRV_RING_BIG (TASKSRV_RING_CAP / 2)
/* Above this many channels' worth of rings (64 x 64 endpoints: workers, task
 * workers, manager, master), channels are read from their sockets, without one. */
#define TASKSRV_RING_MAX_BYTES (1024u * 1024u * 1024u)

/* start and end only grow (modulo 2^32); end - start bytes are held. */
typedef struct {
	uint32_t start;
	uint32_t end;
	uint32_t writer_waits;  /* shared-memory channel: the writer sleeps until this much room is free */
	uint32_t pad;
} tasksrv_ring_pos_t;

typedef struct {
	tasksrv_ring_pos_t *pos;
	char *data;            /* TASKSRV_RING_CAP bytes */
} tasksrv_ring_t;

typedef struct tasksrv_rings tasksrv_rings_t;

/* NULL (errno 0) when n x n rings would exceed TASKSRV_RING_MAX_BYTES: the
 * caller then reads frame by frame. NULL with errno set when mmap failed. */
tasksrv_rings_t *tasksrv_ring_set_create(int nendpoints);
void tasksrv_ring_set_destroy(tasksrv_rings_t *r);
/* The ring of the channel read by `reader` from `from`. Returns 0 or -1 (no rings). */
int tasksrv_ring_of(tasksrv_rings_t *r, int reader, int from, tasksrv_ring_t *out);
/* The eventfd that wakes `endpoint` (readable when rung). */
int tasksrv_ring_set_wake_fd(const tasksrv_rings_t *r, int endpoint);

static inline uint32_t tasksrv_ring_used(const tasksrv_ring_t *g)
{
	return __atomic_load_n(&g->pos->end, __ATOMIC_ACQUIRE) - g->pos->start;
}
/* Copies len held bytes, starting off bytes after the oldest, to dst. */
void tasksrv_ring_peek(const tasksrv_ring_t *g, uint32_t off, void *dst, uint32_t len);
/* Drops the oldest len held bytes. */
void tasksrv_ring_consume(tasksrv_ring_t *g, uint32_t len);
static inline uint32_t tasksrv_ring_room(const tasksrv_ring_t *g)
{
	return TASKSRV_RING_CAP - (__atomic_load_n(&g->pos->end, __ATOMIC_RELAXED)
		- __atomic_load_n(&g->pos->start, __ATOMIC_ACQUIRE));
}
/* Writer of a shared-memory channel: appends a then b (they fit: the caller
 * checked tasksrv_ring_room) and publishes both with one store. */
void tasksrv_ring_put(tasksrv_ring_t *g, const void *a, uint32_t alen, const void *b, uint32_t blen);

/* {{{ Wake-ups of shared-memory channels */
/* A reader of shared-memory channels is about to sleep: from now on writers ring
 * its eventfd. The caller then looks at its rings once more before sleeping. */
void tasksrv_ring_set_sleep_begin(tasksrv_rings_t *r, int self);
/* Awake again (or did not sleep after all): writers stop ringing. */
void tasksrv_ring_set_sleep_end(tasksrv_rings_t *r, int self);
/* A writer published into a ring of `reader`: rings it if it sleeps. */
void tasksrv_ring_set_wake_reader(tasksrv_rings_t *r, int reader);
/* A writer found less than need bytes free in g: raises writer_waits (to need).
 * The caller then looks at the room once more before sleeping on its own eventfd. */
void tasksrv_ring_writer_waits(tasksrv_ring_t *g, uint32_t need);
/* Rings `writer`, which waits for room in g. */
void tasksrv_ring_set_wake_writer(tasksrv_rings_t *r, tasksrv_ring_t *g, int writer);
/* A reader consumed from g: rings `writer` if it waits for room and there is
 * enough of it now (the next consume looks again). */
static inline void tasksrv_ring_room_made(tasksrv_rings_t *r, tasksrv_ring_t *g, int writer)
{
	uint32_t need;

	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	need = __atomic_load_n(&g->pos->writer_waits, __ATOMIC_RELAXED);
	if (need > 0 && tasksrv_ring_room(g) >= need) {
		tasksrv_ring_set_wake_writer(r, g, writer);
	}
}
/* Takes pending rings off an endpoint's eventfd (after a poll saw it readable). */
void tasksrv_ring_set_wake_clear(const tasksrv_rings_t *r, int self);
/* }}} */

/* One read() of at most max bytes (0: no limit) from fd into the free space.
 * Returns 1 when bytes came, 0 when none are waiting (or the ring is full), -1 on
 * error or end of stream (errno set). */
int tasksrv_ring_fill(tasksrv_ring_t *g, int fd, uint32_t max);

#endif
