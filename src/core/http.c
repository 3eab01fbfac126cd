/* tasksrv: a parsed request as a blob, and response pieces (see http.h). */
#include "http.h"

#include <string.h>
#include <time.h>

#define BLOB_MAGIC 0x48545031u /* "HTP1" */

/* The blob: this header, nheaders header spans, then the request's bytes. Spans are
 * offsets into those bytes, so the blob means the same wherever it is copied. */
typedef struct {
	uint32_t magic;
	int32_t method;
	int32_t version;
	int32_t keep_alive;
	int32_t chunked;
	int32_t nheaders;
	int32_t ntrailers;
	uint32_t data_len;
	uint32_t head_len;
	tasksrv_http_span_t method_name, uri, path, query, body;
	int32_t uploads;   /* the body is the digest of a streamed multipart body */
} blob_t;

size_t tasksrv_http_pack_size(const tasksrv_http_parser_t *p)
{
	return sizeof(blob_t) + (size_t) p->nheaders * sizeof(tasksrv_http_header_t) + p->length;
}

void tasksrv_http_pack(const tasksrv_http_parser_t *p, const char *data, char *out)
{
	blob_t b = {
		.magic = BLOB_MAGIC,
		.method = p->method,
		.version = p->version,
		.keep_alive = p->keep_alive,
		.chunked = p->chunked,
		.nheaders = p->nheaders,
		.ntrailers = p->ntrailers,
		.data_len = (uint32_t) p->length,
		.head_len = p->body.off,
		.method_name = p->method_name,
		.uri = p->uri,
		.path = p->path,
		.query = p->query,
		.body = p->body,
		.uploads = p->streaming,
	};
	size_t hsize = (size_t) p->nheaders * sizeof(tasksrv_http_header_t);

	memcpy(out, &b, sizeof(b));
	if (hsize) {
		memcpy(out + sizeof(b), p->headers, hsize);
	}
	memcpy(out + sizeof(b) + hsize, data, p->length);
}

static int span_ok(tasksrv_http_span_t s, size_t len)
{
	return (size_t) s.off + s.len <= len;
}

int tasksrv_http_unpack(const char *blob, size_t len, tasksrv_http_request_t *r)
{
	blob_t b;
	size_t hsize;
	int i;

	if (len < sizeof(b)) {
		return -1;
	}
	memcpy(&b, blob, sizeof(b));
	if (b.magic != BLOB_MAGIC || b.nheaders < 0 || b.ntrailers < 0 || b.ntrailers > b.nheaders) {
		return -1;
	}
	hsize = (size_t) b.nheaders * sizeof(tasksrv_http_header_t);
	if (len != sizeof(b) + hsize + b.data_len || b.head_len > b.data_len) {
		return -1;
	}
	r->headers = (const tasksrv_http_header_t *) (blob + sizeof(b));
	r->data = blob + sizeof(b) + hsize;
	r->len = b.data_len;
	if (!span_ok(b.method_name, r->len) || !span_ok(b.uri, r->len) || !span_ok(b.path, r->len)
			|| !span_ok(b.query, r->len) || !span_ok(b.body, r->len)) {
		return -1;
	}
	for (i = 0; i < b.nheaders; i++) {
		if (!span_ok(r->headers[i].name, r->len) || !span_ok(r->headers[i].value, r->len)) {
			return -1;
		}
	}
	r->method = b.method;
	r->version = b.version;
	r->keep_alive = b.keep_alive;
	r->chunked = b.chunked;
	r->uploads = b.uploads;
	r->nheaders = b.nheaders;
	r->ntrailers = b.ntrailers;
	r->head_len = b.head_len;
	r->method_name = b.method_name;
	r->uri = b.uri;
	r->path = b.path;
	r->query = b.query;
	r->body = b.body;
	return 0;
}

const char *tasksrv_http_header(const tasksrv_http_request_t *r, const char *name, size_t *len)
{
	size_t n = strlen(name);
	int i;

	for (i = 0; i < r->nheaders - r->ntrailers; i++) {
		const tasksrv_http_header_t *h = &r->headers[i];

		if (h->name.len == n && memcmp(r->data + h->name.off, name, n) == 0) {
			*len = h->value.len;
			return r->data + h->value.off;
		}
	}
	return NULL;
}

void tasksrv_http_format_name(const char *name, size_t n, char *out)
{
	size_t i;
	int upper = 1;

	for (i = 0; i < n; i++) {
		char c = name[i];

		if (upper && c >= 'a' && c <= 'z') {
			c = (char) (c - 'a' + 'A');
		} else if (!upper && c >= 'A' && c <= 'Z') {
			c = (char) (c - 'A' + 'a');
		}
		out[i] = c;
		upper = c == '-';
	}
}

const char *tasksrv_http_date(void)
{
	static char buf[64];
	static time_t last;
	time_t now = time(NULL);

	if (now != last) {
		struct tm tm;

		gmtime_r(&now, &tm);
		strftime(buf, sizeof(buf), "%a, %d %b %Y %H:%M:%S GMT", &tm);
		last = now;
	}
	return buf;
}

/* Without snprintf: this runs once per response, and printf's machinery costs
 * more than the rest of the head together. */
size_t tasksrv_http_status_line(char *buf, size_t n, int status, const char *reason, size_t reason_len)
{
	static const char prefix[] = "HTTP/1.1 ";
	static const char ok[] = "HTTP/1.1 200 OK\r\n";
	char digits[16];
	size_t nd = 0, len, i;
	unsigned int v = status < 0 ? 0u - (unsigned int) status : (unsigned int) status;

	if (status == 200 && reason == NULL && n > sizeof(ok) - 1) {
		memcpy(buf, ok, sizeof(ok) - 1);
		return sizeof(ok) - 1;
	}
	if (reason == NULL) {
		reason = tasksrv_http_parser_reason(status);
		if (reason == NULL) {
			reason = "Unknown Status";
		}
		reason_len = strlen(reason);
	} else {
		reason_len = strnlen(reason, reason_len); /* as printf's %.*s: up to a NUL */
	}
	do {
		digits[nd++] = (char) ('0' + v % 10);
		v /= 10;
	} while (v > 0);
	if (status < 0) {
		digits[nd++] = '-';
	}
	len = sizeof(prefix) - 1 + nd + 1 + reason_len + 2;
	if (len >= n) {
		return 0;
	}
	memcpy(buf, prefix, sizeof(prefix) - 1);
	for (i = 0; i < nd; i++) {
		buf[sizeof(prefix) - 1 + i] = digits[nd - 1 - i];
	}
	buf[sizeof(prefix) - 1 + nd] = ' ';
	memcpy(buf + sizeof(prefix) + nd, reason, reason_len);
	memcpy(buf + sizeof(prefix) + nd + reason_len, "\r\n", 3);
	return len;
}
