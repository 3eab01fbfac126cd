/* tasksrv: TaskSrv\Http\Request (Swoole\Http\Request): built once per request from
 * the core's parsed request; header names are already lower-case. Query strings and
 * urlencoded bodies go through PHP's own variable parser (treat_data, as parse_str()),
 * so "b[]=x" gives arrays as in $_GET; multipart file parts are written to 0600 files
 * in upload_tmp_dir, removed after onRequest returns unless the program moved them. */
#include "php_http_request.h"

#include "SAPI.h"
#include "main/php_variables.h"
#include "ext/standard/url.h"
#include "http_upload.h"
#include "io.h"
#include "listener.h"
#include "shm.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

zend_class_entry *tasksrv_http_request_ce;
static zend_object_handlers request_handlers;

#define UPLOAD_ERR_INI_SIZE 1
#define UPLOAD_ERR_CANT_WRITE 7

/* {{{ object */
static zend_object *request_create(zend_class_entry *ce)
{
	http_request_t *r = zend_object_alloc(sizeof(http_request_t), ce);

	zend_object_std_init(&r->std, ce);
	object_properties_init(&r->std, ce);
	r->std.handlers = &request_handlers;
	return &r->std;
}

static void request_free(zend_object *obj)
{
	http_request_t *r = http_request_from(obj);

	if (r->data) {
		zend_string_release(r->data);
	}
	if (r->method) {
		zend_string_release(r->method);
	}
	zend_object_std_dtor(obj);
}
/* }}} */

/* The declared properties' slots, found once (MINIT): a request writes its arrays
 * straight in instead of looking each name up (zend_update_property) every time. */
enum { RQ_FD, RQ_HEADER, RQ_SERVER, RQ_COOKIE, RQ_GET, RQ_FILES, RQ_POST, RQ_TMPFILES, RQ_NPROPS };
static const char *const rq_names[RQ_NPROPS] = {
	[RQ_FD] = "fd", [RQ_HEADER] = "header", [RQ_SERVER] = "server", [RQ_COOKIE] = "cookie",
	[RQ_GET] = "get", [RQ_FILES] = "files", [RQ_POST] = "post", [RQ_TMPFILES] = "tmpfiles",
};
static uint32_t rq_offset[RQ_NPROPS];

/* Only on a request just built (the slot holds its default, null or 0): the value
 * fits the property's type (int for fd, ?array for the rest). Takes v over. */
static void set_prop(zval *obj, int which, zval *v)
{
	zval *slot = OBJ_PROP(Z_OBJ_P(obj), rq_offset[which]);

	zval_ptr_dtor(slot);
	ZVAL_COPY_VALUE(slot, v);
}

/* $server's keys and the values that repeat, interned once (hash computed). */
enum {
	SK_QUERY_STRING, SK_REQUEST_METHOD, SK_REQUEST_URI, SK_PATH_INFO, SK_REQUEST_TIME, SK_REQUEST_TIME_FLOAT,
	SK_SERVER_PROTOCOL, SK_SERVER_PORT, SK_REMOTE_PORT, SK_SERVER_ADDR, SK_REMOTE_ADDR, SK_MASTER_TIME,
	SK_HTTP10, SK_HTTP11, SK_N
};
static const char *const sk_text[SK_N] = {
	[SK_QUERY_STRING] = "query_string", [SK_REQUEST_METHOD] = "request_method", [SK_REQUEST_URI] = "request_uri",
	[SK_PATH_INFO] = "path_info", [SK_REQUEST_TIME] = "request_time", [SK_REQUEST_TIME_FLOAT] = "request_time_float",
	[SK_SERVER_PROTOCOL] = "server_protocol", [SK_SERVER_PORT] = "server_port", [SK_REMOTE_PORT] = "remote_port",
	[SK_SERVER_ADDR] = "server_addr", [SK_REMOTE_ADDR] = "remote_addr", [SK_MASTER_TIME] = "master_time",
	[SK_HTTP10] = "HTTP/1.0", [SK_HTTP11] = "HTTP/1.1",
};
static zend_string *sk[SK_N];

/* getMethod() and $server['request_method'] of the usual methods, interned. */
static const char *const method_text[] = {
	[TASKSRV_HTTP_GET] = "GET", [TASKSRV_HTTP_HEAD] = "HEAD", [TASKSRV_HTTP_POST] = "POST",
	[TASKSRV_HTTP_PUT] = "PUT", [TASKSRV_HTTP_DELETE] = "DELETE", [TASKSRV_HTTP_OPTIONS] = "OPTIONS",
	[TASKSRV_HTTP_PATCH] = "PATCH",
};
#define NMETHODS ((int) (sizeof(method_text) / sizeof(method_text[0])))
static zend_string *method_str[NMETHODS];

/* The header names most requests carry, interned: no key to allocate, hash or free. */
static const char *const common_header_text[] = {
	"host", "user-agent", "accept", "accept-encoding", "accept-language", "connection", "content-type",
	"content-length", "cookie", "referer", "cache-control", "origin", "authorization", "x-forwarded-for",
	"x-real-ip", "pragma", "upgrade-insecure-requests", "if-none-match", "if-modified-since",
};
#define NCOMMON ((int) (sizeof(common_header_text) / sizeof(common_header_text[0])))
static zend_string *common_header[NCOMMON];

static void interned_init(void)
{
	int i;

	for (i = 0; i < SK_N; i++) {
		sk[i] = zend_string_init_interned(sk_text[i], strlen(sk_text[i]), 1);
	}
	for (i = 0; i < NMETHODS; i++) {
		method_str[i] = method_text[i] ? zend_string_init_interned(method_text[i], strlen(method_text[i]), 1) : NULL;
	}
	for (i = 0; i < NCOMMON; i++) {
		common_header[i] = zend_string_init_interned(common_header_text[i], strlen(common_header_text[i]), 1);
	}
}

static zend_string *common_header_key(const char *name, size_t n)
{
	int i;

	for (i = 0; i < NCOMMON; i++) {
		if (ZSTR_LEN(common_header[i]) == n && memcmp(ZSTR_VAL(common_header[i]), name, n) == 0) {
			return common_header[i];
		}
	}
	return NULL;
}

#define SPAN(r, s) ((r)->data + (s).off), ((size_t) (s).len)

/* PHP's own parser of "a=1&b[]=2" (parse_str()'s): arrays as in $_GET. */
static void parse_query(const char *s, size_t n, zval *into)
{
	array_init(into);
	if (n > 0) {
		sapi_module.treat_data(PARSE_STRING, estrndup(s, n), into);
	}
}

/* Cookie goes to $cookie instead when it is parsed, as in Swoole. */
static void build_headers(const tasksrv_http_request_t *r, zval *header, bool skip_cookie)
{
	int i;

	array_init_size(header, (uint32_t) r->nheaders);
	for (i = 0; i < r->nheaders - r->ntrailers; i++) {
		const tasksrv_http_header_t *h = &r->headers[i];

		if (skip_cookie && h->name.len == 6 && memcmp(r->data + h->name.off, "cookie", 6) == 0) {
			continue;
		}
		zend_string *key = common_header_key(SPAN(r, h->name));
		zval v;

		ZVAL_STRINGL_FAST(&v, r->data + h->value.off, h->value.len);
		if (key) {
			zend_hash_update(Z_ARRVAL_P(header), key, &v);
		} else {
			/* as add_assoc_stringl_ex: a numeric name is an integer key */
			zend_symtable_str_update(Z_ARRVAL_P(header), SPAN(r, h->name), &v);
		}
	}
}

/* "a=1; b=x%20y": values url-decoded, names as they are (no arrays, as Swoole). */
static void build_cookies(const char *s, size_t n, zval *cookie)
{
	const char *end = s + n;

	array_init(cookie);
	while (s < end) {
		const char *semi = memchr(s, ';', (size_t) (end - s)), *eq, *stop = semi ? semi : end;

		while (s < stop && (*s == ' ' || *s == '\t')) {
			s++;
		}
		eq = memchr(s, '=', (size_t) (stop - s));
		if (eq && eq > s) {
			zend_string *v = zend_string_init(eq + 1, (size_t) (stop - eq - 1), 0);

			ZSTR_LEN(v) = php_url_decode(ZSTR_VAL(v), ZSTR_LEN(v));
			add_assoc_str_ex(cookie, s, (size_t) (eq - s), v);
		}
		s = stop + 1;
	}
}

/* The listener's address as text: inet_ntop (sprintf inside) once per port, not
 * once per request. */
static const char *listener_addr(const tasksrv_listener_t *l)
{
	static int family = -1;
	static unsigned char addr[16];
	static char text[INET6_ADDRSTRLEN];

	if (l->family != AF_INET && l->family != AF_INET6) {
		return "";
	}
	if (family != l->family || memcmp(addr, l->addr, sizeof(addr)) != 0) {
		if (inet_ntop(l->family, l->addr, text, sizeof(text)) == NULL) {
			text[0] = '\0';
		}
		family = l->family;
		memcpy(addr, l->addr, sizeof(addr));
	}
	return text;
}

static void server_str(HashTable *ht, int key, const char *s, size_t n)
{
	zval v;

	ZVAL_STRINGL_FAST(&v, s, n);
	zend_hash_add_new(ht, sk[key], &v);
}

static void server_long(HashTable *ht, int key, zend_long n)
{
	zval v;

	ZVAL_LONG(&v, n);
	zend_hash_add_new(ht, sk[key], &v);
}

static void server_interned(HashTable *ht, int key, zend_string *str)
{
	zval v;

	ZVAL_INTERNED_STR(&v, str);
	zend_hash_add_new(ht, sk[key], &v);
}

/* Interned keys, each added once: no lookups, no hashing. */
static void build_server(server_obj *o, const tasksrv_http_request_t *r, int64_t session, zval *server)
{
	tasksrv_session_t *sess = tasksrv_shm_session_get(o->core.shm, session);
	tasksrv_listener_t *l = o->core.ports.items[o->core.cur_port];
	double now = tasksrv_io_unix_time();
	HashTable *ht;
	zval v;

	array_init_size(server, 16);
	ht = Z_ARRVAL_P(server);
	zend_hash_real_init_mixed(ht);
	/* Swoole's order: query_string (when the target has a '?') first. */
	if (r->query.off > r->path.off + r->path.len) {
		server_str(ht, SK_QUERY_STRING, SPAN(r, r->query));
	}
	if (r->method > 0 && r->method < NMETHODS && method_str[r->method]) {
		server_interned(ht, SK_REQUEST_METHOD, method_str[r->method]);
	} else {
		server_str(ht, SK_REQUEST_METHOD, SPAN(r, r->method_name));
	}
	server_str(ht, SK_REQUEST_URI, SPAN(r, r->path));
	server_str(ht, SK_PATH_INFO, SPAN(r, r->path));
	server_long(ht, SK_REQUEST_TIME, (zend_long) now);
	ZVAL_DOUBLE(&v, now);
	zend_hash_add_new(ht, sk[SK_REQUEST_TIME_FLOAT], &v);
	server_interned(ht, SK_SERVER_PROTOCOL, sk[r->version == 10 ? SK_HTTP10 : SK_HTTP11]);
	server_long(ht, SK_SERVER_PORT, l->port);
	server_long(ht, SK_REMOTE_PORT, sess ? sess->remote_port : 0);
	server_str(ht, SK_SERVER_ADDR, listener_addr(l), strlen(listener_addr(l)));
	server_str(ht, SK_REMOTE_ADDR, sess ? sess->remote_ip : "", sess ? strlen(sess->remote_ip) : 0);
	server_long(ht, SK_MASTER_TIME, (zend_long) (sess && sess->last_dispatch_time > 0
		? sess->last_dispatch_time : now));
}

/* {{{ multipart/form-data */
/* The uploaded files of this process's requests, for is_uploaded_file() and
 * move_uploaded_file() (PHP's own table; at the end of the process, PHP removes
 * what is still in it, so a worker that dies in onRequest leaves no file behind). */
static void uploaded_add(zend_string *path)
{
	zval v;

	if (!SG(rfc1867_uploaded_files)) {
		ALLOC_HASHTABLE(SG(rfc1867_uploaded_files));
		zend_hash_init(SG(rfc1867_uploaded_files), 8, NULL, ZVAL_PTR_DTOR, 0);
	}
	ZVAL_STR_COPY(&v, path);
	zend_hash_update(SG(rfc1867_uploaded_files), path, &v);
}

/* A temp file named for another process (the PROCESS master wrote it) takes this
 * process's pid in its name, so that if this worker is killed in onRequest, the
 * manager knows the file for its own and removes it (tasksrv_http_upload_sweep()). */
static zend_string *adopt(const char *path, size_t len)
{
	char old[4096], mine[4096];

	if (len >= sizeof(old)) {
		return zend_string_init(path, len, 0);
	}
	memcpy(old, path, len);
	old[len] = '\0';
	if (tasksrv_http_upload_adopt(old, mine, sizeof(mine)) == 0 && strcmp(old, mine) != 0
			&& link(old, mine) == 0) {
		unlink(old);
		return zend_string_init(mine, strlen(mine), 0);
	}
	return zend_string_init(path, len, 0);
}

/* A file part (already in its 0600 temp file, written by the core while the body
 * arrived): its $files entry, Swoole's keys in Swoole's order. */
static void upload_file(const tasksrv_http_upload_part_t *part, zval *files, zval *tmpfiles)
{
	zend_string *path = part->value_len > 0 ? adopt(part->value, part->value_len) : NULL;
	zval info;
	char *name;

	array_init_size(&info, 5);
	add_assoc_stringl(&info, "type", (char *) part->type, part->type_len);
	if (path) {
		add_assoc_str(&info, "tmp_name", zend_string_copy(path));
		uploaded_add(path);
		add_next_index_str(tmpfiles, path);
	} else {
		add_assoc_string(&info, "tmp_name", "");
	}
	add_assoc_long(&info, "size", (zend_long) part->size);
	add_assoc_stringl(&info, "name", (char *) part->filename, part->filename_len);
	add_assoc_long(&info, "error", part->error);
	/* "f[]" and "f[a]" give arrays, as for post fields. */
	name = estrndup(part->name, part->name_len);
	php_register_variable_ex(name, &info, files);
	efree(name);
}

/* The parts of a body the core decoded (r->uploads: the body is its digest). */
static void parse_uploads(const tasksrv_http_request_t *r, zval *post, zval *files, zval *tmpfiles)
{
	const char *digest = r->data + r->body.off;
	tasksrv_http_upload_part_t part;
	size_t pos = 0;
	int rc;

	while ((rc = tasksrv_http_upload_next(digest, r->body.len, &pos, &part)) == 1) {
		char *name;
		zval v;

		if (part.name_len == 0) {
			if (part.is_file && part.value_len > 0) {
				unlink(part.value); /* a file nobody can name */
			}
			continue;
		}
		if (part.is_file) {
			if (Z_TYPE_P(files) != IS_ARRAY) {
				array_init(files);
			}
			upload_file(&part, files, tmpfiles);
			continue;
		}
		if (Z_TYPE_P(post) != IS_ARRAY) {
			array_init(post);
		}
		ZVAL_STRINGL(&v, part.value, part.value_len);
		name = estrndup(part.name, part.name_len);
		php_register_variable_ex(name, &v, post);
		efree(name);
	}
}
/* }}} */

static bool ctype_is(const char *v, size_t n, const char *type)
{
	size_t t = strlen(type);

	return n >= t && strncasecmp(v, type, t) == 0 && (n == t || v[t] == ';' || v[t] == ' ');
}

static void build_body(server_obj *o, const tasksrv_http_request_t *r, zval *req)
{
	const char *ctype;
	size_t ctype_len;
	zval post, files, tmpfiles;

	ZVAL_NULL(&post);
	ZVAL_NULL(&files);
	array_init(&tmpfiles);
	ctype = tasksrv_http_header(r, "content-type", &ctype_len);
	if (ctype && r->body.len > 0 && !r->uploads) {
		if (o->opts.http_parse_post && ctype_is(ctype, ctype_len, "application/x-www-form-urlencoded")) {
			parse_query(SPAN(r, r->body), &post);
		}
	}
	if (r->uploads) {
		parse_uploads(r, &post, &files, &tmpfiles);
	}
	set_prop(req, RQ_POST, &post);
	set_prop(req, RQ_FILES, &files);
	if (zend_hash_num_elements(Z_ARRVAL(tmpfiles)) > 0) {
		set_prop(req, RQ_TMPFILES, &tmpfiles);
	} else {
		zval_ptr_dtor(&tmpfiles);
	}
}

void tasksrv_http_request_build(server_obj *o, zval *request, int64_t session, const tasksrv_http_request_t *r)
{
	http_request_t *obj;
	const char *cookie;
	size_t cookie_len, blen;
	zval v;

	object_init_ex(request, tasksrv_http_request_ce);
	obj = http_request_from(Z_OBJ_P(request));
	/* getData(): the head as it came, then the (decoded) body. */
	obj->head_len = r->head_len;
	/* (A streamed multipart body went to its parts: there are no bytes of it to give.) */
	blen = r->uploads ? 0 : r->body.len;
	obj->data = zend_string_alloc(r->head_len + blen, 0);
	memcpy(ZSTR_VAL(obj->data), r->data, r->head_len);
	memcpy(ZSTR_VAL(obj->data) + r->head_len, r->data + r->body.off, blen);
	ZSTR_VAL(obj->data)[ZSTR_LEN(obj->data)] = '\0';
	obj->method = r->method > 0 && r->method < NMETHODS && method_str[r->method]
		? method_str[r->method] : zend_string_init(SPAN(r, r->method_name), 0);

	ZVAL_LONG(&v, session);
	set_prop(request, RQ_FD, &v);
	build_headers(r, &v, o->opts.http_parse_cookie);
	set_prop(request, RQ_HEADER, &v);
	build_server(o, r, session, &v);
	set_prop(request, RQ_SERVER, &v);
	cookie = o->opts.http_parse_cookie ? tasksrv_http_header(r, "cookie", &cookie_len) : NULL;
	if (cookie) {
		build_cookies(cookie, cookie_len, &v);
		set_prop(request, RQ_COOKIE, &v);
	}
	if (r->query.len > 0) {
		parse_query(SPAN(r, r->query), &v);
		set_prop(request, RQ_GET, &v);
	}
	if (r->body.len > 0) {
		build_body(o, r, request);
	}
}

void tasksrv_http_request_cleanup(zval *request)
{
	zval *tmp = OBJ_PROP(Z_OBJ_P(request), rq_offset[RQ_TMPFILES]), *path;

	ZVAL_DEREF(tmp);
	if (Z_TYPE_P(tmp) != IS_ARRAY) {
		return;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(tmp), path) {
		ZVAL_DEREF(path);
		/* A file the program moved (move_uploaded_file()) has left PHP's table. */
		if (Z_TYPE_P(path) == IS_STRING && (!SG(rfc1867_uploaded_files)
				|| zend_hash_del(SG(rfc1867_uploaded_files), Z_STR_P(path)) == SUCCESS)) {
			unlink(Z_STRVAL_P(path));
		}
	} ZEND_HASH_FOREACH_END();
}

/* {{{ methods */
#define THIS_REQUEST() http_request_from(Z_OBJ_P(ZEND_THIS))

PHP_METHOD(TaskSrv_Http_Request, rawContent)
{
	http_request_t *r = THIS_REQUEST();

	ZEND_PARSE_PARAMETERS_NONE();
	if (!r->data) {
		RETURN_FALSE;
	}
	RETURN_STRINGL(ZSTR_VAL(r->data) + r->head_len, ZSTR_LEN(r->data) - r->head_len);
}

PHP_METHOD(TaskSrv_Http_Request, getData)
{
	http_request_t *r = THIS_REQUEST();

	ZEND_PARSE_PARAMETERS_NONE();
	if (!r->data) {
		RETURN_FALSE;
	}
	RETURN_STR_COPY(r->data);
}

PHP_METHOD(TaskSrv_Http_Request, getMethod)
{
	http_request_t *r = THIS_REQUEST();

	ZEND_PARSE_PARAMETERS_NONE();
	if (!r->method) {
		RETURN_FALSE;
	}
	RETURN_STR_COPY(r->method);
}

PHP_METHOD(TaskSrv_Http_Request, isCompleted)
{
	ZEND_PARSE_PARAMETERS_NONE();
	/* The parser hands over whole requests only. */
	RETURN_BOOL(THIS_REQUEST()->data != NULL);
}
/* }}} */

void tasksrv_http_request_minit(zend_class_entry *ce)
{
	int i;

	tasksrv_http_request_ce = ce;
	ce->create_object = request_create;
	for (i = 0; i < RQ_NPROPS; i++) {
		zend_property_info *info = zend_hash_str_find_ptr(&ce->properties_info, rq_names[i], strlen(rq_names[i]));

		ZEND_ASSERT(info != NULL);
		rq_offset[i] = info->offset;
	}
	interned_init();
	memcpy(&request_handlers, zend_get_std_object_handlers(), sizeof(request_handlers));
	request_handlers.offset = XtOffsetOf(http_request_t, std);
	request_handlers.free_obj = request_free;
	request_handlers.clone_obj = NULL;
}
