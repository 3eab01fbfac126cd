#include "ring.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <unistd.h>

#define MASK (TASKSRV_RING_CAP - 1)

struct tasksrv_rings {
	int n;
	size_t size;
	void *map;               /* n*n positions, then n*n data areas (page aligned) */
	tasksrv_ring_pos_t *pos;
	char *data;
};

tasksrv_rings_t *tasksrv_rings_create(int nendpoints)
{
	size_t channels = (size_t) nendpoints * (size_t) nendpoints, head, size;
	tasksrv_rings_t *r;
	void *map;

	if (channels * TASKSRV_RING_CAP > TASKSRV_RING_MAX_BYTES) {
		errno = 0;
		return NULL;
	}
	head = (channels * sizeof(tasksrv_ring_pos_t) + 4095) & ~(size_t) 4095;
	size = head + channels * TASKSRV_RING_CAP;
	/* Pages are touched only by channels that carry traffic. */
	map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (map == MAP_FAILED) {
		return NULL;
	}
	r = malloc(sizeof(*r));
	if (r == NULL) {
		munmap(map, size);
		return NULL;
	}
	r->n = nendpoints;
	r->size = size;
	r->map = map;
	r->pos = map;
	r->data = (char *) map + head;
	return r;
}

void tasksrv_rings_destroy(tasksrv_rings_t *r)
{
	if (r) {
		munmap(r->map, r->size);
		free(r);
	}
}

int tasksrv_ring_of(tasksrv_rings_t *r, int reader, int from, tasksrv_ring_t *out)
{
	size_t i;

	if (r == NULL || reader < 0 || from < 0 || reader >= r->n || from >= r->n) {
		return -1;
	}
	i = (size_t) reader * (size_t) r->n + (size_t) from;
	out->pos = &r->pos[i];
	out->data = r->data + i * TASKSRV_RING_CAP;
	return 0;
}

void tasksrv_ring_peek(const tasksrv_ring_t *g, uint32_t off, void *dst, uint32_t len)
{
	uint32_t at = (g->pos->start + off) & MASK, first = TASKSRV_RING_CAP - at;

	if (first >= len) {
		memcpy(dst, g->data + at, len);
	} else {
		memcpy(dst, g->data + at, first);
		memcpy((char *) dst + first, g->data, len - first);
	}
}

void tasksrv_ring_consume(tasksrv_ring_t *g, uint32_t len)
{
	__atomic_store_n(&g->pos->start, g->pos->start + len, __ATOMIC_RELEASE);
}

int tasksrv_ring_fill(tasksrv_ring_t *g, int fd, uint32_t max)
{
	uint32_t end = g->pos->end, used = end - g->pos->start, at = end & MASK;
	uint32_t room = TASKSRV_RING_CAP - used, run = TASKSRV_RING_CAP - at;
	struct iovec iov[2];
	ssize_t n;

	if (max > 0 && room > max) {
		room = max;
	}
	if (room == 0) {
		return 0;
	}
	/* Free space may wrap: one readv fills both parts. */
	iov[0].iov_base = g->data + at;
	iov[0].iov_len = run < room ? run : room;
	iov[1].iov_base = g->data;
	iov[1].iov_len = room - iov[0].iov_len;
	do {
		n = readv(fd, iov, iov[1].iov_len ? 2 : 1);
	} while (n < 0 && errno == EINTR);
	if (n > 0) {
		__atomic_store_n(&g->pos->end, end + (uint32_t) n, __ATOMIC_RELEASE);
		return 1;
	}
	if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
		return 0;
	}
	if (n == 0) {
		errno = ECONNRESET;
	}
	return -1;
}
