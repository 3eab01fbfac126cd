/* tasksrv: a multipart/form-data body decoded while it arrives. The connection's
 * owner feeds it the body's bytes as the parser passes them on (http_parser.h's
 * streaming body), in pieces of any size: file parts go straight to 0600 temp files
 * in the upload directory (mkstemp), so memory stays bounded by a read however large
 * the file; form fields are kept (the body limit bounds them).
 *
 * What comes out is a digest: one record per part (kind, name, file name, type, then
 * the field's value or the temp file's path, the size and PHP's UPLOAD_ERR_* code),
 * which replaces the body in the request's blob and which the glue reads back with
 * tasksrv_http_upload_next(). The temp files belong to whoever receives the blob once
 * tasksrv_http_upload_digest() was taken; before that, free() removes them. */
#ifndef TASKSRV_HTTP_UPLOAD_H
#define TASKSRV_HTTP_UPLOAD_H

#include <stddef.h>
#include <stdint.h>

typedef struct tasksrv_http_upload tasksrv_http_upload_t;

/* PHP's codes (main/rfc1867.h), for the digest's error field. */
#define TASKSRV_UPLOAD_ERR_OK 0
#define TASKSRV_UPLOAD_ERR_INI_SIZE 1
#define TASKSRV_UPLOAD_ERR_CANT_WRITE 7

/* A decoder for a body with this boundary (from the Content-Type), writing files to
 * tmpdir (NULL: /tmp); a file over max_filesize bytes (0: no limit) is dropped and
 * reported as UPLOAD_ERR_INI_SIZE. NULL when memory runs out. */
tasksrv_http_upload_t *tasksrv_http_upload_new(const char *boundary, size_t blen, const char *tmpdir,
	int64_t max_filesize);
/* The next bytes of the body. Returns 0, or -1 when memory runs out. A malformed body
 * is not an error: what follows the damage is ignored (the parts before it count). */
int tasksrv_http_upload_feed(tasksrv_http_upload_t *u, const char *data, size_t len);
/* After the last byte: the digest (the upload's memory; valid until free()). From here
 * on the temp files it names are the caller's. */
const char *tasksrv_http_upload_digest(tasksrv_http_upload_t *u, size_t *len);
/* Frees the decoder; the temp files are removed unless the digest was taken. */
void tasksrv_http_upload_free(tasksrv_http_upload_t *u);
/* Whether the body ended with the closing delimiter (a body cut short, or malformed, did not). */
int tasksrv_http_upload_complete(const tasksrv_http_upload_t *u);

/* Temp files are named tasksrv.upfile.<pid>.XXXXXX after the process that runs the
 * request's callback (the receiving one names them for itself; another one, the
 * PROCESS worker, renames them to its pid with tasksrv_http_upload_adopt()), so
 * that when that process is killed the manager removes what it left:
 * tasksrv_http_upload_sweep(). */

/* A temp file path for this process: the new path into out (n bytes), 0; -1 when
 * path is not a temp file's name or does not fit. */
int tasksrv_http_upload_adopt(const char *path, char *out, size_t n);
/* Removes dir's temp files of pid; returns how many. */
int tasksrv_http_upload_sweep(const char *dir, int pid);

typedef struct {
	int is_file;
	const char *name;       /* the form field's name */
	size_t name_len;
	const char *filename;   /* files: the client's name for it */
	size_t filename_len;
	const char *type;       /* files: the part's Content-Type ("" when absent) */
	size_t type_len;
	const char *value;      /* fields: the value; files: the temp file's path ("" on error) */
	size_t value_len;
	int64_t size;           /* files: bytes written (0 on error) */
	int error;              /* files: TASKSRV_UPLOAD_ERR_* */
} tasksrv_http_upload_part_t;

/* Walks a digest: *pos starts at 0. Returns 1 with the next part, 0 at the end, -1
 * when the digest is damaged. */
int tasksrv_http_upload_next(const char *digest, size_t len, size_t *pos, tasksrv_http_upload_part_t *part);

#endif
