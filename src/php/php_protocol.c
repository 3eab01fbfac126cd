/* tasksrv: framing settings from set() options, and package_length_func. */
#include "php_protocol.h"
#include "php_call.h"

#include <string.h>

/* Swoole's contract: fn(string $buffer): int, > 0 the packet's whole length, 0 need
 * more, -1 error. An exception is reported as any callback's and closes the
 * connection (there is no length to go on). */
static int64_t call_length_func(const tasksrv_protocol_t *p, const char *data, size_t len)
{
	server_obj *o = p->length_ctx;
	tasksrv_options_t *opts = p->length_arg;
	zval arg, rv;
	int64_t n = -1;

	ZVAL_STRINGL(&arg, data, len);
	ZVAL_UNDEF(&rv);
	if (tasksrv_php_call(o, &opts->package_length_func, &opts->package_length_fcc, 1, &arg, &rv)
			&& !Z_ISUNDEF(rv)) {
		n = (int64_t) zval_get_long(&rv);
	}
	zval_ptr_dtor(&rv);
	zval_ptr_dtor(&arg);
	return n;
}

static void configure_eof(tasksrv_protocol_t *p, const tasksrv_options_t *opts)
{
	p->open_eof_split = opts->open_eof_split;
	p->open_eof_check = opts->open_eof_check || opts->open_eof_split;
	if (opts->package_eof) {
		/* set() checked it is 1..8 bytes */
		memcpy(p->package_eof, ZSTR_VAL(opts->package_eof), ZSTR_LEN(opts->package_eof));
		p->package_eof_len = (int) ZSTR_LEN(opts->package_eof);
	}
}

static void configure_length(tasksrv_protocol_t *p, tasksrv_options_t *opts, server_obj *o)
{
	p->open_length_check = opts->open_length_check;
	if (opts->package_length_type) {
		/* set() checked it is one of the known codes */
		tasksrv_protocol_set_length_type(p, ZSTR_VAL(opts->package_length_type)[0]);
	}
	p->package_length_offset = (size_t) opts->package_length_offset;
	p->package_body_offset = (size_t) opts->package_body_offset;
	p->length_func = NULL;
	if (!Z_ISUNDEF(opts->package_length_func)
			&& zend_is_callable_ex(&opts->package_length_func, NULL, 0, NULL, &opts->package_length_fcc, NULL)) {
		p->length_func = call_length_func;
		p->length_ctx = o;
		p->length_arg = opts;
		p->open_length_check = 1;
	}
}

/* document_root + enable_static_handler: the core's static handler (http_static.c). */
static void configure_static(tasksrv_protocol_t *p, const tasksrv_options_t *opts)
{
	const char *root = opts->open_http_protocol && opts->enable_static_handler && opts->document_root
		? ZSTR_VAL(opts->document_root) : NULL;

	if (tasksrv_http_static_set(&p->http_static, root,
			opts->static_handler_locations ? ZSTR_VAL(opts->static_handler_locations) : NULL,
			opts->http_index_files ? ZSTR_VAL(opts->http_index_files) : NULL, opts->http_autoindex) < 0) {
		php_error_docref(NULL, E_WARNING, "document_root [%s] is not a directory: static files are not served",
			root);
	}
}

void tasksrv_php_protocol_configure(tasksrv_protocol_t *p, tasksrv_options_t *opts, server_obj *o)
{
	tasksrv_http_static_t st = p->http_static;

	tasksrv_protocol_init(p);
	p->http_static = st;
	configure_static(p, opts);
	configure_eof(p, opts);
	configure_length(p, opts, o);
	/* As Swoole: never below 64 KiB, so a value meant for small packets cannot cut
	 * a Swoole application's ordinary traffic. */
	p->package_max_length = opts->package_max_length < TASKSRV_PROTOCOL_MIN_MAX_LENGTH
		? TASKSRV_PROTOCOL_MIN_MAX_LENGTH : (size_t) opts->package_max_length;
	/* HTTP: a body over package_max_length is a 413 (the parser's other limits are its own). */
	p->open_http_protocol = opts->open_http_protocol;
	p->http_limits.max_body = p->package_max_length;
	p->http_header_timeout_ms = (int) (opts->http_header_timeout * 1000);
	p->http_upload = opts->open_http_protocol && opts->http_parse_files;
	p->upload_tmp_dir = opts->upload_tmp_dir ? ZSTR_VAL(opts->upload_tmp_dir) : NULL;
	p->upload_max_filesize = (int64_t) opts->upload_max_filesize;
}
