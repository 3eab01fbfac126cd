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

/* What the reader told its writer: the CHANNEL_BROKEN frame on the channel the other
 * way (endpoint 0 to 1; in the fixture, what wfd reads). 1 when it is there. */
static int writer_told(chan_fixture_t *x)
{
	tasksrv_frame_t f;
	ssize_t n = read(x->wfd, &f, sizeof(f));

	return n == (ssize_t) sizeof(f) && f.type == TASKSRV_FRAME_CHANNEL_BROKEN && f.len == 0
		&& tasksrv_frame_check(&f) == NULL;
}

/* A corrupt header (bad version, type or length) breaks the channel, before anything
 * is allocated for it: no frame, the broken flag in shared memory, the writer told. */
static void corrupt_header(void **state)
{
	chan_fixture_t *x = *state;
	tasksrv_frame_t h = header(TASKSRV_FRAME_TASK, 4, 1), f;
	char *payload;

	h.len = TASKSRV_FRAME_MAX_LEN + 1;
	write_all(x->wfd, &h, 32);
	assert_false(chan_fixture_broken(x));
	assert_int_equal(chan_fixture_read(x, &f, &payload), 0);
	assert_null(payload);
	assert_int_equal(chan_fixture_track(x)->broken, 1);
	assert_true(writer_told(x));
}

static void bad_type(void **state)
{
	chan_fixture_t *x = *state;
	tasksrv_frame_t h = header(0, 4, 1), f;
	char *payload;

	write_all(x->wfd, &h, 32);
	write_all(x->wfd, "abcd", 4);
	assert_int_equal(chan_fixture_read(x, &f, &payload), 0);
	assert_true(chan_fixture_broken(x));
	h = header(TASKSRV_FRAME_TYPE_MAX + 1, 0, 2);
	assert_non_null(tasksrv_frame_check(&h));
	h = header(TASKSRV_FRAME_CHANNEL_BROKEN, 0, 2);
	assert_null(tasksrv_frame_check(&h));
	h.version = TASKSRV_FRAME_VERSION + 1;
	assert_non_null(tasksrv_frame_check(&h));
}

/* A corrupt header stays corrupt: later reads (a taskwait polling the channel again)
 * never hand the frame out (it did on a socket channel, with no payload, when the
 * header's length was 0; found by fuzz/fuzz_channel.c), nor any frame behind it: what
 * comes after the corrupt header is discarded as it arrives, it cannot be trusted. */
static void corrupt_stays_corrupt(void **state)
{
	chan_fixture_t *x = *state;
	tasksrv_frame_t h = header(TASKSRV_FRAME_TASK, 0, 1), good = header(TASKSRV_FRAME_PIPE, 3, 2), f;
	char *payload;
	int i;

	h.version = 0;
	write_all(x->wfd, &h, 32);
	for (i = 0; i < 3; i++) {
		assert_int_equal(chan_fixture_read(x, &f, &payload), 0);
		assert_null(payload);
		write_all(x->wfd, &good, 32);
		write_all(x->wfd, "abc", 3);
	}
	assert_int_equal(chan_fixture_read(x, &f, &payload), 0);
	assert_true(chan_fixture_broken(x));
	assert_false(tasksrv_channel_has_input(&x->s, 1));
}

/* The writer gave up (CHAN_ACKED: it failed what it had put on the channel and writes
 * nothing more): the reader empties the ring and the socket, the channel is sound
 * again, and the next frame comes whole. The tasks the writer put on it count as taken. */
static void reset_after_writer_gave_up(void **state)
{
	chan_fixture_t *x = *state;
	tasksrv_frame_t h = header(TASKSRV_FRAME_TASK, 0, 1), good = header(TASKSRV_FRAME_PIPE, 3, 7), f;
	tasksrv_chan_track_t *t = chan_fixture_track(x);
	char *payload;

	h.version = 0;
	write_all(x->wfd, &h, 32);
	write_all(x->wfd, "garbage after the corrupt header", 32);
	assert_int_equal(chan_fixture_read(x, &f, &payload), 0);
	assert_true(writer_told(x));
	/* the writer's side: three tasks put on the channel, its last byte, then the word */
	t->w_tasks = 3;
	write_all(x->wfd, "", 1);
	__atomic_store_n(&t->broken, 2, __ATOMIC_SEQ_CST);
	assert_int_equal(chan_fixture_read(x, &f, &payload), 0);
	assert_false(chan_fixture_broken(x));
	assert_int_equal(t->r_tasks, 3);
	write_all(x->wfd, &good, 32);
	write_all(x->wfd, "abc", 3);
	assert_int_equal(chan_fixture_read(x, &f, &payload), 1);
	assert_int_equal(f.task_id, 7);
	assert_memory_equal(payload, "abc", 3);
	free(payload);
}

/* The reader counts the tasks it takes off the channel (what its writer does not
 * fail when the channel breaks). */
static void tasks_taken_counted(void **state)
{
	chan_fixture_t *x = *state;
	tasksrv_frame_t a = header(TASKSRV_FRAME_TASK, 2, 1), b = header(TASKSRV_FRAME_PIPE, 2, 2), f;
	char *payload;
	int i;

	for (i = 0; i < 3; i++) {
		write_all(x->wfd, i == 1 ? &b : &a, 32);
		write_all(x->wfd, "ab", 2);
	}
	for (i = 0; i < 3; i++) {
		assert_int_equal(chan_fixture_read(x, &f, &payload), 1);
		free(payload);
	}
	assert_int_equal(chan_fixture_track(x)->r_tasks, 2);
}

static uint64_t lost_known, lost_unknown;
static int64_t lost_ids[8];

static void record_lost(tasksrv_server_t *s, int peer, const tasksrv_frame_t *task, const char *payload, uint64_t unknown)
{
	(void) s;
	(void) peer;
	(void) payload;
	if (task != NULL && lost_known < 8) {
		lost_ids[lost_known++] = task->task_id;
	}
	lost_unknown += unknown;
}

/* The writer's side (endpoint 0 writing to 1): the reader's word (a CHANNEL_BROKEN
 * frame) makes it fail the tasks it put on the channel that the reader had not taken,
 * and those still queued, and give up; sends on a broken channel fail with EBADMSG. */
static void writer_side(void **state)
{
	chan_fixture_t *x = *state;
	tasksrv_chan_track_t *w = tasksrv_shm_track(x->s.shm, 2, 1, 0);
	tasksrv_frame_t t, notice = header(TASKSRV_FRAME_CHANNEL_BROKEN, 0, 0), f;
	char *payload, buf[4096];
	int64_t id;

	lost_known = lost_unknown = 0;
	x->s.frames_lost = record_lost;
	for (id = 1; id <= 3; id++) {
		t = header(TASKSRV_FRAME_TASK, 2, id);
		assert_int_equal(tasksrv_channel_send_async(&x->s, 1, &t, "ab"), 0);
	}
	assert_int_equal(w->w_tasks, 3);
	assert_false(tasksrv_channel_is_broken(&x->s, 1));
	/* endpoint 1 took the first task, then found the channel corrupt */
	w->r_tasks = 1;
	w->broken = 1;
	assert_true(tasksrv_channel_is_broken(&x->s, 1));
	if (x->wring != NULL) {
		tasksrv_ring_put(x->wring, &notice, 32, NULL, 0);
	} else {
		write_all(x->wfd, &notice, 32);
	}
	assert_int_equal(chan_fixture_read(x, &f, &payload), 0);
	assert_int_equal(lost_known, 2);
	assert_int_equal(lost_ids[0], 2);
	assert_int_equal(lost_ids[1], 3);
	assert_int_equal(lost_unknown, 0);
	assert_int_equal(w->broken, 2);
	t = header(TASKSRV_FRAME_TASK, 2, 4);
	errno = 0;
	assert_int_equal(tasksrv_channel_send_async(&x->s, 1, &t, "ab"), -1);
	assert_int_equal(errno, EBADMSG);
	assert_int_equal(tasksrv_channel_send_blocking(&x->s, 1, &t, "ab"), -1);
	assert_int_equal(errno, EBADMSG);
	assert_int_equal(lost_known, 2);
	/* what reached endpoint 1: three tasks and the byte that wakes it */
	if (x->s.peers[1].shm_out) {
		assert_int_equal(read(x->wfd, buf, sizeof(buf)), 1);
	} else {
		assert_int_equal(read(x->wfd, buf, sizeof(buf)), 3 * 34 + 1);
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
	assert_int_equal(chan_fixture_read(x, &f, &payload), 0);
	assert_true(chan_fixture_broken(x));
	assert_false(tasksrv_channel_has_input(&x->s, 1));
}

/* A send that finds the channel broken before the reader's word came (or in a process
 * that reads none, the manager) gives up there; the word, when it comes, changes
 * nothing: every lost task is failed once. */
static void writer_gives_up_on_send(void **state)
{
	chan_fixture_t *x = *state;
	tasksrv_chan_track_t *w = tasksrv_shm_track(x->s.shm, 2, 1, 0);
	tasksrv_frame_t t, notice = header(TASKSRV_FRAME_CHANNEL_BROKEN, 0, 0), f;
	char *payload;
	int64_t id;

	lost_known = lost_unknown = 0;
	x->s.frames_lost = record_lost;
	for (id = 1; id <= 2; id++) {
		t = header(TASKSRV_FRAME_TASK, 2, id);
		assert_int_equal(tasksrv_channel_send_async(&x->s, 1, &t, "ab"), 0);
	}
	w->broken = 1;
	t = header(TASKSRV_FRAME_TASK, 2, 3);
	errno = 0;
	assert_int_equal(tasksrv_channel_send_async(&x->s, 1, &t, "ab"), -1);
	assert_int_equal(errno, EBADMSG);
	assert_int_equal(lost_known, 2);
	assert_int_equal(w->broken, 2);
	write_all(x->wfd, &notice, 32);
	assert_int_equal(chan_fixture_read(x, &f, &payload), 0);
	assert_int_equal(lost_known, 2);
	assert_int_equal(lost_unknown, 0);
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
		ON(reset_after_writer_gave_up, socket),
		ON(reset_after_writer_gave_up, ring),
		ON(tasks_taken_counted, socket),
		ON(tasks_taken_counted, ring),
		ON(writer_side, socket),
		ON(writer_side, ring),
		ON(writer_side, shm),
		ON(writer_gives_up_on_send, socket),
		ON(refused_frame_skipped, socket),
		ON(refused_frame_skipped, ring),
		ON(eof_mid_frame, socket),
		ON(eof_mid_frame, ring),
		ON(shm_frames_and_marker, shm),
		ON(shm_partial_frame, shm),
	};

	return cmocka_run_group_tests_name("channel", tests, NULL, NULL);
}
