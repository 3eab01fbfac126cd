/* Unit tests of streamed request bodies: the parser's on_head/on_body/drop
 * (src/core/http_parser.c) and the multipart decoder that writes files while the
 * body arrives (src/core/http_upload.c), cmocka. Bodies are fed in pieces of every
 * size from 1 byte, as reads may cut them; the input never keeps what was passed on. */
#include "unit.h"

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "http_parser.h"
#include "http_upload.h"

#define BODY "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\none\r\n" \
	"--XyZ\r\nContent-Disposition: form-data; name=\"f[]\"; filename=\"x.txt\"\r\nContent-Type: text/plain\r\n\r\n" \
	"hello\r\n--XyY not yet\r\n--XyZ\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n\r\n--XyZ--\r\nepilogue"
#define FILE_DATA "hello\r\n--XyY not yet"

static char tmpdir[] = "/tmp/tasksrv-unit-upload-XXXXXX";

static int files_in_tmpdir(void)
{
	char cmd[128];
	FILE *f;
	int n = -1;

	snprintf(cmd, sizeof(cmd), "ls -A %s | wc -l", tmpdir);
	if ((f = popen(cmd, "r")) != NULL) {
		if (fscanf(f, "%d", &n) != 1) {
			n = -1;
		}
		pclose(f);
	}
	return n;
}

/* The parts of a digest as text: "V a=one|F f[] x.txt text/plain 20 0|...". */
static void describe(const char *d, size_t len, char *out, size_t n)
{
	tasksrv_http_upload_part_t p;
	size_t pos = 0, w = 0;

	out[0] = '\0';
	while (tasksrv_http_upload_next(d, len, &pos, &p) == 1 && w < n) {
		if (p.is_file) {
			w += (size_t) snprintf(out + w, n - w, "%sF %.*s %.*s %.*s %lld %d", w ? "|" : "", (int) p.name_len, p.name,
				(int) p.filename_len, p.filename, (int) p.type_len, p.type, (long long) p.size, p.error);
		} else {
			w += (size_t) snprintf(out + w, n - w, "%sV %.*s=%.*s", w ? "|" : "", (int) p.name_len, p.name,
				(int) p.value_len, p.value);
		}
	}
}

static void test_upload_pieces(void **state)
{
	size_t len = sizeof(BODY) - 1, step;

	(void) state;
	for (step = 1; step <= len; step++) {
		tasksrv_http_upload_t *u = tasksrv_http_upload_new("XyZ", 3, tmpdir, 0);
		tasksrv_http_upload_part_t p;
		const char *d;
		size_t i, dlen, pos = 0;
		char text[512], buf[64];
		struct stat st;
		FILE *f;

		assert_non_null(u);
		for (i = 0; i < len; i += step) {
			assert_int_equal(tasksrv_http_upload_feed(u, BODY + i, len - i < step ? len - i : step), 0);
		}
		assert_true(tasksrv_http_upload_complete(u));
		d = tasksrv_http_upload_digest(u, &dlen);
		describe(d, dlen, text, sizeof(text));
		assert_string_equal(text, "V a=one|F f[] x.txt text/plain 20 0|V b=");
		/* The file: 0600, its content, and it stays once the digest was taken. */
		assert_int_equal(tasksrv_http_upload_next(d, dlen, &pos, &p), 1);
		assert_int_equal(tasksrv_http_upload_next(d, dlen, &pos, &p), 1);
		memcpy(buf, p.value, p.value_len);
		buf[p.value_len] = '\0';
		assert_int_equal(stat(buf, &st), 0);
		assert_int_equal(st.st_mode & 0777, 0600);
		f = fopen(buf, "r");
		assert_non_null(f);
		assert_int_equal(fread(text, 1, sizeof(text), f), sizeof(FILE_DATA) - 1);
		fclose(f);
		assert_memory_equal(text, FILE_DATA, sizeof(FILE_DATA) - 1);
		tasksrv_http_upload_free(u);
		assert_int_equal(files_in_tmpdir(), 1);
		unlink(buf);
	}
}

/* A body cut short, or never taken: no file stays. */
static void test_upload_cut_short(void **state)
{
	size_t cut;

	(void) state;
	for (cut = 0; cut < sizeof(BODY) - 1; cut += 7) {
		tasksrv_http_upload_t *u = tasksrv_http_upload_new("XyZ", 3, tmpdir, 0);
		const char *d;
		size_t dlen, pos = 0;
		tasksrv_http_upload_part_t p;
		int n = 0;

		tasksrv_http_upload_feed(u, BODY, cut);
		if (cut % 2) {
			/* Taken: the parts that ended before the cut count, a part cut short does not. */
			d = tasksrv_http_upload_digest(u, &dlen);
			while (tasksrv_http_upload_next(d, dlen, &pos, &p) == 1) {
				if (p.is_file) {
					char path[256];

					snprintf(path, sizeof(path), "%.*s", (int) p.value_len, p.value);
					assert_int_equal(access(path, F_OK), 0);
					unlink(path);
				}
				n++;
			}
			assert_true(n <= 3);
		}
		tasksrv_http_upload_free(u);
		assert_int_equal(files_in_tmpdir(), 0);
	}
}

static void test_upload_max_filesize(void **state)
{
	tasksrv_http_upload_t *u = tasksrv_http_upload_new("XyZ", 3, tmpdir, 10);
	const char *d;
	size_t dlen;
	char text[512];

	(void) state;
	assert_int_equal(tasksrv_http_upload_feed(u, BODY, sizeof(BODY) - 1), 0);
	d = tasksrv_http_upload_digest(u, &dlen);
	describe(d, dlen, text, sizeof(text));
	assert_string_equal(text, "V a=one|F f[] x.txt text/plain 0 1|V b=");
	tasksrv_http_upload_free(u);
	assert_int_equal(files_in_tmpdir(), 0);
}

static void test_upload_malformed(void **state)
{
	static const char *bodies[] = {
		"--XyZ\r\nno colon here\r\n\r\ndata\r\n--XyZ--",
		"--XyZ junk\r\n",
		"--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--XyZ\r\nContent-Disposition: form-data; name=\"b\"",
	};
	size_t i;

	(void) state;
	for (i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
		tasksrv_http_upload_t *u = tasksrv_http_upload_new("XyZ", 3, tmpdir, 0);
		size_t dlen;

		assert_int_equal(tasksrv_http_upload_feed(u, bodies[i], strlen(bodies[i])), 0);
		assert_false(tasksrv_http_upload_complete(u));
		tasksrv_http_upload_digest(u, &dlen);
		tasksrv_http_upload_free(u);
	}
	assert_int_equal(files_in_tmpdir(), 0);
	assert_null(tasksrv_http_upload_new("", 0, tmpdir, 0));
}

static void test_digest_damaged(void **state)
{
	tasksrv_http_upload_part_t p;
	size_t pos = 0;
	char d[] = "F\xff\xff\xff\x7f";

	(void) state;
	assert_int_equal(tasksrv_http_upload_next(d, sizeof(d) - 1, &pos, &p), -1);
	pos = 0;
	assert_int_equal(tasksrv_http_upload_next("Q", 1, &pos, &p), -1);
	pos = 0;
	assert_int_equal(tasksrv_http_upload_next("", 0, &pos, &p), 0);
}

/* Temp files carry the pid of the process that runs the callback; the manager sweeps
 * a killed worker's. */
static void test_adopt_and_sweep(void **state)
{
	tasksrv_http_upload_t *u = tasksrv_http_upload_new("XyZ", 3, tmpdir, 0);
	tasksrv_http_upload_part_t p;
	const char *d;
	size_t dlen, pos = 0;
	char path[512], want[64], other[512];

	(void) state;
	tasksrv_http_upload_feed(u, BODY, sizeof(BODY) - 1);
	d = tasksrv_http_upload_digest(u, &dlen);
	assert_int_equal(tasksrv_http_upload_next(d, dlen, &pos, &p), 1);
	assert_int_equal(tasksrv_http_upload_next(d, dlen, &pos, &p), 1);
	snprintf(path, sizeof(path), "%.*s", (int) p.value_len, p.value);
	tasksrv_http_upload_free(u);
	snprintf(want, sizeof(want), "/tasksrv.upfile.%d.", (int) getpid());
	assert_non_null(strstr(path, want));
	/* Adopting its own file changes nothing; another process's gets this pid. */
	assert_int_equal(tasksrv_http_upload_adopt(path, other, sizeof(other)), 0);
	assert_string_equal(other, path);
	assert_int_equal(tasksrv_http_upload_adopt("/x/tasksrv.upfile.1.AbCdEf", other, sizeof(other)), 0);
	snprintf(want, sizeof(want), "/x/tasksrv.upfile.%d.AbCdEf", (int) getpid());
	assert_string_equal(other, want);
	assert_int_equal(tasksrv_http_upload_adopt("/x/other.1.AbCdEf", other, sizeof(other)), -1);
	/* The sweep takes the pid's files only. */
	assert_int_equal(tasksrv_http_upload_sweep(tmpdir, (int) getpid() + 1), 0);
	assert_int_equal(files_in_tmpdir(), 1);
	assert_int_equal(tasksrv_http_upload_sweep(tmpdir, (int) getpid()), 1);
	assert_int_equal(files_in_tmpdir(), 0);
}

/* {{{ the parser's streaming body */
typedef struct {
	char body[4096];
	size_t len;
	int heads;
	int refuse;
} sink_t;

static int on_head(void *ctx, tasksrv_http_parser_t *p, const char *data)
{
	sink_t *s = ctx;

	(void) p;
	(void) data;
	s->heads++;
	return 1;
}

static int on_body(void *ctx, const char *data, size_t len)
{
	sink_t *s = ctx;

	if (s->refuse) {
		return -1;
	}
	assert_true(s->len + len <= sizeof(s->body));
	memcpy(s->body + s->len, data, len);
	s->len += len;
	return 0;
}

/* Feeds req in pieces of step bytes into a buffer that drops what was passed on, as
 * conn.c does; returns the last rc, the buffer's peak and what is left after the request. */
static int feed(const char *req, size_t len, size_t step, sink_t *s, size_t *peak, char *rest, size_t *rest_len)
{
	tasksrv_http_parser_t p;
	char buf[8192];
	size_t have = 0, fed = 0;
	int rc = TASKSRV_HTTP_NEED_MORE;

	tasksrv_http_parser_init(&p, NULL);
	p.on_head = on_head;
	p.on_body = on_body;
	p.cb_ctx = s;
	*peak = 0;
	while (fed < len) {
		size_t n = len - fed < step ? len - fed : step;

		memcpy(buf + have, req + fed, n);
		have += n;
		fed += n;
		if (have > *peak) {
			*peak = have;
		}
		rc = tasksrv_http_parser_execute(&p, buf, have);
		have -= tasksrv_http_parser_drop(&p, buf, have);
		if (rc == TASKSRV_HTTP_ERROR || rc == TASKSRV_HTTP_REQUEST) {
			break;
		}
	}
	if (rc == TASKSRV_HTTP_REQUEST) {
		assert_int_equal(p.body.len, 0);
		/* The trailers are still there, where their spans say. */
		if (p.ntrailers) {
			tasksrv_http_header_t *t = &p.headers[p.nheaders - 1];

			assert_memory_equal(buf + t->name.off, "x-sum", 5);
			assert_memory_equal(buf + t->value.off, "42", 2);
		}
		/* What follows the request (not fed yet, and what was fed): the next one. */
		*rest_len = have - p.length + (len - fed);
		memcpy(rest, buf + p.length, have - p.length);
		memcpy(rest + have - p.length, req + fed, len - fed);
	}
	tasksrv_http_parser_free(&p);
	return rc;
}

static void check_stream(const char *req, const char *body)
{
	size_t step, len = strlen(req), peak, rest_len;
	char rest[4096];

	for (step = 1; step <= len; step++) {
		sink_t s = {0};

		assert_int_equal(feed(req, len, step, &s, &peak, rest, &rest_len), TASKSRV_HTTP_REQUEST);
		assert_int_equal(s.heads, 1);
		assert_int_equal(s.len, strlen(body));
		assert_memory_equal(s.body, body, s.len);
		assert_int_equal(rest_len, sizeof("GET /next HTTP/1.1\r\n\r\n") - 1);
		assert_memory_equal(rest, "GET /next HTTP/1.1\r\n\r\n", rest_len);
		/* The buffer held the head, the undecided framing and a piece, never the body. */
		if (step == 1) {
			assert_true(peak < 120);
		}
	}
}

static void test_stream_content_length(void **state)
{
	(void) state;
	check_stream("POST /u HTTP/1.1\r\nContent-Length: 300\r\n\r\n"
		"0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
		"0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
		"0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
		"GET /next HTTP/1.1\r\n\r\n",
		"0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
		"0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
		"0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789");
}

static void test_stream_chunked(void **state)
{
	(void) state;
	check_stream("POST /u HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
		"5\r\nhello\r\n1;ext=1\r\n \r\n40\r\n0123456789012345678901234567890123456789012345678901234567890123\r\n"
		"0\r\nX-Sum: 42\r\n\r\nGET /next HTTP/1.1\r\n\r\n",
		"hello 0123456789012345678901234567890123456789012345678901234567890123");
}

static void test_stream_refused_and_limit(void **state)
{
	static const char req[] = "POST /u HTTP/1.1\r\nContent-Length: 10\r\n\r\n0123456789";
	static const char big[] = "POST /u HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
		"10\r\n0123456789abcdef\r\n10\r\n0123456789abcdef\r\n10\r\n0123456789abcdef\r\n0\r\n\r\n";
	tasksrv_http_limits_t lim = { .max_body = 40 };
	tasksrv_http_parser_t p;
	sink_t s = {0};
	char buf[256];
	size_t peak, rest_len;
	char rest[64];

	(void) state;
	s.refuse = 1;
	assert_int_equal(feed(req, sizeof(req) - 1, 5, &s, &peak, rest, &rest_len), TASKSRV_HTTP_ERROR);
	/* The body limit counts what was passed on. */
	memset(&s, 0, sizeof(s));
	tasksrv_http_parser_init(&p, &lim);
	p.on_head = on_head;
	p.on_body = on_body;
	p.cb_ctx = &s;
	memcpy(buf, big, sizeof(big) - 1);
	assert_int_equal(tasksrv_http_parser_execute(&p, buf, sizeof(big) - 1), TASKSRV_HTTP_ERROR);
	assert_int_equal(p.status, 413);
	tasksrv_http_parser_free(&p);
}
/* }}} */

static int setup(void **state)
{
	(void) state;
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void) state;
	return rmdir(tmpdir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_upload_pieces),
		cmocka_unit_test(test_upload_cut_short),
		cmocka_unit_test(test_upload_max_filesize),
		cmocka_unit_test(test_upload_malformed),
		cmocka_unit_test(test_digest_damaged),
		cmocka_unit_test(test_adopt_and_sweep),
		cmocka_unit_test(test_stream_content_length),
		cmocka_unit_test(test_stream_chunked),
		cmocka_unit_test(test_stream_refused_and_limit),
	};

	return cmocka_run_group_tests_name("http_upload", tests, setup, teardown);
}
