#include "php_options.h"
#include "zend_smart_str.h"
#include "log.h"
#include "protocol.h"
#include "frame.h"
#include "transport_redis.h"
#include "metrics_listen.h"

#include <stddef.h>

typedef enum {
	OPT_INT,
	OPT_BOOL,
	OPT_FLOAT,
	OPT_STRING,
	OPT_DIR,     /* a string naming an existing, writable directory */
	OPT_BACKEND, /* task_backend: redis://HOST:PORT[/DB], in a build with the Redis backend */
	OPT_CHOICE,  /* one of the '|'-separated words in `choices` */
	OPT_LIST,    /* an array of strings (min..max bytes each, no NUL or newline), kept '\n'-joined */
	OPT_LISTEN,  /* metrics_listen: "HOST:PORT" (src/core/metrics_listen.c parses it) */
	OPT_CALLABLE /* a zval callable; null removes it */
} opt_type;

typedef struct {
	const char *name;
	opt_type type;
	zend_long min, max;  /* ints: value range; strings: length range */
	size_t offset;       /* into tasksrv_options_t */
	const char *choices;
} option_t;

#define OPT(name, type, min, max, field) {name, type, min, max, offsetof(tasksrv_options_t, field), NULL}
#define OPT_ONE_OF(name, choices, field) {name, OPT_CHOICE, 1, 64, offsetof(tasksrv_options_t, field), choices}

static const option_t options[] = {
	/* Bounded so the channel matrix (n x n socketpairs) stays within fd limits. */
	OPT("worker_num", OPT_INT, 1, 512, worker_num),
	OPT("task_worker_num", OPT_INT, 0, 512, task_worker_num),
	OPT("log_file", OPT_STRING, 1, 4095, log_file),
	OPT("log_level", OPT_INT, TASKSRV_LOG_DEBUG, TASKSRV_LOG_NONE, log_level),
	OPT("max_wait_time", OPT_FLOAT, 0, 86400, max_wait_time),
	OPT("open_eof_check", OPT_BOOL, 0, 1, open_eof_check),
	OPT("open_eof_split", OPT_BOOL, 0, 1, open_eof_split),
	OPT("package_eof", OPT_STRING, 1, 8, package_eof),
	/* At most what one frame between processes carries (a PROCESS master hands each
	 * packet to a worker whole). */
	OPT("package_max_length", OPT_INT, 1, TASKSRV_FRAME_MAX_LEN, package_max_length),
	OPT("open_tcp_nodelay", OPT_BOOL, 0, 1, open_tcp_nodelay),
	OPT("enable_coroutine", OPT_BOOL, 0, 1, enable_coroutine),
	OPT("reactor_num", OPT_INT, 1, 10000, reactor_num),
	OPT("task_use_object", OPT_BOOL, 0, 1, task_use_object),
	OPT("task_object", OPT_BOOL, 0, 1, task_object),
	OPT("task_enable_coroutine", OPT_BOOL, 0, 1, task_enable_coroutine),
	OPT("task_max_request", OPT_INT, 0, ZEND_LONG_MAX, task_max_request),
	OPT("task_max_request_grace", OPT_INT, 0, ZEND_LONG_MAX, task_max_request_grace),
	OPT("task_ipc_mode", OPT_INT, 1, 4, task_ipc_mode),
	OPT("task_tmpdir", OPT_DIR, 1, 4095, task_tmpdir),
	OPT("task_timeout", OPT_FLOAT, 0, 86400, task_timeout),
	OPT("task_timeout_grace", OPT_FLOAT, 0, 3600, task_timeout_grace),
	OPT("task_queue_max", OPT_INT, 0, ZEND_LONG_MAX, task_queue_max),
	OPT_ONE_OF("task_queue_full", "block|reject", task_queue_full),
	OPT("max_request", OPT_INT, 0, ZEND_LONG_MAX, max_request),
	OPT("max_request_grace", OPT_INT, 0, ZEND_LONG_MAX, max_request_grace),
	OPT("open_length_check", OPT_BOOL, 0, 1, open_length_check),
	OPT_ONE_OF("package_length_type", "c|C|s|S|n|N|l|L|q|Q|J|P|v|V", package_length_type),
	OPT("package_length_offset", OPT_INT, 0, TASKSRV_PROTOCOL_MAX_OFFSET, package_length_offset),
	OPT("package_body_offset", OPT_INT, 0, TASKSRV_PROTOCOL_MAX_OFFSET, package_body_offset),
	OPT("package_body_start", OPT_INT, 0, TASKSRV_PROTOCOL_MAX_OFFSET, package_body_offset),
	OPT("package_length_func", OPT_CALLABLE, 0, 0, package_length_func),
	OPT("dispatch_mode", OPT_INT, 1, 5, dispatch_mode),
	OPT("max_conn", OPT_INT, 1, 1000000, max_conn),
	OPT("max_connection", OPT_INT, 1, 1000000, max_conn),
	OPT("backlog", OPT_INT, 1, 65535, backlog),
	OPT("heartbeat_check_interval", OPT_INT, 0, 65535, heartbeat_check_interval),
	OPT("heartbeat_idle_time", OPT_INT, 1, 86400 * 365, heartbeat_idle_time),
	OPT("output_buffer_size", OPT_INT, 1, UINT32_MAX, output_buffer_size),
	OPT("buffer_output_size", OPT_INT, 1, UINT32_MAX, output_buffer_size),
	OPT("socket_buffer_size", OPT_INT, 1, INT32_MAX, socket_buffer_size),
	OPT("buffer_high_watermark", OPT_INT, 0, INT32_MAX, buffer_high_watermark),
	OPT("buffer_low_watermark", OPT_INT, 0, INT32_MAX, buffer_low_watermark),
	OPT("reload_async", OPT_BOOL, 0, 1, reload_async),
	OPT("daemonize", OPT_BOOL, 0, 1, daemonize),
	OPT("pid_file", OPT_STRING, 1, 4095, pid_file),
	OPT("log_date_format", OPT_STRING, 1, 63, log_date_format),
	OPT("process_title", OPT_BOOL, 0, 1, process_title),
	OPT("process_title_prefix", OPT_STRING, 1, 64, process_title_prefix),
	OPT("open_http_protocol", OPT_BOOL, 0, 1, open_http_protocol),
	OPT("http_parse_post", OPT_BOOL, 0, 1, http_parse_post),
	OPT("http_parse_cookie", OPT_BOOL, 0, 1, http_parse_cookie),
	OPT("http_parse_files", OPT_BOOL, 0, 1, http_parse_files),
	OPT("upload_tmp_dir", OPT_DIR, 1, 4095, upload_tmp_dir),
	OPT("upload_max_filesize", OPT_INT, 0, ZEND_LONG_MAX, upload_max_filesize),
	OPT("http_compression", OPT_BOOL, 0, 1, http_compression),
	OPT("http_compression_level", OPT_INT, 1, 9, http_compression_level),
	OPT("compression_min_length", OPT_INT, 1, INT32_MAX, compression_min_length),
	OPT("document_root", OPT_STRING, 1, 4095, document_root),
	OPT("enable_static_handler", OPT_BOOL, 0, 1, enable_static_handler),
	OPT("http_autoindex", OPT_BOOL, 0, 1, http_autoindex),
	OPT("static_handler_locations", OPT_LIST, 1, 4095, static_handler_locations),
	OPT("http_index_files", OPT_LIST, 1, 255, http_index_files),
	OPT("http_header_timeout", OPT_FLOAT, 0, 86400, http_header_timeout),
	/* The Redis task backend (docs/distributed.md). */
	OPT("task_backend", OPT_BACKEND, 1, 255, task_backend),
	OPT("task_backend_queue", OPT_STRING, 1, 100, task_backend_queue),
	OPT("task_backend_lease", OPT_INT, 1, 86400, task_backend_lease),
	OPT("task_backend_retries", OPT_INT, 0, 1000, task_backend_retries),
	/* Redis' own cap on a value (proto-max-bulk-len) is 512 MiB by default. */
	OPT("task_backend_max_payload", OPT_INT, 1, 512 * 1024 * 1024, task_backend_max_payload),
	/* GET /metrics from the manager (BASE) or the master (PROCESS). */
	OPT("metrics_listen", OPT_LISTEN, 1, 100, metrics_listen),
};

void tasksrv_options_init(tasksrv_options_t *o)
{
	memset(o, 0, sizeof(*o));
	o->log_level = TASKSRV_LOG_INFO;
	o->max_wait_time = 3.0;
	o->dispatch_mode = 2;
	o->package_max_length = 2 * 1024 * 1024;
	o->enable_coroutine = true;
	o->task_max_request_grace = -1;
	o->task_ipc_mode = 1;
	o->task_timeout_grace = 1.0;
	o->max_request_grace = -1;
	o->package_body_offset = 4;
	ZVAL_UNDEF(&o->package_length_func);
	o->backlog = 512;
	o->output_buffer_size = UINT32_MAX;
	o->socket_buffer_size = 8 * 1024 * 1024;
	o->buffer_high_watermark = -1;
	o->reload_async = true;
	o->process_title = true;
	o->http_parse_post = true;
	o->http_parse_cookie = true;
	o->http_parse_files = true;
	o->http_compression = true;
	o->http_compression_level = 1;
	o->compression_min_length = 20;
	o->http_header_timeout = 30.0;
	o->task_backend_lease = 30;
	o->task_backend_max_payload = 64 * 1024 * 1024;
}

void tasksrv_options_free(tasksrv_options_t *o)
{
	if (o->log_file) {
		zend_string_release(o->log_file);
	}
	if (o->package_eof) {
		zend_string_release(o->package_eof);
	}
	if (o->task_tmpdir) {
		zend_string_release(o->task_tmpdir);
	}
	if (o->task_queue_full) {
		zend_string_release(o->task_queue_full);
	}
	if (o->package_length_type) {
		zend_string_release(o->package_length_type);
	}
	zval_ptr_dtor(&o->package_length_func);
	ZVAL_UNDEF(&o->package_length_func);
	o->log_file = o->package_eof = o->task_tmpdir = o->task_queue_full = o->package_length_type = NULL;
	if (o->pid_file) {
		zend_string_release(o->pid_file);
	}
	if (o->log_date_format) {
		zend_string_release(o->log_date_format);
	}
	if (o->process_title_prefix) {
		zend_string_release(o->process_title_prefix);
	}
	o->pid_file = o->log_date_format = o->process_title_prefix = NULL;
	if (o->upload_tmp_dir) {
		zend_string_release(o->upload_tmp_dir);
	}
	if (o->document_root) {
		zend_string_release(o->document_root);
	}
	o->upload_tmp_dir = o->document_root = NULL;
	if (o->static_handler_locations) {
		zend_string_release(o->static_handler_locations);
	}
	if (o->http_index_files) {
		zend_string_release(o->http_index_files);
	}
	o->static_handler_locations = o->http_index_files = NULL;
	if (o->task_backend) {
		zend_string_release(o->task_backend);
	}
	if (o->task_backend_queue) {
		zend_string_release(o->task_backend_queue);
	}
	o->task_backend = o->task_backend_queue = NULL;
	if (o->metrics_listen) {
		zend_string_release(o->metrics_listen);
		o->metrics_listen = NULL;
	}
}

static bool one_of(const char *choices, const char *word)
{
	size_t n = strlen(word);
	const char *p = choices;

	while (p && *p) {
		const char *end = strchr(p, '|');
		size_t len = end ? (size_t) (end - p) : strlen(p);
		if (len == n && memcmp(p, word, n) == 0) {
			return true;
		}
		p = end ? end + 1 : NULL;
	}
	return false;
}

static bool writable_dir(const char *path)
{
	zend_stat_t st;

	return VCWD_STAT(path, &st) == 0 && S_ISDIR(st.st_mode) && VCWD_ACCESS(path, W_OK | X_OK) == 0;
}

static const option_t *find(zend_string *key)
{
	size_t i;

	for (i = 0; i < sizeof(options) / sizeof(options[0]); i++) {
		if (zend_string_equals_cstr(key, options[i].name, strlen(options[i].name))) {
			return &options[i];
		}
	}
	return NULL;
}

static zend_result check_list(const option_t *opt, zval *v, uint32_t arg_num)
{
	zval *item;

	if (Z_TYPE_P(v) != IS_ARRAY) {
		zend_argument_type_error(arg_num, "option \"%s\" must be of type array, %s given",
			opt->name, zend_zval_type_name(v));
		return FAILURE;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(v), item) {
		ZVAL_DEREF(item);
		if (Z_TYPE_P(item) != IS_STRING) {
			zend_argument_type_error(arg_num, "option \"%s\" must be an array of strings, %s found",
				opt->name, zend_zval_type_name(item));
			return FAILURE;
		}
		if ((zend_long) Z_STRLEN_P(item) < opt->min || (zend_long) Z_STRLEN_P(item) > opt->max
				|| memchr(Z_STRVAL_P(item), '\0', Z_STRLEN_P(item)) || memchr(Z_STRVAL_P(item), '\n', Z_STRLEN_P(item))) {
			zend_argument_value_error(arg_num, "option \"%s\": each entry must be " ZEND_LONG_FMT " to " ZEND_LONG_FMT
				" bytes long, without NUL or newline", opt->name, opt->min, opt->max);
			return FAILURE;
		}
	} ZEND_HASH_FOREACH_END();
	return SUCCESS;
}

/* The entries of a checked list, '\n'-joined (NULL for an empty array). */
static zend_string *join_list(zval *v)
{
	smart_str out = {0};
	zval *item;

	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(v), item) {
		ZVAL_DEREF(item);
		if (out.s) {
			smart_str_appendc(&out, '\n');
		}
		smart_str_append(&out, Z_STR_P(item));
	} ZEND_HASH_FOREACH_END();
	return out.s ? smart_str_extract(&out) : NULL;
}

/* Strict, but not pedantic: ints may be given as integral floats' cousins 0/1 for bools. */
static zend_result check(const option_t *opt, zval *v, uint32_t arg_num)
{
	ZVAL_DEREF(v);
	switch (opt->type) {
		case OPT_INT:
			if (Z_TYPE_P(v) != IS_LONG) {
				zend_argument_type_error(arg_num, "option \"%s\" must be of type int, %s given",
					opt->name, zend_zval_type_name(v));
				return FAILURE;
			}
			if (Z_LVAL_P(v) < opt->min || Z_LVAL_P(v) > opt->max) {
				zend_argument_value_error(arg_num, "option \"%s\" must be between " ZEND_LONG_FMT " and " ZEND_LONG_FMT
					", " ZEND_LONG_FMT " given", opt->name, opt->min, opt->max, Z_LVAL_P(v));
				return FAILURE;
			}
			return SUCCESS;
		case OPT_BOOL:
			if (Z_TYPE_P(v) == IS_TRUE || Z_TYPE_P(v) == IS_FALSE
					|| (Z_TYPE_P(v) == IS_LONG && (Z_LVAL_P(v) == 0 || Z_LVAL_P(v) == 1))) {
				return SUCCESS;
			}
			zend_argument_type_error(arg_num, "option \"%s\" must be of type bool, %s given",
				opt->name, zend_zval_type_name(v));
			return FAILURE;
		case OPT_FLOAT:
			if (Z_TYPE_P(v) != IS_LONG && Z_TYPE_P(v) != IS_DOUBLE) {
				zend_argument_type_error(arg_num, "option \"%s\" must be of type float, %s given",
					opt->name, zend_zval_type_name(v));
				return FAILURE;
			}
			if (zval_get_double(v) < (double) opt->min || zval_get_double(v) > (double) opt->max) {
				zend_argument_value_error(arg_num, "option \"%s\" must be between " ZEND_LONG_FMT " and " ZEND_LONG_FMT,
					opt->name, opt->min, opt->max);
				return FAILURE;
			}
			return SUCCESS;
		case OPT_LIST:
			return check_list(opt, v, arg_num);
		case OPT_CALLABLE:
			if (Z_TYPE_P(v) != IS_NULL && !zend_is_callable(v, 0, NULL)) {
				zend_argument_type_error(arg_num, "option \"%s\" must be a valid callback or null, %s given",
					opt->name, zend_zval_type_name(v));
				return FAILURE;
			}
			return SUCCESS;
		case OPT_CHOICE:
			if (Z_TYPE_P(v) == IS_STRING && !one_of(opt->choices, Z_STRVAL_P(v))) {
				zend_argument_value_error(arg_num, "option \"%s\" must be one of %s, \"%s\" given",
					opt->name, opt->choices, Z_STRVAL_P(v));
				return FAILURE;
			}
			ZEND_FALLTHROUGH;
		case OPT_BACKEND:
			if (opt->type == OPT_BACKEND && Z_TYPE_P(v) == IS_STRING) {
				tasksrv_redis_url_t u;
				char err[200];
				int rc;
				if (!tasksrv_transport_redis_built()) {
					zend_argument_value_error(arg_num, "option \"%s\" needs the Redis task backend, which this build "
						"of tasksrv lacks (built without hiredis: see --with-tasksrv-redis)", opt->name);
					return FAILURE;
				}
				/* The URL is not quoted back: it may hold a password. */
				rc = tasksrv_transport_redis_parse_url(Z_STRVAL_P(v), &u, err, sizeof(err));
				if (rc == 0 && u.tls && !tasksrv_transport_redis_tls_built()) {
					snprintf(err, sizeof(err), "is a rediss:// (TLS) URL, which needs hiredis with TLS (hiredis_ssl, "
						"hiredis >= 1.0); this build's hiredis has none");
					rc = -1;
				}
				ZEND_SECURE_ZERO(&u, sizeof(u));
				if (rc < 0) {
					zend_argument_value_error(arg_num, "option \"%s\" %s", opt->name, err);
					return FAILURE;
				}
			}
			ZEND_FALLTHROUGH;
		case OPT_LISTEN:
			if (opt->type == OPT_LISTEN && Z_TYPE_P(v) == IS_STRING) {
				char host[64], err[160];
				int port;
				if (tasksrv_metrics_listen_parse(Z_STRVAL_P(v), host, sizeof(host), &port, err, sizeof(err)) < 0) {
					zend_argument_value_error(arg_num, "option \"%s\" %s, \"%s\" given", opt->name, err, Z_STRVAL_P(v));
					return FAILURE;
				}
			}
			ZEND_FALLTHROUGH;
		case OPT_DIR:
			if (opt->type == OPT_DIR && Z_TYPE_P(v) == IS_STRING && Z_STRLEN_P(v) > 0 && !writable_dir(Z_STRVAL_P(v))) {
				zend_argument_value_error(arg_num, "option \"%s\" must name an existing, writable directory, \"%s\" given",
					opt->name, Z_STRVAL_P(v));
				return FAILURE;
			}
			ZEND_FALLTHROUGH;
		case OPT_STRING:
			if (Z_TYPE_P(v) != IS_STRING) {
				zend_argument_type_error(arg_num, "option \"%s\" must be of type string, %s given",
					opt->name, zend_zval_type_name(v));
				return FAILURE;
			}
			if ((zend_long) Z_STRLEN_P(v) < opt->min || (zend_long) Z_STRLEN_P(v) > opt->max) {
				zend_argument_value_error(arg_num, "option \"%s\" must be " ZEND_LONG_FMT " to " ZEND_LONG_FMT
					" bytes long", opt->name, opt->min, opt->max);
				return FAILURE;
			}
			return SUCCESS;
	}
	return FAILURE;
}

static void store(tasksrv_options_t *o, const option_t *opt, zval *v)
{
	char *field = (char *) o + opt->offset;

	ZVAL_DEREF(v);
	switch (opt->type) {
		case OPT_INT:
			*(zend_long *) (void *) field = Z_LVAL_P(v);
			break;
		case OPT_BOOL:
			*(bool *) field = zend_is_true(v);
			break;
		case OPT_FLOAT:
			*(double *) (void *) field = zval_get_double(v);
			break;
		case OPT_CHOICE:
		case OPT_DIR:
		case OPT_BACKEND:
		case OPT_LISTEN:
		case OPT_STRING: {
			zend_string **s = (zend_string **) (void *) field;
			if (*s) {
				zend_string_release(*s);
			}
			*s = zend_string_copy(Z_STR_P(v));
			break;
		}
		case OPT_LIST: {
			zend_string **s = (zend_string **) (void *) field;
			if (*s) {
				zend_string_release(*s);
			}
			*s = join_list(v);
			break;
		}
		case OPT_CALLABLE:
			zval_ptr_dtor((zval *) (void *) field);
			if (Z_TYPE_P(v) == IS_NULL) {
				ZVAL_UNDEF((zval *) (void *) field);
			} else {
				ZVAL_COPY((zval *) (void *) field, v);
			}
			break;
	}
}

zend_result tasksrv_options_apply(tasksrv_options_t *o, HashTable *settings, uint32_t arg_num)
{
	zend_string *key;
	zend_ulong idx;
	zval *v;
	const option_t *opt;

	ZEND_HASH_FOREACH_STR_KEY_VAL(settings, key, v) {
		if (key && (opt = find(key)) != NULL && check(opt, v, arg_num) == FAILURE) {
			return FAILURE;
		}
	} ZEND_HASH_FOREACH_END();
	ZEND_HASH_FOREACH_KEY_VAL(settings, idx, key, v) {
		if (key && (opt = find(key)) != NULL) {
			store(o, opt, v);
		} else if (key) {
			php_error_docref(NULL, E_WARNING, "unsupported option [%s]", ZSTR_VAL(key));
		} else {
			php_error_docref(NULL, E_WARNING, "unsupported option [" ZEND_ULONG_FMT "]", idx);
		}
	} ZEND_HASH_FOREACH_END();
	return SUCCESS;
}

/* {{{ describing the table (MINFO and docs/server.md) */
/* What an option left at its "not given" value means, where plain "auto"/"none"
 * would say less than users need. Keyed by name so rows stay untouched. */
static const struct {
	const char *name;
	const char *text;
} unset_defaults[] = {
	{"package_eof", "\\r\\n\\r\\n"}, /* the core's default, tasksrv_server_init() */
	{"package_length_type", "N"},    /* src/core/protocol.c's default */
	{"log_date_format", "%Y-%m-%d %H:%M:%S"}, /* src/core/log.c's default */
	{"process_title_prefix", "tasksrv"},
	{"task_backend_queue", "tasksrv"},
};

static const char *unset_default(const option_t *opt)
{
	size_t i;

	for (i = 0; i < sizeof(unset_defaults) / sizeof(unset_defaults[0]); i++) {
		if (strcmp(unset_defaults[i].name, opt->name) == 0) {
			return unset_defaults[i].text;
		}
	}
	return NULL;
}

/* Bytes as a C literal would show them, so "\r\n" stays readable on one line. */
static void escape_text(char *out, size_t size, const char *s, size_t len)
{
	size_t n = 0, i;

	for (i = 0; i < len && n + 5 < size; i++) {
		unsigned char c = (unsigned char) s[i];
		if (c == '\r' || c == '\n' || c == '\t' || c == '\\') {
			out[n++] = '\\';
			out[n++] = c == '\r' ? 'r' : c == '\n' ? 'n' : c == '\t' ? 't' : '\\';
		} else if (c < 0x20 || c >= 0x7f || c == '|') {
			n += (size_t) snprintf(out + n, size - n, "\\x%02x", c);
		} else {
			out[n++] = (char) c;
		}
	}
	out[n] = '\0';
}

static void describe_type(const option_t *opt, char *out, size_t size)
{
	const char *word = "string";
	size_t n, i;

	switch (opt->type) {
		case OPT_INT: word = "int"; break;
		case OPT_BOOL: word = "bool"; break;
		case OPT_FLOAT: word = "float"; break;
		case OPT_STRING: case OPT_DIR: break;
		case OPT_LIST: word = "array of strings"; break;
		case OPT_BACKEND: word = "string (redis://[[USER]:PASS@]HOST:PORT[/DB], redis+unix:///PATH[?db=N], rediss://)"; break;
		case OPT_LISTEN: word = "string (HOST:PORT)"; break;
		case OPT_CALLABLE: word = "callable"; break;
		case OPT_CHOICE:
			n = (size_t) snprintf(out, size, "string (");
			for (i = 0; opt->choices[i] && n + 3 < size; i++) {
				if (opt->choices[i] == '|') {
					out[n++] = ',';
					out[n++] = ' ';
				} else {
					out[n++] = opt->choices[i];
				}
			}
			snprintf(out + n, size - n, ")");
			return;
	}
	snprintf(out, size, "%s", word);
}

/* A string left NULL: a choice defaults to its first word (what the code does when
 * the option is absent), anything else to its documented meaning or "none". */
static void describe_unset_string(const option_t *opt, char *out, size_t size)
{
	const char *text = unset_default(opt);

	if (text) {
		snprintf(out, size, "%s", text);
	} else if (opt->type == OPT_CHOICE) {
		snprintf(out, size, "%.*s", (int) strcspn(opt->choices, "|"), opt->choices);
	} else {
		snprintf(out, size, "none");
	}
}

static void describe_default(const option_t *opt, const tasksrv_options_t *o, char *out, size_t size)
{
	const char *field = (const char *) o + opt->offset;
	const char *text = unset_default(opt);
	zend_long l;
	double d;
	const zend_string *s;

	switch (opt->type) {
		case OPT_INT:
			l = *(const zend_long *) (const void *) field;
			/* Outside the accepted range: the "not given" marker (0 or -1), resolved at start. */
			if (l < opt->min || l > opt->max) {
				snprintf(out, size, "%s", text ? text : "auto");
			} else {
				snprintf(out, size, ZEND_LONG_FMT, l);
			}
			return;
		case OPT_BOOL:
			snprintf(out, size, "%s", *(const bool *) field ? "true" : "false");
			return;
		case OPT_FLOAT:
			d = *(const double *) (const void *) field;
			snprintf(out, size, "%.15g", d);
			if (!strpbrk(out, ".en")) {
				strncat(out, ".0", size - strlen(out) - 1);
			}
			return;
		case OPT_STRING:
		case OPT_BACKEND:
		case OPT_LISTEN:
		case OPT_DIR:
		case OPT_CHOICE:
		case OPT_LIST:
			s = *(zend_string *const *) (const void *) field;
			if (s && opt->type == OPT_BACKEND) {
				/* Never the password. */
				tasksrv_redis_url_t u;
				char err[8];
				if (tasksrv_transport_redis_parse_url(ZSTR_VAL(s), &u, err, sizeof(err)) == 0) {
					tasksrv_transport_redis_describe(&u, out, size);
				} else {
					snprintf(out, size, "(invalid)");
				}
				ZEND_SECURE_ZERO(&u, sizeof(u));
			} else if (s) {
				escape_text(out, size, ZSTR_VAL(s), ZSTR_LEN(s));
			} else {
				describe_unset_string(opt, out, size);
			}
			return;
		case OPT_CALLABLE:
			/* A callable has no default to show, only "not given". */
			snprintf(out, size, "%s", text ? text : "none");
			return;
	}
}

bool tasksrv_options_describe(size_t i, tasksrv_option_info_t *info)
{
	tasksrv_options_t defaults;

	if (i >= sizeof(options) / sizeof(options[0])) {
		return false;
	}
	info->name = options[i].name;
	describe_type(&options[i], info->type, sizeof(info->type));
	tasksrv_options_init(&defaults);
	describe_default(&options[i], &defaults, info->def, sizeof(info->def));
	tasksrv_options_free(&defaults);
	return true;
}
/* }}} */
