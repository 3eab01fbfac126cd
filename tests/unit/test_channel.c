/* Unit tests of the channel reader (tasksrv_channel_read_frame, src/core/channel.c): frames
 * cut anywhere by the socket, many frames in one read, big frames read straight into
 * their storage, marker frames of shared-memory channels, corrupt headers, end of stream.
 * The same three channel kinds as in the server (tests/unit/chan_fixture.h). */
#include "unit.h"

#include "chan_fixture.h"

#include <errno.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

static tasksrv_frame_t header(uint8_t type, uint32_t len, int64_t task_id)
{
	tasksrv_frame_t f;

	memset(&f, 0, sizeof(f));
	f.version = TASKSRV_FRAME_VERSION;
	f.type = type;
	f.len = len;
	f.task_id = task_id;
	f.src_worker = 1;
	return f;
}

static void pattern(char *buf, size_t n, unsigned seed)
{
	size_t i;

	for (i = 0; i < n; i++) {
		buf[i] = (char) (seed * 7 + i * 13);
	}
}

/* Writes all of n bytes to the (non-blocking) writer's end. */
static void write_all(int fd, const void *p, size_t n)
{
	const char *c = p;

	while (n > 0) {
		ssize_t w = write(fd, c, n);
		if (w < 0 && errno == EAGAIN) {
			struct pollfd pfd = {fd, POLLOUT, 0};
			poll(&pfd, 1, 1000);
			continue;
		}
		assert_true(w > 0);
		c += w;
		n -= (size_t) w;
	}
}

static int open_kind(void **state, int kind)
{
	chan_fixture_t *x = calloc(1, sizeof(*x));

	if (x == NULL || chan_fixture_open(x, kind) < 0) {
		return -1;
	}
	*state = x;
	return 0;
}
static int open_socket(void **state) { return open_kind(state, CHAN_SOCKET); }
static int open_ring(void **state) { return open_kind(state, CHAN_RING); }
static int open_shm(void **state) { return open_kind(state, CHAN_SHM); }

static int close_any(void **state)
{
	chan_fixture_t *x = *state;

	chan_fixture_close(x);
	free(x);
	return 0;
}

/* Three frames sent byte by byte (socket and ring channels): nothing comes out before
 * a frame is whole, each comes out intact and in order. */
static void frames_cut_anywhere(void **state)
{
	chan_fixture_t *x = *state;
	char wire[3 * 32 + 10 + 0 + 300], *payload;
	size_t lens[3] = {10, 0, 300}, off = 0, sent;
	tasksrv_frame_t f;
	int i, n = 0, r;

	for (i = 0; i < 3; i++) {
		tasksrv_frame_t h = header(TASKSRV_FRAME_TASK, (uint32_t) lens[i], 100 + i);
		memcpy(wire + off, &h, 32);
		pattern(wire + off + 32, lens[i], (unsigned) i);
		off += 32 + lens[i];
	}
	for (sent = 0; sent < off; sent++) {
		write_all(x->wfd, wire + sent, 1);
		while ((r = chan_fixture_read(x, &f, &payload)) > 0) {
			char want[300];
			assert_true(n < 3);
			assert_int_equal(f.task_id, 100 + n);
			assert_int_equal(f.len, lens[n]);
			pattern(want, lens[n], (unsigned) n);
			assert_memory_equal(payload, want, lens[n]);
			free(payload);
			n++;
		}
		assert_int_equal(r, 0);
	}
	assert_int_equal(n, 3);
}

/* Many small frames in one write come out one by one. */
static void many_in_one_read(void **state)
{
	chan_fixture_t *x = *state;
	char wire[200 * 40], *payload;
	tasksrv_frame_t f;
	int i, n = 0;

	for (i = 0; i < 200; i++) {
		tasksrv_frame_t h = header(TASKSRV_FRAME_PIPE, 8, i);
		memcpy(wire + i * 40, &h, 32);
		memcpy(wire + i * 40 + 32, &i, sizeof(i));
		memset(wire + i * 40 + 32 + sizeof(i), 'p', 8 - sizeof(i));
	}
	write_all(x->wfd, wire, sizeof(wire));
	while (chan_fixture_read(x, &f, &payload) > 0) {
		int v;
		memcpy(&v, payload, sizeof(v));
		assert_int_equal(v, n);
		assert_int_equal(f.task_id, n);
		assert_int_equal(f.type, TASKSRV_FRAME_PIPE);
		free(payload);
		n++;
	}
	assert_int_equal(n, 200);
}

/* A frame larger than the ring (and than half of it): read straight into its storage,
 * interleaved with small frames before and after. */
static void big_frame(void **state)
{
	chan_fixture_t *x = *state;
	const uint32_t big = TASKSRV_RING_CAP + 12345;
	char *in = malloc(big), *payload;
	tasksrv_frame_t h = header(TASKSRV_FRAME_RESULT, big, 7), s1 = header(TASKSRV_FRAME_RESULT, 3, 6),
		s2 = header(TASKSRV_FRAME_RESULT, 3, 8), f;
	size_t sent = 0;
	int n = 0, r;

	pattern(in, big, 9);
	write_all(x->wfd, &s1, 32);
	write_all(x->wfd, "one", 3);
	write_all(x->wfd, &h, 32);
	/* the rest in pieces, reading as they come */
	while (sent < big || n < 3) {
		if (sent < big) {
			size_t k = big - sent < 65536 ? big - sent : 65536;
			write_all(x->wfd, in + sent, k);
			sent += k;
			if (sent == big) {
				write_all(x->wfd, &s2, 32);
				write_all(x->wfd, "two", 3);
			}
		}
		while ((r = chan_fixture_read(x, &f, &payload)) > 0) {
			assert_int_equal(f.task_id, 6 + n);
			if (n == 1) {
				assert_int_equal(f.len, big);
				assert_memory_equal(payload, in, big);
			} else {
				assert_memory_equal(payload, n ? "two" : "one", 3);
			}
			free(payload);
			n++;
		}
		assert_int_equal(r, 0);
	}
	free(in);
}

/* A corrupt header (bad version, type or length) makes the channel fail, before
 * anything is allocated for it. */
static void corrupt_header(void **state)
{
	chan_fixture_t *x = *state;
	tasksrv_frame_t h = header(TASKSRV_FRAME_TASK, 4, 1), f;
	char *payload;

	h.len = TASKSRV_FRAME_MAX_LEN + 1;
	write_all(x->wfd, &h, 32);
	assert_int_equal(chan_fixture_read(x, &f, &payload), -1);
	assert_null(payload);
}

static void bad_type(void **state)
{
	chan_fixture_t *x = *state;
	tasksrv_frame_t h = header(0, 4, 1), f;
	char *payload;

	write_all(x->wfd, &h, 32);
	write_all(x->wfd, "abcd", 4);
	assert_int_equal(chan_fixture_read(x, &f, &payload), -1);
}

/* A corrupt header stays corrupt: a second read (a taskwait polling the channel again)
 * fails again and never hands the frame out (it did on a socket channel, with no
 * payload, when the header's length was 0; found by fuzz/fuzz_channel.c). */
static void corrupt_stays_corrupt(void **state)
{
	chan_fixture_t *x = *state;
	tasksrv_frame_t h = header(TASKSRV_FRAME_TASK, 0, 1), f;
	char *payload;
	int i;

	h.version = 0;
	write_all(x->wfd, &h, 32);
	for (i = 0; i < 3; i++) {
		assert_int_equal(chan_fixture_read(x, &f, &payload), -1);
		assert_null(payload);
	}
}

/* Storage refused for a payload (more than the process can take): the frame is refused
 * (counted; a task would fail as too_large), its payload skipped, and the next frame
 * comes whole. Before the refusal existed, a later read on a socket channel read the
 * payload into NULL (found by fuzz/fuzz_channel.c). */
static void refused_frame_skipped(void **state)
{
	chan_fixture_t *x = *state;
	tasksrv_frame_t big = header(TASKSRV_FRAME_PIPE, 1000, 5), next = header(TASKSRV_FRAME_PIPE, 3, 6), f;
	char in[1000], *payload;

	pattern(in, sizeof(in), 12);
	write_all(x->wfd, &big, 32);
	write_all(x->wfd, in, sizeof(in));
	write_all(x->wfd, &next, 32);
	write_all(x->wfd, "abc", 3);
	chan_alloc_limit = 999;
	assert_int_equal(chan_fixture_read(x, &f, &payload), 1);
	chan_alloc_limit = 0;
	assert_int_equal(f.task_id, 6);
	assert_memory_equal(payload, "abc", 3);
	free(payload);
	assert_int_equal(x->s.shm->frames_refused, 1);
	assert_int_equal(chan_fixture_read(x, &f, &payload), 0);
}

/* The writer gone mid-frame: end of stream is an error, not a frame. */
static void eof_mid_frame(void **state)
{
	chan_fixture_t *x = *state;
	tasksrv_frame_t h = header(TASKSRV_FRAME_TASK, 100, 1), f;
	char *payload;

	write_all(x->wfd, &h, 32);
	write_all(x->wfd, "abc", 3);
	assert_int_equal(chan_fixture_read(x, &f, &payload), 0);
	shutdown(x->wfd, SHUT_WR);
	errno = 0;
	assert_int_equal(chan_fixture_read(x, &f, &payload), -1);
	assert_int_equal(errno, ECONNRESET);
}

/* Shared-memory channel: whole frames from the ring, no syscall; a marker (the header
 * of a big frame, alone in the ring) has its payload read from the socket. */
static void shm_frames_and_marker(void **state)
{
	chan_fixture_t *x = *state;
	const uint32_t big = TASKSRV_RING_BIG + 1000;
	tasksrv_frame_t small = header(TASKSRV_FRAME_RESULT, 5, 1), marker = header(TASKSRV_FRAME_RESULT, big, 2),
		after = header(TASKSRV_FRAME_RESULT, 2, 3), f;
	char *in = malloc(big), *payload;
	size_t sent = 0;
	int r;

	pattern(in, big, 11);
	tasksrv_ring_put(x->wring, &small, 32, "hello", 5);
	tasksrv_ring_put(x->wring, &marker, 32, NULL, 0);
	tasksrv_ring_put(x->wring, &after, 32, "ok", 2);
	assert_int_equal(chan_fixture_read(x, &f, &payload), 1);
	assert_int_equal(f.task_id, 1);
	assert_memory_equal(payload, "hello", 5);
	free(payload);
	/* the marker's payload has not come yet */
	assert_int_equal(chan_fixture_read(x, &f, &payload), 0);
	while (sent < big) {
		size_t k = big - sent < 50000 ? big - sent : 50000;
		write_all(x->wfd, in + sent, k);
		sent += k;
		r = chan_fixture_read(x, &f, &payload);
		if (sent < big) {
			assert_int_equal(r, 0);
		}
	}
	assert_int_equal(r, 1);
	assert_int_equal(f.task_id, 2);
	assert_int_equal(f.len, big);
	assert_memory_equal(payload, in, big);
	free(payload);
	/* the frame after the marker was waiting in the ring */
	assert_int_equal(chan_fixture_read(x, &f, &payload), 1);
	assert_int_equal(f.task_id, 3);
	assert_memory_equal(payload, "ok", 2);
	free(payload);
	assert_int_equal(tasksrv_ring_used(x->wring), 0);
	free(in);
}

/* Shared-memory channel: a small frame is always whole in the ring; a part of one is
 * corruption. */
static void shm_partial_frame(void **state)
{
	chan_fixture_t *x = *state;
	tasksrv_frame_t h = header(TASKSRV_FRAME_RESULT, 100, 1), f;
	char *payload;

	tasksrv_ring_put(x->wring, &h, 32, "short", 5);
	assert_int_equal(chan_fixture_read(x, &f, &payload), -1);
}

/* One test on one kind of channel, named for both. */
#define ON(fn, kind) {#fn " (" #kind ")", fn, open_##kind, close_any, NULL}

int main(void)
{
	const struct CMUnitTest tests[] = {
		ON(frames_cut_anywhere, socket),
		ON(frames_cut_anywhere, ring),
		ON(many_in_one_read, socket),
		ON(many_in_one_read, ring),
		ON(big_frame, socket),
		ON(big_frame, ring),
		ON(corrupt_header, socket),
		ON(corrupt_header, ring),
		ON(bad_type, ring),
		ON(corrupt_stays_corrupt, socket),
		ON(corrupt_stays_corrupt, ring),
		ON(refused_frame_skipped, socket),
		ON(refused_frame_skipped, ring),
		ON(eof_mid_frame, socket),
		ON(eof_mid_frame, ring),
		ON(shm_frames_and_marker, shm),
		ON(shm_partial_frame, shm),
	};

	return cmocka_run_group_tests_name("channel", tests, NULL, NULL);
}
