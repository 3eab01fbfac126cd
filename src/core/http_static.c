/* tasksrv: the static file handler of an HTTP port (see http_static.h). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* timegm() */
#endif
#include "http_static.h"
#include "http.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define HTML_STYLE "<style> body { padding: 0.5em; line-height: 2; } h1 { font-size: 1.5em; padding-bottom: 0.3em; " \
	"border-bottom: 1px solid #ccc; } ul { list-style-type: disc; } footer { border-top: 1px solid #ccc; } " \
	"a { color: #0969da; } </style>"
#define NOT_FOUND_PAGE "<html><body>" HTML_STYLE "<h1>HTTP 404 Not Found</h1><footer><i>Powered by Swoole</i>" \
	"</footer></body></html>"

static char *dup_or_null(const char *s)
{
	return s && *s ? strdup(s) : NULL;
}

void tasksrv_http_static_free(tasksrv_http_static_t *st)
{
	free(st->root);
	free(st->locations);
	free(st->index_files);
	st->root = st->locations = st->index_files = NULL;
	st->autoindex = 0;
}

int tasksrv_http_static_set(tasksrv_http_static_t *st, const char *root, const char *locations,
	const char *index_files, int autoindex)
{
	char real[PATH_MAX];
	struct stat sb;

	tasksrv_http_static_free(st);
	if (root == NULL) {
		return 0;
	}
	if (realpath(root, real) == NULL || stat(real, &sb) < 0 || !S_ISDIR(sb.st_mode)) {
		return -1;
	}
	/* "/" as the root: every real path is under it; keep it without the slash. */
	if (strcmp(real, "/") == 0) {
		real[0] = '\0';
	}
	st->root = strdup(real);
	st->locations = dup_or_null(locations);
	st->index_files = dup_or_null(index_files);
	st->autoindex = autoindex;
	if (st->root == NULL || (locations && *locations && !st->locations)
			|| (index_files && *index_files && !st->index_files)) {
		tasksrv_http_static_free(st);
		return -1;
	}
	return 0;
}

const char *tasksrv_http_static_mime(const char *name)
{
	static const struct {
		const char *ext, *type;
	} types[] = {
		{"html", "text/html"}, {"htm", "text/html"}, {"txt", "text/plain"}, {"css", "text/css"},
		{"csv", "text/csv"}, {"md", "text/markdown"}, {"xml", "application/xml"},
		{"js", "application/javascript"}, {"mjs", "application/javascript"}, {"json", "application/json"},
		{"map", "application/json"}, {"wasm", "application/wasm"}, {"pdf", "application/pdf"},
		{"zip", "application/zip"}, {"gz", "application/gzip"}, {"tar", "application/x-tar"},
		{"png", "image/png"}, {"jpg", "image/jpeg"}, {"jpeg", "image/jpeg"}, {"gif", "image/gif"},
		{"svg", "image/svg+xml"}, {"ico", "image/x-icon"}, {"webp", "image/webp"}, {"avif", "image/avif"},
		{"bmp", "image/bmp"}, {"woff", "font/woff"}, {"woff2", "font/woff2"}, {"ttf", "font/ttf"},
		{"otf", "font/otf"}, {"mp3", "audio/mpeg"}, {"ogg", "audio/ogg"}, {"wav", "audio/wav"},
		{"mp4", "video/mp4"}, {"webm", "video/webm"}, {"bin", "application/octet-stream"},
	};
	const char *dot = strrchr(name, '.'), *slash = strrchr(name, '/');
	size_t i;

	if (dot && (!slash || dot > slash)) {
		for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
			if (strcasecmp(dot + 1, types[i].ext) == 0) {
				return types[i].type;
			}
		}
	}
	return NULL;
}

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
}

/* The path percent-decoded, its empty, "." and ".." segments resolved, into out
 * ("/" alone for the root; otherwise without a trailing slash). -1: NUL in it, too
 * long, or a ".." above the root. */
static int normalize(const char *path, size_t len, char *out, size_t cap)
{
	char dec[PATH_MAX];
	size_t n = 0, i, o = 0;

	if (len >= sizeof(dec)) {
		return -1;
	}
	for (i = 0; i < len; i++) {
		char c = path[i];

		if (c == '%' && i + 2 < len && hexval(path[i + 1]) >= 0 && hexval(path[i + 2]) >= 0) {
			c = (char) (hexval(path[i + 1]) * 16 + hexval(path[i + 2]));
			i += 2;
		}
		if (c == '\0') {
			return -1;
		}
		dec[n++] = c;
	}
	for (i = 0; i < n;) {
		size_t start, seg;

		while (i < n && dec[i] == '/') {
			i++;
		}
		start = i;
		while (i < n && dec[i] != '/') {
			i++;
		}
		seg = i - start;
		if (seg == 0 || (seg == 1 && dec[start] == '.')) {
			continue;
		}
		if (seg == 2 && dec[start] == '.' && dec[start + 1] == '.') {
			if (o == 0) {
				return -1;
			}
			while (out[--o] != '/') {
			}
			continue;
		}
		if (o + 1 + seg >= cap) {
			return -1;
		}
		out[o++] = '/';
		memcpy(out + o, dec + start, seg);
		o += seg;
	}
	if (o == 0) {
		out[o++] = '/';
	}
	out[o] = '\0';
	return 0;
}

/* The first of a '\n'-separated list that path starts with (Swoole: a plain prefix). */
static int in_locations(const char *list, const char *path)
{
	while (*list) {
		const char *end = strchr(list, '\n');
		size_t n = end ? (size_t) (end - list) : strlen(list);

		if (n > 0 && strncmp(path, list, n) == 0) {
			return 1;
		}
		if (!end) {
			break;
		}
		list = end + 1;
	}
	return 0;
}

/* The real path of root + rel, if it exists and is the root or under it. */
static int resolve(const tasksrv_http_static_t *st, const char *rel, char *real, struct stat *sb)
{
	char full[PATH_MAX];
	size_t rl = strlen(st->root);

	if (snprintf(full, sizeof(full), "%s%s", st->root, rel) >= (int) sizeof(full)) {
		return -1;
	}
	if (realpath(full, real) == NULL || stat(real, sb) < 0) {
		return -1;
	}
	if (strncmp(real, st->root, rl) != 0 || (real[rl] != '\0' && real[rl] != '/')) {
		return -1; /* a symlink out of the root */
	}
	return 0;
}

static void http_time(time_t t, char *buf, size_t n)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, n, "%a, %d %b %Y %H:%M:%S GMT", &tm);
}

/* If-Modified-Since as an IMF-fixdate; -1 when absent or not one. */
static time_t if_modified_since(const tasksrv_http_parser_t *p, const char *data)
{
	const tasksrv_http_header_t *h = tasksrv_http_parser_header(p, data, "if-modified-since");
	char buf[64];
	struct tm tm;
	const char *end;

	if (!h || h->value.len == 0 || h->value.len >= sizeof(buf)) {
		return -1;
	}
	memcpy(buf, data + h->value.off, h->value.len);
	buf[h->value.len] = '\0';
	memset(&tm, 0, sizeof(tm));
	end = strptime(buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
	return end && *end == '\0' ? timegm(&tm) : -1;
}

static int64_t digits(const char **s, const char *end)
{
	int64_t v = 0;
	const char *d = *s;

	if (d == end || *d < '0' || *d > '9') {
		return -1;
	}
	for (; d < end && *d >= '0' && *d <= '9'; d++) {
		if (v > (INT64_MAX - 9) / 10) {
			return -1;
		}
		v = v * 10 + (*d - '0');
	}
	*s = d;
	return v;
}

/* One "bytes=a-b", "bytes=a-" or "bytes=-n" range within size: 1 with [*from, *to],
 * 0 when there is none, it is not one range, or none of it is in the file (the whole
 * file then, as Swoole). */
static int range_of(const tasksrv_http_parser_t *p, const char *data, int64_t size, int64_t *from, int64_t *to)
{
	const tasksrv_http_header_t *h = tasksrv_http_parser_header(p, data, "range");
	const char *s, *end;
	int64_t a = -1, b = -1;

	if (!h || h->value.len < 7 || memcmp(data + h->value.off, "bytes=", 6) != 0 || size == 0) {
		return 0;
	}
	s = data + h->value.off + 6;
	end = data + h->value.off + h->value.len;
	if (s < end && *s != '-' && (a = digits(&s, end)) < 0) {
		return 0;
	}
	if (s == end || *s++ != '-') {
		return 0;
	}
	if (s < end && (b = digits(&s, end)) < 0) {
		return 0;
	}
	if (s != end || (a < 0 && b < 0)) {
		return 0;
	}
	if (a < 0) {           /* the last b bytes */
		a = b >= size ? 0 : size - b;
		b = size - 1;
	} else if (b < 0 || b >= size) {
		b = size - 1;
	}
	if (a > b || a >= size) {
		return 0;
	}
	*from = a;
	*to = b;
	return 1;
}

static int reply_text(tasksrv_http_static_reply_t *reply, const char *text, size_t n, int status)
{
	if ((reply->head = malloc(n)) == NULL) {
		return -1;
	}
	memcpy(reply->head, text, n);
	reply->head_len = n;
	reply->status = status;
	return TASKSRV_HTTP_STATIC_REPLY;
}

static int not_found(const tasksrv_http_parser_t *p, tasksrv_http_static_reply_t *reply)
{
	char buf[1024];
	int n = snprintf(buf, sizeof(buf), "HTTP/1.1 404 Not Found\r\nServer: swoole-http-server\r\nConnection: %s\r\n"
		"Content-Length: %zu\r\n\r\n%s", p->keep_alive ? "keep-alive" : "close", sizeof(NOT_FOUND_PAGE) - 1,
		p->method == TASKSRV_HTTP_HEAD ? "" : NOT_FOUND_PAGE);

	return reply_text(reply, buf, (size_t) n, 404);
}

/* A growing string for the listing. */
typedef struct {
	char *s;
	size_t len, cap;
	int oom;
} text_t;

static void put(text_t *t, const char *s, size_t n)
{
	if (t->oom) {
		return;
	}
	if (t->len + n + 1 > t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 4096;
		char *g;

		while (cap < t->len + n + 1) {
			cap *= 2;
		}
		if ((g = realloc(t->s, cap)) == NULL) {
			t->oom = 1;
			return;
		}
		t->s = g;
		t->cap = cap;
	}
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = '\0';
}

static void puts_(text_t *t, const char *s)
{
	put(t, s, strlen(s));
}

/* A name in HTML: the characters that could end an attribute or start a tag escaped. */
static void put_html(text_t *t, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
			case '&': puts_(t, "&amp;"); break;
			case '<': puts_(t, "&lt;"); break;
			case '>': puts_(t, "&gt;"); break;
			case '"': puts_(t, "&quot;"); break;
			case '\'': puts_(t, "&#39;"); break;
			default: put(t, s, 1);
		}
	}
}

/* http_autoindex: Swoole's page, entries sorted by name, ".." first. */
static int listing(const tasksrv_http_parser_t *p, const char *path, const char *real, const struct stat *sb,
	tasksrv_http_static_reply_t *reply)
{
	struct dirent **names;
	text_t body = {0}, head = {0};
	const char *base = strcmp(path, "/") == 0 ? "" : path;
	char date[64], lm[64], num[32];
	int i, n = scandir(real, &names, NULL, alphasort);

	if (n < 0) {
		return TASKSRV_HTTP_STATIC_PASS;
	}
	puts_(&body, "<html>\n<head>\n\t<meta charset='UTF-8'>\n<title>Index of ");
	put_html(&body, base);
	puts_(&body, "/</title></head>\n<body>\n" HTML_STYLE "<h1>Index of ");
	put_html(&body, base);
	puts_(&body, "/</h1>\t<ul>\n");
	for (i = 0; i < n; i++) {
		if (strcmp(names[i]->d_name, ".") != 0) {
			puts_(&body, "\t\t<li><a href=\"");
			put_html(&body, base);
			puts_(&body, "/");
			put_html(&body, names[i]->d_name);
			puts_(&body, "\">");
			put_html(&body, names[i]->d_name);
			puts_(&body, "</a></li>\n");
		}
		free(names[i]);
	}
	free(names);
	puts_(&body, "\t</ul>\n<footer><i>Powered by Swoole</i></footer></body>\n</html>\n");
	http_time(time(NULL), date, sizeof(date));
	http_time(sb->st_mtime, lm, sizeof(lm));
	puts_(&head, "HTTP/1.1 200 OK\r\nConnection: ");
	puts_(&head, p->keep_alive ? "keep-alive" : "close");
	snprintf(num, sizeof(num), "%zu", body.len);
	puts_(&head, "\r\nContent-Length: ");
	puts_(&head, num);
	puts_(&head, "\r\nContent-Type: text/html\r\nDate: ");
	puts_(&head, date);
	puts_(&head, "\r\nLast-Modified: ");
	puts_(&head, lm);
	puts_(&head, "\r\nServer: swoole-http-server\r\n\r\n");
	if (p->method != TASKSRV_HTTP_HEAD) {
		put(&head, body.s ? body.s : "", body.len);
	}
	free(body.s);
	if (head.oom || body.oom) {
		free(head.s);
		return -1;
	}
	reply->head = head.s;
	reply->head_len = head.len;
	reply->status = 200;
	return TASKSRV_HTTP_STATIC_REPLY;
}

/* A directory: its first index file that exists (a regular file under the root). */
static int index_file(const tasksrv_http_static_t *st, const char *path, char *real, struct stat *sb)
{
	const char *list = st->index_files;
	char rel[PATH_MAX];

	while (list && *list) {
		const char *end = strchr(list, '\n');
		int n = end ? (int) (end - list) : (int) strlen(list);

		if (n > 0 && snprintf(rel, sizeof(rel), "%s/%.*s", strcmp(path, "/") == 0 ? "" : path, n, list)
				< (int) sizeof(rel) && resolve(st, rel, real, sb) == 0 && S_ISREG(sb->st_mode)) {
			return 0;
		}
		if (!end) {
			break;
		}
		list = end + 1;
	}
	return -1;
}

/* The head of a file's answer (200, 206 or 304); the body is the caller's. */
static int file_head(const tasksrv_http_parser_t *p, const char *data, const char *type, const struct stat *sb,
	tasksrv_http_static_reply_t *reply)
{
	char date[64], lm[64], buf[1024], range[128] = "";
	time_t ims = if_modified_since(p, data);
	int64_t from = 0, to = (int64_t) sb->st_size - 1;
	int n, status = 200;
	const char *conn = p->keep_alive ? "keep-alive" : "close";

	http_time(time(NULL), date, sizeof(date));
	http_time(sb->st_mtime, lm, sizeof(lm));
	if (ims >= 0 && sb->st_mtime <= ims) {
		n = snprintf(buf, sizeof(buf), "HTTP/1.1 304 Not Modified\r\nConnection: %s\r\nDate: %s\r\n"
			"Last-Modified: %s\r\nServer: swoole-http-server\r\n\r\n", conn, date, lm);
		reply->length = 0;
		return reply_text(reply, buf, (size_t) n, 304);
	}
	if (range_of(p, data, (int64_t) sb->st_size, &from, &to)) {
		status = 206;
		snprintf(range, sizeof(range), "Content-Range: bytes %lld-%lld/%lld\r\n", (long long) from, (long long) to,
			(long long) sb->st_size);
	}
	reply->offset = from;
	reply->length = to - from + 1;
	n = snprintf(buf, sizeof(buf), "HTTP/1.1 %s\r\nConnection: %s\r\nContent-Length: %lld\r\nContent-Type: %s\r\n"
		"%s%sDate: %s\r\nLast-Modified: %s\r\nServer: swoole-http-server\r\n\r\n",
		status == 206 ? "206 Partial Content" : "200 OK", conn, (long long) reply->length, type,
		status == 206 ? "" : "Accept-Ranges: bytes\r\n", range, date, lm);
	if (p->method == TASKSRV_HTTP_HEAD) {
		reply->length = 0;
	}
	return reply_text(reply, buf, (size_t) n, status);
}

int tasksrv_http_static_serve(const tasksrv_http_static_t *st, const tasksrv_http_parser_t *p, const char *data,
	tasksrv_http_static_reply_t *reply)
{
	char path[PATH_MAX], real[PATH_MAX];
	struct stat sb;
	const char *type;
	int located, rc, fd;

	memset(reply, 0, sizeof(*reply));
	reply->fd = -1;
	if (st->root == NULL || (p->method != TASKSRV_HTTP_GET && p->method != TASKSRV_HTTP_HEAD)
			|| p->path.len == 0 || data[p->path.off] != '/'
			|| normalize(data + p->path.off, p->path.len, path, sizeof(path)) < 0) {
		return TASKSRV_HTTP_STATIC_PASS;
	}
	located = st->locations != NULL;
	if (located && !in_locations(st->locations, path)) {
		return TASKSRV_HTTP_STATIC_PASS;
	}
	if (resolve(st, path, real, &sb) < 0) {
		return located ? not_found(p, reply) : TASKSRV_HTTP_STATIC_PASS;
	}
	if (S_ISDIR(sb.st_mode)) {
		struct stat dir = sb;
		char dreal[PATH_MAX];

		memcpy(dreal, real, sizeof(dreal));
		if (index_file(st, path, real, &sb) < 0) {
			return st->autoindex ? listing(p, path, dreal, &dir, reply) : TASKSRV_HTTP_STATIC_PASS;
		}
	}
	if (!S_ISREG(sb.st_mode)) {
		return TASKSRV_HTTP_STATIC_PASS;
	}
	type = tasksrv_http_static_mime(real);
	if (type == NULL) {
		if (!located) {
			return TASKSRV_HTTP_STATIC_PASS;
		}
		type = "application/octet-stream";
	}
	/* What is sent is what was opened: its size and time from the descriptor. */
	if ((fd = open(real, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) < 0 || fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode)) {
		if (fd >= 0) {
			close(fd);
		}
		return located ? not_found(p, reply) : TASKSRV_HTTP_STATIC_PASS;
	}
	rc = file_head(p, data, type, &sb, reply);
	if (rc != TASKSRV_HTTP_STATIC_REPLY || reply->length == 0) {
		close(fd);
		return rc;
	}
	reply->fd = fd;
	return rc;
}
