/* fuzz/fuzz_channel.c: the frame decoder and ring reader of the channels between the
 * server's processes (tasksrv_channel_read_frame, src/core/channel.c, src/core/ring.c, with
 * tasksrv_frame_check), on the three kinds of channel (tests/unit/chan_fixture.h).
 *
 * Input: byte 0 picks the channel kind; then operations, each one byte and its data:
 *   op % 4 == 0, 1: the writer writes n bytes (next byte + 1) on the socket
 *   op % 4 == 2:    (shared-memory channel) the writer puts n bytes into the ring,
 *                   when they fit; elsewhere the same as a write
 *   op % 4 == 3:    the writer puts a valid header (type, length from the data) then
 *                   continues, so that whole frames are common
 * After each operation the reader takes every frame there is, until it needs more or
 * fails; at the end the writer closes its end and the reader drains.
 * Checked: a frame handed out passes tasksrv_frame_check, its payload is readable for
 * its whole length (ASAN), a failed channel stays failed, and the socket and ring
 * channels, fed the same bytes, hand out the same frames and fail at the same frame. */
#include "chan_fixture.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_FRAMES 512

typedef struct {
	uint64_t sum[MAX_FRAMES];
	int n;
	int failed;
} trace_t;

static uint64_t digest(const tasksrv_frame_t *f, const char *p)
{
	uint64_t h = 1469598103934665603ULL ^ f->type ^ ((uint64_t) f->len << 8) ^ (uint64_t) f->task_id;
	uint32_t i;

	for (i = 0; i < f->len; i++) {
		h = (h ^ (unsigned char) p[i]) * 1099511628211ULL;
	}
	return h;
}

static void drain(chan_fixture_t *x, trace_t *t)
{
	tasksrv_frame_t f;
	char *payload;
	int r;

	while (!t->failed && (r = chan_fixture_read(x, &f, &payload)) != 0) {
		if (r < 0) {
			t->failed = 1;
			return;
		}
		if (chan_fixture_broken(x)) {
			abort();   /* a frame handed out from a channel found corrupt */
		}
		if (tasksrv_frame_check(&f) != NULL) {
			abort();
		}
		if (t->n < MAX_FRAMES) {
			t->sum[t->n] = digest(&f, payload);
		}
		t->n++;
		free(payload);
	}
	/* A corrupt header breaks the channel: nothing more comes out of it. */
	if (chan_fixture_broken(x)) {
		t->failed = 1;
	}
}

static void write_sock(int fd, const uint8_t *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w <= 0) {
			return;   /* the socket is full (inputs are small: not reached) */
		}
		p += w;
		n -= (size_t) w;
	}
}

static void run(int kind, const uint8_t *data, size_t size, trace_t *t)
{
	chan_fixture_t x;
	size_t i = 0;

	memset(t, 0, sizeof(*t));
	if (chan_fixture_open(&x, kind) < 0) {
		abort();
	}
	while (i < size && !t->failed) {
		uint8_t op = data[i++];
		size_t n = i < size ? (size_t) data[i++] + 1 : 0;
		if (n > size - i) {
			n = size - i;
		}
		if (op % 4 == 3) {
			tasksrv_frame_t h;
			memset(&h, 0, sizeof(h));
			h.version = TASKSRV_FRAME_VERSION;
			h.type = (uint8_t) (1 + op / 4 % TASKSRV_FRAME_TYPE_MAX);
			/* mostly what follows; now and then a big frame (straight into storage, a marker) */
			h.len = op & 0x80 ? TASKSRV_RING_BIG + (uint32_t) n : (uint32_t) n;
			h.task_id = (int64_t) i;
			if (kind == CHAN_SHM && !(op & 0x80) && tasksrv_ring_room(x.wring) >= 32 + n) {
				tasksrv_ring_put(x.wring, &h, 32, data + i, (uint32_t) n);
			} else if (kind == CHAN_SHM && tasksrv_ring_room(x.wring) >= 32) {
				tasksrv_ring_put(x.wring, &h, 32, NULL, 0);
				write_sock(x.wfd, data + i, n);
			} else if (kind != CHAN_SHM) {
				write_sock(x.wfd, (const uint8_t *) &h, 32);
				write_sock(x.wfd, data + i, n);
			}
		} else if (op % 4 == 2 && kind == CHAN_SHM) {
			if (tasksrv_ring_room(x.wring) >= n) {
				tasksrv_ring_put(x.wring, data + i, (uint32_t) n, NULL, 0);
			}
		} else {
			write_sock(x.wfd, data + i, n);
		}
		i += n;
		drain(&x, t);
	}
	shutdown(x.wfd, SHUT_WR);
	drain(&x, t);
	/* once failed, the channel stays failed */
	if (t->failed) {
		tasksrv_frame_t f;
		char *payload;
		if (chan_fixture_read(&x, &f, &payload) > 0) {
			abort();
		}
	}
	chan_fixture_close(&x);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static trace_t a, b;

	if (size < 1) {
		return 0;
	}
	/* big frames are read, but their storage stays small */
	chan_alloc_limit = 4u << 20;
	if (data[0] % 3 == CHAN_SHM) {
		run(CHAN_SHM, data + 1, size - 1, &a);
		return 0;
	}
	run(CHAN_SOCKET, data + 1, size - 1, &a);
	run(CHAN_RING, data + 1, size - 1, &b);
	if (a.n != b.n || a.failed != b.failed
			|| memcmp(a.sum, b.sum, sizeof(uint64_t) * (size_t) (a.n < MAX_FRAMES ? a.n : MAX_FRAMES)) != 0) {
		abort();
	}
	return 0;
}
