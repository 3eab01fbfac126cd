/* Unit tests of src/core/frame.c: the header check every reader makes before it
 * allocates anything for a frame. */
#include "unit.h"

#include "frame.h"

static tasksrv_frame_t good(void)
{
	tasksrv_frame_t f;

	memset(&f, 0, sizeof(f));
	f.version = TASKSRV_FRAME_VERSION;
	f.type = TASKSRV_FRAME_TASK;
	f.len = 100;
	return f;
}

/* The header is part of the wire format: 32 bytes, the length in bytes 4..7. */
static void layout(void **state)
{
	tasksrv_frame_t f = good();
	uint32_t len;

	assert_int_equal(sizeof(tasksrv_frame_t), 32);
	assert_int_equal(offsetof(tasksrv_frame_t, len), 4);
	memcpy(&len, (const char *) &f + 4, 4);
	assert_int_equal(len, 100);
}

static void accepts_every_type(void **state)
{
	tasksrv_frame_t f = good();
	int t;

	for (t = 1; t <= TASKSRV_FRAME_TYPE_MAX; t++) {
		f.type = (uint8_t) t;
		assert_null(tasksrv_frame_check(&f));
	}
}

static void rejects_version(void **state)
{
	tasksrv_frame_t f = good();

	f.version = 0;
	assert_string_equal(tasksrv_frame_check(&f), "unknown frame version");
	f.version = TASKSRV_FRAME_VERSION + 1;
	assert_string_equal(tasksrv_frame_check(&f), "unknown frame version");
}

static void rejects_type(void **state)
{
	tasksrv_frame_t f = good();

	f.type = 0;
	assert_string_equal(tasksrv_frame_check(&f), "unknown frame type");
	f.type = TASKSRV_FRAME_TYPE_MAX + 1;
	assert_string_equal(tasksrv_frame_check(&f), "unknown frame type");
	f.type = 255;
	assert_string_equal(tasksrv_frame_check(&f), "unknown frame type");
}

/* Sizes: 0 and exactly the maximum pass, one byte more does not (a corrupt length
 * must not become a 4 GiB allocation). */
static void sizes(void **state)
{
	tasksrv_frame_t f = good();

	f.len = 0;
	assert_null(tasksrv_frame_check(&f));
	f.len = TASKSRV_FRAME_MAX_LEN;
	assert_null(tasksrv_frame_check(&f));
	f.len = TASKSRV_FRAME_MAX_LEN + 1;
	assert_string_equal(tasksrv_frame_check(&f), "frame length out of range");
	f.len = UINT32_MAX;
	assert_string_equal(tasksrv_frame_check(&f), "frame length out of range");
}

/* Corruption: every single-bit flip of the first 8 bytes of a good header (version,
 * type, flags, length) is either caught or leaves a header that is valid on its own
 * terms; what passes never has a length above the maximum. */
static void bit_flips(void **state)
{
	int bit, caught = 0;

	for (bit = 0; bit < 64; bit++) {
		tasksrv_frame_t f = good();
		unsigned char *b = (unsigned char *) &f;
		b[bit / 8] ^= (unsigned char) (1u << (bit % 8));
		if (tasksrv_frame_check(&f) != NULL) {
			caught++;
		} else {
			assert_int_equal(f.version, TASKSRV_FRAME_VERSION);
			assert_in_range(f.type, 1, TASKSRV_FRAME_TYPE_MAX);
			assert_true(f.len <= TASKSRV_FRAME_MAX_LEN);
		}
	}
	/* all 8 version bits, the type bits that leave 1..TYPE_MAX (4 of 8 stay valid:
	 * 1 -> 3, 5, 9; bit 0 gives 0), the top two length bits */
	assert_int_equal(caught, 8 + 5 + 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(layout),
		cmocka_unit_test(accepts_every_type),
		cmocka_unit_test(rejects_version),
		cmocka_unit_test(rejects_type),
		cmocka_unit_test(sizes),
		cmocka_unit_test(bit_flips),
	};

	return cmocka_run_group_tests_name("frame", tests, NULL, NULL);
}
