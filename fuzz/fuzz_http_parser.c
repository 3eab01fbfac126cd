/* libFuzzer target: the HTTP/1.1 request parser (src/core/http_parser.c).
 * The first byte picks how the rest arrives (in pieces of 1..256 bytes, as reads
 * would cut it); the rest is a connection's byte stream, parsed request after request
 * (pipelining) as the server does. Every span must lie inside the request; a body of
 * a multipart request is walked as well. ASan/UBSan find the rest. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http_parser.h"

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
	step = (size_t) data[0] + 1;
	buf = malloc(size);
	memcpy(buf, data + 1, size - 1);
	size--;
	tasksrv_http_parser_init(&p, &limits);
	have = step < size ? step : size;
	while (off < size) {
		int rc = tasksrv_http_parser_execute(&p, buf + off, have - off);

		if (rc == TASKSRV_HTTP_ERROR) {
			if (p.status < 400 || p.status > 599 || !p.error) {
				abort();
			}
			break;
		}
		if (rc == TASKSRV_HTTP_REQUEST) {
			check_request(&p, buf + off, have - off);
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
	free(buf);
	return 0;
}
