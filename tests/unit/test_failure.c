/* Unit tests of src/core/failure.c: a task failure record's wire form, both ways,
 * and the decoder's refusal of anything malformed. */
#include "unit.h"

#include "failure.h"

static tasksrv_failure_t sample(void)
{
	tasksrv_failure_t f;

	memset(&f, 0, sizeof(f));
	f.reason = TASKSRV_FAIL_EXCEPTION;
	f.worker_id = 3;
	f.signo = 0;
	f.exit_status = -1;
	f.code = -42;
	f.line = 17;
	f.message = "boom";
	f.message_len = 4;
	f.exception_class = "RuntimeException";
	f.exception_class_len = 16;
	f.file = "/srv/task.php";
	f.file_len = 13;
	f.trace = "#0 {main}";
	f.trace_len = 9;
	return f;
}

static void reason_names(void **state)
{
	assert_string_equal(tasksrv_failure_reason_name(TASKSRV_FAIL_EXCEPTION), "exception");
	assert_string_equal(tasksrv_failure_reason_name(TASKSRV_FAIL_FATAL_ERROR), "fatal_error");
	assert_string_equal(tasksrv_failure_reason_name(TASKSRV_FAIL_WORKER_DIED), "worker_died");
	assert_string_equal(tasksrv_failure_reason_name(TASKSRV_FAIL_TIMEOUT), "timeout");
	assert_string_equal(tasksrv_failure_reason_name(TASKSRV_FAIL_SHUTDOWN), "shutdown");
	assert_string_equal(tasksrv_failure_reason_name(TASKSRV_FAIL_TOO_LARGE), "too_large");
	assert_string_equal(tasksrv_failure_reason_name(TASKSRV_FAIL_CHANNEL_CORRUPT), "channel_corrupt");
	assert_string_equal(tasksrv_failure_reason_name(0), "unknown");
	assert_string_equal(tasksrv_failure_reason_name(TASKSRV_FAIL_REASON_MAX + 1), "unknown");
	assert_string_equal(tasksrv_failure_reason_name(-1), "unknown");
}

static void round_trip(void **state)
{
	tasksrv_failure_t f = sample(), g;
	tasksrv_buffer_t b = {0};

	assert_int_equal(tasksrv_failure_encode(&f, &b), 0);
	assert_int_equal(tasksrv_failure_decode(&g, tasksrv_buffer_head(&b), tasksrv_buffer_size(&b)), 0);
	assert_int_equal(g.reason, TASKSRV_FAIL_EXCEPTION);
	assert_int_equal(g.worker_id, 3);
	assert_int_equal(g.exit_status, -1);
	assert_int_equal(g.code, -42);
	assert_int_equal(g.line, 17);
	assert_int_equal(g.message_len, 4);
	assert_memory_equal(g.message, "boom", 4);
	assert_memory_equal(g.exception_class, "RuntimeException", 16);
	assert_memory_equal(g.file, "/srv/task.php", 13);
	assert_memory_equal(g.trace, "#0 {main}", 9);
	/* the strings point into the wire form, not into copies */
	assert_true(g.trace >= tasksrv_buffer_head(&b) && g.trace < tasksrv_buffer_head(&b) + tasksrv_buffer_size(&b));
	tasksrv_buffer_free(&b);
}

/* Strings that are not known (NULL) stay NULL, with length 0, whatever length came with them. */
static void absent_strings(void **state)
{
	tasksrv_failure_t f, g;
	tasksrv_buffer_t b = {0};

	memset(&f, 0, sizeof(f));
	f.reason = TASKSRV_FAIL_WORKER_DIED;
	f.signo = 9;
	f.message_len = 123;  /* ignored: message is NULL */
	assert_int_equal(tasksrv_failure_encode(&f, &b), 0);
	assert_int_equal(tasksrv_failure_decode(&g, tasksrv_buffer_head(&b), tasksrv_buffer_size(&b)), 0);
	assert_int_equal(g.reason, TASKSRV_FAIL_WORKER_DIED);
	assert_int_equal(g.signo, 9);
	assert_null(g.message);
	assert_int_equal(g.message_len, 0);
	assert_null(g.exception_class);
	assert_null(g.file);
	assert_null(g.trace);
	tasksrv_buffer_free(&b);
}

/* Every truncation of a good record, and one byte too many, is refused. */
static void truncated_and_trailing(void **state)
{
	tasksrv_failure_t f = sample(), g;
	tasksrv_buffer_t b = {0};
	size_t len, cut;
	char *copy;

	assert_int_equal(tasksrv_failure_encode(&f, &b), 0);
	len = tasksrv_buffer_size(&b);
	for (cut = 0; cut < len; cut++) {
		/* a copy of exactly cut bytes, so ASAN sees any read past it */
		copy = malloc(cut ? cut : 1);
		memcpy(copy, tasksrv_buffer_head(&b), cut);
		assert_int_equal(tasksrv_failure_decode(&g, copy, cut), -1);
		free(copy);
	}
	assert_int_equal(tasksrv_buffer_append(&b, "x", 1), 0);
	assert_int_equal(tasksrv_failure_decode(&g, tasksrv_buffer_head(&b), len + 1), -1);
	tasksrv_buffer_free(&b);
}

/* A reason outside 1..MAX and string lengths beyond the record are refused. */
static void corrupt_fields(void **state)
{
	tasksrv_failure_t f = sample(), g;
	tasksrv_buffer_t b = {0};
	int32_t reason;
	uint32_t huge = UINT32_MAX;
	char *p;

	assert_int_equal(tasksrv_failure_encode(&f, &b), 0);
	p = tasksrv_buffer_head(&b);
	reason = 0;
	memcpy(p, &reason, 4);
	assert_int_equal(tasksrv_failure_decode(&g, p, tasksrv_buffer_size(&b)), -1);
	reason = TASKSRV_FAIL_REASON_MAX + 1;
	memcpy(p, &reason, 4);
	assert_int_equal(tasksrv_failure_decode(&g, p, tasksrv_buffer_size(&b)), -1);
	reason = TASKSRV_FAIL_TIMEOUT;
	memcpy(p, &reason, 4);
	assert_int_equal(tasksrv_failure_decode(&g, p, tasksrv_buffer_size(&b)), 0);
	assert_int_equal(g.reason, TASKSRV_FAIL_TIMEOUT);
	/* the last string length (trace) is the last 4 bytes of the fixed head */
	memcpy(p + 40, &huge, 4);
	assert_int_equal(tasksrv_failure_decode(&g, p, tasksrv_buffer_size(&b)), -1);
	tasksrv_buffer_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reason_names),
		cmocka_unit_test(round_trip),
		cmocka_unit_test(absent_strings),
		cmocka_unit_test(truncated_and_trailing),
		cmocka_unit_test(corrupt_fields),
	};

	return cmocka_run_group_tests_name("failure", tests, NULL, NULL);
}
