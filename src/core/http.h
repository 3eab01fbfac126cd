/* tasksrv: HTTP/1.1 outside the parser: a parsed request as one self-contained
 * blob (what an HTTP port hands to onRequest's process: the same bytes in BASE,
 * where the event worker parsed it, and in PROCESS, where the master did and sends
 * it as a RECEIVE frame), and the pieces of a response (header names in Swoole's
 * case, the Date header, the status line). */
#ifndef TASKSRV_HTTP_H
#define TASKSRV_HTTP_H

#include <stddef.h>
#include <stdint.h>

#include "http_parser.h"

/* A request read back from its blob: spans are offsets into data. */
typedef struct {
	const char *data;             /* the request as it arrived (the body decoded) */
	size_t len;
	int method;                   /* enum tasksrv_http_method */
	int version;                  /* 10 or 11 */
	int keep_alive;
	int chunked;
	int uploads;                  /* body: a multipart digest (http_upload.h), not the bytes sent */
	tasksrv_http_span_t method_name, uri, path, query, body;
	const tasksrv_http_header_t *headers; /* headers, then ntrailers trailers */
	int nheaders;
	int ntrailers;
	size_t head_len;              /* request line and headers, with their empty line */
} tasksrv_http_request_t;

/* The size of the blob of a request the parser just returned (REQUEST). */
size_t tasksrv_http_pack_size(const tasksrv_http_parser_t *p);
/* Writes it (pack_size bytes at out); data is the request the parser parsed. */
void tasksrv_http_pack(const tasksrv_http_parser_t *p, const char *data, char *out);
/* Reads a blob back (pointing into it). Returns 0, or -1 when it is not a whole one. */
int tasksrv_http_unpack(const char *blob, size_t len, tasksrv_http_request_t *r);
/* The value of the first header named name (lower-case), or NULL. */
const char *tasksrv_http_header(const tasksrv_http_request_t *r, const char *name, size_t *len);

/* A header name as Swoole writes it: the first letter and each after '-' upper
 * case, the rest lower ("content-TYPE" -> "Content-Type", "ABC_def" -> "Abc_def").
 * Writes n bytes to out. */
void tasksrv_http_format_name(const char *name, size_t n, char *out);
/* "Sun, 06 Dec 2026 04:12:41 GMT" for now (computed once a second); 29 bytes. */
#define TASKSRV_HTTP_DATE_LEN 29
const char *tasksrv_http_date(void);
/* The status line "HTTP/1.1 <status> <reason>\r\n" into buf (reason NULL: the standard
 * one, or "Unknown Status" as Swoole). Returns its length, or 0 when it does not fit. */
size_t tasksrv_http_status_line(char *buf, size_t n, int status, const char *reason, size_t reason_len);

#endif
