/* tasksrv: TaskSrv\Http\Response (Swoole\Http\Response). The head is built at the
 * first write() or at end() from the $header, $cookie and $trailer properties, in
 * Swoole's order: the program's headers, Set-Cookie lines, then Server, Date,
 * Connection, Content-Type (unless set), Content-Encoding, Content-Length or
 * Transfer-Encoding. Bytes go out through the core's send (tasksrv_forward_send), so
 * a response works the same from any process (Response::create() in a task worker).
 * A response freed unanswered (no end(), no detach()) answers 500, as Swoole. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "php_http_response.h"
#include "forward.h"

#include "ext/standard/url.h"
#include "zend_smart_str.h"
#include "server.h"
#include "shm.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#ifdef TASKSRV_HAVE_ZLIB
#include <zlib.h>
#endif

zend_class_entry *tasksrv_http_response_ce;
static zend_object_handlers response_handlers;

#define THIS_RESPONSE() http_response_from(Z_OBJ_P(ZEND_THIS))

/* The declared properties' slots, found once (MINIT): read and written in place,
 * without a lookup of the name each time. */
enum { RS_FD, RS_HEADER, RS_COOKIE, RS_TRAILER, RS_NPROPS };
static const char *const rs_names[RS_NPROPS] = {
	[RS_FD] = "fd", [RS_HEADER] = "header", [RS_COOKIE] = "cookie", [RS_TRAILER] = "trailer",
};
static uint32_t rs_offset[RS_NPROPS];

/* A property's value (behind a reference the program took); UNDEF after unset(). */
static zval *prop(zend_object *obj, int which)
{
	zval *v = OBJ_PROP(obj, rs_offset[which]);

	ZVAL_DEREF(v);
	return v;
}

/* The Http\Server of this process (one per process, as any Server). */
static server_obj *bound_server;

void tasksrv_http_response_bind(server_obj *o)
{
	bound_server = o;
}

static tasksrv_server_t *core(void)
{
	server_obj *o = bound_server;

	return o && o->state == STATE_RUNNING && o->core.shm ? &o->core : NULL;
}

static bool send_bytes(http_response_t *r, const char *data, size_t len)
{
	tasksrv_server_t *s = core();

	return s && tasksrv_forward_send(s, r->session, data, len) == 0;
}

/* {{{ the head */
static bool key_is(const zend_string *key, const char *name)
{
	size_t n = strlen(name);

	return ZSTR_LEN(key) == n && zend_binary_strcasecmp(ZSTR_VAL(key), n, name, n) == 0;
}

static bool has_header(HashTable *h, const char *name)
{
	zend_string *key;

	if (!h) {
		return false;
	}
	ZEND_HASH_FOREACH_STR_KEY(h, key) {
		if (key && key_is(key, name)) {
			return true;
		}
	} ZEND_HASH_FOREACH_END();
	return false;
}


static void append_header(smart_str *out, zend_string *key, zval *v)
{
	zend_string *s = zval_get_string(v);

	smart_str_append(out, key);
	smart_str_appendl(out, ": ", 2);
	smart_str_append(out, s);
	smart_str_appendl(out, "\r\n", 2);
	zend_string_release(s);
}

/* The default headers a program's own replaces. */
enum { HAS_SERVER = 1, HAS_DATE = 2, HAS_CONNECTION = 4, HAS_CONTENT_TYPE = 8, HAS_CONTENT_LENGTH = 16 };

static int default_header_bit(const zend_string *key)
{
	switch (ZSTR_LEN(key)) {
		case 4: return key_is(key, "date") ? HAS_DATE : 0;
		case 6: return key_is(key, "server") ? HAS_SERVER : 0;
		case 10: return key_is(key, "connection") ? HAS_CONNECTION : 0;
		case 12: return key_is(key, "content-type") ? HAS_CONTENT_TYPE : 0;
		case 14: return key_is(key, "content-length") ? HAS_CONTENT_LENGTH : 0;
		default: return 0;
	}
}

/* body_len -1: chunked (write()); -2: neither length nor chunks (HTTP/1.0's write()). */
static void build_head(http_response_t *r, smart_str *out, zend_long body_len, bool gzip)
{
	char line[256];
	size_t n = tasksrv_http_status_line(line, sizeof(line), r->status, r->reason ? ZSTR_VAL(r->reason) : NULL,
		r->reason ? ZSTR_LEN(r->reason) : 0);
	zval *headers = prop(&r->std, RS_HEADER), *cookies, *v;
	zend_string *key;
	int has = 0;
	tasksrv_server_t *s = core();

	/* Every answer's head is built here once: tasksrv_http_requests_total{code}. */
	if (s) {
		tasksrv_shm_count_http(s->shm, s->worker_id, r->status);
	}
	smart_str_appendl(out, line, n);
	if (Z_TYPE_P(headers) == IS_ARRAY) {
		ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(headers), key, v) {
			if (!key) {
				continue;
			}
			has |= default_header_bit(key);
			if (Z_TYPE_P(v) == IS_ARRAY) {
				zval *each;
				ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(v), each) {
					append_header(out, key, each);
				} ZEND_HASH_FOREACH_END();
			} else {
				append_header(out, key, v);
			}
		} ZEND_HASH_FOREACH_END();
	}
	cookies = prop(&r->std, RS_COOKIE);
	if (Z_TYPE_P(cookies) == IS_ARRAY) {
		/* The program may have written the property itself: entries that are not
		 * strings are skipped, as Swoole 6.2.1 does. */
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(cookies), v) {
			ZVAL_DEREF(v);
			if (Z_TYPE_P(v) != IS_STRING) {
				continue;
			}
			smart_str_appendl(out, "Set-Cookie: ", 12);
			smart_str_append(out, Z_STR_P(v));
			smart_str_appendl(out, "\r\n", 2);
		} ZEND_HASH_FOREACH_END();
	}
	if (!(has & HAS_SERVER)) {
		smart_str_appendl(out, "Server: swoole-http-server\r\n", sizeof("Server: swoole-http-server\r\n") - 1);
	}
	if (!(has & HAS_DATE)) {
		smart_str_appendl(out, "Date: ", 6);
		smart_str_appendl(out, tasksrv_http_date(), TASKSRV_HTTP_DATE_LEN);
		smart_str_appendl(out, "\r\n", 2);
	}
	if (!(has & HAS_CONNECTION)) {
		if (r->keep_alive) {
			smart_str_appendl(out, "Connection: keep-alive\r\n", sizeof("Connection: keep-alive\r\n") - 1);
		} else {
			smart_str_appendl(out, "Connection: close\r\n", sizeof("Connection: close\r\n") - 1);
		}
	}
	if (!(has & HAS_CONTENT_TYPE)) {
		smart_str_appendl(out, "Content-Type: text/html\r\n", sizeof("Content-Type: text/html\r\n") - 1);
	}
	if (gzip) {
		smart_str_appendl(out, "Content-Encoding: gzip\r\n", sizeof("Content-Encoding: gzip\r\n") - 1);
	}
	if (body_len == -1) {
		smart_str_appendl(out, "Transfer-Encoding: chunked\r\n", sizeof("Transfer-Encoding: chunked\r\n") - 1);
	} else if (body_len >= 0 && !(has & HAS_CONTENT_LENGTH)) {
		smart_str_appendl(out, "Content-Length: ", sizeof("Content-Length: ") - 1);
		smart_str_append_long(out, body_len);
		smart_str_appendl(out, "\r\n", 2);
	}
	smart_str_appendl(out, "\r\n", 2);
}
/* }}} */

/* {{{ gzip (http_compression) */
static bool compressible(http_response_t *r)
{
	zval *headers = prop(&r->std, RS_HEADER), *v;
	zend_string *key;

	if (Z_TYPE_P(headers) != IS_ARRAY) {
		return true; /* text/html */
	}
	ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(headers), key, v) {
		if (key && key_is(key, "content-encoding")) {
			return false;
		}
		if (key && key_is(key, "content-type") && Z_TYPE_P(v) == IS_STRING) {
			const char *t = Z_STRVAL_P(v);
			return strncasecmp(t, "text/", 5) == 0 || strstr(t, "json") || strstr(t, "javascript")
				|| strstr(t, "xml");
		}
	} ZEND_HASH_FOREACH_END();
	return true;
}

#ifdef TASKSRV_HAVE_ZLIB
static zend_string *gzip(const char *data, size_t len, int level)
{
	z_stream z;
	zend_string *out;

	memset(&z, 0, sizeof(z));
	if (deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
		return NULL;
	}
	out = zend_string_alloc(deflateBound(&z, (uLong) len), 0);
	z.next_in = (Bytef *) data;
	z.avail_in = (uInt) len;
	z.next_out = (Bytef *) ZSTR_VAL(out);
	z.avail_out = (uInt) ZSTR_LEN(out);
	if (deflate(&z, Z_FINISH) != Z_STREAM_END) {
		deflateEnd(&z);
		zend_string_efree(out);
		return NULL;
	}
	ZSTR_LEN(out) = z.total_out;
	ZSTR_VAL(out)[ZSTR_LEN(out)] = '\0';
	deflateEnd(&z);
	return out;
}
#endif

/* The body to send: content itself, or its gzip (a new string) when it pays. */
static zend_string *maybe_gzip(http_response_t *r, zend_string *content, bool *gz)
{
	*gz = false;
#ifdef TASKSRV_HAVE_ZLIB
	server_obj *o = bound_server;

	if (r->gzip && o && ZSTR_LEN(content) >= (size_t) o->opts.compression_min_length && compressible(r)) {
		zend_string *z = gzip(ZSTR_VAL(content), ZSTR_LEN(content), (int) o->opts.http_compression_level);
		if (z) {
			*gz = true;
			return z;
		}
	}
#else
	(void) compressible;
#endif
	return zend_string_copy(content);
}
/* }}} */

static bool writable(http_response_t *r)
{
	return !r->ended && !r->detached && core() != NULL;
}

/* After the last byte: the connection closes unless it is kept alive. */
static void finish(http_response_t *r)
{
	tasksrv_server_t *s = core();

	r->ended = true;
	if (s && !r->keep_alive) {
		tasksrv_forward_close(s, r->session);
	}
}

static bool end_plain(http_response_t *r, zend_string *content)
{
	smart_str out = {0};
	bool gz, ok;
	zend_string *body = maybe_gzip(r, content, &gz);

	/* One allocation for the head (the defaults are ~150 bytes) and the body. */
	smart_str_alloc(&out, 256 + (r->head ? 0 : ZSTR_LEN(body)), 0);
	build_head(r, &out, (zend_long) ZSTR_LEN(body), gz);
	if (!r->head) {
		smart_str_append(&out, body);
	}
	smart_str_0(&out);
	ok = send_bytes(r, ZSTR_VAL(out.s), ZSTR_LEN(out.s));
	smart_str_free(&out);
	zend_string_release(body);
	return ok;
}

static void append_chunk(smart_str *out, const char *data, size_t len)
{
	char hex[32];
	int n = snprintf(hex, sizeof(hex), "%zx\r\n", len);

	smart_str_appendl(out, hex, (size_t) n);
	smart_str_appendl(out, data, len);
	smart_str_appendl(out, "\r\n", 2);
}

/* The last chunk, the trailers (names lower-case, as Swoole writes them), the end. */
static bool end_chunked(http_response_t *r, zend_string *content)
{
	smart_str out = {0};
	zval *trailers = prop(&r->std, RS_TRAILER), *v;
	zend_string *key;
	bool ok;

	if (content && ZSTR_LEN(content) > 0) {
		append_chunk(&out, ZSTR_VAL(content), ZSTR_LEN(content));
	}
	smart_str_appendl(&out, "0\r\n", 3);
	if (Z_TYPE_P(trailers) == IS_ARRAY) {
		ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(trailers), key, v) {
			if (key) {
				zend_string *lower = zend_string_tolower(key);
				append_header(&out, lower, v);
				zend_string_release(lower);
			}
		} ZEND_HASH_FOREACH_END();
	}
	smart_str_appendl(&out, "\r\n", 2);
	smart_str_0(&out);
	ok = send_bytes(r, ZSTR_VAL(out.s), ZSTR_LEN(out.s));
	smart_str_free(&out);
	return ok;
}

/* {{{ object */
static zend_object *response_create(zend_class_entry *ce)
{
	http_response_t *r = zend_object_alloc(sizeof(http_response_t), ce);

	zend_object_std_init(&r->std, ce);
	object_properties_init(&r->std, ce);
	r->std.handlers = &response_handlers;
	r->status = 200;
	r->version = 11;
	r->keep_alive = true;
	return &r->std;
}

static void response_free(zend_object *obj)
{
	http_response_t *r = http_response_from(obj);

	/* Unanswered: Swoole's 500, so the client is not left waiting. */
	if (r->bound && writable(r) && !r->head_sent) {
		zend_string *empty = ZSTR_EMPTY_ALLOC();

		r->status = 500;
		if (r->reason) {
			zend_string_release(r->reason);
			r->reason = NULL;
		}
		end_plain(r, empty);
		finish(r);
	} else if (r->bound && writable(r)) {
		end_chunked(r, NULL);
		finish(r);
	}
	if (r->reason) {
		zend_string_release(r->reason);
	}
	zend_object_std_dtor(obj);
}
/* }}} */

void tasksrv_http_response_init(zval *response, int64_t session, const tasksrv_http_request_t *req, bool gz)
{
	http_response_t *r;

	object_init_ex(response, tasksrv_http_response_ce);
	r = http_response_from(Z_OBJ_P(response));
	r->session = session;
	if (req) {
		r->bound = true;
		r->version = req->version;
		r->keep_alive = req->keep_alive;
		r->head = req->method == TASKSRV_HTTP_HEAD;
		r->gzip = gz;
	}
	ZVAL_LONG(OBJ_PROP(Z_OBJ_P(response), rs_offset[RS_FD]), session);
}

/* {{{ methods */
PHP_METHOD(TaskSrv_Http_Response, status)
{
	http_response_t *r = THIS_RESPONSE();
	zend_long code;
	zend_string *reason = NULL;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_LONG(code)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(reason)
	ZEND_PARSE_PARAMETERS_END();

	if (!writable(r) || r->head_sent) {
		RETURN_FALSE;
	}
	r->status = (int) code;
	if (r->reason) {
		zend_string_release(r->reason);
		r->reason = NULL;
	}
	if (reason && ZSTR_LEN(reason) > 0) {
		r->reason = zend_string_copy(reason);
	}
	RETURN_TRUE;
}

/* Adds value under key to the array property `which` (created when null), in place. */
static void prop_array_set(zend_object *obj, int which, zend_string *key, zval *value)
{
	zval *arr = OBJ_PROP(obj, rs_offset[which]);

	if (Z_ISREF_P(arr)) {
		/* The program holds a reference: assign through it, as PHP would. */
		zval copy, *target = Z_REFVAL_P(arr);

		if (Z_TYPE_P(target) != IS_ARRAY) {
			array_init(&copy);
		} else {
			ZVAL_ARR(&copy, zend_array_dup(Z_ARRVAL_P(target)));
		}
		Z_TRY_ADDREF_P(value);
		if (key) {
			zend_symtable_update(Z_ARRVAL(copy), key, value);
		} else {
			zend_hash_next_index_insert(Z_ARRVAL(copy), value);
		}
		zend_update_property(tasksrv_http_response_ce, obj, rs_names[which], strlen(rs_names[which]), &copy);
		zval_ptr_dtor(&copy);
		return;
	}
	if (Z_TYPE_P(arr) != IS_ARRAY) {
		/* null, or unset(): the slot is ?array, an array fits */
		zval_ptr_dtor(arr);
		array_init(arr);
	} else {
		SEPARATE_ARRAY(arr);
	}
	Z_TRY_ADDREF_P(value);
	if (key) {
		zend_symtable_update(Z_ARRVAL_P(arr), key, value);
	} else {
		zend_hash_next_index_insert(Z_ARRVAL_P(arr), value);
	}
}

static bool header_ok(zend_string *key, const char *what)
{
	if (ZSTR_LEN(key) == 0) {
		php_error_docref(NULL, E_WARNING, "%s name cannot be empty", what);
		return false;
	}
	if (strpbrk(ZSTR_VAL(key), "\r\n:") != NULL || memchr(ZSTR_VAL(key), '\0', ZSTR_LEN(key))) {
		php_error_docref(NULL, E_WARNING, "%s name is invalid", what);
		return false;
	}
	return true;
}

static bool value_ok(zval *v)
{
	zval *each;

	if (Z_TYPE_P(v) == IS_STRING) {
		return strpbrk(Z_STRVAL_P(v), "\r\n") == NULL;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(v), each) {
		if (Z_TYPE_P(each) != IS_STRING || strpbrk(Z_STRVAL_P(each), "\r\n") != NULL) {
			return false;
		}
	} ZEND_HASH_FOREACH_END();
	return true;
}

PHP_METHOD(TaskSrv_Http_Response, header)
{
	http_response_t *r = THIS_RESPONSE();
	zend_string *key, *name;
	zval *value;
	bool format = true;

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_STR(key)
		Z_PARAM_ZVAL(value)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(format)
	ZEND_PARSE_PARAMETERS_END();

	if (!writable(r) || r->head_sent) {
		php_error_docref(NULL, E_WARNING, "headers have already been sent");
		RETURN_FALSE;
	}
	if (!header_ok(key, "header") || (Z_TYPE_P(value) != IS_STRING && Z_TYPE_P(value) != IS_ARRAY)) {
		RETURN_FALSE;
	}
	if (!value_ok(value)) {
		php_error_docref(NULL, E_WARNING, "header value cannot contain CR or LF");
		RETURN_FALSE;
	}
	name = zend_string_init(ZSTR_VAL(key), ZSTR_LEN(key), 0);
	if (format) {
		tasksrv_http_format_name(ZSTR_VAL(key), ZSTR_LEN(key), ZSTR_VAL(name));
	}
	prop_array_set(&r->std, RS_HEADER, name, value);
	zend_string_release(name);
	RETURN_TRUE;
}

PHP_METHOD(TaskSrv_Http_Response, trailer)
{
	http_response_t *r = THIS_RESPONSE();
	zend_string *key, *value;
	zval v;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(key)
		Z_PARAM_STR(value)
	ZEND_PARSE_PARAMETERS_END();

	if (!writable(r) || !header_ok(key, "trailer") || strpbrk(ZSTR_VAL(value), "\r\n") != NULL) {
		RETURN_FALSE;
	}
	ZVAL_STR(&v, value);
	prop_array_set(&r->std, RS_TRAILER, key, &v);
	RETURN_TRUE;
}

/* Set-Cookie's value as PHP's setcookie() writes it (and Swoole): an empty value
 * deletes the cookie. */
static zend_string *cookie_line(zend_string *name, zend_string *value, bool encode, zend_long expires,
	zend_string *path, zend_string *domain, bool secure, bool httponly, zend_string *samesite,
	zend_string *priority, bool partitioned)
{
	smart_str c = {0};
	char date[64];

	smart_str_append(&c, name);
	smart_str_appendc(&c, '=');
	if (ZSTR_LEN(value) == 0) {
		smart_str_appends(&c, "deleted; expires=Thu, 01-Jan-1970 00:00:01 GMT; Max-Age=0");
	} else {
		if (encode) {
			zend_string *e = php_url_encode(ZSTR_VAL(value), ZSTR_LEN(value));
			smart_str_append(&c, e);
			zend_string_release(e);
		} else {
			smart_str_append(&c, value);
		}
		if (expires > 0) {
			time_t t = (time_t) expires;
			struct tm tm;
			zend_long max_age = expires - (zend_long) time(NULL);

			gmtime_r(&t, &tm);
			strftime(date, sizeof(date), "%a, %d-%b-%Y %H:%M:%S GMT", &tm);
			smart_str_appends(&c, "; expires=");
			smart_str_appends(&c, date);
			smart_str_appends(&c, "; Max-Age=");
			smart_str_append_long(&c, max_age > 0 ? max_age : 0);
		}
	}
	if (path && ZSTR_LEN(path)) {
		smart_str_appends(&c, "; path=");
		smart_str_append(&c, path);
	}
	if (domain && ZSTR_LEN(domain)) {
		smart_str_appends(&c, "; domain=");
		smart_str_append(&c, domain);
	}
	if (secure) {
		smart_str_appends(&c, "; secure");
	}
	if (httponly) {
		smart_str_appends(&c, "; HttpOnly");
	}
	if (samesite && ZSTR_LEN(samesite)) {
		smart_str_appends(&c, "; SameSite=");
		smart_str_append(&c, samesite);
	}
	if (priority && ZSTR_LEN(priority)) {
		smart_str_appends(&c, "; Priority=");
		smart_str_append(&c, priority);
	}
	if (partitioned) {
		smart_str_appends(&c, "; Partitioned");
	}
	smart_str_0(&c);
	return c.s;
}

static void cookie_method(INTERNAL_FUNCTION_PARAMETERS, bool encode)
{
	http_response_t *r = THIS_RESPONSE();
	zend_string *name, *value = ZSTR_EMPTY_ALLOC(), *path = NULL, *domain = NULL, *samesite = NULL, *priority = NULL;
	zend_long expires = 0;
	bool secure = false, httponly = false, partitioned = false;
	zval line;

	ZEND_PARSE_PARAMETERS_START(1, 10)
		Z_PARAM_STR(name)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(value)
		Z_PARAM_LONG(expires)
		Z_PARAM_STR(path)
		Z_PARAM_STR(domain)
		Z_PARAM_BOOL(secure)
		Z_PARAM_BOOL(httponly)
		Z_PARAM_STR(samesite)
		Z_PARAM_STR(priority)
		Z_PARAM_BOOL(partitioned)
	ZEND_PARSE_PARAMETERS_END();

	if (!writable(r) || r->head_sent) {
		RETURN_FALSE;
	}
	if (ZSTR_LEN(name) == 0 || strpbrk(ZSTR_VAL(name), "=,; \t\r\n\013\014") != NULL) {
		php_error_docref(NULL, E_WARNING, "Cookie names cannot contain any of the following "
			"'=,; \\t\\r\\n\\013\\014'");
		RETURN_FALSE;
	}
	if (!encode && strpbrk(ZSTR_VAL(value), ",; \t\r\n\013\014") != NULL) {
		php_error_docref(NULL, E_WARNING, "The value cannot contain \",\", \";\", \" \", \"\\t\", \"\\r\", "
			"\"\\n\", \"\\013\", or \"\\014\"");
		RETURN_FALSE;
	}
	ZVAL_STR(&line, cookie_line(name, value, encode, expires, path, domain, secure, httponly, samesite, priority,
		partitioned));
	prop_array_set(&r->std, RS_COOKIE, NULL, &line);
	zval_ptr_dtor(&line);
	RETURN_TRUE;
}

PHP_METHOD(TaskSrv_Http_Response, cookie)
{
	cookie_method(INTERNAL_FUNCTION_PARAM_PASSTHRU, true);
}

PHP_METHOD(TaskSrv_Http_Response, rawCookie)
{
	cookie_method(INTERNAL_FUNCTION_PARAM_PASSTHRU, false);
}

PHP_METHOD(TaskSrv_Http_Response, write)
{
	http_response_t *r = THIS_RESPONSE();
	zend_string *content;
	smart_str out = {0};
	bool ok;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(content)
	ZEND_PARSE_PARAMETERS_END();

	if (!writable(r)) {
		RETURN_FALSE; /* as Swoole: no warning */
	}
	if (!r->head_sent) {
		/* HTTP/1.0 has no chunks: the body then ends with the connection. */
		if (r->version == 10) {
			r->keep_alive = false;
		}
		build_head(r, &out, r->version == 10 ? -2 : -1, false);
		r->head_sent = true;
	}
	if (ZSTR_LEN(content) > 0 && !r->head) {
		if (r->version == 10) {
			smart_str_append(&out, content);
		} else {
			append_chunk(&out, ZSTR_VAL(content), ZSTR_LEN(content));
		}
	}
	if (!out.s) {
		RETURN_TRUE;
	}
	smart_str_0(&out);
	ok = send_bytes(r, ZSTR_VAL(out.s), ZSTR_LEN(out.s));
	smart_str_free(&out);
	RETURN_BOOL(ok);
}

PHP_METHOD(TaskSrv_Http_Response, end)
{
	http_response_t *r = THIS_RESPONSE();
	zend_string *content = NULL;
	bool ok;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_OR_NULL(content)
	ZEND_PARSE_PARAMETERS_END();

	if (!writable(r)) {
		RETURN_FALSE;
	}
	if (r->head_sent && r->version == 10) {
		ok = !content || send_bytes(r, ZSTR_VAL(content), ZSTR_LEN(content));
	} else if (r->head_sent) {
		ok = end_chunked(r, r->head ? NULL : content);
	} else {
		ok = end_plain(r, content ? content : ZSTR_EMPTY_ALLOC());
	}
	finish(r);
	RETURN_BOOL(ok);
}

/* A type for sendfile() from the file's extension (Swoole's table is larger). */
static const char *mime_of(const char *path)
{
	static const struct {
		const char *ext, *type;
	} types[] = {
		{"html", "text/html"}, {"htm", "text/html"}, {"txt", "text/plain"}, {"css", "text/css"},
		{"js", "application/javascript"}, {"json", "application/json"}, {"xml", "application/xml"},
		{"png", "image/png"}, {"jpg", "image/jpeg"}, {"jpeg", "image/jpeg"}, {"gif", "image/gif"},
		{"svg", "image/svg+xml"}, {"ico", "image/x-icon"}, {"webp", "image/webp"}, {"pdf", "application/pdf"},
		{"wasm", "application/wasm"}, {"mp4", "video/mp4"}, {"zip", "application/zip"},
	};
	const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
	size_t i;

	if (dot && (!slash || dot > slash)) {
		for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
			if (strcasecmp(dot + 1, types[i].ext) == 0) {
				return types[i].type;
			}
		}
	}
	return "application/octet-stream";
}

/* Answers with (a part of) a regular file; false (with a warning when warn) otherwise. */
bool tasksrv_http_response_file(zval *response, const char *path, zend_long offset, zend_long length, bool warn)
{
	http_response_t *r = http_response_from(Z_OBJ_P(response));
	zend_string *body;
	struct stat st;
	zval type;
	int fd;
	bool ok;
	ssize_t got;

	if (!writable(r) || r->head_sent) {
		return false;
	}
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		if (warn) {
			php_error_docref(NULL, E_WARNING, "open(%s) failed: %s", path, fd < 0 ? strerror(errno) : "not a regular file");
		}
		if (fd >= 0) {
			close(fd);
		}
		return false;
	}
	if (offset < 0 || offset > st.st_size || length < 0 || offset + length > st.st_size) {
		close(fd);
		php_error_docref(NULL, E_WARNING, "parameter $offset or $length is invalid");
		return false;
	}
	if (length == 0) {
		length = st.st_size - offset;
	}
	body = zend_string_alloc((size_t) length, 0);
	got = length ? pread(fd, ZSTR_VAL(body), (size_t) length, offset) : 0;
	close(fd);
	if (got != (ssize_t) length) {
		zend_string_efree(body);
		return false;
	}
	ZSTR_VAL(body)[length] = '\0';
	{
		zval *h = prop(&r->std, RS_HEADER);
		if (Z_TYPE_P(h) != IS_ARRAY || !has_header(Z_ARRVAL_P(h), "content-type")) {
			zend_string *key = zend_string_init("Content-Type", sizeof("Content-Type") - 1, 0);
			ZVAL_STRING(&type, mime_of(path));
			prop_array_set(&r->std, RS_HEADER, key, &type);
			zval_ptr_dtor(&type);
			zend_string_release(key);
		}
	}
	r->gzip = false; /* a file goes as it is */
	ok = end_plain(r, body);
	zend_string_release(body);
	finish(r);
	return ok;
}

PHP_METHOD(TaskSrv_Http_Response, sendfile)
{
	zend_string *filename;
	zend_long offset = 0, length = 0;

	ZEND_PARSE_PARAMETERS_START(1, 3)
		Z_PARAM_PATH_STR(filename)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(offset)
		Z_PARAM_LONG(length)
	ZEND_PARSE_PARAMETERS_END();

	RETURN_BOOL(tasksrv_http_response_file(ZEND_THIS, ZSTR_VAL(filename), offset, length, true));
}

PHP_METHOD(TaskSrv_Http_Response, redirect)
{
	http_response_t *r = THIS_RESPONSE();
	zend_string *location, *key;
	zend_long code = 302;
	zval v;
	bool ok;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(location)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(code)
	ZEND_PARSE_PARAMETERS_END();

	if (!writable(r) || r->head_sent) {
		RETURN_FALSE;
	}
	r->status = (int) code;
	key = zend_string_init("Location", sizeof("Location") - 1, 0);
	ZVAL_STR(&v, location);
	prop_array_set(&r->std, RS_HEADER, key, &v);
	zend_string_release(key);
	ok = end_plain(r, ZSTR_EMPTY_ALLOC());
	finish(r);
	RETURN_BOOL(ok);
}

PHP_METHOD(TaskSrv_Http_Response, isWritable)
{
	http_response_t *r = THIS_RESPONSE();
	tasksrv_server_t *s = core();

	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_BOOL(writable(r) && s && tasksrv_shm_session_get(s->shm, r->session) != NULL);
}

PHP_METHOD(TaskSrv_Http_Response, detach)
{
	http_response_t *r = THIS_RESPONSE();

	ZEND_PARSE_PARAMETERS_NONE();
	if (r->ended || r->detached) {
		RETURN_FALSE;
	}
	r->detached = true;
	RETURN_TRUE;
}

PHP_METHOD(TaskSrv_Http_Response, create)
{
	zval *server;
	zend_long fd = -1;

	ZEND_PARSE_PARAMETERS_START(0, 2)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(server)
		Z_PARAM_LONG(fd)
	ZEND_PARSE_PARAMETERS_END();

	/* create($fd) or create($server, $fd) */
	if (ZEND_NUM_ARGS() >= 1 && Z_TYPE_P(server) == IS_LONG && fd < 0) {
		fd = Z_LVAL_P(server);
	}
	if (fd <= 0 || core() == NULL) {
		RETURN_FALSE;
	}
	tasksrv_http_response_init(return_value, (int64_t) fd, NULL, false);
}

PHP_METHOD(TaskSrv_Http_Response, close)
{
	http_response_t *r = THIS_RESPONSE();
	tasksrv_server_t *s = core();

	ZEND_PARSE_PARAMETERS_NONE();
	if (!s || r->detached) {
		RETURN_FALSE;
	}
	r->ended = true;
	RETURN_BOOL(tasksrv_forward_close(s, r->session) == 0);
}
/* }}} */

void tasksrv_http_response_minit(zend_class_entry *ce)
{
	int i;

	tasksrv_http_response_ce = ce;
	ce->create_object = response_create;
	for (i = 0; i < RS_NPROPS; i++) {
		zend_property_info *info = zend_hash_str_find_ptr(&ce->properties_info, rs_names[i], strlen(rs_names[i]));

		ZEND_ASSERT(info != NULL);
		rs_offset[i] = info->offset;
	}
	memcpy(&response_handlers, zend_get_std_object_handlers(), sizeof(response_handlers));
	response_handlers.offset = XtOffsetOf(http_response_t, std);
	response_handlers.free_obj = response_free;
	response_handlers.clone_obj = NULL;
}
