/* bench/shm_model.c: a model, not tasksrv and not the floor. What the task path could gain from
 * a shared-memory transport instead of a socketpair, measured the same way as bench/ipc_floor.c.
 *
 * Two C processes; the child echoes every frame back. Each direction is a single-producer,
 * single-consumer byte ring in one shared mapping (a 32-byte header + payload per frame, as in
 * ipc_floor.c). A writer copies a frame into the ring and publishes it with one store; a reader
 * copies it out into memory of its own (as tasksrv would into a zend_string) and frees the room.
 * No syscall is made while both sides are busy. A reader that finds its ring empty announces that
 * it sleeps, checks again, and waits in epoll_wait() on an eventfd, then read()s the eventfd (the
 * two syscalls an event loop would make); a writer that publishes into the ring of a sleeping
 * reader write()s its eventfd. A writer that finds the ring full waits the same way for room.
 *
 *   shm_model pingpong SIZE SECONDS            as ipc_floor pingpong; frames larger than the
 *                                              ring go through it in ring-sized pieces
 *   shm_model pipe SIZE SECONDS WINDOW         as ipc_floor pipe
 *
 * Output: one JSON line like ipc_floor's, with "impl":"shm-model". The ring holds RING_CAP bytes
 * per direction (1 MiB, pre-faulted before the clock starts, as a persistent arena would be).
 * Build: cc -O2 -o bench/shm_model bench/shm_model.c */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"

#define RING_CAP ((uint64_t) 1 << 20)

typedef struct {
	uint64_t tail;               /* producer: bytes published */
	int32_t writer_waits;        /* producer sleeps until the consumer frees room */
	char pad1[52];
	uint64_t head;               /* consumer: bytes taken */
	int32_t reader_sleeps;       /* consumer sleeps until the producer publishes */
	char pad2[52];
	char data[RING_CAP];
} ring_t;

typedef struct {
	ring_t *in, *out;
	int my_efd, peer_efd, ep;
	char *buf;                   /* where a received frame is copied to */
	size_t cap;
} end_t;

/* Sleeps until the peer rings this end's eventfd: epoll_wait, then read, as a loop would. */
static void sleep_on(end_t *e)
{
	struct epoll_event ev;
	uint64_t v;

	while (epoll_wait(e->ep, &ev, 1, -1) < 0) {
		if (errno != EINTR) {
			die("epoll_wait");
		}
	}
	if (read(e->my_efd, &v, sizeof(v)) < 0 && errno != EAGAIN) {
		die("read eventfd");
	}
}

static void ring_bell(end_t *e)
{
	uint64_t one = 1;

	if (write(e->peer_efd, &one, sizeof(one)) < 0) {
		die("write eventfd");
	}
}

static void copy_in(ring_t *r, uint64_t at, const char *src, size_t len)
{
	size_t off = (size_t) (at & (RING_CAP - 1)), first = RING_CAP - off;

	if (first >= len) {
		memcpy(r->data + off, src, len);
	} else {
		memcpy(r->data + off, src, first);
		memcpy(r->data, src + first, len - first);
	}
}

static void copy_out(const ring_t *r, uint64_t at, char *dst, size_t len)
{
	size_t off = (size_t) (at & (RING_CAP - 1)), first = RING_CAP - off;

	if (first >= len) {
		memcpy(dst, r->data + off, len);
	} else {
		memcpy(dst, r->data + off, first);
		memcpy(dst + first, r->data, len - first);
	}
}

/* Waits until the out ring has room for want bytes (at least 1); returns the room. */
static size_t wait_room(end_t *e, size_t want)
{
	ring_t *r = e->out;

	for (;;) {
		uint64_t head = __atomic_load_n(&r->head, __ATOMIC_ACQUIRE);
		size_t room = (size_t) (RING_CAP - (r->tail - head));

		if (room >= want) {
			return room;
		}
		__atomic_store_n(&r->writer_waits, 1, __ATOMIC_SEQ_CST);
		if (__atomic_load_n(&r->head, __ATOMIC_SEQ_CST) == head) {
			sleep_on(e);
		}
		__atomic_store_n(&r->writer_waits, 0, __ATOMIC_RELAXED);
	}
}

static void publish(end_t *e, uint64_t tail)
{
	__atomic_store_n(&e->out->tail, tail, __ATOMIC_SEQ_CST);
	if (__atomic_exchange_n(&e->out->reader_sleeps, 0, __ATOMIC_SEQ_CST)) {
		ring_bell(e);
	}
}

/* A frame that fits is copied in whole (header, then payload) and published with one
 * store; a larger one goes in ring-sized pieces. */
static void put_frame(end_t *e, const char *hdr, const char *payload, size_t len)
{
	ring_t *r = e->out;

	if (HDR + len <= RING_CAP) {
		wait_room(e, HDR + len);
		copy_in(r, r->tail, hdr, HDR);
		copy_in(r, r->tail + HDR, payload, len);
		publish(e, r->tail + HDR + len);
		return;
	}
	wait_room(e, HDR);
	copy_in(r, r->tail, hdr, HDR);
	publish(e, r->tail + HDR);
	while (len > 0) {
		size_t room = wait_room(e, 1), n = room < len ? room : len;
		copy_in(r, r->tail, payload, n);
		publish(e, r->tail + n);
		payload += n;
		len -= n;
	}
}

/* Reads len bytes from the in ring into dst, sleeping while it is empty. */
static void get_bytes(end_t *e, char *dst, size_t len)
{
	ring_t *r = e->in;

	while (len > 0) {
		uint64_t head = r->head, tail = __atomic_load_n(&r->tail, __ATOMIC_ACQUIRE);
		size_t have = (size_t) (tail - head), n = have < len ? have : len;

		if (n == 0) {
			__atomic_store_n(&r->reader_sleeps, 1, __ATOMIC_SEQ_CST);
			if (__atomic_load_n(&r->tail, __ATOMIC_SEQ_CST) == tail) {
				sleep_on(e);
			}
			__atomic_store_n(&r->reader_sleeps, 0, __ATOMIC_RELAXED);
			continue;
		}
		copy_out(r, head, dst, n);
		__atomic_store_n(&r->head, head + n, __ATOMIC_SEQ_CST);
		if (__atomic_exchange_n(&r->writer_waits, 0, __ATOMIC_SEQ_CST)) {
			ring_bell(e);
		}
		dst += n;
		len -= n;
	}
}

/* The next frame's payload, copied into e->buf. */
static uint32_t get_frame(end_t *e)
{
	char hdr[HDR];
	uint32_t len;

	get_bytes(e, hdr, HDR);
	memcpy(&len, hdr, 4);
	if (len > e->cap) {
		die("frame larger than the receive buffer");
	}
	get_bytes(e, e->buf, len);
	return len;
}

static void end_init(end_t *e, ring_t *in, ring_t *out, int my_efd, int peer_efd, size_t size)
{
	struct epoll_event ev = {.events = EPOLLIN};

	e->in = in;
	e->out = out;
	e->my_efd = my_efd;
	e->peer_efd = peer_efd;
	e->ep = epoll_create1(EPOLL_CLOEXEC);
	if (e->ep < 0 || epoll_ctl(e->ep, EPOLL_CTL_ADD, my_efd, &ev) < 0) {
		die("epoll");
	}
	e->cap = size;
	/* Pre-faulted, reused for every frame: tasksrv's kept strings do the same for huge ones. */
	e->buf = malloc(size ? size : 1);
	if (e->buf == NULL) {
		die("malloc");
	}
	memset(e->buf, 0, size);
}

static void echo_child(end_t *e, size_t size)
{
	char hdr[HDR] = {0};
	uint32_t len32 = (uint32_t) size;

	memcpy(hdr, &len32, 4);
	for (;;) {
		put_frame(e, hdr, e->buf, get_frame(e));
	}
}

static void shm_send(void *ctx, const char *hdr, const char *payload, size_t len)
{
	put_frame(ctx, hdr, payload, len);
}

static uint32_t shm_recv(void *ctx)
{
	return get_frame(ctx);
}

int main(int argc, char **argv)
{
	ring_t *rings;
	end_t e;
	bench_link_t link = {.impl = "shm-model", .send = shm_send, .recv = shm_recv, .ctx = &e};
	pid_t pid;
	int efd_parent, efd_child;
	size_t size;
	double secs;

	bench_prog = "shm_model";
	if (argc < 4 || (strcmp(argv[1], "pingpong") && strcmp(argv[1], "pipe")) || (!strcmp(argv[1], "pipe") && argc < 5)) {
		fprintf(stderr, "usage: shm_model pingpong SIZE SECONDS | shm_model pipe SIZE SECONDS WINDOW\n");
		return 2;
	}
	size = strtoull(argv[2], NULL, 10);
	secs = atof(argv[3]);
	rings = mmap(NULL, 2 * sizeof(ring_t), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (rings == MAP_FAILED) {
		die("mmap");
	}
	memset(rings, 0, 2 * sizeof(ring_t));
	efd_parent = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	efd_child = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (efd_parent < 0 || efd_child < 0) {
		die("eventfd");
	}
	if ((pid = bench_fork(&link)) == 0) {
		end_init(&e, &rings[0], &rings[1], efd_child, efd_parent, size);
		echo_child(&e, size);
	}
	end_init(&e, &rings[1], &rings[0], efd_parent, efd_child, size);
	bench_run(&link, argv, size, secs);
	/* The child only echoes: its echoes still in flight are not read. */
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	return 0;
}
