/* Unit tests of src/core/ring.c: the channels' rings. put/peek/consume, wrap at the
 * end of the ring and of the 32-bit positions, a full ring, fill() from a socket, and
 * the wake-ups (reader asleep, writer waiting for room). */
#include "unit.h"

#include "ring.h"

#include <errno.h>
#include <sys/socket.h>
#include <unistd.h>

typedef struct {
	tasksrv_rings_t *rings;
	tasksrv_ring_t g;       /* read by endpoint 0 from endpoint 1 */
	int sv[2];              /* sv[0] is read into g, sv[1] is written */
} fix_t;

static int setup(void **state)
{
	fix_t *x = calloc(1, sizeof(*x));

	if (x == NULL || (x->rings = tasksrv_ring_set_create(2)) == NULL
			|| tasksrv_ring_of(x->rings, 0, 1, &x->g) != 0
			|| socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, x->sv) < 0) {
		return -1;
	}
	*state = x;
	return 0;
}

static int teardown(void **state)
{
	fix_t *x = *state;

	close(x->sv[0]);
	close(x->sv[1]);
	tasksrv_ring_set_destroy(x->rings);
	free(x);
	return 0;
}

/* Moves an empty ring's positions to `at` (as if that many bytes had passed). */
static void move_to(tasksrv_ring_t *g, uint32_t at)
{
	assert_int_equal(tasksrv_ring_used(g), 0);
	g->pos->start = g->pos->end = at;
}

static void pattern(char *buf, size_t n, unsigned seed)
{
	size_t i;

	for (i = 0; i < n; i++) {
		buf[i] = (char) (seed + i * 31);
	}
}

static void create_and_address(void **state)
{
	fix_t *x = *state;
	tasksrv_ring_t a, b, c;

	assert_int_equal(tasksrv_ring_used(&x->g), 0);
	assert_int_equal(tasksrv_ring_room(&x->g), TASKSRV_RING_CAP);
	/* every (reader, from) pair has its own ring */
	assert_int_equal(tasksrv_ring_of(x->rings, 0, 0, &a), 0);
	assert_int_equal(tasksrv_ring_of(x->rings, 1, 0, &b), 0);
	assert_int_equal(tasksrv_ring_of(x->rings, 1, 1, &c), 0);
	assert_true(a.data != b.data && b.data != c.data && a.data != x->g.data && a.pos != x->g.pos);
	/* out of range, or no rings at all */
	assert_int_equal(tasksrv_ring_of(x->rings, 2, 0, &a), -1);
	assert_int_equal(tasksrv_ring_of(x->rings, 0, -1, &a), -1);
	assert_int_equal(tasksrv_ring_of(NULL, 0, 0, &a), -1);
	assert_true(tasksrv_ring_set_wake_fd(x->rings, 0) >= 0);
	assert_true(tasksrv_ring_set_wake_fd(x->rings, 1) != tasksrv_ring_set_wake_fd(x->rings, 0));
	assert_int_equal(tasksrv_ring_set_wake_fd(x->rings, 2), -1);
	assert_int_equal(tasksrv_ring_set_wake_fd(NULL, 0), -1);
}

/* More endpoints than TASKSRV_RING_MAX_BYTES allows: NULL with errno 0 (the caller
 * reads frame by frame), not an error. */
static void too_many_endpoints(void **state)
{
	errno = EINVAL;
	assert_null(tasksrv_ring_set_create(65));
	assert_int_equal(errno, 0);
}

static void put_peek_consume(void **state)
{
	fix_t *x = *state;
	char hdr[32], payload[100], got[132];

	pattern(hdr, sizeof(hdr), 1);
	pattern(payload, sizeof(payload), 2);
	tasksrv_ring_put(&x->g, hdr, 32, payload, 100);
	tasksrv_ring_put(&x->g, "abc", 3, NULL, 0);
	assert_int_equal(tasksrv_ring_used(&x->g), 135);
	assert_int_equal(tasksrv_ring_room(&x->g), TASKSRV_RING_CAP - 135);
	tasksrv_ring_peek(&x->g, 0, got, 132);
	assert_memory_equal(got, hdr, 32);
	assert_memory_equal(got + 32, payload, 100);
	/* peek at an offset, then consume: the next bytes come first */
	tasksrv_ring_peek(&x->g, 132, got, 3);
	assert_memory_equal(got, "abc", 3);
	tasksrv_ring_consume(&x->g, 132);
	assert_int_equal(tasksrv_ring_used(&x->g), 3);
	tasksrv_ring_peek(&x->g, 0, got, 3);
	assert_memory_equal(got, "abc", 3);
	tasksrv_ring_consume(&x->g, 3);
	assert_int_equal(tasksrv_ring_used(&x->g), 0);
}

/* A frame across the end of the data area: split on put, whole on peek. Both the
 * header and the payload may be the part that is cut. */
static void wrap_at_end(void **state)
{
	fix_t *x = *state;
	char hdr[32], payload[1000], got[1032];
	uint32_t cut;

	pattern(hdr, sizeof(hdr), 3);
	pattern(payload, sizeof(payload), 4);
	for (cut = 1; cut < 1032; cut += 37) {
		move_to(&x->g, 7 * TASKSRV_RING_CAP - cut);
		tasksrv_ring_put(&x->g, hdr, 32, payload, 1000);
		assert_int_equal(tasksrv_ring_used(&x->g), 1032);
		memset(got, 0, sizeof(got));
		tasksrv_ring_peek(&x->g, 0, got, 1032);
		assert_memory_equal(got, hdr, 32);
		assert_memory_equal(got + 32, payload, 1000);
		/* the bytes really are at the end and at the start of the area */
		assert_memory_equal(x->g.data + TASKSRV_RING_CAP - cut, hdr, cut < 32 ? cut : 32);
		tasksrv_ring_consume(&x->g, 1032);
	}
}

/* start and end count modulo 2^32: a ring that carried 4 GiB goes on working. */
static void wrap_of_positions(void **state)
{
	fix_t *x = *state;
	char in[300], out[300];

	pattern(in, sizeof(in), 5);
	move_to(&x->g, UINT32_MAX - 100);
	tasksrv_ring_put(&x->g, in, 150, in + 150, 150);
	assert_true(x->g.pos->end < x->g.pos->start);
	assert_int_equal(tasksrv_ring_used(&x->g), 300);
	assert_int_equal(tasksrv_ring_room(&x->g), TASKSRV_RING_CAP - 300);
	tasksrv_ring_peek(&x->g, 0, out, 300);
	assert_memory_equal(in, out, 300);
	tasksrv_ring_consume(&x->g, 300);
	assert_int_equal(tasksrv_ring_used(&x->g), 0);
	assert_int_equal(x->g.pos->start, 199);
}

/* A full ring: no room, fill() takes nothing (and leaves the socket's bytes there). */
static void full(void **state)
{
	fix_t *x = *state;
	char *big = malloc(TASKSRV_RING_CAP), c;

	pattern(big, TASKSRV_RING_CAP, 6);
	move_to(&x->g, 12345);
	tasksrv_ring_put(&x->g, big, TASKSRV_RING_CAP - 10, big + TASKSRV_RING_CAP - 10, 10);
	assert_int_equal(tasksrv_ring_used(&x->g), TASKSRV_RING_CAP);
	assert_int_equal(tasksrv_ring_room(&x->g), 0);
	assert_int_equal(write(x->sv[1], "z", 1), 1);
	assert_int_equal(tasksrv_ring_fill(&x->g, x->sv[0], 0), 0);
	assert_int_equal(tasksrv_ring_used(&x->g), TASKSRV_RING_CAP);
	assert_int_equal(read(x->sv[0], &c, 1), 1);
	assert_int_equal(c, 'z');
	tasksrv_ring_peek(&x->g, TASKSRV_RING_CAP - 1, &c, 1);
	assert_int_equal(c, big[TASKSRV_RING_CAP - 1]);
	tasksrv_ring_consume(&x->g, TASKSRV_RING_CAP);
	assert_int_equal(tasksrv_ring_room(&x->g), TASKSRV_RING_CAP);
	free(big);
}

/* fill(): one read takes what is there, up to max, across the end of the area in
 * one readv; nothing waiting is 0; end of stream is -1 with ECONNRESET. */
static void fill_from_socket(void **state)
{
	fix_t *x = *state;
	char in[5000], out[5000];

	pattern(in, sizeof(in), 7);
	assert_int_equal(tasksrv_ring_fill(&x->g, x->sv[0], 0), 0);
	move_to(&x->g, TASKSRV_RING_CAP - 1000);
	assert_int_equal(write(x->sv[1], in, 5000), 5000);
	assert_int_equal(tasksrv_ring_fill(&x->g, x->sv[0], 3000), 1);
	assert_int_equal(tasksrv_ring_used(&x->g), 3000);
	assert_int_equal(tasksrv_ring_fill(&x->g, x->sv[0], 0), 1);
	assert_int_equal(tasksrv_ring_used(&x->g), 5000);
	tasksrv_ring_peek(&x->g, 0, out, 5000);
	assert_memory_equal(in, out, 5000);
	assert_int_equal(tasksrv_ring_fill(&x->g, x->sv[0], 0), 0);
	close(x->sv[1]);
	x->sv[1] = -1;
	errno = 0;
	assert_int_equal(tasksrv_ring_fill(&x->g, x->sv[0], 0), -1);
	assert_int_equal(errno, ECONNRESET);
	/* what was taken stays */
	assert_int_equal(tasksrv_ring_used(&x->g), 5000);
	tasksrv_ring_consume(&x->g, 5000);
}

/* fill() never takes more than the room left. */
static void fill_limited_by_room(void **state)
{
	fix_t *x = *state;
	char *big = calloc(1, TASKSRV_RING_CAP);
	char in[200];

	pattern(in, sizeof(in), 8);
	move_to(&x->g, 0);
	tasksrv_ring_put(&x->g, big, TASKSRV_RING_CAP - 50, NULL, 0);
	assert_int_equal(write(x->sv[1], in, 200), 200);
	assert_int_equal(tasksrv_ring_fill(&x->g, x->sv[0], 0), 1);
	assert_int_equal(tasksrv_ring_room(&x->g), 0);
	tasksrv_ring_consume(&x->g, TASKSRV_RING_CAP - 50);
	assert_int_equal(tasksrv_ring_fill(&x->g, x->sv[0], 0), 1);
	assert_int_equal(tasksrv_ring_used(&x->g), 200);
	memset(big, 0, 200);
	tasksrv_ring_peek(&x->g, 0, big, 200);
	assert_memory_equal(big, in, 200);
	tasksrv_ring_consume(&x->g, 200);
	free(big);
}

static int rung(fix_t *x, int endpoint)
{
	uint64_t v = 0;

	return read(tasksrv_ring_set_wake_fd(x->rings, endpoint), &v, sizeof(v)) == sizeof(v) && v > 0;
}

/* A writer rings a reader's eventfd only while the reader sleeps, and once. */
static void wake_reader(void **state)
{
	fix_t *x = *state;

	tasksrv_ring_set_wake_reader(x->rings, 0);
	assert_false(rung(x, 0));
	tasksrv_ring_set_sleep_begin(x->rings, 0);
	tasksrv_ring_set_wake_reader(x->rings, 0);
	assert_true(rung(x, 0));
	/* the writer lowered the flag: a second publish does not ring again */
	tasksrv_ring_set_wake_reader(x->rings, 0);
	assert_false(rung(x, 0));
	tasksrv_ring_set_sleep_begin(x->rings, 0);
	tasksrv_ring_set_sleep_end(x->rings, 0);
	tasksrv_ring_set_wake_reader(x->rings, 0);
	assert_false(rung(x, 0));
	/* wake_clear empties the eventfd */
	tasksrv_ring_set_sleep_begin(x->rings, 0);
	tasksrv_ring_set_wake_reader(x->rings, 0);
	tasksrv_ring_set_wake_clear(x->rings, 0);
	assert_false(rung(x, 0));
}

/* A writer waiting for need bytes is rung once that much room is free, not before. */
static void wake_writer(void **state)
{
	fix_t *x = *state;
	char *big = calloc(1, TASKSRV_RING_CAP);

	move_to(&x->g, 0);
	tasksrv_ring_put(&x->g, big, TASKSRV_RING_CAP - 100, NULL, 0);
	tasksrv_ring_writer_waits(&x->g, 1000);
	assert_int_equal(x->g.pos->writer_waits, 1000);
	tasksrv_ring_consume(&x->g, 500);
	tasksrv_ring_room_made(x->rings, &x->g, 1);
	assert_false(rung(x, 1));
	assert_int_equal(x->g.pos->writer_waits, 1000);
	tasksrv_ring_consume(&x->g, 400);
	tasksrv_ring_room_made(x->rings, &x->g, 1);
	assert_true(rung(x, 1));
	assert_int_equal(x->g.pos->writer_waits, 0);
	/* nobody waits: no ring */
	tasksrv_ring_consume(&x->g, 1000);
	tasksrv_ring_room_made(x->rings, &x->g, 1);
	assert_false(rung(x, 1));
	tasksrv_ring_consume(&x->g, tasksrv_ring_used(&x->g));
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(create_and_address, setup, teardown),
		cmocka_unit_test(too_many_endpoints),
		cmocka_unit_test_setup_teardown(put_peek_consume, setup, teardown),
		cmocka_unit_test_setup_teardown(wrap_at_end, setup, teardown),
		cmocka_unit_test_setup_teardown(wrap_of_positions, setup, teardown),
		cmocka_unit_test_setup_teardown(full, setup, teardown),
		cmocka_unit_test_setup_teardown(fill_from_socket, setup, teardown),
		cmocka_unit_test_setup_teardown(fill_limited_by_room, setup, teardown),
		cmocka_unit_test_setup_teardown(wake_reader, setup, teardown),
		cmocka_unit_test_setup_teardown(wake_writer, setup, teardown),
	};

	return cmocka_run_group_tests_name("ring", tests, NULL, NULL);
}
