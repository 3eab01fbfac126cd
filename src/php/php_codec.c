#include "php_codec.h"
#include "php_exceptions.h"
#include "frame.h"

#include "ext/standard/php_var.h"
#include "ext/standard/basic_functions.h"
#include "zend_closures.h"

static zend_result php_encode(zval *value, smart_str *buf)
{
	php_serialize_data_t var_hash;

	/* A fresh state even when called from inside a user __serialize()/__sleep(). */
	BG(serialize_lock)++;
	PHP_VAR_SERIALIZE_INIT(var_hash);
	php_var_serialize(buf, value, &var_hash);
	PHP_VAR_SERIALIZE_DESTROY(var_hash);
	BG(serialize_lock)--;
	return EG(exception) ? FAILURE : SUCCESS;
}

static zend_result php_decode(const char *p, size_t len, zval *rv)
{
	php_unserialize_data_t var_hash;
	const unsigned char *cur = (const unsigned char *) p;
	zend_result rc = SUCCESS;

	/* php_var_unserialize() may fail without writing rv at all (an empty payload): the
	 * zval_ptr_dtor() below must not meet the caller's uninitialised zval. */
	ZVAL_UNDEF(rv);
	BG(serialize_lock)++;
	PHP_VAR_UNSERIALIZE_INIT(var_hash);
	if (!php_var_unserialize(rv, &cur, cur + len, &var_hash) || cur != (const unsigned char *) p + len) {
		zval_ptr_dtor(rv);
		ZVAL_UNDEF(rv);
		rc = FAILURE;
	}
	/* Delayed __unserialize()/__wakeup() calls run here and may throw. */
	PHP_VAR_UNSERIALIZE_DESTROY(var_hash);
	BG(serialize_lock)--;
	if (EG(exception) && rc == SUCCESS) {
		zval_ptr_dtor(rv);
		ZVAL_UNDEF(rv);
		rc = FAILURE;
	}
	return rc;
}

static const tasksrv_serializer_t php_serializer = {"php", php_encode, php_decode};
static const tasksrv_serializer_t *serializer = &php_serializer;

/* Finds what serialize() would reject or silently mangle, before anything is written:
 * a resource (serialize() turns it into 0) or a Closure. Writes the place into path. */
static const char *find_unsendable(zval *v, smart_str *path, int depth)
{
	zend_string *key;
	zend_ulong idx;
	zval *el;
	const char *bad = NULL;

	ZVAL_DEREF(v);
	if (Z_TYPE_P(v) == IS_RESOURCE) {
		return "a resource";
	}
	if (Z_TYPE_P(v) == IS_OBJECT && Z_OBJCE_P(v) == zend_ce_closure) {
		return "a Closure";
	}
	if (Z_TYPE_P(v) != IS_ARRAY || depth > 64) {
		return NULL;
	}
	if (GC_IS_RECURSIVE(Z_ARRVAL_P(v))) {
		return NULL;
	}
	GC_TRY_PROTECT_RECURSION(Z_ARRVAL_P(v));
	ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL_P(v), idx, key, el) {
		size_t mark = ZSTR_LEN(path->s);
		if (key) {
			smart_str_appends(path, "['");
			smart_str_append(path, key);
			smart_str_appends(path, "']");
		} else {
			smart_str_appendc(path, '[');
			smart_str_append_unsigned(path, idx);
			smart_str_appendc(path, ']');
		}
		bad = find_unsendable(el, path, depth + 1);
		if (bad) {
			break;
		}
		ZSTR_LEN(path->s) = mark;
	} ZEND_HASH_FOREACH_END();
	GC_TRY_UNPROTECT_RECURSION(Z_ARRVAL_P(v));
	return bad;
}

zend_result tasksrv_codec_encode(zval *value, tasksrv_payload_t *out, const char *what)
{
	smart_str path = {0};
	const char *bad;

	memset(out, 0, sizeof(*out));
	ZVAL_DEREF(value);
	if (Z_TYPE_P(value) == IS_STRING) {
		out->ptr = Z_STRVAL_P(value);
		out->len = Z_STRLEN_P(value);
		return SUCCESS;
	}
	smart_str_appends(&path, "$data");
	bad = find_unsendable(value, &path, 0);
	if (bad) {
		smart_str_0(&path);
		TASKSRV_THROW_SERIALIZATION("%s: the data cannot be sent to another process: %s at %s",
			what, bad, ZSTR_VAL(path.s));
		smart_str_free(&path);
		return FAILURE;
	}
	smart_str_free(&path);
	if (serializer->encode(value, &out->buf) == FAILURE) {
		zend_object *prev = EG(exception);
		smart_str_free(&out->buf);
		/* Keep the serializer's reason ("Serialization of 'X' is not allowed") as the message
		 * and as the previous exception. */
		if (prev && !zend_is_unwind_exit(prev) && instanceof_function(prev->ce, zend_ce_throwable)) {
			zval scratch, *msg;
			GC_ADDREF(prev);
			zend_clear_exception();
			msg = zend_read_property(zend_get_exception_base(prev), prev, "message", sizeof("message") - 1, 1, &scratch);
			TASKSRV_THROW_SERIALIZATION("%s: the data cannot be sent to another process: %s",
				what, Z_TYPE_P(msg) == IS_STRING ? Z_STRVAL_P(msg) : "serialize() failed");
			zend_exception_set_previous(EG(exception), prev);
		}
		return FAILURE;
	}
	smart_str_0(&out->buf);
	out->ptr = ZSTR_VAL(out->buf.s);
	out->len = ZSTR_LEN(out->buf.s);
	out->serialized = true;
	return SUCCESS;
}

void tasksrv_payload_free(tasksrv_payload_t *p)
{
	smart_str_free(&p->buf);
	p->ptr = NULL;
	p->len = 0;
}

zend_result tasksrv_codec_decode(zend_string *payload, bool serialized, zval *rv)
{
	zend_result rc;

	if (!serialized) {
		ZVAL_STR(rv, payload);
		return SUCCESS;
	}
	rc = serializer->decode(ZSTR_VAL(payload), ZSTR_LEN(payload), rv);
	zend_string_release(payload);
	return rc;
}
