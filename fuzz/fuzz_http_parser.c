/* libFuzzer target: the HTTP/1.1 request parser (src/core/http_parser.c).
 * The first byte picks how the rest arrives (in pieces of 1..256 bytes, as reads
 * would cut it); the rest is a connection's byte stream, parsed request after request
 * (pipelining) as the server does. Every span must lie inside the request; a body of
 * a multipart request is walked as well. With the first byte's top bit set, bodies are
 * streamed as an HTTP port does with http_parse_files: a multipart body goes to the
 * upload decoder (src/core/http_upload.c; its temp directory does not exist, so no file
 * is written) and the input drops what was passed on; the digest is walked. ASan/UBSan
 * find the rest. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http_parser.h"
#include "http_upload.h"

static tasksrv_http_upload_t *upload;

static int on_head(void *ctx, tasksrv_http_parser_t *p, const char *data)
{
	const tasksrv_http_header_t *ct = tasksrv_http_parser_header(p, data, "content-type");
	const char *b;
	size_t blen;

	(void) ctx;
	tasksrv_http_upload_free(upload);
	upload = NULL;
	if (!ct || tasksrv_http_parser_boundary(data + ct->value.off, ct->value.len, &b, &blen) < 0) {
		return 0;
	}
	upload = tasksrv_http_upload_new(b, blen, "/nonexistent/tasksrv-fuzz", 1000);
	return upload != NULL;
}

static int on_body(void *ctx, const char *data, size_t len)
{
	(void) ctx;
	return tasksrv_http_upload_feed(upload, data, len);
}

static void walk_digest(void)
{
	tasksrv_http_upload_part_t part;
	const char *d;
	size_t len, pos = 0;

	if (!upload) {
		return;
	}
	d = tasksrv_http_upload_digest(upload, &len);
	while (tasksrv_http_upload_next(d, len, &pos, &part) == 1) {
		if (part.is_file && (part.value_len != 0 || part.error == 0)) {
			abort(); /* nothing can be written to a directory that does not exist */
		}
	}
	if (pos != len) {
		abort();
	}
	tasksrv_http_upload_free(upload);
	upload = NULL;
}

static void check_span(tasksrv_http_span_t s, size_t len)
{
	if ((size_t) s.off + s.len > len) {
		abort();
	}
}

static void walk_multipart(const tasksrv_http_parser_t *p, const char *req)
{
	const tasksrv_http_header_t *ct = tasksrv_http_parser_header(p, req, "content-type");
	tasksrv_http_part_t part;
	const char *b;
	size_t blen, pos = 0;
	int n = 0;

	if (!ct || tasksrv_http_parser_boundary(req + ct->value.off, ct->value.len, &b, &blen) < 0) {
		return;
	}
	while (n++ < 1000 && tasksrv_http_parser_multipart_next(req + p->body.off, p->body.len, b, blen, &pos,
		&part) == 1) {
		if (part.data < req + p->body.off || part.data + part.data_len > req + p->body.off + p->body.len) {
			abort();
		}
	}
}

static void check_request(const tasksrv_http_parser_t *p, const char *req, size_t len)
{
	int i;

	if (p->length > len) {
		abort();
	}
	check_span(p->method_name, p->length);
	check_span(p->uri, p->length);
	check_span(p->path, p->length);
	check_span(p->query, p->length);
	check_span(p->body, p->length);
	for (i = 0; i < p->nheaders; i++) {
		check_span(p->headers[i].name, p->length);
		check_span(p->headers[i].value, p->length);
	}
	walk_multipart(p, req);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tasksrv_http_limits_t limits = { .max_header_size = 4096, .max_body = 65536, .max_headers = 32 };
	tasksrv_http_parser_t p;
	size_t step, off = 0, have;
	char *buf;

	if (size < 1) {
		return 0;
	}
	step = (size_t) (data[0] & 0x7f) + 1;
	buf = malloc(size);
	memcpy(buf, data + 1, size - 1);
	size--;
	tasksrv_http_parser_init(&p, &limits);
	if (data[0] & 0x80) {
		p.on_head = on_head;
		p.on_body = on_body;
	}
	have = step < size ? step : size;
	while (off < size) {
		int rc = tasksrv_http_parser_execute(&p, buf + off, have - off);

		if (p.streaming) {
			size_t gone = tasksrv_http_parser_drop(&p, buf + off, size - off);

			have -= gone;
			size -= gone;
		}

		if (rc == TASKSRV_HTTP_ERROR) {
			if (p.status < 400 || p.status > 599 || !p.error) {
				abort();
			}
			break;
		}
		if (rc == TASKSRV_HTTP_REQUEST) {
			check_request(&p, buf + off, have - off);
			if (p.streaming) {
				walk_digest();
			}
			off += p.length;
			tasksrv_http_parser_reset(&p);
			if (off == have && have == size) {
				break;
			}
			continue;
		}
		if (have == size) {
			break;
		}
		have = have + step < size ? have + step : size;
	}
	tasksrv_http_parser_free(&p);
	tasksrv_http_upload_free(upload);
	upload = NULL;
	free(buf);
	return 0;
}
