/* tasksrv: the static file handler of an HTTP port (document_root +
 * enable_static_handler), run by the connection's owner before a request would go
 * to onRequest, as Swoole's reactor does: a GET or HEAD whose path names a file
 * under the root is answered here and the file is streamed from its descriptor
 * (sendfile(2), see conn.c), never loaded into memory.
 *
 * Which paths it takes: with static_handler_locations, those that start with one of
 * the prefixes (a missing file there is a 404, as Swoole); without, every path that
 * names an existing file of a known type (anything else goes on to onRequest). The
 * path is percent-decoded and its "." and ".." segments resolved before anything is
 * looked up; one that climbs above the root goes to onRequest, and a file whose real
 * path (symlinks resolved) is outside the root is never served. */
#ifndef TASKSRV_HTTP_STATIC_H
#define TASKSRV_HTTP_STATIC_H

#include <stddef.h>
#include <stdint.h>

#include "http_parser.h"

typedef struct {
	char *root;          /* document_root's real path; NULL: the handler is off */
	char *locations;     /* '\n'-separated URL prefixes; NULL: every path */
	char *index_files;   /* '\n'-separated file names tried for a directory; NULL: none */
	int autoindex;       /* a directory without an index file is listed */
} tasksrv_http_static_t;

/* What to answer: head (malloc()ed: status line, headers and, for a generated page,
 * its body), then length bytes of fd from offset (fd -1: nothing more). */
typedef struct {
	char *head;
	size_t head_len;
	int fd;
	int64_t offset;
	int64_t length;
	int status;
} tasksrv_http_static_reply_t;

enum tasksrv_http_static_rc {
	TASKSRV_HTTP_STATIC_PASS = 0,   /* not a static request: onRequest's */
	TASKSRV_HTTP_STATIC_REPLY = 1   /* answer with *reply */
};

/* Sets the handler up (replacing what it had): root NULL turns it off. locations and
 * index_files are '\n'-separated lists or NULL. Returns 0, or -1 when root does not
 * resolve to a directory or memory runs out (the handler is then off). */
int tasksrv_http_static_set(tasksrv_http_static_t *st, const char *root, const char *locations,
	const char *index_files, int autoindex);
void tasksrv_http_static_free(tasksrv_http_static_t *st);
/* Decides for a request the parser just completed (p, its bytes at data). Returns enum
 * tasksrv_http_static_rc; -1 when memory runs out. */
int tasksrv_http_static_serve(const tasksrv_http_static_t *st, const tasksrv_http_parser_t *p, const char *data,
	tasksrv_http_static_reply_t *reply);
/* The content type of a file name from its extension, or NULL for one it does not know. */
const char *tasksrv_http_static_mime(const char *name);

#endif
