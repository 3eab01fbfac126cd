#include "ring.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <unistd.h>

#define MASK (TASKSRV_RING_CAP - 1)

struct tasksrv_rings {
	int n;
	size_t size;
	void *map;               /* n*n positions, n asleep flags, then n*n data areas (page aligned) */
	tasksrv_ring_pos_t *pos;
	uint32_t *asleep;        /* by endpoint: it sleeps, writers ring its eventfd */
	char *data;
	int *wake;               /* by endpoint: its eventfd (every process holds all) */
};

tasksrv_rings_t *tasksrv_ring_set_create(int nendpoints)
{
	size_t channels = (size_t) nendpoints * (size_t) nendpoints, head, size;
	tasksrv_rings_t *r;
	void *map;
	int i;

	if (channels * TASKSRV_RING_CAP > TASKSRV_RING_MAX_BYTES) {
		errno = 0;
		return NULL;
	}
	head = (channels * sizeof(tasksrv_ring_pos_t) + (size_t) nendpoints * sizeof(uint32_t) + 4095) & ~(size_t) 4095;
	size = head + channels * TASKSRV_RING_CAP;
	/* Pages are touched only by channels that carry traffic. */
	map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (map == MAP_FAILED) {
		return NULL;
	}
	r = calloc(1, sizeof(*r));
	if (r == NULL || (r->wake = malloc(sizeof(int) * (size_t) nendpoints)) == NULL) {
		free(r);
		munmap(map, size);
		return NULL;
	}
	r->n = nendpoints;
	r->size = size;
	r->map = map;
	r->pos = map;
	r->asleep = (uint32_t *) (r->pos + channels);
	r->data = (char *) map + head;
	for (i = 0; i < nendpoints; i++) {
		r->wake[i] = -1;
	}
	for (i = 0; i < nendpoints; i++) {
		if ((r->wake[i] = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) < 0) {
			int e = errno;
			tasksrv_ring_set_destroy(r);
			errno = e;
			return NULL;
		}
	}
	return r;
}

void tasksrv_ring_set_destroy(tasksrv_rings_t *r)
{
	int i;

	if (r) {
		for (i = 0; i < r->n; i++) {
			if (r->wake[i] >= 0) {
				close(r->wake[i]);
			}
		}
		free(r->wake);
		munmap(r->map, r->size);
		free(r);
	}
}

int tasksrv_ring_set_wake_fd(const tasksrv_rings_t *r, int endpoint)
{
	return r != NULL && endpoint >= 0 && endpoint < r->n ? r->wake[endpoint] : -1;
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

void tasksrv_ring_put(tasksrv_ring_t *g, const void *a, uint32_t alen, const void *b, uint32_t blen)
{
	uint32_t end = g->pos->end, at = end & MASK, first = TASKSRV_RING_CAP - at;
	const void *part[2] = {a, b};
	uint32_t len[2] = {alen, blen};
	int i;

	for (i = 0; i < 2; i++) {
		if (len[i] == 0) {
			continue;
		}
		if (first >= len[i]) {
			memcpy(g->data + at, part[i], len[i]);
		} else {
			memcpy(g->data + at, part[i], first);
			memcpy(g->data, (const char *) part[i] + first, len[i] - first);
		}
		at = (at + len[i]) & MASK;
		first = TASKSRV_RING_CAP - at;
	}
	/* The frame is whole before it is seen: a writer killed while copying leaves nothing. */
	__atomic_store_n(&g->pos->end, end + alen + blen, __ATOMIC_RELEASE);
}

static void ring(int fd)
{
	uint64_t one = 1;
	ssize_t n;

	do {
		n = write(fd, &one, sizeof(one));
	} while (n < 0 && errno == EINTR);
}

void tasksrv_ring_set_sleep_begin(tasksrv_rings_t *r, int self)
{
	__atomic_store_n(&r->asleep[self], 1, __ATOMIC_RELAXED);
	/* The flag is visible before the rings are looked at again (the writer fences
	 * between its publish and its look at the flag): one of the two sees the other. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}

void tasksrv_ring_set_sleep_end(tasksrv_rings_t *r, int self)
{
	__atomic_store_n(&r->asleep[self], 0, __ATOMIC_RELAXED);
}

void tasksrv_ring_set_wake_reader(tasksrv_rings_t *r, int reader)
{
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (__atomic_load_n(&r->asleep[reader], __ATOMIC_RELAXED)
			&& __atomic_exchange_n(&r->asleep[reader], 0, __ATOMIC_SEQ_CST)) {
		ring(r->wake[reader]);
	}
}

void tasksrv_ring_writer_waits(tasksrv_ring_t *g, uint32_t need)
{
	__atomic_store_n(&g->pos->writer_waits, need, __ATOMIC_RELAXED);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}

void tasksrv_ring_set_wake_writer(tasksrv_rings_t *r, tasksrv_ring_t *g, int writer)
{
	if (__atomic_exchange_n(&g->pos->writer_waits, 0, __ATOMIC_SEQ_CST)) {
		ring(r->wake[writer]);
	}
}

void tasksrv_ring_set_wake_clear(const tasksrv_rings_t *r, int self)
{
	uint64_t v;
	ssize_t n;

	do {
		n = read(r->wake[self], &v, sizeof(v));
	} while (n < 0 && errno == EINTR);
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
