/* tasksrv: an incremental HTTP/1.1 request parser (the scanner is re2c's, from
 * http_parser.re; http_parser.c is generated from it and committed).
 *
 * It works on the bytes a connection has buffered, as the protocol framer does:
 * data is the first byte of the request being received, len how many bytes are
 * there now. Between calls the bytes may move (the buffer compacts or grows), so
 * everything found is an offset from the start of the request (a span), never a
 * pointer: the request stays where it arrived (zero-copy) until the caller
 * consumes it. Each line is scanned once, when its '\n' has arrived.
 *
 * The parser writes into the request's bytes: header names are lower-cased in
 * place, and a chunked body is decoded in place (each chunk's data moves down
 * over the chunk-size lines before it), so the body is always one span.
 *
 * Errors carry the HTTP status to answer with before closing: 400 (malformed
 * request line or header, NUL or bare CR, bad or conflicting Content-Length,
 * Content-Length with Transfer-Encoding, bad chunk size), 413 (body over
 * max_body), 414 (request line over max_header_size), 417 (an Expect other
 * than 100-continue), 431 (too many or too large headers), 501 (a transfer coding
 * other than chunked), 505 (a version other than HTTP/1.x). */
#ifndef TASKSRV_HTTP_PARSER_H
#define TASKSRV_HTTP_PARSER_H

#include <stddef.h>
#include <stdint.h>

/* A piece of the request: off bytes from its first byte, len bytes long. */
typedef struct {
	uint32_t off;
	uint32_t len;
} tasksrv_http_span_t;

typedef struct {
	tasksrv_http_span_t name;  /* lower-cased in place */
	tasksrv_http_span_t value; /* without the spaces and tabs around it */
} tasksrv_http_header_t;

enum tasksrv_http_method {
	TASKSRV_HTTP_OTHER = 0,
	TASKSRV_HTTP_GET,
	TASKSRV_HTTP_HEAD,
	TASKSRV_HTTP_POST,
	TASKSRV_HTTP_PUT,
	TASKSRV_HTTP_DELETE,
	TASKSRV_HTTP_OPTIONS,
	TASKSRV_HTTP_PATCH
};

enum tasksrv_http_rc {
	TASKSRV_HTTP_ERROR = -1,    /* p->status and p->error say what; answer and close */
	TASKSRV_HTTP_NEED_MORE = 0, /* call again when more bytes have arrived */
	TASKSRV_HTTP_REQUEST = 1,   /* a whole request: p->length bytes, consume them, reset */
	TASKSRV_HTTP_CONTINUE = 2   /* the headers asked for "100 Continue": send it, call again */
};

/* Limits; 0 means the default. */
typedef struct {
	size_t max_header_size;  /* request line + headers (and trailers); default 64 KiB */
	size_t max_body;         /* the body after decoding; default 2 MiB */
	int max_headers;         /* header (and trailer) lines; default 100 */
} tasksrv_http_limits_t;

typedef struct tasksrv_http_parser tasksrv_http_parser_t;

struct tasksrv_http_parser {
	tasksrv_http_limits_t limits;

	/* Streaming bodies (optional; kept by reset()). on_head runs when the headers of a
	 * request with a body are complete: returning 1 streams that body, which then goes
	 * to on_body piece by piece (decoded) instead of staying in the input, and the
	 * caller calls tasksrv_http_parser_drop() after every execute(). on_body returns 0,
	 * or -1 to refuse the request (500). */
	int (*on_head)(void *ctx, tasksrv_http_parser_t *p, const char *data);
	int (*on_body)(void *ctx, const char *data, size_t len);
	void *cb_ctx;
	int streaming;                /* this request's body goes to on_body */
	uint64_t streamed;            /* bytes of it passed on so far */

	/* The request, once REQUEST (request line and headers already at CONTINUE). */
	int method;                   /* enum tasksrv_http_method */
	tasksrv_http_span_t method_name;
	tasksrv_http_span_t uri;      /* as sent: path and query */
	tasksrv_http_span_t path;     /* uri up to '?' (an absolute-form's authority left out) */
	tasksrv_http_span_t query;    /* after '?', empty without */
	int version;                  /* 10 or 11 */
	tasksrv_http_header_t *headers; /* headers then trailers; the parser's (free()) */
	int nheaders;
	int ntrailers;                /* the last ntrailers of headers[] came after a chunked body */
	int keep_alive;               /* HTTP/1.1 unless "Connection: close"; 1.0 only with keep-alive */
	int chunked;                  /* Transfer-Encoding: chunked */
	int expect_continue;          /* Expect: 100-continue */
	int64_t content_length;       /* -1 when absent */
	tasksrv_http_span_t body;     /* the (decoded) body */
	size_t length;                /* REQUEST: bytes the request took in the input */

	/* ERROR */
	int status;                   /* the HTTP status to answer with */
	const char *error;            /* what was wrong, for the log */

	/* Progress (the parser's). */
	int state;
	int header_cap;
	int continue_sent;
	size_t pos;                   /* next byte not yet looked at */
	size_t head_end;              /* where the body starts in the input */
	size_t chunk_left;            /* bytes of the current chunk still to come */
};

/* Zeroes p and sets its limits (NULL: the defaults). */
void tasksrv_http_parser_init(tasksrv_http_parser_t *p, const tasksrv_http_limits_t *limits);
/* Ready for the next request of the connection (keeps the header array). */
void tasksrv_http_parser_reset(tasksrv_http_parser_t *p);
void tasksrv_http_parser_free(tasksrv_http_parser_t *p);
/* Goes on parsing the request that starts at data, of which len bytes have arrived
 * (the same first bytes as the last call, perhaps more). Returns enum tasksrv_http_rc. */
int tasksrv_http_parser_execute(tasksrv_http_parser_t *p, char *data, size_t len);
/* A streaming body: removes from data (len bytes) what the parser passed on to on_body
 * and the chunk framing around it, moving the bytes after them down. Returns how many
 * bytes went (the input is that much shorter now). */
size_t tasksrv_http_parser_drop(tasksrv_http_parser_t *p, char *data, size_t len);
/* Whether the request line or headers are still arriving (no body yet). */
int tasksrv_http_parser_in_head(const tasksrv_http_parser_t *p);
/* The first header (not trailer) named name (lower-case), or NULL. */
const tasksrv_http_header_t *tasksrv_http_parser_header(const tasksrv_http_parser_t *p, const char *data,
	const char *name);
/* The reason phrase of a status ("Not Found"), or NULL for a code without one. */
const char *tasksrv_http_parser_reason(int status);

/* multipart/form-data. The boundary from a Content-Type value (span of data), or -1. */
int tasksrv_http_parser_boundary(const char *ctype, size_t len, const char **boundary, size_t *blen);

typedef struct {
	const char *name;       /* Content-Disposition's name; NULL when absent */
	size_t name_len;
	const char *filename;   /* NULL: a form field; else a file (maybe "") */
	size_t filename_len;
	const char *type;       /* the part's Content-Type; NULL when absent */
	size_t type_len;
	const char *data;       /* the part's content */
	size_t data_len;
} tasksrv_http_part_t;

/* A part's header block (CRLF-separated lines, n bytes, without the empty line):
 * Content-Disposition's name and filename, Content-Type (part->data untouched).
 * Returns 0, or -1 for a line without a colon. */
int tasksrv_http_parser_part_headers(const char *h, size_t n, tasksrv_http_part_t *part);

/* Walks the parts of a multipart body: *pos starts at 0. Returns 1 with the next part,
 * 0 after the last one, -1 for a malformed body. */
int tasksrv_http_parser_multipart_next(const char *body, size_t len, const char *boundary, size_t blen,
	size_t *pos, tasksrv_http_part_t *part);

#endif
