/* tasksrv: packet framing for onReceive. Given the bytes a connection has
 * buffered and its port's protocol settings, says how many of them form the next
 * packet, that more are needed, or that the stream is malformed (and why).
 * Zend-free and independent of who owns the connection: event workers (BASE) and
 * a master process (PROCESS) call the same functions on a byte span. */
#ifndef TASKSRV_PROTOCOL_H
#define TASKSRV_PROTOCOL_H

#include <stddef.h>
#include <stdint.h>

#include "http_parser.h"
#include "http_static.h"

/* The largest package_length_offset / package_body_offset (Swoole's limit). */
#define TASKSRV_PROTOCOL_MAX_OFFSET 8152
/* package_max_length is never below this (as Swoole). */
#define TASKSRV_PROTOCOL_MIN_MAX_LENGTH 65536

typedef struct tasksrv_protocol tasksrv_protocol_t;

/* package_length_func: > 0 the whole packet's length, 0 need more bytes,
 * < 0 malformed (the connection is closed). */
typedef int64_t (*tasksrv_protocol_length_fn)(const tasksrv_protocol_t *p, const char *data, size_t len);

/* One listening port's framing settings. Zero it, then set what applies. */
struct tasksrv_protocol {
	int open_eof_check;          /* a delivery ends with package_eof (may hold several packets) */
	int open_eof_split;          /* one packet per delivery, up to and with package_eof */
	int open_length_check;       /* header + body; also on when length_func is set */
	char package_eof[8];
	int package_eof_len;         /* 1..8 when an EOF mode is on */
	char package_length_type;    /* a pack() code: c C s S n N l L q Q J P v V */
	int package_length_size;     /* bytes of that field; set by tasksrv_protocol_set_length_type() */
	size_t package_length_offset;
	size_t package_body_offset;  /* packet length = body offset + the length field's value */
	size_t package_max_length;   /* larger packets close the connection */
	tasksrv_protocol_length_fn length_func; /* replaces the length field when set */
	void *length_ctx;            /* the glue's: whose hook it is (the server object) */
	void *length_arg;            /* the glue's: per-port data (the callable) */
	/* open_http_protocol: the port speaks HTTP/1.1; src/core/http_parser.c frames its
	 * requests (max_body: package_max_length) and each packet is a request's blob
	 * (src/core/http.h) instead of bytes. */
	int open_http_protocol;
	tasksrv_http_limits_t http_limits;
	int http_header_timeout_ms;  /* a head arriving for longer gets 408 and a close; 0: no limit */
	/* document_root + enable_static_handler: answered by the connection's owner
	 * (src/core/http_static.c) before onRequest; its strings are the port's (freed
	 * with the listener). */
	tasksrv_http_static_t http_static;
	/* http_parse_files: a multipart/form-data body is decoded while it arrives
	 * (src/core/http_upload.c), its files written to upload_tmp_dir. */
	int http_upload;
	const char *upload_tmp_dir;  /* the glue's string (lives as long as the port); NULL: /tmp */
	int64_t upload_max_filesize; /* 0: no limit but the body's */
};

/* What a caller keeps per connection between calls, so a packet arriving in many
 * reads is neither rescanned from its start nor measured again. Zero it for a new
 * connection; tasksrv_protocol_next() resets it after each packet. */
typedef struct {
	size_t scanned;              /* EOF modes: bytes known to hold no complete EOF */
	size_t want;                 /* length mode: the packet's length, once known */
} tasksrv_protocol_state_t;

enum tasksrv_protocol_rc {
	TASKSRV_PROTOCOL_ERROR = -1,
	TASKSRV_PROTOCOL_NEED_MORE = 0,
	TASKSRV_PROTOCOL_PACKET = 1
};

enum tasksrv_protocol_error {
	TASKSRV_PROTOCOL_E_NONE = 0,
	TASKSRV_PROTOCOL_E_TOO_BIG,      /* length > package_max_length (or no EOF within it) */
	TASKSRV_PROTOCOL_E_NEGATIVE,     /* a signed length field below zero */
	TASKSRV_PROTOCOL_E_SHORT,        /* a length that ends before the length field does */
	TASKSRV_PROTOCOL_E_FUNC,         /* package_length_func said error (or threw) */
	TASKSRV_PROTOCOL_E_EOF_TOO_BIG   /* EOF modes: a whole packet longer than package_max_length */
};

typedef struct {
	size_t length;               /* PACKET: its length in bytes (may be 0 without framing) */
	int error;                   /* ERROR: one of tasksrv_protocol_error */
	int64_t value;               /* ERROR: the offending length (or buffered bytes) */
} tasksrv_protocol_result_t;

/* Defaults: no framing, package_eof "\r\n\r\n", type 'N', body offset 4, 2 MiB max. */
void tasksrv_protocol_init(tasksrv_protocol_t *p);
/* Sets package_length_type from a pack() code. Returns 0, or -1 for an unknown code. */
int tasksrv_protocol_set_length_type(tasksrv_protocol_t *p, char type);
/* The size in bytes of a pack() length code, 0 when unknown. */
int tasksrv_protocol_length_size(char type);
/* Decodes a length field of the given pack() code (size bytes at data); unsigned 64-bit
 * values above INT64_MAX come back as INT64_MAX. */
int64_t tasksrv_protocol_decode_length(char type, const char *data);

/* Looks at the len buffered bytes of one connection (data is the first unconsumed
 * byte). Returns PACKET with r->length, NEED_MORE, or ERROR with r->error/r->value:
 * the connection must then be closed. The caller consumes r->length bytes after a
 * PACKET and calls again for the next one. */
int tasksrv_protocol_next(const tasksrv_protocol_t *p, tasksrv_protocol_state_t *st,
	const char *data, size_t len, tasksrv_protocol_result_t *r);
/* A log-ready sentence for an ERROR result, e.g. "packet of 70000 bytes is larger than
 * package_max_length 65536". */
void tasksrv_protocol_describe(const tasksrv_protocol_t *p, const tasksrv_protocol_result_t *r, char *buf, size_t n);

#endif
