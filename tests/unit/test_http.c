/* Unit tests of the response pieces in src/core/http.c (status line, Date), cmocka. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "http.h"

static void expect_line(int status, const char *reason, size_t reason_len, const char *want)
{
	char buf[256];
	size_t n = tasksrv_http_status_line(buf, sizeof(buf), status, reason, reason_len);

	assert_int_equal(n, strlen(want));
	assert_memory_equal(buf, want, n);
}

static void test_status_line(void **state)
{
	expect_line(200, NULL, 0, "HTTP/1.1 200 OK\r\n");
	expect_line(404, NULL, 0, "HTTP/1.1 404 Not Found\r\n");
	expect_line(299, NULL, 0, "HTTP/1.1 299 Unknown Status\r\n");
	expect_line(7, NULL, 0, "HTTP/1.1 7 Unknown Status\r\n");
	expect_line(0, NULL, 0, "HTTP/1.1 0 Unknown Status\r\n");
	expect_line(-12, NULL, 0, "HTTP/1.1 -12 Unknown Status\r\n");
	expect_line(1234567, NULL, 0, "HTTP/1.1 1234567 Unknown Status\r\n");
	expect_line(200, "Fine", 4, "HTTP/1.1 200 Fine\r\n");
	/* as printf's %.*s did: the reason ends at its length or at a NUL */
	expect_line(200, "Fine and more", 4, "HTTP/1.1 200 Fine\r\n");
	expect_line(200, "Fi\0ne", 5, "HTTP/1.1 200 Fi\r\n");
}

static void test_status_line_too_long(void **state)
{
	char buf[19];

	/* "HTTP/1.1 200 OK\r\n" is 17 bytes: it fits in 18 (with room for a NUL), not in 17 */
	assert_int_equal(tasksrv_http_status_line(buf, 18, 200, NULL, 0), 17);
	assert_int_equal(tasksrv_http_status_line(buf, 17, 200, NULL, 0), 0);
	assert_int_equal(tasksrv_http_status_line(buf, 0, 200, NULL, 0), 0);
}

static void test_date(void **state)
{
	const char *d = tasksrv_http_date();

	assert_int_equal(strlen(d), TASKSRV_HTTP_DATE_LEN);
	assert_memory_equal(d + TASKSRV_HTTP_DATE_LEN - 4, " GMT", 4);
	assert_int_equal(d[3], ',');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_line),
		cmocka_unit_test(test_status_line_too_long),
		cmocka_unit_test(test_date),
	};

	return cmocka_run_group_tests_name("http", tests, NULL, NULL);
}
