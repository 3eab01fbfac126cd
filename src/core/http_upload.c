/* tasksrv: a multipart/form-data body decoded while it arrives (see http_upload.h).
 *
 * The body goes through a small window: bytes are appended to it, everything that
 * can be decided is taken out (a part's data up to where a delimiter could still
 * begin, a header block once its empty line is there), the rest waits for more. The
 * window never holds more than one feed plus a header block. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem() */
#endif
#include "http_upload.h"
#include "http_parser.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Temp files: PREFIX "<pid>.XXXXXX". */
#define PREFIX "tasksrv.upfile."

/* A part's header block longer than this is not one. */
#define MAX_PART_HEAD (16 * 1024)

enum ustate {
	U_PREAMBLE = 0, /* before the first delimiter */
	U_DELIM,        /* after a delimiter: "--" (the end) or CRLF (a part) */
	U_HEAD,         /* a part's header block */
	U_DATA,         /* a part's content, up to the next delimiter */
	U_END,          /* after the closing delimiter: the epilogue is ignored */
	U_BAD           /* malformed: the rest is ignored */
};

typedef struct {
	char *s;
	size_t len, cap;
} bytes_t;

struct tasksrv_http_upload {
	char delim[4 + 256];   /* CRLF "--" boundary */
	size_t dlen;
	char tmpdir[PATH_MAX - 64]; /* (so a temp file's path always fits in path) */
	int64_t max_filesize;
	int state;
	int oom;
	int taken;              /* the digest was taken: the files are the caller's */
	bytes_t win;            /* undecided bytes */
	bytes_t out;            /* the digest */
	bytes_t paths;          /* every temp file made, NUL-separated (removed by free() unless taken) */
	/* The part in progress. */
	int in_part;
	int is_file;
	int fd;
	int error;
	int64_t size;
	size_t rec_at;          /* where its record starts in out */
	size_t value_at;        /* fields: where the value's length goes in out */
	char path[PATH_MAX];
};

static int put(bytes_t *b, const void *p, size_t n)
{
	if (b->len + n > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		char *g;

		while (cap < b->len + n) {
			cap *= 2;
		}
		if ((g = realloc(b->s, cap)) == NULL) {
			return -1;
		}
		b->s = g;
		b->cap = cap;
	}
	if (n) {
		memcpy(b->s + b->len, p, n);
	}
	b->len += n;
	return 0;
}

static void out_put(tasksrv_http_upload_t *u, const void *p, size_t n)
{
	if (!u->oom && put(&u->out, p, n) < 0) {
		u->oom = 1;
	}
}

static void out_u32(tasksrv_http_upload_t *u, uint32_t v)
{
	out_put(u, &v, sizeof(v));
}

static void out_str(tasksrv_http_upload_t *u, const char *s, size_t n)
{
	out_u32(u, (uint32_t) n);
	out_put(u, s, n);
}

tasksrv_http_upload_t *tasksrv_http_upload_new(const char *boundary, size_t blen, const char *tmpdir,
	int64_t max_filesize)
{
	tasksrv_http_upload_t *u;

	if (blen == 0 || blen > sizeof(u->delim) - 4 || (tmpdir && strlen(tmpdir) >= sizeof(u->tmpdir))) {
		return NULL;
	}
	if ((u = calloc(1, sizeof(*u))) == NULL) {
		return NULL;
	}
	memcpy(u->delim, "\r\n--", 4);
	memcpy(u->delim + 4, boundary, blen);
	u->dlen = blen + 4;
	snprintf(u->tmpdir, sizeof(u->tmpdir), "%s", tmpdir && *tmpdir ? tmpdir : "/tmp");
	u->max_filesize = max_filesize;
	u->fd = -1;
	/* The first delimiter may open the body without its CRLF: the window starts with one. */
	if (put(&u->win, "\r\n", 2) < 0) {
		free(u);
		return NULL;
	}
	return u;
}

static void file_close(tasksrv_http_upload_t *u, int drop)
{
	if (u->fd >= 0) {
		close(u->fd);
		u->fd = -1;
	}
	if (drop && u->path[0]) {
		unlink(u->path);
		u->path[0] = '\0';
	}
}

/* A part begins: its header block is h (n bytes). */
static void part_begin(tasksrv_http_upload_t *u, const char *h, size_t n)
{
	tasksrv_http_part_t part;

	memset(&part, 0, sizeof(part));
	if (tasksrv_http_parser_part_headers(h, n, &part) < 0) {
		u->state = U_BAD;
		return;
	}
	u->in_part = 1;
	u->is_file = part.filename != NULL;
	u->error = TASKSRV_UPLOAD_ERR_OK;
	u->size = 0;
	u->path[0] = '\0';
	u->rec_at = u->out.len;
	out_put(u, u->is_file ? "F" : "V", 1);
	out_str(u, part.name ? part.name : "", part.name ? part.name_len : 0);
	out_str(u, part.filename ? part.filename : "", part.filename ? part.filename_len : 0);
	out_str(u, part.type ? part.type : "", part.type ? part.type_len : 0);
	if (!u->is_file) {
		u->value_at = u->out.len;
		out_u32(u, 0);
		return;
	}
	snprintf(u->path, sizeof(u->path), "%s/" PREFIX "%d.XXXXXX", u->tmpdir, (int) getpid());
	if ((u->fd = mkstemp(u->path)) < 0) {
		u->error = TASKSRV_UPLOAD_ERR_CANT_WRITE;
		u->path[0] = '\0';
	} else if (put(&u->paths, u->path, strlen(u->path) + 1) < 0) {
		u->oom = 1;
	}
}

/* The next n bytes of the part's content. */
static void part_data(tasksrv_http_upload_t *u, const char *d, size_t n)
{
	if (!u->in_part || n == 0) {
		return;
	}
	if (!u->is_file) {
		out_put(u, d, n);
		return;
	}
	if (u->error) {
		return;
	}
	if (u->max_filesize > 0 && u->size + (int64_t) n > u->max_filesize) {
		u->error = TASKSRV_UPLOAD_ERR_INI_SIZE;
		file_close(u, 1);
		return;
	}
	while (n > 0) {
		ssize_t w = write(u->fd, d, n);

		if (w < 0 && errno == EINTR) {
			continue;
		}
		if (w <= 0) {
			u->error = TASKSRV_UPLOAD_ERR_CANT_WRITE;
			file_close(u, 1);
			return;
		}
		d += w;
		n -= (size_t) w;
		u->size += w;
	}
}

static void part_end(tasksrv_http_upload_t *u)
{
	int64_t size;
	int32_t err;

	if (!u->in_part) {
		return;
	}
	u->in_part = 0;
	if (!u->is_file) {
		uint32_t n = (uint32_t) (u->out.len - u->value_at - sizeof(uint32_t));

		if (!u->oom) {
			memcpy(u->out.s + u->value_at, &n, sizeof(n));
		}
		size = n;
		err = 0;
	} else {
		file_close(u, 0);
		size = u->error ? 0 : u->size;
		err = u->error;
		out_str(u, u->error ? "" : u->path, u->error ? 0 : strlen(u->path));
	}
	out_put(u, &size, sizeof(size));
	out_put(u, &err, sizeof(err));
}

/* A part cut short (a malformed or unfinished body) is not reported, nor its file kept. */
static void part_abort(tasksrv_http_upload_t *u)
{
	if (!u->in_part) {
		return;
	}
	if (u->is_file) {
		file_close(u, 1);
	}
	u->out.len = u->rec_at;
	u->in_part = 0;
}

/* Takes what can be decided out of the window; returns the bytes used. */
static size_t step(tasksrv_http_upload_t *u)
{
	const char *w = u->win.s, *at;
	size_t n = u->win.len;

	switch (u->state) {
		case U_PREAMBLE:
		case U_DATA:
			at = memmem(w, n, u->delim, u->dlen);
			if (at) {
				if (u->state == U_DATA) {
					part_data(u, w, (size_t) (at - w));
					part_end(u);
				}
				u->state = U_DELIM;
				return (size_t) (at - w) + u->dlen;
			}
			/* All but what could be the start of a delimiter. */
			if (n >= u->dlen) {
				if (u->state == U_DATA) {
					part_data(u, w, n - (u->dlen - 1));
				}
				return n - (u->dlen - 1);
			}
			return 0;
		case U_DELIM: {
			size_t i = 0;

			if (n >= 2 && w[0] == '-' && w[1] == '-') {
				u->state = U_END;
				return n;
			}
			while (i < n && (w[i] == ' ' || w[i] == '\t')) {
				i++;
			}
			if (n - i < 2) {
				if (i > 64) {
					u->state = U_BAD;
				}
				return 0;
			}
			if (w[i] != '\r' || w[i + 1] != '\n') {
				u->state = U_BAD;
				return n;
			}
			u->state = U_HEAD;
			return i + 2;
		}
		case U_HEAD:
			if (n >= 2 && w[0] == '\r' && w[1] == '\n') {
				part_begin(u, w, 0);
				if (u->state == U_HEAD) {
					u->state = U_DATA;
				}
				return 2;
			}
			at = memmem(w, n, "\r\n\r\n", 4);
			if (!at) {
				if (n > MAX_PART_HEAD) {
					u->state = U_BAD;
				}
				return 0;
			}
			part_begin(u, w, (size_t) (at - w));
			if (u->state == U_HEAD) {
				u->state = U_DATA;
			}
			return (size_t) (at - w) + 4;
		default:
			return n;
	}
}

int tasksrv_http_upload_feed(tasksrv_http_upload_t *u, const char *data, size_t len)
{
	size_t used;

	if (u->state == U_END || u->state == U_BAD) {
		return u->oom ? -1 : 0;
	}
	if (put(&u->win, data, len) < 0) {
		u->oom = 1;
		return -1;
	}
	while (u->win.len > 0 && (used = step(u)) > 0) {
		memmove(u->win.s, u->win.s + used, u->win.len - used);
		u->win.len -= used;
	}
	if (u->state == U_BAD) {
		part_abort(u);
	}
	/* A big feed leaves at most a delimiter's length: give the window's room back. */
	if (u->win.cap > (1 << 20) && u->win.len < 4096) {
		char *g = realloc(u->win.s, 4096);

		if (g) {
			u->win.s = g;
			u->win.cap = 4096;
		}
	}
	return u->oom ? -1 : 0;
}

int tasksrv_http_upload_complete(const tasksrv_http_upload_t *u)
{
	return u->state == U_END;
}

const char *tasksrv_http_upload_digest(tasksrv_http_upload_t *u, size_t *len)
{
	/* The body ended inside a part: it does not count. */
	part_abort(u);
	u->taken = 1;
	*len = u->oom ? 0 : u->out.len;
	return u->out.s ? u->out.s : "";
}

void tasksrv_http_upload_free(tasksrv_http_upload_t *u)
{
	size_t i;

	if (u == NULL) {
		return;
	}
	file_close(u, 0);
	if (!u->taken || u->oom) {
		for (i = 0; i < u->paths.len; i += strlen(u->paths.s + i) + 1) {
			unlink(u->paths.s + i);
		}
	}
	free(u->win.s);
	free(u->out.s);
	free(u->paths.s);
	free(u);
}

int tasksrv_http_upload_adopt(const char *path, char *out, size_t n)
{
	const char *base = strrchr(path, '/'), *dot;
	int w;

	base = base ? base + 1 : path;
	if (strncmp(base, PREFIX, sizeof(PREFIX) - 1) != 0 || (dot = strrchr(base, '.')) == NULL
			|| dot < base + sizeof(PREFIX) - 1) {
		return -1;
	}
	w = snprintf(out, n, "%.*s" PREFIX "%d%s", (int) (base - path), path, (int) getpid(), dot);
	return w > 0 && (size_t) w < n ? 0 : -1;
}

int tasksrv_http_upload_sweep(const char *dir, int pid)
{
	char prefix[64], path[PATH_MAX];
	size_t pl;
	struct dirent *e;
	DIR *d = opendir(dir && *dir ? dir : "/tmp");
	int n = 0;

	if (d == NULL) {
		return 0;
	}
	pl = (size_t) snprintf(prefix, sizeof(prefix), PREFIX "%d.", pid);
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, prefix, pl) == 0
				&& snprintf(path, sizeof(path), "%s/%s", dir && *dir ? dir : "/tmp", e->d_name) < (int) sizeof(path)
				&& unlink(path) == 0) {
			n++;
		}
	}
	closedir(d);
	return n;
}

static int get_u32(const char *d, size_t len, size_t *pos, uint32_t *v)
{
	if (len - *pos < sizeof(*v)) {
		return -1;
	}
	memcpy(v, d + *pos, sizeof(*v));
	*pos += sizeof(*v);
	return 0;
}

static int get_str(const char *d, size_t len, size_t *pos, const char **s, size_t *n)
{
	uint32_t l;

	if (get_u32(d, len, pos, &l) < 0 || len - *pos < l) {
		return -1;
	}
	*s = d + *pos;
	*n = l;
	*pos += l;
	return 0;
}

int tasksrv_http_upload_next(const char *digest, size_t len, size_t *pos, tasksrv_http_upload_part_t *part)
{
	int32_t err;

	if (*pos >= len) {
		return 0;
	}
	memset(part, 0, sizeof(*part));
	if (digest[*pos] != 'F' && digest[*pos] != 'V') {
		return -1;
	}
	part->is_file = digest[(*pos)++] == 'F';
	if (get_str(digest, len, pos, &part->name, &part->name_len) < 0
			|| get_str(digest, len, pos, &part->filename, &part->filename_len) < 0
			|| get_str(digest, len, pos, &part->type, &part->type_len) < 0
			|| get_str(digest, len, pos, &part->value, &part->value_len) < 0
			|| len - *pos < sizeof(part->size) + sizeof(err)) {
		return -1;
	}
	memcpy(&part->size, digest + *pos, sizeof(part->size));
	memcpy(&err, digest + *pos + sizeof(part->size), sizeof(err));
	*pos += sizeof(part->size) + sizeof(err);
	part->error = err;
	return 1;
}
