/* tasksrv: Server::addCommand() and Server::command(), Swoole 6.2.1's admin commands:
 * a named callback that accepts some process types, run by command() in the process
 * named by (process_id, process_type) with the JSON of $data, its string result
 * handed back (JSON-decoded unless asked not to).
 *
 * Swoole 6.2.1 runs a command in another process only from its master's coroutines; a
 * call from a worker callback (what tasksrv's synchronous callbacks are) returns false
 * with last error 505 there. tasksrv runs a command in the calling process itself and
 * returns false with 505 for any other process: see docs/server.md. */
#include "php_server.h"
#include "php_server_int.h"
#include "php_call.h"
#include "php_errors.h"
#include "server.h"

#include "ext/json/php_json.h"

#define COMMAND_MASTER 2
#define COMMAND_MANAGER 32
#define COMMAND_EVENT_WORKER 8
#define COMMAND_TASK_WORKER 16

PHP_METHOD(TaskSrv_Server, addCommand)
{
	server_obj *o = THIS_SERVER();
	zend_string *name;
	zend_long types;
	zend_fcall_info fci;
	zend_fcall_info_cache fcc;
	zval entry;

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_STR(name)
		Z_PARAM_LONG(types)
		Z_PARAM_FUNC(fci, fcc)
	ZEND_PARSE_PARAMETERS_END();

	if (o->state != STATE_NEW) {
		php_error_docref(NULL, E_WARNING, "server is running, can't add command");
		RETURN_FALSE;
	}
	if (Z_ISUNDEF(o->commands)) {
		array_init(&o->commands);
	}
	if (zend_hash_exists(Z_ARRVAL(o->commands), name)) {
		RETURN_FALSE; /* as Swoole: the first one stays, no warning */
	}
	array_init_size(&entry, 2);
	add_next_index_long(&entry, types);
	Z_TRY_ADDREF(fci.function_name);
	add_next_index_zval(&entry, &fci.function_name);
	zend_hash_add_new(Z_ARRVAL(o->commands), name, &entry);
	RETURN_TRUE;
}

/* Whether (process_id, process_type) names the calling process. */
static bool is_self(server_obj *o, zend_long id, zend_long type)
{
	tasksrv_server_t *s = &o->core;

	switch (type) {
		case COMMAND_MASTER:
			return s->role == TASKSRV_ROLE_MASTER;
		case COMMAND_MANAGER:
			return s->role == TASKSRV_ROLE_MANAGER;
		case COMMAND_EVENT_WORKER:
			return s->role == TASKSRV_ROLE_WORKER && s->worker_id == id;
		case COMMAND_TASK_WORKER:
			return s->role == TASKSRV_ROLE_TASK_WORKER && s->worker_id - s->cfg.worker_num == id;
	}
	return false;
}

PHP_METHOD(TaskSrv_Server, command)
{
	server_obj *o = THIS_SERVER();
	zend_string *name;
	zend_long id, type;
	zval *data, *entry, *types, *callable, arg[2], rv;
	bool json_decode = true;
	smart_str json = {0};

	ZEND_PARSE_PARAMETERS_START(4, 5)
		Z_PARAM_STR(name)
		Z_PARAM_LONG(id)
		Z_PARAM_LONG(type)
		Z_PARAM_ZVAL(data)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(json_decode)
	ZEND_PARSE_PARAMETERS_END();

	if (!tasksrv_php_running_check(o)) {
		RETURN_FALSE;
	}
	entry = Z_ISUNDEF(o->commands) ? NULL : zend_hash_find(Z_ARRVAL(o->commands), name);
	if (entry == NULL) {
		tasksrv_php_set_last_error(TASKSRV_ERROR_SERVER_INVALID_COMMAND);
		RETURN_FALSE;
	}
	types = zend_hash_index_find(Z_ARRVAL_P(entry), 0);
	callable = zend_hash_index_find(Z_ARRVAL_P(entry), 1);
	if (!(Z_LVAL_P(types) & type) || !is_self(o, id, type)) {
		tasksrv_php_set_last_error(TASKSRV_ERROR_INVALID_PARAMS);
		RETURN_FALSE;
	}
	if (php_json_encode(&json, data, 0) == FAILURE) {
		smart_str_free(&json);
		tasksrv_php_set_last_error(TASKSRV_ERROR_INVALID_PARAMS);
		RETURN_FALSE;
	}
	smart_str_0(&json);
	ZVAL_OBJ(&arg[0], &o->std);
	ZVAL_STR(&arg[1], json.s ? json.s : ZSTR_EMPTY_ALLOC());
	ZVAL_UNDEF(&rv);
	tasksrv_php_call(o, callable, NULL, 2, arg, &rv);
	zval_ptr_dtor(&arg[1]);
	if (EG(exception) || Z_ISUNDEF(rv)) {
		zval_ptr_dtor(&rv);
		RETURN_FALSE;
	}
	if (Z_TYPE(rv) != IS_STRING) {
		/* a command answers a string; anything else travels as its JSON */
		smart_str out = {0};
		php_json_encode(&out, &rv, 0);
		smart_str_0(&out);
		zval_ptr_dtor(&rv);
		ZVAL_STR(&rv, out.s ? out.s : ZSTR_EMPTY_ALLOC());
	}
	if (!json_decode) {
		RETURN_COPY_VALUE(&rv);
	}
	php_json_decode_ex(return_value, Z_STRVAL(rv), Z_STRLEN(rv), PHP_JSON_OBJECT_AS_ARRAY, PHP_JSON_PARSER_DEFAULT_DEPTH);
	zval_ptr_dtor(&rv);
}

void tasksrv_command_minit(bool swoole_names, int module_number)
{
	static const struct { const char *name; zend_long value; } types[] = {
		{"MASTER", COMMAND_MASTER}, {"MANAGER", COMMAND_MANAGER}, {"REACTOR_THREAD", 4},
		{"EVENT_WORKER", COMMAND_EVENT_WORKER}, {"WORKER", COMMAND_EVENT_WORKER}, {"TASK_WORKER", COMMAND_TASK_WORKER},
	};
	zend_string *full;
	size_t i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		full = zend_strpprintf(0, "TaskSrv\\SERVER_COMMAND_%s", types[i].name);
		zend_register_long_constant(ZSTR_VAL(full), ZSTR_LEN(full), types[i].value, CONST_CS | CONST_PERSISTENT, module_number);
		zend_string_release(full);
		if (swoole_names) {
			full = zend_strpprintf(0, "SWOOLE_SERVER_COMMAND_%s", types[i].name);
			zend_register_long_constant(ZSTR_VAL(full), ZSTR_LEN(full), types[i].value, CONST_CS | CONST_PERSISTENT, module_number);
			zend_string_release(full);
		}
	}
}
