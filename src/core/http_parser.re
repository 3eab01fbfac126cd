/* tasksrv: an incremental HTTP/1.1 request parser (see http_parser.h).
 *
 * This is re2c's source; http_parser.c is generated from it (src/core/Makefile does it
 * when re2c is there; tests/http/parser_re2c.phpt says whether the committed .c is
 * current) and committed, so a tarball builds without re2c.
 *
 * re2c scans one complete line at a time, and every rule stops at the first '\n':
 * the '\n' that ends the line is the sentinel, so the scanners need no bounds checks
 * and never read past it. Lines are found with memchr(), from where the last call
 * stopped, so each byte is looked at a bounded number of times however the bytes
 * are cut into reads. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem() */
#endif
#include "http_parser.h"

#include <stdlib.h>
#include <string.h>

#define DEFAULT_MAX_HEADER_SIZE (64 * 1024)
#define DEFAULT_MAX_BODY (2 * 1024 * 1024)
#define DEFAULT_MAX_HEADERS 100
/* A chunk-size line (size, extensions) longer than this is not one. */
#define MAX_CHUNK_LINE 1024

enum state {
	S_LINE = 0,     /* the request line (empty lines before it are skipped) */
	S_HEADERS,
	S_BODY,         /* Content-Length bytes */
	S_CHUNK_SIZE,
	S_CHUNK_DATA,
	S_CHUNK_END,    /* the CRLF after a chunk's data */
	S_TRAILERS,
	S_DONE
};

typedef unsigned char uchar;

enum line_rc {
	L_BAD = -1,
	L_ITEM = 0,     /* a request line, a header, a chunk size */
	L_EMPTY = 1     /* an empty line */
};

/* What a scanner found in one line, as pointers into it. */
typedef struct {
	const uchar *a1, *a2; /* request line: method; header: name; chunk line: the hex digits */
	const uchar *b1, *b2; /* request line: target; header: value (untrimmed) */
	const uchar *v;       /* request line: the major version digit */
} line_t;

/*!re2c
	re2c:define:YYCTYPE = "unsigned char";
	re2c:yyfill:enable = 0;
	re2c:flags:tags = 1;

	tchar = [-!#$%&'*+.^_`|~0-9A-Za-z];
	token = tchar+;
	target = [\x21-\x7e\x80-\xff]+;
	vchar = [\t\x20-\x7e\x80-\xff];
	eol = "\r"? "\n";
*/

/* method SP request-target SP HTTP/d.d (CR)LF */
static int scan_request_line(const uchar *YYCURSOR, line_t *l)
{
	const uchar *YYMARKER, *a1, *a2, *b1, *b2, *v;
	/*!stags:re2c:request_line format = 'const uchar *@@;\n'; */

	/*!re2c:request_line
		@a1 token @a2 " " @b1 target @b2 " HTTP/" @v [0-9] "." [0-9] eol {
			l->a1 = a1; l->a2 = a2; l->b1 = b1; l->b2 = b2; l->v = v;
			return L_ITEM;
		}
		eol { return L_EMPTY; }
		* { return L_BAD; }
	*/
}

/* name ":" OWS value OWS (CR)LF, or the empty line that ends the block. A line that
 * starts with a space (obs-fold) is refused, as are control bytes other than HTAB. */
static int scan_header_line(const uchar *YYCURSOR, line_t *l)
{
	const uchar *YYMARKER, *a1, *a2, *b1, *b2;
	/*!stags:re2c:header_line format = 'const uchar *@@;\n'; */

	/*!re2c:header_line
		@a1 token @a2 ":" @b1 vchar* @b2 eol {
			l->a1 = a1; l->a2 = a2; l->b1 = b1; l->b2 = b2;
			return L_ITEM;
		}
		eol { return L_EMPTY; }
		* { return L_BAD; }
	*/
}

/* chunk-size [ chunk-ext ] (CR)LF */
static int scan_chunk_line(const uchar *YYCURSOR, line_t *l)
{
	const uchar *YYMARKER, *a1, *a2;
	/*!stags:re2c:chunk_line format = 'const uchar *@@;\n'; */

	/*!re2c:chunk_line
		@a1 [0-9a-fA-F]+ @a2 [ \t]* (";" vchar*)? eol {
			l->a1 = a1; l->a2 = a2;
			return L_ITEM;
		}
		eol { return L_EMPTY; }
		* { return L_BAD; }
	*/
}

static int fail(tasksrv_http_parser_t *p, int status, const char *why)
{
	p->status = status;
	p->error = why;
	return TASKSRV_HTTP_ERROR;
}

static tasksrv_http_span_t span(const char *data, const uchar *a, const uchar *b)
{
	tasksrv_http_span_t s = { (uint32_t) ((const char *) a - data), (uint32_t) (b - a) };

	return s;
}

void tasksrv_http_parser_init(tasksrv_http_parser_t *p, const tasksrv_http_limits_t *limits)
{
	memset(p, 0, sizeof(*p));
	if (limits) {
		p->limits = *limits;
	}
	if (p->limits.max_header_size == 0) {
		p->limits.max_header_size = DEFAULT_MAX_HEADER_SIZE;
	}
	if (p->limits.max_header_size > UINT32_MAX / 2) {
		p->limits.max_header_size = UINT32_MAX / 2;
	}
	if (p->limits.max_body == 0) {
		p->limits.max_body = DEFAULT_MAX_BODY;
	}
	if (p->limits.max_body > UINT32_MAX / 2) {
		p->limits.max_body = UINT32_MAX / 2;
	}
	if (p->limits.max_headers <= 0) {
		p->limits.max_headers = DEFAULT_MAX_HEADERS;
	}
	p->content_length = -1;
}

void tasksrv_http_parser_reset(tasksrv_http_parser_t *p)
{
	tasksrv_http_limits_t limits = p->limits;
	tasksrv_http_header_t *headers = p->headers;
	int cap = p->header_cap;
	int (*on_head)(void *, tasksrv_http_parser_t *, const char *) = p->on_head;
	int (*on_body)(void *, const char *, size_t) = p->on_body;
	void *ctx = p->cb_ctx;

	tasksrv_http_parser_init(p, &limits);
	p->headers = headers;
	p->header_cap = cap;
	p->on_head = on_head;
	p->on_body = on_body;
	p->cb_ctx = ctx;
}

void tasksrv_http_parser_free(tasksrv_http_parser_t *p)
{
	free(p->headers);
	p->headers = NULL;
	p->header_cap = 0;
}

static int method_of(const char *m, size_t n)
{
	static const struct {
		const char *name;
		size_t len;
		int method;
	} methods[] = {
		{ "GET", 3, TASKSRV_HTTP_GET },
		{ "POST", 4, TASKSRV_HTTP_POST },
		{ "HEAD", 4, TASKSRV_HTTP_HEAD },
		{ "PUT", 3, TASKSRV_HTTP_PUT },
		{ "DELETE", 6, TASKSRV_HTTP_DELETE },
		{ "OPTIONS", 7, TASKSRV_HTTP_OPTIONS },
		{ "PATCH", 5, TASKSRV_HTTP_PATCH },
	};
	size_t i;

	for (i = 0; i < sizeof(methods) / sizeof(methods[0]); i++) {
		if (n == methods[i].len && memcmp(m, methods[i].name, n) == 0) {
			return methods[i].method;
		}
	}
	return TASKSRV_HTTP_OTHER;
}

/* path and query of the target; an absolute-form target ("http://host/x") has its
 * scheme and authority left out of path. */
static void split_target(tasksrv_http_parser_t *p, const char *data)
{
	const char *t = data + p->uri.off, *end = t + p->uri.len, *path = t, *q;

	if (*t != '/' && *t != '*') {
		const char *scheme = memchr(t, ':', (size_t) (end - t));

		if (scheme && end - scheme > 2 && scheme[1] == '/' && scheme[2] == '/') {
			path = memchr(scheme + 3, '/', (size_t) (end - scheme - 3));
			if (!path) {
				path = end;
			}
		}
	}
	q = memchr(path, '?', (size_t) (end - path));
	p->path.off = (uint32_t) (path - data);
	p->path.len = (uint32_t) ((q ? q : end) - path);
	p->query.off = (uint32_t) (q ? q + 1 - data : end - data);
	p->query.len = (uint32_t) (q ? end - q - 1 : 0);
}

static int on_request_line(tasksrv_http_parser_t *p, const char *data, const line_t *l)
{
	int major = l->v[0] - '0', minor = l->v[2] - '0';

	if (major != 1) {
		return fail(p, 505, "HTTP version not supported");
	}
	p->version = minor == 0 ? 10 : 11;
	p->keep_alive = p->version == 11;
	p->method_name = span(data, l->a1, l->a2);
	p->method = method_of((const char *) l->a1, (size_t) (l->a2 - l->a1));
	p->uri = span(data, l->b1, l->b2);
	split_target(p, data);
	return 0;
}

static int eq_nocase(const char *a, size_t n, const char *lower)
{
	size_t i;

	if (strlen(lower) != n) {
		return 0;
	}
	for (i = 0; i < n; i++) {
		char c = a[i];

		if (c >= 'A' && c <= 'Z') {
			c = (char) (c - 'A' + 'a');
		}
		if (c != lower[i]) {
			return 0;
		}
	}
	return 1;
}

/* Content-Length: digits only (so no sign), no overflow, the same value when repeated. */
static int on_content_length(tasksrv_http_parser_t *p, const char *v, size_t n)
{
	int64_t cl = 0;
	size_t i;

	if (n == 0) {
		return fail(p, 400, "empty Content-Length");
	}
	for (i = 0; i < n; i++) {
		if (v[i] < '0' || v[i] > '9') {
			return fail(p, 400, "Content-Length is not a number");
		}
		if (cl > (INT64_MAX - 9) / 10) {
			return fail(p, 400, "Content-Length overflows");
		}
		cl = cl * 10 + (v[i] - '0');
	}
	if (p->content_length >= 0 && p->content_length != cl) {
		return fail(p, 400, "two different Content-Length headers");
	}
	p->content_length = cl;
	return 0;
}

static int on_transfer_encoding(tasksrv_http_parser_t *p, const char *v, size_t n)
{
	if (p->chunked) {
		return fail(p, 400, "Transfer-Encoding repeated");
	}
	if (!eq_nocase(v, n, "chunked")) {
		return fail(p, 501, "transfer coding not supported (only chunked)");
	}
	p->chunked = 1;
	return 0;
}

/* Connection: a comma-separated list of tokens; close and keep-alive matter. */
static void on_connection(tasksrv_http_parser_t *p, const char *v, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t start, end;

		while (i < n && (v[i] == ' ' || v[i] == '\t' || v[i] == ',')) {
			i++;
		}
		start = i;
		while (i < n && v[i] != ',') {
			i++;
		}
		end = i;
		while (end > start && (v[end - 1] == ' ' || v[end - 1] == '\t')) {
			end--;
		}
		if (eq_nocase(v + start, end - start, "close")) {
			p->keep_alive = 0;
			return;
		}
		if (eq_nocase(v + start, end - start, "keep-alive")) {
			p->keep_alive = 1;
		}
	}
}

static int on_expect(tasksrv_http_parser_t *p, const char *v, size_t n)
{
	if (!eq_nocase(v, n, "100-continue")) {
		return fail(p, 417, "unknown expectation");
	}
	p->expect_continue = p->version == 11;
	return 0;
}

/* Headers that decide the framing or the connection's fate. */
static int on_header(tasksrv_http_parser_t *p, const char *data, const tasksrv_http_header_t *h)
{
	const char *name = data + h->name.off, *v = data + h->value.off;
	size_t n = h->value.len;

	switch (h->name.len) {
		case 6:
			if (memcmp(name, "expect", 6) == 0) {
				return on_expect(p, v, n);
			}
			break;
		case 10:
			if (memcmp(name, "connection", 10) == 0) {
				on_connection(p, v, n);
			}
			break;
		case 14:
			if (memcmp(name, "content-length", 14) == 0) {
				return on_content_length(p, v, n);
			}
			break;
		case 17:
			if (memcmp(name, "transfer-encoding", 17) == 0) {
				return on_transfer_encoding(p, v, n);
			}
			break;
	}
	return 0;
}

/* Stores a header (or trailer) line: name lower-cased in place, value trimmed. */
static int add_header(tasksrv_http_parser_t *p, char *data, const line_t *l, int trailer)
{
	tasksrv_http_header_t *h;
	const uchar *b1 = l->b1, *b2 = l->b2;
	char *c;

	if (p->nheaders >= p->limits.max_headers) {
		return fail(p, 431, "too many header lines");
	}
	if (p->nheaders == p->header_cap) {
		int cap = p->header_cap ? p->header_cap * 2 : 16;
		tasksrv_http_header_t *grown;

		if (cap > p->limits.max_headers) {
			cap = p->limits.max_headers;
		}
		grown = realloc(p->headers, (size_t) cap * sizeof(*grown));
		if (!grown) {
			return fail(p, 500, "out of memory");
		}
		p->headers = grown;
		p->header_cap = cap;
	}
	while (b1 < b2 && (*b1 == ' ' || *b1 == '\t')) {
		b1++;
	}
	while (b2 > b1 && (b2[-1] == ' ' || b2[-1] == '\t')) {
		b2--;
	}
	h = &p->headers[p->nheaders++];
	h->name = span(data, l->a1, l->a2);
	h->value = span(data, b1, b2);
	for (c = data + h->name.off; c < data + h->name.off + h->name.len; c++) {
		if (*c >= 'A' && *c <= 'Z') {
			*c = (char) (*c - 'A' + 'a');
		}
	}
	if (trailer) {
		p->ntrailers++;
		return 0;
	}
	return on_header(p, data, h);
}

/* After the empty line of the header block: how the body is framed. */
static int on_headers_end(tasksrv_http_parser_t *p, const char *data, size_t len)
{
	p->head_end = p->pos;
	p->body.off = (uint32_t) p->pos;
	if (p->chunked) {
		if (p->content_length >= 0) {
			return fail(p, 400, "both Content-Length and Transfer-Encoding");
		}
		p->state = S_CHUNK_SIZE;
	} else if (p->content_length > 0) {
		if ((uint64_t) p->content_length > p->limits.max_body) {
			return fail(p, 413, "Content-Length over the limit");
		}
		p->state = S_BODY;
	} else {
		p->state = S_DONE;
		return 0;
	}
	if (p->on_head && p->on_body && p->on_head(p->cb_ctx, p, data) == 1) {
		p->streaming = 1;
	}
	if (p->expect_continue && !p->continue_sent && len == p->pos) {
		p->continue_sent = 1;
		return TASKSRV_HTTP_CONTINUE;
	}
	return 0;
}

static int on_chunk_size(tasksrv_http_parser_t *p, const line_t *l)
{
	const uchar *d = l->a1;
	uint64_t size = 0;

	while (d < l->a2 - 1 && *d == '0') {
		d++;
	}
	if (l->a2 - d > 15) {
		return fail(p, 400, "chunk size overflows");
	}
	for (; d < l->a2; d++) {
		int x = *d <= '9' ? *d - '0' : (*d | 0x20) - 'a' + 10;

		size = size * 16 + (uint64_t) x;
	}
	if (size > p->limits.max_body - p->body.len - p->streamed) {
		return fail(p, 413, "chunked body over the limit");
	}
	if (size == 0) {
		p->state = S_TRAILERS;
		p->head_end = p->pos;  /* from here: trailer bytes, bounded as headers are */
		return 0;
	}
	p->chunk_left = (size_t) size;
	p->state = S_CHUNK_DATA;
	return 0;
}

/* One complete line, [line, end) with end just after its '\n'. */
static int on_line(tasksrv_http_parser_t *p, char *data, size_t len, const uchar *line)
{
	line_t l;
	int rc;

	switch (p->state) {
		case S_LINE:
			rc = scan_request_line(line, &l);
			if (rc == L_EMPTY) {
				return 0;
			}
			if (rc == L_BAD) {
				return fail(p, 400, "malformed request line");
			}
			if (on_request_line(p, data, &l) < 0) {
				return TASKSRV_HTTP_ERROR;
			}
			p->state = S_HEADERS;
			return 0;
		case S_HEADERS:
		case S_TRAILERS:
			rc = scan_header_line(line, &l);
			if (rc == L_BAD) {
				return fail(p, 400, "malformed header line");
			}
			if (rc == L_ITEM) {
				return add_header(p, data, &l, p->state == S_TRAILERS);
			}
			if (p->state == S_TRAILERS) {
				p->state = S_DONE;
				return 0;
			}
			return on_headers_end(p, data, len);
		case S_CHUNK_SIZE:
			if (scan_chunk_line(line, &l) != L_ITEM) {
				return fail(p, 400, "malformed chunk size");
			}
			return on_chunk_size(p, &l);
		case S_CHUNK_END:
			if (scan_chunk_line(line, &l) != L_EMPTY) {
				return fail(p, 400, "chunk data longer than its size");
			}
			p->state = S_CHUNK_SIZE;
			return 0;
	}
	return fail(p, 500, "parser state");
}

/* How many bytes a line may still take in the current state before it is too long. */
static int line_too_long(tasksrv_http_parser_t *p, size_t end)
{
	switch (p->state) {
		case S_LINE:
			if (end > p->limits.max_header_size) {
				return fail(p, 414, "request line too long");
			}
			break;
		case S_HEADERS:
			if (end > p->limits.max_header_size) {
				return fail(p, 431, "header block too large");
			}
			break;
		case S_TRAILERS:
			if (end - p->head_end > p->limits.max_header_size) {
				return fail(p, 431, "trailers too large");
			}
			break;
		default:
			if (end - p->pos > MAX_CHUNK_LINE) {
				return fail(p, 400, "chunk size line too long");
			}
			/* Tiny chunks with long extensions: the raw bytes a body takes are
			 * bounded too, not only the decoded ones (at most twice the limit). */
			if (end - ((size_t) p->body.off + p->body.len) > p->limits.max_body + MAX_CHUNK_LINE) {
				return fail(p, 413, "chunked body framing over the limit");
			}
	}
	return 0;
}

/* A streaming body's next n bytes, at data + p->pos, to on_body. */
static int pass_on(tasksrv_http_parser_t *p, const char *data, size_t n)
{
	if (n > 0 && p->on_body(p->cb_ctx, data + p->pos, n) < 0) {
		return fail(p, 500, "the body could not be taken");
	}
	p->streamed += n;
	return 0;
}

/* A chunk's data: moved down to the end of the body decoded so far (or passed on). */
static int chunk_data(tasksrv_http_parser_t *p, char *data, size_t len)
{
	size_t n = len - p->pos, at = (size_t) p->body.off + p->body.len;

	if (n > p->chunk_left) {
		n = p->chunk_left;
	}
	if (p->streaming) {
		if (pass_on(p, data, n) < 0) {
			return TASKSRV_HTTP_ERROR;
		}
	} else if (at != p->pos) {
		memmove(data + at, data + p->pos, n);
	}
	if (!p->streaming) {
		p->body.len += (uint32_t) n;
	}
	p->pos += n;
	p->chunk_left -= n;
	if (p->chunk_left == 0) {
		p->state = S_CHUNK_END;
	}
	return 0;
}

/* A streaming Content-Length body: what has arrived of it, passed on. Returns 1 when
 * it is all there, else NEED_MORE or ERROR. */
static int body_data(tasksrv_http_parser_t *p, const char *data, size_t len)
{
	size_t n = len - p->pos, left = (size_t) ((uint64_t) p->content_length - p->streamed);

	if (n > left) {
		n = left;
	}
	if (pass_on(p, data, n) < 0) {
		return TASKSRV_HTTP_ERROR;
	}
	p->pos += n;
	if (p->streamed < (uint64_t) p->content_length) {
		return TASKSRV_HTTP_NEED_MORE;
	}
	p->state = S_DONE;
	return 1;
}

size_t tasksrv_http_parser_drop(tasksrv_http_parser_t *p, char *data, size_t len)
{
	/* Kept: the trailers (their spans are in headers[]) and what follows. */
	int trailers = p->state == S_TRAILERS || (p->state == S_DONE && p->chunked);
	size_t from = p->body.off, to = trailers ? p->head_end : p->pos, gone;
	int i;

	if (!p->streaming || to <= from) {
		return 0;
	}
	gone = to - from;
	memmove(data + from, data + to, len - to);
	p->pos -= gone;
	if (trailers) {
		p->head_end -= gone;
		for (i = p->nheaders - p->ntrailers; i < p->nheaders; i++) {
			p->headers[i].name.off -= (uint32_t) gone;
			p->headers[i].value.off -= (uint32_t) gone;
		}
	}
	if (p->state == S_DONE) {
		p->length = p->pos;
	}
	return gone;
}

int tasksrv_http_parser_execute(tasksrv_http_parser_t *p, char *data, size_t len)
{
	while (p->state != S_DONE) {
		const char *nl;
		int rc;

		if (p->state == S_BODY && p->streaming) {
			if ((rc = body_data(p, data, len)) != 1) {
				return rc;
			}
			break;
		}
		if (p->state == S_BODY) {
			if (len - p->head_end < (uint64_t) p->content_length) {
				return TASKSRV_HTTP_NEED_MORE;
			}
			p->body.len = (uint32_t) p->content_length;
			p->pos = p->head_end + (size_t) p->content_length;
			p->state = S_DONE;
			break;
		}
		if (p->state == S_CHUNK_DATA) {
			if (p->pos == len) {
				return TASKSRV_HTTP_NEED_MORE;
			}
			if (chunk_data(p, data, len) < 0) {
				return TASKSRV_HTTP_ERROR;
			}
			continue;
		}
		nl = p->pos < len ? memchr(data + p->pos, '\n', len - p->pos) : NULL;
		if (!nl) {
			return line_too_long(p, len + 1) < 0 ? TASKSRV_HTTP_ERROR : TASKSRV_HTTP_NEED_MORE;
		}
		if (line_too_long(p, (size_t) (nl + 1 - data)) < 0) {
			return TASKSRV_HTTP_ERROR;
		}
		{
			const uchar *line = (const uchar *) data + p->pos;

			p->pos = (size_t) (nl + 1 - data);
			rc = on_line(p, data, len, line);
		}
		if (rc != 0) {
			return rc;
		}
	}
	p->length = p->pos;
	return TASKSRV_HTTP_REQUEST;
}

int tasksrv_http_parser_in_head(const tasksrv_http_parser_t *p)
{
	return p->state == S_LINE || p->state == S_HEADERS;
}

const tasksrv_http_header_t *tasksrv_http_parser_header(const tasksrv_http_parser_t *p, const char *data,
	const char *name)
{
	size_t n = strlen(name);
	int i;

	for (i = 0; i < p->nheaders - p->ntrailers; i++) {
		const tasksrv_http_header_t *h = &p->headers[i];

		if (h->name.len == n && memcmp(data + h->name.off, name, n) == 0) {
			return h;
		}
	}
	return NULL;
}

const char *tasksrv_http_parser_reason(int status)
{
	static const char *const reasons[] = {
		[100] = "Continue",
		[101] = "Switching Protocols",
		[102] = "Processing",
		[103] = "Early Hints",
		[200] = "OK",
		[201] = "Created",
		[202] = "Accepted",
		[203] = "Non-Authoritative Information",
		[204] = "No Content",
		[205] = "Reset Content",
		[206] = "Partial Content",
		[207] = "Multi-Status",
		[208] = "Already Reported",
		[226] = "IM Used",
		[300] = "Multiple Choices",
		[301] = "Moved Permanently",
		[302] = "Found",
		[303] = "See Other",
		[304] = "Not Modified",
		[305] = "Use Proxy",
		[307] = "Temporary Redirect",
		[308] = "Permanent Redirect",
		[400] = "Bad Request",
		[401] = "Unauthorized",
		[402] = "Payment Required",
		[403] = "Forbidden",
		[404] = "Not Found",
		[405] = "Method Not Allowed",
		[406] = "Not Acceptable",
		[407] = "Proxy Authentication Required",
		[408] = "Request Timeout",
		[409] = "Conflict",
		[410] = "Gone",
		[411] = "Length Required",
		[412] = "Precondition Failed",
		[413] = "Request Entity Too Large",
		[414] = "Request URI Too Long",
		[415] = "Unsupported Media Type",
		[416] = "Requested Range Not Satisfiable",
		[417] = "Expectation Failed",
		[418] = "I'm a teapot",
		[421] = "Misdirected Request",
		[422] = "Unprocessable Entity",
		[423] = "Locked",
		[424] = "Failed Dependency",
		[425] = "Too Early",
		[426] = "Upgrade Required",
		[428] = "Precondition Required",
		[429] = "Too Many Requests",
		[431] = "Request Header Fields Too Large",
		[451] = "Unavailable For Legal Reasons",
		[500] = "Internal Server Error",
		[501] = "Not Implemented",
		[502] = "Bad Gateway",
		[503] = "Service Unavailable",
		[504] = "Gateway Timeout",
		[505] = "HTTP Version Not Supported",
		[506] = "Variant Also Negotiates",
		[507] = "Insufficient Storage",
		[508] = "Loop Detected",
		[510] = "Not Extended",
		[511] = "Network Authentication Required",
	};

	if (status < 0 || (size_t) status >= sizeof(reasons) / sizeof(reasons[0])) {
		return NULL;
	}
	return reasons[status];
}

/* The value of param (lower-case, with its '=') in a "; "-separated header value,
 * unquoted (a quoted value keeps its backslashes). */
static int param(const char *v, size_t n, const char *name, const char **out, size_t *out_len)
{
	size_t nl = strlen(name), i = 0;

	while (i < n) {
		size_t start;

		while (i < n && (v[i] == ';' || v[i] == ' ' || v[i] == '\t')) {
			i++;
		}
		start = i;
		if (n - i >= nl && eq_nocase(v + i, nl, name)) {
			i += nl;
			if (i < n && v[i] == '"') {
				size_t q = ++i;

				while (i < n && v[i] != '"') {
					i += v[i] == '\\' && i + 1 < n ? 2 : 1;
				}
				if (i >= n) {
					return -1;
				}
				*out = v + q;
				*out_len = i - q;
				return 0;
			}
			*out = v + i;
			while (i < n && v[i] != ';' && v[i] != ' ' && v[i] != '\t') {
				i++;
			}
			*out_len = (size_t) (v + i - *out);
			return 0;
		}
		/* Skip this parameter, quoted parts and all. */
		for (i = start; i < n && v[i] != ';'; i++) {
			if (v[i] == '"') {
				for (i++; i < n && v[i] != '"'; i++) {
					if (v[i] == '\\') {
						i++;
					}
				}
			}
		}
	}
	return -1;
}

int tasksrv_http_parser_boundary(const char *ctype, size_t len, const char **boundary, size_t *blen)
{
	const char *semi = memchr(ctype, ';', len);

	if (!semi || !eq_nocase(ctype, (size_t) (semi - ctype), "multipart/form-data")) {
		return -1;
	}
	if (param(semi, len - (size_t) (semi - ctype), "boundary=", boundary, blen) < 0) {
		return -1;
	}
	return *blen >= 1 && *blen <= 200 ? 0 : -1;
}

static const char *find(const char *hay, size_t n, const char *needle, size_t m)
{
	return m <= n ? memmem(hay, n, needle, m) : NULL;
}

/* A part's header lines (CRLF-separated, n bytes): Content-Disposition's name and
 * filename, Content-Type. -1: a line without a colon. */
static int part_headers(const char *h, size_t n, tasksrv_http_part_t *part)
{
	const char *end = h + n;

	while (h < end) {
		const char *eol = find(h, (size_t) (end - h), "\r\n", 2), *colon;
		const char *v;
		size_t vn;

		if (!eol) {
			eol = end;
		}
		colon = memchr(h, ':', (size_t) (eol - h));
		if (!colon) {
			return -1;
		}
		for (v = colon + 1; v < eol && (*v == ' ' || *v == '\t'); v++) {
		}
		vn = (size_t) (eol - v);
		if (eq_nocase(h, (size_t) (colon - h), "content-disposition")) {
			if (param(v, vn, "name=", &part->name, &part->name_len) < 0) {
				part->name = NULL;
			}
			if (param(v, vn, "filename=", &part->filename, &part->filename_len) < 0) {
				part->filename = NULL;
			}
		} else if (eq_nocase(h, (size_t) (colon - h), "content-type")) {
			part->type = v;
			part->type_len = vn;
		}
		h = eol + 2;
	}
	return 0;
}

int tasksrv_http_parser_part_headers(const char *h, size_t n, tasksrv_http_part_t *part)
{
	return part_headers(h, n, part);
}

int tasksrv_http_parser_multipart_next(const char *body, size_t len, const char *boundary, size_t blen,
	size_t *pos, tasksrv_http_part_t *part)
{
	const char *at, *headers, *hend, *data, *next;
	char delim[256];
	size_t dlen = blen + 4;

	if (blen == 0 || blen > sizeof(delim) - 4) {
		return -1;
	}
	memcpy(delim, "\r\n--", 4);
	memcpy(delim + 4, boundary, blen);
	if (*pos == 0) {
		/* The first delimiter: at the very start, or after a preamble. */
		if (len >= dlen - 2 && memcmp(body, delim + 2, dlen - 2) == 0) {
			at = body + dlen - 2;
		} else if ((at = find(body, len, delim, dlen)) != NULL) {
			at += dlen;
		} else {
			return -1;
		}
	} else {
		at = body + *pos;
	}
	if (body + len - at >= 2 && at[0] == '-' && at[1] == '-') {
		*pos = len;
		return 0;
	}
	while (at < body + len && (*at == ' ' || *at == '\t')) {
		at++;
	}
	if (body + len - at < 2 || at[0] != '\r' || at[1] != '\n') {
		return -1;
	}
	headers = at + 2;
	memset(part, 0, sizeof(*part));
	if (body + len - headers >= 2 && headers[0] == '\r' && headers[1] == '\n') {
		hend = headers;
		data = headers + 2;
	} else {
		hend = find(headers, (size_t) (body + len - headers), "\r\n\r\n", 4);
		if (!hend) {
			return -1;
		}
		data = hend + 4;
	}
	if (part_headers(headers, (size_t) (hend - headers), part) < 0) {
		return -1;
	}
	next = find(data, (size_t) (body + len - data), delim, dlen);
	if (!next) {
		return -1;
	}
	part->data = data;
	part->data_len = (size_t) (next - data);
	*pos = (size_t) (next + dlen - body);
	return 1;
}
