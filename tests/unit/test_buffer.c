/* Unit tests of src/core/buffer.c: append, consume, reserve's slide and growth. */
#include "unit.h"

#include "buffer.h"

static void append_and_consume(void **state)
{
	tasksrv_buffer_t b = {0};

	assert_int_equal(tasksrv_buffer_size(&b), 0);
	assert_int_equal(tasksrv_buffer_append(&b, "hello", 5), 0);
	assert_int_equal(tasksrv_buffer_append(&b, " world", 6), 0);
	assert_int_equal(tasksrv_buffer_size(&b), 11);
	assert_memory_equal(tasksrv_buffer_head(&b), "hello world", 11);
	tasksrv_buffer_consume(&b, 6);
	assert_int_equal(tasksrv_buffer_size(&b), 5);
	assert_memory_equal(tasksrv_buffer_head(&b), "world", 5);
	tasksrv_buffer_free(&b);
	assert_null(b.data);
	assert_int_equal(b.cap, 0);
}

/* Consuming everything rewinds to the start, so the next append reuses the space. */
static void consume_all_rewinds(void **state)
{
	tasksrv_buffer_t b = {0};
	char *first;

	assert_int_equal(tasksrv_buffer_append(&b, "abcdef", 6), 0);
	first = b.data;
	tasksrv_buffer_consume(&b, 6);
	assert_int_equal(b.off, 0);
	assert_int_equal(b.len, 0);
	assert_int_equal(tasksrv_buffer_append(&b, "xy", 2), 0);
	assert_ptr_equal(b.data, first);
	assert_memory_equal(tasksrv_buffer_head(&b), "xy", 2);
	tasksrv_buffer_free(&b);
}

/* The first allocation is 4 KiB; growth doubles. */
static void growth(void **state)
{
	tasksrv_buffer_t b = {0};
	char big[10000];
	size_t i;

	for (i = 0; i < sizeof(big); i++) {
		big[i] = (char) (i * 7);
	}
	assert_int_equal(tasksrv_buffer_append(&b, "a", 1), 0);
	assert_int_equal(b.cap, 4096);
	assert_int_equal(tasksrv_buffer_append(&b, big, sizeof(big)), 0);
	assert_int_equal(b.cap, 16384);
	assert_int_equal(tasksrv_buffer_size(&b), 1 + sizeof(big));
	assert_memory_equal(tasksrv_buffer_head(&b) + 1, big, sizeof(big));
	tasksrv_buffer_free(&b);
}

/* reserve slides the unconsumed bytes to the front before it grows: consumed space
 * is free space, and the bytes survive the move. */
static void reserve_slides_before_growing(void **state)
{
	tasksrv_buffer_t b = {0};
	char chunk[3000];
	char *p, *data;

	memset(chunk, 'A', sizeof(chunk));
	assert_int_equal(tasksrv_buffer_append(&b, chunk, sizeof(chunk)), 0);
	memcpy(b.data + 2990, "0123456789", 10);
	tasksrv_buffer_consume(&b, 2990);
	data = b.data;
	/* 10 live bytes, 1096 free at the end: 2000 more fit only after a slide. */
	p = tasksrv_buffer_reserve(&b, 2000);
	assert_non_null(p);
	assert_ptr_equal(b.data, data);
	assert_int_equal(b.cap, 4096);
	assert_int_equal(b.off, 0);
	assert_int_equal(b.len, 10);
	assert_ptr_equal(p, b.data + 10);
	assert_memory_equal(b.data, "0123456789", 10);
	/* reserve does not change the contents' length */
	assert_int_equal(tasksrv_buffer_size(&b), 10);
	tasksrv_buffer_free(&b);
}

/* Reserving what already fits returns the end without touching anything. */
static void reserve_fits(void **state)
{
	tasksrv_buffer_t b = {0};
	char *p;

	assert_int_equal(tasksrv_buffer_append(&b, "abc", 3), 0);
	tasksrv_buffer_consume(&b, 1);
	p = tasksrv_buffer_reserve(&b, 100);
	assert_ptr_equal(p, b.data + 3);
	assert_int_equal(b.off, 1);
	memcpy(p, "de", 2);
	b.len += 2;
	assert_memory_equal(tasksrv_buffer_head(&b), "bcde", 4);
	tasksrv_buffer_free(&b);
}

/* Out of memory leaves the buffer as it was (append returns -1). An impossible size
 * stands for memory running out. */
static void append_out_of_memory(void **state)
{
	tasksrv_buffer_t b = {0};

	assert_int_equal(tasksrv_buffer_append(&b, "keep", 4), 0);
	assert_null(tasksrv_buffer_reserve(&b, (size_t) 1 << 62));
	assert_int_equal(tasksrv_buffer_size(&b), 4);
	assert_memory_equal(tasksrv_buffer_head(&b), "keep", 4);
	tasksrv_buffer_free(&b);
}

/* A size whose doubling overflows is refused, not turned into a tiny allocation. */
static void reserve_overflow(void **state)
{
	tasksrv_buffer_t b = {0};

	assert_int_equal(tasksrv_buffer_append(&b, "keep", 4), 0);
	assert_null(tasksrv_buffer_reserve(&b, SIZE_MAX - 2));
	assert_null(tasksrv_buffer_reserve(&b, SIZE_MAX / 2 + 2));
	assert_int_equal(b.cap, 4096);
	assert_int_equal(tasksrv_buffer_size(&b), 4);
	assert_memory_equal(tasksrv_buffer_head(&b), "keep", 4);
	tasksrv_buffer_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(append_and_consume),
		cmocka_unit_test(consume_all_rewinds),
		cmocka_unit_test(growth),
		cmocka_unit_test(reserve_slides_before_growing),
		cmocka_unit_test(reserve_fits),
		cmocka_unit_test(append_out_of_memory),
		cmocka_unit_test(reserve_overflow),
	};

	return cmocka_run_group_tests_name("buffer", tests, NULL, NULL);
}
