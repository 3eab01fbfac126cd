/* tasksrv: the channels' receive rings. One ring per direction of every channel,
 * all in one shared mapping: a reader takes every frame a read() can bring into
 * the ring of its channel, and the ring outlives the reader, so a successor
 * resumes from exactly the bytes its predecessor had taken off the socket. */
#ifndef TASKSRV_RING_H
#define TASKSRV_RING_H

#include <stddef.h>
#include <stdint.h>

/* Bytes per ring: 680 small frames, or 7 of 8 KiB. */
#define TASKSRV_RING_CAP 65536u
/* A payload this large that is not whole in the ring is read straight into its
 * storage, not copied through the ring. */
#define TASKSRV_RING_BIG (TASKSRV_RING_CAP / 2)
/* Above this many channels' worth of rings, channels are read without one. */
#define TASKSRV_RING_MAX_BYTES (256u * 1024u * 1024u)

/* start and end only grow (modulo 2^32); end - start bytes are held. */
typedef struct {
	uint32_t start;
	uint32_t end;
} tasksrv_ring_pos_t;

typedef struct {
	tasksrv_ring_pos_t *pos;
	char *data;            /* TASKSRV_RING_CAP bytes */
} tasksrv_ring_t;

typedef struct tasksrv_rings tasksrv_rings_t;

/* NULL (errno 0) when n x n rings would exceed TASKSRV_RING_MAX_BYTES: the
 * caller then reads frame by frame. NULL with errno set when mmap failed. */
tasksrv_rings_t *tasksrv_rings_create(int nendpoints);
void tasksrv_rings_destroy(tasksrv_rings_t *r);
/* The ring of the channel read by `reader` from `from`. Returns 0 or -1 (no rings). */
int tasksrv_ring_of(tasksrv_rings_t *r, int reader, int from, tasksrv_ring_t *out);

static inline uint32_t tasksrv_ring_used(const tasksrv_ring_t *g)
{
	return __atomic_load_n(&g->pos->end, __ATOMIC_ACQUIRE) - g->pos->start;
}
/* Copies len held bytes, starting off bytes after the oldest, to dst. */
void tasksrv_ring_peek(const tasksrv_ring_t *g, uint32_t off, void *dst, uint32_t len);
/* Drops the oldest len held bytes. */
void tasksrv_ring_consume(tasksrv_ring_t *g, uint32_t len);
/* One read() of at most max bytes (0: no limit) from fd into the free space.
 * Returns 1 when bytes came, 0 when none are waiting (or the ring is full), -1 on
 * error or end of stream (errno set). */
int tasksrv_ring_fill(tasksrv_ring_t *g, int fd, uint32_t max);

#endif
