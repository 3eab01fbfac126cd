/* Unit tests of the HTTP/1.1 request parser (src/core/http_parser.c), cmocka. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "http_parser.h"

/* The parser writes into the request (names lower-cased, chunks moved): a copy. */
typedef struct {
	tasksrv_http_parser_t p;
	char *buf;
	size_t len;
} fixture_t;

static int parse_all(fixture_t *f, const char *req, size_t len, const tasksrv_http_limits_t *limits)
{
	tasksrv_http_parser_init(&f->p, limits);
	f->buf = malloc(len + 1);
	memcpy(f->buf, req, len);
	f->len = len;
	return tasksrv_http_parser_execute(&f->p, f->buf, len);
}

/* Feeds the request a byte at a time, as the slowest client would send it: every
 * call but the last must ask for more (or CONTINUE). */
static int parse_bytewise(fixture_t *f, const char *req, size_t len)
{
	size_t i;
	int rc = TASKSRV_HTTP_NEED_MORE;

	tasksrv_http_parser_init(&f->p, NULL);
	f->buf = malloc(len + 1);
	f->len = len;
	for (i = 1; i <= len; i++) {
		f->buf[i - 1] = req[i - 1];
		rc = tasksrv_http_parser_execute(&f->p, f->buf, i);
		if (rc == TASKSRV_HTTP_ERROR || rc == TASKSRV_HTTP_REQUEST) {
			break;
		}
	}
	return rc;
}

static void done(fixture_t *f)
{
	tasksrv_http_parser_free(&f->p);
	free(f->buf);
}

#define S(f, span) ((int) (span).len), ((f)->buf + (span).off)

static int span_is(fixture_t *f, tasksrv_http_span_t s, const char *want)
{
	return s.len == strlen(want) && memcmp(f->buf + s.off, want, s.len) == 0;
}

static const char *header(fixture_t *f, const char *name, char *out, size_t n)
{
	const tasksrv_http_header_t *h = tasksrv_http_parser_header(&f->p, f->buf, name);

	if (!h) {
		return NULL;
	}
	snprintf(out, n, "%.*s", S(f, h->value));
	return out;
}

static void test_simple_get(void **state)
{
	static const char req[] = "GET /a/b?x=1&y=2 HTTP/1.1\r\nHost: example.com\r\nX-Mixed-Case:  v a l  \r\n\r\n";
	fixture_t f;
	char v[64];

	assert_int_equal(parse_all(&f, req, sizeof(req) - 1, NULL), TASKSRV_HTTP_REQUEST);
	assert_int_equal(f.p.length, sizeof(req) - 1);
	assert_int_equal(f.p.method, TASKSRV_HTTP_GET);
	assert_true(span_is(&f, f.p.method_name, "GET"));
	assert_true(span_is(&f, f.p.uri, "/a/b?x=1&y=2"));
	assert_true(span_is(&f, f.p.path, "/a/b"));
	assert_true(span_is(&f, f.p.query, "x=1&y=2"));
	assert_int_equal(f.p.version, 11);
	assert_int_equal(f.p.keep_alive, 1);
	assert_int_equal(f.p.nheaders, 2);
	assert_true(span_is(&f, f.p.headers[1].name, "x-mixed-case"));
	assert_string_equal(header(&f, "x-mixed-case", v, sizeof(v)), "v a l");
	assert_string_equal(header(&f, "host", v, sizeof(v)), "example.com");
	assert_int_equal(f.p.body.len, 0);
	done(&f);
}

static void test_bare_lf_and_leading_crlf(void **state)
{
	static const char req[] = "\r\n\r\nGET / HTTP/1.1\nHost: x\n\n";
	fixture_t f;

	assert_int_equal(parse_all(&f, req, sizeof(req) - 1, NULL), TASKSRV_HTTP_REQUEST);
	assert_true(span_is(&f, f.p.uri, "/"));
	assert_int_equal(f.p.nheaders, 1);
	done(&f);
}

static void test_absolute_form(void **state)
{
	static const char req[] = "GET http://example.com:8080/p?q HTTP/1.1\r\n\r\n";
	fixture_t f;

	assert_int_equal(parse_all(&f, req, sizeof(req) - 1, NULL), TASKSRV_HTTP_REQUEST);
	assert_true(span_is(&f, f.p.path, "/p"));
	assert_true(span_is(&f, f.p.query, "q"));
	done(&f);
}

static void test_keep_alive_rules(void **state)
{
	static const struct {
		const char *req;
		int keep_alive;
	} cases[] = {
		{ "GET / HTTP/1.1\r\n\r\n", 1 },
		{ "GET / HTTP/1.1\r\nConnection: close\r\n\r\n", 0 },
		{ "GET / HTTP/1.1\r\nConnection: Upgrade, CLOSE\r\n\r\n", 0 },
		{ "GET / HTTP/1.0\r\n\r\n", 0 },
		{ "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", 1 },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		fixture_t f;

		assert_int_equal(parse_all(&f, cases[i].req, strlen(cases[i].req), NULL), TASKSRV_HTTP_REQUEST);
		assert_int_equal(f.p.keep_alive, cases[i].keep_alive);
		done(&f);
	}
}

static void test_content_length_body(void **state)
{
	static const char req[] = "POST /f HTTP/1.1\r\nContent-Length: 11\r\n\r\nhello world";
	fixture_t f;

	tasksrv_http_parser_init(&f.p, NULL);
	f.buf = strdup(req);
	assert_int_equal(tasksrv_http_parser_execute(&f.p, f.buf, sizeof(req) - 2), TASKSRV_HTTP_NEED_MORE);
	assert_int_equal(tasksrv_http_parser_execute(&f.p, f.buf, sizeof(req) - 1), TASKSRV_HTTP_REQUEST);
	assert_int_equal(f.p.method, TASKSRV_HTTP_POST);
	assert_int_equal(f.p.content_length, 11);
	assert_true(span_is(&f, f.p.body, "hello world"));
	done(&f);
}

static void test_chunked_with_trailers(void **state)
{
	static const char req[] = "POST / HTTP/1.1\r\nTransfer-Encoding: Chunked\r\n\r\n"
		"5;ext=1\r\nhello\r\n6\r\n world\r\n00000\r\nX-Sum: 42\r\nX-Other: y\r\n\r\n";
	fixture_t f;
	int i;

	assert_int_equal(parse_all(&f, req, sizeof(req) - 1, NULL), TASKSRV_HTTP_REQUEST);
	assert_int_equal(f.p.length, sizeof(req) - 1);
	assert_int_equal(f.p.chunked, 1);
	assert_true(span_is(&f, f.p.body, "hello world"));
	assert_int_equal(f.p.ntrailers, 2);
	i = f.p.nheaders - 2;
	assert_true(span_is(&f, f.p.headers[i].name, "x-sum"));
	assert_true(span_is(&f, f.p.headers[i].value, "42"));
	/* trailers are not headers */
	assert_null(tasksrv_http_parser_header(&f.p, f.buf, "x-sum"));
	done(&f);
}

static void test_bytewise_equals_whole(void **state)
{
	static const char *reqs[] = {
		"GET /x?y HTTP/1.1\r\nHost: a\r\nCookie: a=1; b=2\r\n\r\n",
		"POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc",
		"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n10\r\n0123456789abcdef\r\n0\r\nT: 1\r\n\r\n",
	};
	size_t i;

	for (i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++) {
		fixture_t whole, bytes;

		assert_int_equal(parse_all(&whole, reqs[i], strlen(reqs[i]), NULL), TASKSRV_HTTP_REQUEST);
		assert_int_equal(parse_bytewise(&bytes, reqs[i], strlen(reqs[i])), TASKSRV_HTTP_REQUEST);
		assert_int_equal(whole.p.length, bytes.p.length);
		assert_int_equal(whole.p.nheaders, bytes.p.nheaders);
		assert_int_equal(whole.p.body.len, bytes.p.body.len);
		assert_memory_equal(whole.buf + whole.p.body.off, bytes.buf + bytes.p.body.off, whole.p.body.len);
		done(&whole);
		done(&bytes);
	}
}

static void test_pipelining(void **state)
{
	static const char reqs[] = "GET /1 HTTP/1.1\r\n\r\n"
		"POST /2 HTTP/1.1\r\nContent-Length: 2\r\n\r\nab"
		"GET /3 HTTP/1.1\r\nConnection: close\r\n\r\n";
	static const char *paths[] = { "/1", "/2", "/3" };
	fixture_t f;
	size_t off = 0;
	int i;

	tasksrv_http_parser_init(&f.p, NULL);
	f.buf = malloc(sizeof(reqs));
	memcpy(f.buf, reqs, sizeof(reqs));
	for (i = 0; i < 3; i++) {
		char *at = f.buf + off;

		assert_int_equal(tasksrv_http_parser_execute(&f.p, at, sizeof(reqs) - 1 - off), TASKSRV_HTTP_REQUEST);
		assert_int_equal(f.p.path.len, 2);
		assert_memory_equal(at + f.p.path.off, paths[i], 2);
		assert_int_equal(f.p.keep_alive, i < 2);
		off += f.p.length;
		tasksrv_http_parser_reset(&f.p);
	}
	assert_int_equal(off, sizeof(reqs) - 1);
	assert_int_equal(tasksrv_http_parser_execute(&f.p, f.buf + off, 0), TASKSRV_HTTP_NEED_MORE);
	done(&f);
}

static void test_expect_continue(void **state)
{
	static const char head[] = "PUT /u HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n";
	char buf[sizeof(head) + 4];
	tasksrv_http_parser_t p;

	memcpy(buf, head, sizeof(head) - 1);
	memcpy(buf + sizeof(head) - 1, "data", 4);
	tasksrv_http_parser_init(&p, NULL);
	assert_int_equal(tasksrv_http_parser_execute(&p, buf, sizeof(head) - 1), TASKSRV_HTTP_CONTINUE);
	assert_int_equal(p.expect_continue, 1);
	assert_int_equal(tasksrv_http_parser_execute(&p, buf, sizeof(head) - 1), TASKSRV_HTTP_NEED_MORE);
	assert_int_equal(tasksrv_http_parser_execute(&p, buf, sizeof(buf)), TASKSRV_HTTP_REQUEST);
	assert_int_equal(p.body.len, 4);
	tasksrv_http_parser_free(&p);
}

/* Each bad input and the status it must get. */
static void test_errors(void **state)
{
	static const struct {
		const char *req;
		size_t len; /* 0: strlen */
		int status;
	} cases[] = {
		{ "GET\r\n\r\n", 0, 400 },
		{ "GET / HTTP/1.1 \r\n\r\n", 0, 400 },
		{ "GET  / HTTP/1.1\r\n\r\n", 0, 400 },
		{ "G(T / HTTP/1.1\r\n\r\n", 0, 400 },
		{ "GET / FTP/1.1\r\n\r\n", 0, 400 },
		{ "GET / HTTP/2.0\r\n\r\n", 0, 505 },
		{ "GET /\0 HTTP/1.1\r\n\r\n", 20, 400 },
		{ "GET /\r HTTP/1.1\r\n\r\n", 0, 400 },
		{ "GET / HTTP/1.1\rX\n\r\n", 0, 400 },
		{ "GET / HTTP/1.1\r\nA: b\0c\r\n\r\n", 25, 400 },
		{ "GET / HTTP/1.1\r\nA: b\rc\r\n\r\n", 0, 400 },
		{ "GET / HTTP/1.1\r\nA : b\r\n\r\n", 0, 400 },
		{ "GET / HTTP/1.1\r\n folded\r\n\r\n", 0, 400 },
		{ "GET / HTTP/1.1\r\nNoColon\r\n\r\n", 0, 400 },
		{ "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 0, 400 },
		{ "POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n", 0, 400 },
		{ "POST / HTTP/1.1\r\nContent-Length: \r\n\r\n", 0, 400 },
		{ "POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n", 0, 400 },
		{ "POST / HTTP/1.1\r\nContent-Length: 1, 1\r\n\r\n", 0, 400 },
		{ "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 0, 400 },
		{ "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", 0, 400 },
		{ "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n", 0, 400 },
		{ "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", 0, 400 },
		{ "POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 0, 501 },
		{ "POST / HTTP/1.1\r\nTransfer-Encoding: identity\r\n\r\n", 0, 501 },
		{ "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 0, 400 },
		{ "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n", 0, 400 },
		{ "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n10000000000000000\r\n", 0, 400 },
		{ "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n", 0, 400 },
		{ "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n\r\n", 0, 400 },
		{ "POST / HTTP/1.1\r\nContent-Length: 2097153\r\n\r\n", 0, 413 },
		{ "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n200001\r\n", 0, 413 },
		{ "GET / HTTP/1.1\r\nExpect: 200-ok\r\n\r\n", 0, 417 },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t len = cases[i].len ? cases[i].len : strlen(cases[i].req);
		fixture_t f;
		int rc = parse_all(&f, cases[i].req, len, NULL);

		if (rc != TASKSRV_HTTP_ERROR || f.p.status != cases[i].status) {
			fail_msg("case %zu (%s): rc %d status %d", i, cases[i].req, rc, f.p.status);
		}
		assert_non_null(f.p.error);
		done(&f);
	}
}

static void test_header_limits(void **state)
{
	tasksrv_http_limits_t limits = { .max_header_size = 256, .max_headers = 4 };
	char req[1024];
	fixture_t f;

	/* too many */
	strcpy(req, "GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nE: 5\r\n\r\n");
	assert_int_equal(parse_all(&f, req, strlen(req), &limits), TASKSRV_HTTP_ERROR);
	assert_int_equal(f.p.status, 431);
	done(&f);
	/* too large, complete */
	snprintf(req, sizeof(req), "GET / HTTP/1.1\r\nA: %0300d\r\n\r\n", 0);
	assert_int_equal(parse_all(&f, req, strlen(req), &limits), TASKSRV_HTTP_ERROR);
	assert_int_equal(f.p.status, 431);
	done(&f);
	/* too large, still arriving (no line end yet): refused before the end */
	snprintf(req, sizeof(req), "GET / HTTP/1.1\r\nA: %0300d", 0);
	assert_int_equal(parse_all(&f, req, strlen(req), &limits), TASKSRV_HTTP_ERROR);
	assert_int_equal(f.p.status, 431);
	done(&f);
	/* a request line over the limit */
	snprintf(req, sizeof(req), "GET /%0300d", 0);
	assert_int_equal(parse_all(&f, req, strlen(req), &limits), TASKSRV_HTTP_ERROR);
	assert_int_equal(f.p.status, 414);
	done(&f);
	/* exactly at the limit: fine */
	snprintf(req, sizeof(req), "GET / HTTP/1.1\r\nA: %0*d\r\n\r\n", 256 - 16 - 3 - 2 - 2, 0);
	assert_int_equal(strlen(req), 256);
	assert_int_equal(parse_all(&f, req, strlen(req), &limits), TASKSRV_HTTP_REQUEST);
	done(&f);
}

static void test_body_limit(void **state)
{
	tasksrv_http_limits_t limits = { .max_body = 10 };
	static const char ok[] = "POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n0123456789";
	static const char big[] = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n01234\r\n6\r\n";
	fixture_t f;

	assert_int_equal(parse_all(&f, ok, sizeof(ok) - 1, &limits), TASKSRV_HTTP_REQUEST);
	done(&f);
	assert_int_equal(parse_all(&f, big, sizeof(big) - 1, &limits), TASKSRV_HTTP_ERROR);
	assert_int_equal(f.p.status, 413);
	done(&f);
}

/* 1-byte chunks with long extensions: the raw body is bounded, not only the decoded one. */
static void test_chunk_overhead_limit(void **state)
{
	tasksrv_http_limits_t limits = { .max_body = 4096 };
	char ext[600], *req = malloc(1 << 20);
	fixture_t f;
	size_t len;
	int i;

	memset(ext, 'e', sizeof(ext) - 1);
	ext[sizeof(ext) - 1] = '\0';
	len = (size_t) sprintf(req, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n");
	for (i = 0; i < 100; i++) {
		len += (size_t) sprintf(req + len, "1;%s\r\nx\r\n", ext);
	}
	assert_int_equal(parse_all(&f, req, len, &limits), TASKSRV_HTTP_ERROR);
	assert_int_equal(f.p.status, 413);
	done(&f);
	free(req);
}

static void test_multipart(void **state)
{
	static const char ctype[] = "multipart/form-data; charset=utf-8; boundary=\"----xyz\"";
	static const char body[] = "preamble\r\n------xyz\r\n"
		"Content-Disposition: form-data; name=\"field\"\r\n\r\n"
		"value\r\n------xyz\r\n"
		"Content-Disposition: form-data; name=\"up\"; filename=\"a.txt\"\r\n"
		"Content-Type: text/plain\r\n\r\n"
		"line1\r\nline2\r\n\r\n------xyz--\r\n";
	const char *b;
	size_t blen, pos = 0;
	tasksrv_http_part_t part;

	assert_int_equal(tasksrv_http_parser_boundary(ctype, sizeof(ctype) - 1, &b, &blen), 0);
	assert_int_equal(blen, 7);
	assert_memory_equal(b, "----xyz", 7);
	assert_int_equal(tasksrv_http_parser_multipart_next(body, sizeof(body) - 1, b, blen, &pos, &part), 1);
	assert_int_equal(part.name_len, 5);
	assert_memory_equal(part.name, "field", 5);
	assert_null(part.filename);
	assert_int_equal(part.data_len, 5);
	assert_memory_equal(part.data, "value", 5);
	assert_int_equal(tasksrv_http_parser_multipart_next(body, sizeof(body) - 1, b, blen, &pos, &part), 1);
	assert_int_equal(part.filename_len, 5);
	assert_memory_equal(part.filename, "a.txt", 5);
	assert_int_equal(part.type_len, 10);
	assert_int_equal(part.data_len, 14);
	assert_memory_equal(part.data, "line1\r\nline2\r\n", 14);
	assert_int_equal(tasksrv_http_parser_multipart_next(body, sizeof(body) - 1, b, blen, &pos, &part), 0);

	pos = 0;
	assert_int_equal(tasksrv_http_parser_multipart_next("no delimiter", 12, b, blen, &pos, &part), -1);
	assert_int_equal(tasksrv_http_parser_boundary("text/plain; boundary=x", 22, &b, &blen), -1);
}

static void test_reasons(void **state)
{
	assert_string_equal(tasksrv_http_parser_reason(200), "OK");
	assert_string_equal(tasksrv_http_parser_reason(431), "Request Header Fields Too Large");
	assert_null(tasksrv_http_parser_reason(299));
	assert_null(tasksrv_http_parser_reason(1000));
	assert_null(tasksrv_http_parser_reason(-1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simple_get),
		cmocka_unit_test(test_bare_lf_and_leading_crlf),
		cmocka_unit_test(test_absolute_form),
		cmocka_unit_test(test_keep_alive_rules),
		cmocka_unit_test(test_content_length_body),
		cmocka_unit_test(test_chunked_with_trailers),
		cmocka_unit_test(test_bytewise_equals_whole),
		cmocka_unit_test(test_pipelining),
		cmocka_unit_test(test_expect_continue),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_header_limits),
		cmocka_unit_test(test_body_limit),
		cmocka_unit_test(test_chunk_overhead_limit),
		cmocka_unit_test(test_multipart),
		cmocka_unit_test(test_reasons),
	};

	return cmocka_run_group_tests_name("http_parser", tests, NULL, NULL);
}
