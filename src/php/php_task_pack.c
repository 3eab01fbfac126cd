/* tasksrv: Server\Task::pack() and ::unpack(). Swoole packs a value into its task
 * frame for programs that push tasks into the SysV queue of task_ipc_mode 2/3 from
 * outside. tasksrv has no such queue, so a package is only what unpack() turns back
 * into the value: "TSKP", a version byte, a reserved byte, a byte that says whether
 * the value was serialized, a reserved byte, then the encoded value (php_codec.c:
 * strings raw, the rest serialized). */
#include "php_server.h"
#include "php_codec.h"

#define PACK_MAGIC "TSKP"
#define PACK_VERSION 1
#define PACK_HEADER 8

PHP_METHOD(TaskSrv_Server_Task, pack)
{
	zval *data;
	tasksrv_payload_t p;
	zend_string *out;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(data)
	ZEND_PARSE_PARAMETERS_END();

	if (tasksrv_codec_encode(data, &p, "Server\\Task::pack()") == FAILURE) {
		RETURN_THROWS();
	}
	out = zend_string_alloc(PACK_HEADER + p.len, 0);
	memcpy(ZSTR_VAL(out), PACK_MAGIC, 4);
	ZSTR_VAL(out)[4] = PACK_VERSION;
	ZSTR_VAL(out)[5] = 0;
	ZSTR_VAL(out)[6] = p.serialized ? 1 : 0;
	ZSTR_VAL(out)[7] = 0;
	memcpy(ZSTR_VAL(out) + PACK_HEADER, p.ptr, p.len);
	ZSTR_VAL(out)[PACK_HEADER + p.len] = '\0';
	tasksrv_payload_free(&p);
	RETURN_NEW_STR(out);
}

PHP_METHOD(TaskSrv_Server_Task, unpack)
{
	zend_string *data;
	bool serialized;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(data)
	ZEND_PARSE_PARAMETERS_END();

	if (ZSTR_LEN(data) < PACK_HEADER || memcmp(ZSTR_VAL(data), PACK_MAGIC, 4) != 0
			|| ZSTR_VAL(data)[4] != PACK_VERSION) {
		php_error_docref(NULL, E_WARNING, "invalid task package");
		RETURN_FALSE;
	}
	serialized = ZSTR_VAL(data)[6] != 0;
	if (tasksrv_codec_decode(zend_string_init(ZSTR_VAL(data) + PACK_HEADER, ZSTR_LEN(data) - PACK_HEADER, 0),
			serialized, return_value) == FAILURE) {
		if (!EG(exception)) {
			php_error_docref(NULL, E_WARNING, "invalid task package");
		}
		RETURN_FALSE;
	}
}
