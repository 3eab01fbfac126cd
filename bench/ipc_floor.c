/* bench/ipc_floor.c: the IPC floor tasksrv is measured against.
 *
 * Two C processes joined by an AF_UNIX SOCK_STREAM socketpair (the transport
 * tasksrv uses between its processes); the child echoes every frame back. A frame
 * is a 32-byte header (the first 4 bytes are the payload length, as in tasksrv's
 * header size) followed by the payload. Nothing else happens: no event loop, no
 * PHP, no bookkeeping. Both sides read through a buffer (one read() takes every
 * byte that is there) and send each frame with one writev(), header + payload.
 *
 *   ipc_floor pingpong SIZE SECONDS
 *       sequential round trips: send one frame, wait for its echo, repeat.
 *       Prints rt_per_s, p50_us, p99_us and mb_s (= SIZE x round trips / s, 1 MB = 1e6 B).
 *   ipc_floor pipe SIZE SECONDS WINDOW
 *       pipelined: WINDOW frames in flight; each echo received sends the next one.
 *       Prints msg_per_s (echoes received per second).
 *   Both also print cpu_us_per_op: CPU time of both processes (/proc/<pid>/schedstat)
 *   during the measured window, per round trip or message.
 *
 * A last argument "exact" switches both sides to a model of tasksrv's reads today (not the
 * floor): one epoll_wait per frame, then read(32 bytes of header), then read(payload). It
 * shows how much of a gap the read pattern alone explains.
 *
 * One JSON line on stdout. A warm-up (10% of SECONDS, at least 0.1 s) is not counted.
 * Build (bench/run does it): the core library (make -C src/core O=.build/bench/core), then
 * cc -O2 -Isrc/core -o bench/ipc_floor bench/ipc_floor.c .build/bench/core/libtasksrv_core.a */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "io.h"

#include <poll.h>

typedef struct {
	char *buf;
	size_t cap, start, end;
} reader_t;

/* One frame, header + payload, with the core's writev step (src/core/io.c, as tasksrv's
 * channels write): the floor and tasksrv share the syscall path, not a copy of it. */
static void write_all(int fd, const char *hdr, const char *payload, size_t len)
{
	struct iovec iov[2] = {{(void *) hdr, HDR}, {(void *) payload, len}};
	int i = 0;

	while (i < 2) {
		ssize_t w = tasksrv_io_writev_some(fd, &iov[i], 2 - i);
		if (w < 0) {
			die("writev");
		}
		if (w == 0 && tasksrv_io_wait(fd, POLLOUT, -1) < 0) {
			die("poll");
		}
		while (w > 0 && i < 2) {
			if ((size_t) w >= iov[i].iov_len) {
				w -= (ssize_t) iov[i].iov_len;
				iov[i].iov_len = 0;
				i++;
			} else {
				iov[i].iov_base = (char *) iov[i].iov_base + w;
				iov[i].iov_len -= (size_t) w;
				w = 0;
			}
		}
		while (i < 2 && iov[i].iov_len == 0) {
			i++;
		}
	}
}

static int exact_style; /* "exact": model of tasksrv's reads, see the top of the file */

static int read_full(int fd, char *dst, size_t n)
{
	while (n > 0) {
		ssize_t got = read(fd, dst, n);
		if (got < 0 && errno == EINTR) {
			continue;
		}
		if (got <= 0) {
			return -1;
		}
		dst += got;
		n -= (size_t) got;
	}
	return 0;
}

/* One epoll_wait, then read(header), then read(payload): one frame per wake-up. */
static char *next_frame_exact(int fd, reader_t *r, uint32_t *len)
{
	static int ep = -1;
	struct epoll_event ev;

	if (ep < 0) {
		ep = epoll_create1(EPOLL_CLOEXEC);
		ev.events = EPOLLIN;
		ev.data.fd = fd;
		epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
	}
	while (epoll_wait(ep, &ev, 1, -1) < 0) {
		if (errno != EINTR) {
			die("epoll_wait");
		}
	}
	if (read_full(fd, r->buf, HDR) < 0) {
		return NULL;
	}
	memcpy(len, r->buf, 4);
	if (HDR + (size_t) *len > r->cap) {
		free(r->buf);
		r->cap = HDR + (size_t) *len;
		if ((r->buf = malloc(r->cap)) == NULL) {
			die("malloc");
		}
	}
	if (*len > 0 && read_full(fd, r->buf + HDR, *len) < 0) {
		return NULL;
	}
	return r->buf;
}

/* Returns the next whole frame (header pointer) from the buffer, reading as needed;
 * NULL at EOF. The frame stays valid until the next call. */
static char *next_frame(int fd, reader_t *r, uint32_t *len)
{
	if (exact_style) {
		return next_frame_exact(fd, r, len);
	}
	for (;;) {
		size_t have = r->end - r->start;
		if (have >= HDR) {
			uint32_t l;
			memcpy(&l, r->buf + r->start, 4);
			if (have >= HDR + (size_t) l) {
				char *f = r->buf + r->start;
				r->start += HDR + l;
				*len = l;
				return f;
			}
			if (r->cap < HDR + (size_t) l) {
				/* A frame larger than the buffer: grow it to hold the whole frame. */
				char *nb = malloc(HDR + (size_t) l);
				if (nb == NULL) {
					die("malloc");
				}
				memcpy(nb, r->buf + r->start, have);
				free(r->buf);
				r->buf = nb;
				r->cap = HDR + (size_t) l;
				r->start = 0;
				r->end = have;
			}
		}
		if (r->start > 0 && (r->start == r->end || r->cap - r->end < 65536)) {
			memmove(r->buf, r->buf + r->start, r->end - r->start);
			r->end -= r->start;
			r->start = 0;
		}
		ssize_t n = read(fd, r->buf + r->end, r->cap - r->end);
		if (n < 0) {
			if (errno == EINTR) {
				continue;
			}
			die("read");
		}
		if (n == 0) {
			return NULL;
		}
		r->end += (size_t) n;
	}
}

static void reader_init(reader_t *r, size_t size)
{
	r->cap = HDR + size > 262144 ? HDR + size : 262144;
	r->buf = malloc(r->cap);
	if (r->buf == NULL) {
		die("malloc");
	}
	r->start = r->end = 0;
}

/* The peer: echoes every frame back, one writev() per frame. */
static void echo_child(int fd, size_t size)
{
	reader_t r;
	uint32_t len;
	char *f;

	reader_init(&r, size);
	while ((f = next_frame(fd, &r, &len)) != NULL) {
		write_all(fd, f, f + HDR, len);
	}
	_exit(0);
}

/* The parent's side of the link: frames over the socket, read through a buffer. */
typedef struct {
	int fd;
	reader_t r;
} sock_link_t;

static void sock_send(void *ctx, const char *hdr, const char *payload, size_t len)
{
	write_all(((sock_link_t *) ctx)->fd, hdr, payload, len);
}

static uint32_t sock_recv(void *ctx)
{
	sock_link_t *k = ctx;
	uint32_t len;

	if (next_frame(k->fd, &k->r, &len) == NULL) {
		die("echo");
	}
	return len;
}

int main(int argc, char **argv)
{
	sock_link_t k;
	bench_link_t link = {.send = sock_send, .recv = sock_recv, .ctx = &k};
	int sv[2], status;
	size_t size;
	double secs;
	pid_t pid;

	bench_prog = "ipc_floor";
	if (argc < 4 || (strcmp(argv[1], "pingpong") && strcmp(argv[1], "pipe")) || (!strcmp(argv[1], "pipe") && argc < 5)) {
		fprintf(stderr, "usage: ipc_floor pingpong SIZE SECONDS [exact] | ipc_floor pipe SIZE SECONDS WINDOW [exact]\n");
		return 2;
	}
	exact_style = !strcmp(argv[argc - 1], "exact");
	size = strtoull(argv[2], NULL, 10);
	secs = atof(argv[3]);
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) {
		die("socketpair");
	}
	if ((pid = bench_fork(&link)) == 0) {
		close(sv[0]);
		echo_child(sv[1], size);
	}
	close(sv[1]);
	k.fd = sv[0];
	reader_init(&k.r, size);
	link.impl = exact_style ? "floor-exact" : "floor";
	bench_run(&link, argv, size, secs);
	/* EOF ends the child; drain what it still echoes so it never blocks writing. */
	shutdown(sv[0], SHUT_WR);
	{
		char tmp[65536];
		while (read(sv[0], tmp, sizeof(tmp)) > 0) {
		}
	}
	close(sv[0]);
	waitpid(pid, &status, 0);
	return 0;
}
