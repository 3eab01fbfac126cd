#include "php_failure.h"
#include "php_exceptions.h"

#include "zend_exceptions.h"
#include "zend_interfaces.h"

zend_class_entry *tasksrv_task_failure_ce;
zend_class_entry *tasksrv_task_failed_exception_ce;

static void set_str(zval *obj, const char *name, const char *p, size_t len, bool nullable)
{
	if (p == NULL && nullable) {
		zend_update_property_null(tasksrv_task_failure_ce, Z_OBJ_P(obj), name, strlen(name));
	} else {
		zend_update_property_stringl(tasksrv_task_failure_ce, Z_OBJ_P(obj), name, strlen(name), p ? p : "", p ? len : 0);
	}
}

static void set_long(zval *obj, const char *name, zend_long v, bool known)
{
	if (known) {
		zend_update_property_long(tasksrv_task_failure_ce, Z_OBJ_P(obj), name, strlen(name), v);
	} else {
		zend_update_property_null(tasksrv_task_failure_ce, Z_OBJ_P(obj), name, strlen(name));
	}
}

void tasksrv_failure_to_zval(const tasksrv_failure_t *f, zend_long task_id, zval *out)
{
	const char *reason = tasksrv_failure_reason_name(f->reason);
	bool from_exception = f->exception_class != NULL;

	object_init_ex(out, tasksrv_task_failure_ce);
	set_long(out, "taskId", task_id, true);
	set_long(out, "workerId", f->worker_id, true);
	set_str(out, "reason", reason, strlen(reason), false);
	set_str(out, "message", f->message, f->message_len, false);
	set_str(out, "exceptionClass", f->exception_class, f->exception_class_len, true);
	set_long(out, "code", f->code, from_exception);
	set_str(out, "file", f->file, f->file_len, true);
	set_long(out, "line", f->line, f->file != NULL);
	set_str(out, "trace", f->trace, f->trace_len, true);
	set_long(out, "signal", f->signo, f->signo != 0);
	set_long(out, "exitStatus", f->exit_status, f->exit_status >= 0);
}

/* Reads a property of an exception through its base class (Exception or Error). */
static zval *ex_prop(zend_object *ex, const char *name, zval *rv)
{
	return zend_read_property(zend_get_exception_base(ex), ex, name, strlen(name), 1, rv);
}

int tasksrv_failure_from_exception(zend_object *ex, int32_t worker_id, zval *holder, tasksrv_buffer_t *out)
{
	tasksrv_failure_t f;
	zval rv, *msg, *file, *line, *code, trace;

	array_init(holder);
	msg = ex_prop(ex, "message", &rv);
	add_next_index_str(holder, zval_get_string(msg));
	file = ex_prop(ex, "file", &rv);
	add_next_index_str(holder, zval_get_string(file));
	line = ex_prop(ex, "line", &rv);
	code = ex_prop(ex, "code", &rv);
	zend_call_method_with_0_params(ex, ex->ce, NULL, "gettraceasstring", &trace);
	if (Z_TYPE(trace) != IS_STRING) {
		zval_ptr_dtor(&trace);
		ZVAL_EMPTY_STRING(&trace);
	}
	add_next_index_zval(holder, &trace);

	memset(&f, 0, sizeof(f));
	f.reason = TASKSRV_FAIL_EXCEPTION;
	f.worker_id = worker_id;
	f.exit_status = -1;
	f.code = zval_get_long(code);
	f.line = (int32_t) zval_get_long(line);
	f.message = Z_STRVAL_P(zend_hash_index_find(Z_ARRVAL_P(holder), 0));
	f.message_len = Z_STRLEN_P(zend_hash_index_find(Z_ARRVAL_P(holder), 0));
	f.file = Z_STRVAL_P(zend_hash_index_find(Z_ARRVAL_P(holder), 1));
	f.file_len = Z_STRLEN_P(zend_hash_index_find(Z_ARRVAL_P(holder), 1));
	f.trace = Z_STRVAL_P(zend_hash_index_find(Z_ARRVAL_P(holder), 2));
	f.trace_len = Z_STRLEN_P(zend_hash_index_find(Z_ARRVAL_P(holder), 2));
	f.exception_class = ZSTR_VAL(ex->ce->name);
	f.exception_class_len = ZSTR_LEN(ex->ce->name);
	return tasksrv_failure_encode(&f, out);
}

void tasksrv_throw_task_failed(zval *failure)
{
	zval *reason, *message, *id, rv1, rv2, rv3;
	zend_object *ex;

	id = zend_read_property(tasksrv_task_failure_ce, Z_OBJ_P(failure), "taskId", sizeof("taskId") - 1, 1, &rv1);
	reason = zend_read_property(tasksrv_task_failure_ce, Z_OBJ_P(failure), "reason", sizeof("reason") - 1, 1, &rv2);
	message = zend_read_property(tasksrv_task_failure_ce, Z_OBJ_P(failure), "message", sizeof("message") - 1, 1, &rv3);
	ex = zend_throw_exception_ex(tasksrv_task_failed_exception_ce, 0, "task " ZEND_LONG_FMT " failed (%s): %s",
		zval_get_long(id), Z_STRVAL_P(reason), Z_STRVAL_P(message));
	zend_update_property(tasksrv_task_failed_exception_ce, ex, "failure", sizeof("failure") - 1, failure);
}

PHP_METHOD(TaskSrv_TaskFailedException, getFailure)
{
	zval rv, *f;

	ZEND_PARSE_PARAMETERS_NONE();
	f = zend_read_property(tasksrv_task_failed_exception_ce, Z_OBJ_P(ZEND_THIS), "failure", sizeof("failure") - 1, 1, &rv);
	if (Z_TYPE_P(f) != IS_OBJECT) {
		zend_throw_error(NULL, "This TaskFailedException carries no failure");
		RETURN_THROWS();
	}
	RETURN_COPY(f);
}

PHP_METHOD(TaskSrv_TaskFailure, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
}
