/* fuzz/fuzz_codec.c: the serializer boundary of the glue (src/php/php_codec.c): the bytes
 * of a frame's payload, marked serialized, turned into a PHP value as a receiving
 * process does (tasksrv_codec_decode), then sent on and received again (encode, decode).
 * Runs PHP through its embed SAPI (libphp8.2-embed), one request for the whole run, with
 * USE_ZEND_ALLOC=0 (scripts/fuzz) so that ASAN sees PHP's allocations. Only php_codec.c is
 * instrumented for coverage: PHP's own unserializer is the terrain, not the target.
 * Checked: no memory error; what decoded and encoded again decodes again. */
#include "php_codec.h"
#include "frame.h"

#include "sapi/embed/php_embed.h"
#include "zend_exceptions.h"

#include <stdint.h>
#include <stdlib.h>

/* PHP keeps what it allocated at startup until the process ends: not leaks of the codec. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "detect_leaks=0";
}

/* php_exceptions.c's class, without the module that registers it. */
zend_class_entry *tasksrv_serialization_exception_ce;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static char *args[] = {"fuzz_codec", NULL};

	/* No php.ini: its extensions (opcache is dlopen()ed with RTLD_DEEPBIND, which ASAN
	 * refuses) and settings are not what is tested. */
	php_embed_module.php_ini_ignore = 1;
	if (php_embed_init(1, args) != SUCCESS) {
		abort();
	}
	tasksrv_serialization_exception_ce = zend_ce_exception;
	EG(error_reporting) = 0;   /* unserialize()'s notices on bad input */
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static unsigned runs;
	zend_string *in = zend_string_init((const char *) data, size, 0);
	zval rv, again;

	zend_try {
		if (tasksrv_codec_decode(in, true, &rv) == SUCCESS) {
			tasksrv_payload_t out = {0};
			if (tasksrv_codec_encode(&rv, &out, "fuzz") == SUCCESS) {
				zend_string *back = zend_string_init(out.ptr, out.len, 0);
				if (tasksrv_codec_decode(back, out.serialized, &again) == SUCCESS) {
					zval_ptr_dtor(&again);
				} else if (!EG(exception)) {
					abort();   /* our own encoding refused by our own decoder */
				}
			}
			tasksrv_payload_free(&out);
			zval_ptr_dtor(&rv);
		}
	} zend_end_try();
	if (EG(exception)) {
		zend_clear_exception();
	}
	if (++runs % 1024 == 0) {
		gc_collect_cycles();
	}
	return 0;
}
