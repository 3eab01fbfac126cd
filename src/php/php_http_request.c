/* tasksrv: TaskSrv\Http\Request (Swoole\Http\Request): built once per request from
 * the core's parsed request; header names are already lower-case. Query strings and
 * urlencoded bodies go through PHP's own variable parser (treat_data, as parse_str()),
 * so "b[]=x" gives arrays as in $_GET; multipart file parts are written to 0600 files
 * in upload_tmp_dir, removed after onRequest returns unless the program moved them. */
#include "php_http_request.h"

#include "SAPI.h"
#include "main/php_variables.h"
#include "ext/standard/url.h"
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

static void set_prop(zval *obj, const char *name, zval *v)
{
	zend_update_property(tasksrv_http_request_ce, Z_OBJ_P(obj), name, strlen(name), v);
	zval_ptr_dtor(v);
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
		add_assoc_stringl_ex(header, SPAN(r, h->name), (char *) r->data + h->value.off, h->value.len);
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

static void build_server(server_obj *o, const tasksrv_http_request_t *r, int64_t session, zval *server)
{
	tasksrv_session_t *sess = tasksrv_shm_session_get(o->core.shm, session);
	tasksrv_listener_t *l = o->core.ports.items[o->core.cur_port];
	double now = tasksrv_io_unix_time();
	char addr[INET6_ADDRSTRLEN] = "";

	array_init_size(server, 12);
	/* Swoole's order: query_string (when the target has a '?') first. */
	if (r->query.off > r->path.off + r->path.len) {
		add_assoc_stringl(server, "query_string", SPAN(r, r->query));
	}
	add_assoc_stringl(server, "request_method", SPAN(r, r->method_name));
	add_assoc_stringl(server, "request_uri", SPAN(r, r->path));
	add_assoc_stringl(server, "path_info", SPAN(r, r->path));
	add_assoc_long(server, "request_time", (zend_long) now);
	add_assoc_double(server, "request_time_float", now);
	add_assoc_string(server, "server_protocol", r->version == 10 ? "HTTP/1.0" : "HTTP/1.1");
	add_assoc_long(server, "server_port", l->port);
	add_assoc_long(server, "remote_port", sess ? sess->remote_port : 0);
	if (l->family == AF_INET || l->family == AF_INET6) {
		inet_ntop(l->family, l->addr, addr, sizeof(addr));
	}
	add_assoc_string(server, "server_addr", addr);
	add_assoc_string(server, "remote_addr", sess ? sess->remote_ip : "");
	add_assoc_long(server, "master_time", (zend_long) (sess && sess->last_dispatch_time > 0
		? sess->last_dispatch_time : now));
}

/* {{{ multipart/form-data */
/* A file part to a 0600 file (mkstemp) in upload_tmp_dir; its $files entry. */
static void upload_file(server_obj *o, const tasksrv_http_part_t *part, zval *files, zval *tmpfiles)
{
	const char *dir = o->opts.upload_tmp_dir ? ZSTR_VAL(o->opts.upload_tmp_dir) : "/tmp";
	zend_long max = o->opts.upload_max_filesize;
	zend_string *path = zend_strpprintf(0, "%s/tasksrv.upfile.XXXXXX", dir);
	zval info;
	int err = 0, fd = -1;
	char *name;

	if (max > 0 && part->data_len > (size_t) max) {
		err = UPLOAD_ERR_INI_SIZE;
	} else if ((fd = mkstemp(ZSTR_VAL(path))) < 0) {
		err = UPLOAD_ERR_CANT_WRITE;
	} else {
		size_t off = 0;

		while (off < part->data_len) {
			ssize_t w = write(fd, part->data + off, part->data_len - off);

			if (w < 0 && errno == EINTR) {
				continue;
			}
			if (w <= 0) {
				err = UPLOAD_ERR_CANT_WRITE;
				break;
			}
			off += (size_t) w;
		}
		close(fd);
		if (err) {
			unlink(ZSTR_VAL(path));
		}
	}
	array_init_size(&info, 5);
	if (part->type) {
		add_assoc_stringl(&info, "type", (char *) part->type, part->type_len);
	} else {
		add_assoc_string(&info, "type", "");
	}
	add_assoc_string(&info, "tmp_name", err ? "" : ZSTR_VAL(path));
	add_assoc_long(&info, "size", err ? 0 : (zend_long) part->data_len);
	add_assoc_stringl(&info, "name", (char *) part->filename, part->filename_len);
	add_assoc_long(&info, "error", err);
	if (!err) {
		add_next_index_str(tmpfiles, zend_string_copy(path));
	}
	/* "f[]" and "f[a]" give arrays, as for post fields. */
	name = estrndup(part->name, part->name_len);
	php_register_variable_ex(name, &info, files);
	efree(name);
	zend_string_release(path);
}

static void parse_multipart(server_obj *o, const tasksrv_http_request_t *r, const char *ctype, size_t ctype_len,
	zval *post, zval *files, zval *tmpfiles)
{
	const char *boundary, *body = r->data + r->body.off;
	size_t blen, pos = 0;
	tasksrv_http_part_t part;
	int rc;

	if (tasksrv_http_parser_boundary(ctype, ctype_len, &boundary, &blen) < 0) {
		return;
	}
	while ((rc = tasksrv_http_parser_multipart_next(body, r->body.len, boundary, blen, &pos, &part)) == 1) {
		char *name;
		zval v;

		if (part.name == NULL || part.name_len == 0) {
			continue;
		}
		if (part.filename) {
			if (Z_TYPE_P(files) != IS_ARRAY) {
				array_init(files);
			}
			upload_file(o, &part, files, tmpfiles);
			continue;
		}
		if (Z_TYPE_P(post) != IS_ARRAY) {
			array_init(post);
		}
		ZVAL_STRINGL(&v, part.data, part.data_len);
		name = estrndup(part.name, part.name_len);
		php_register_variable_ex(name, &v, post);
		efree(name);
	}
	if (rc < 0) {
		php_error_docref(NULL, E_NOTICE, "malformed multipart/form-data body: the parts read so far are kept");
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
	if (ctype && r->body.len > 0) {
		if (o->opts.http_parse_post && ctype_is(ctype, ctype_len, "application/x-www-form-urlencoded")) {
			parse_query(SPAN(r, r->body), &post);
		} else if (o->opts.http_parse_files && ctype_is(ctype, ctype_len, "multipart/form-data")) {
			parse_multipart(o, r, ctype, ctype_len, &post, &files, &tmpfiles);
		}
	}
	set_prop(req, "post", &post);
	set_prop(req, "files", &files);
	if (zend_hash_num_elements(Z_ARRVAL(tmpfiles)) > 0) {
		set_prop(req, "tmpfiles", &tmpfiles);
	} else {
		zval_ptr_dtor(&tmpfiles);
	}
}

void tasksrv_http_request_build(server_obj *o, zval *request, int64_t session, const tasksrv_http_request_t *r)
{
	http_request_t *obj;
	const char *cookie;
	size_t cookie_len;
	zval v;

	object_init_ex(request, tasksrv_http_request_ce);
	obj = http_request_from(Z_OBJ_P(request));
	/* getData(): the head as it came, then the (decoded) body. */
	obj->head_len = r->head_len;
	obj->data = zend_string_alloc(r->head_len + r->body.len, 0);
	memcpy(ZSTR_VAL(obj->data), r->data, r->head_len);
	memcpy(ZSTR_VAL(obj->data) + r->head_len, r->data + r->body.off, r->body.len);
	ZSTR_VAL(obj->data)[ZSTR_LEN(obj->data)] = '\0';
	obj->method = zend_string_init(SPAN(r, r->method_name), 0);

	ZVAL_LONG(&v, session);
	zend_update_property(tasksrv_http_request_ce, Z_OBJ_P(request), "fd", sizeof("fd") - 1, &v);
	build_headers(r, &v, o->opts.http_parse_cookie);
	set_prop(request, "header", &v);
	build_server(o, r, session, &v);
	set_prop(request, "server", &v);
	cookie = o->opts.http_parse_cookie ? tasksrv_http_header(r, "cookie", &cookie_len) : NULL;
	if (cookie) {
		build_cookies(cookie, cookie_len, &v);
		set_prop(request, "cookie", &v);
	}
	if (r->query.len > 0) {
		parse_query(SPAN(r, r->query), &v);
		set_prop(request, "get", &v);
	}
	build_body(o, r, request);
}

void tasksrv_http_request_cleanup(zval *request)
{
	zval rv, *tmp = zend_read_property(tasksrv_http_request_ce, Z_OBJ_P(request), "tmpfiles", sizeof("tmpfiles") - 1, 1, &rv);
	zval *path;

	if (Z_TYPE_P(tmp) != IS_ARRAY) {
		return;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(tmp), path) {
		if (Z_TYPE_P(path) == IS_STRING) {
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
	tasksrv_http_request_ce = ce;
	ce->create_object = request_create;
	memcpy(&request_handlers, zend_get_std_object_handlers(), sizeof(request_handlers));
	request_handlers.offset = XtOffsetOf(http_request_t, std);
	request_handlers.free_obj = request_free;
	request_handlers.clone_obj = NULL;
}
