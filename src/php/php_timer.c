/* tasksrv: TaskSrv\Timer (also Swoole\Timer when ext/swoole is absent). The timers
 * themselves are the core's (src/core/timer.c: ids, the heap, ticks, the fork rule);
 * every loop of the process runs them between its events, so a callback never runs
 * inside another one, and a task worker's wait while it runs a task. Here: the PHP
 * callable and its arguments, kept as the timer's ctx. */
#include "php_timer.h"
#include "php_event.h"
#include "php_errors.h"
#include "timer.h"

#include "zend_interfaces.h"
#include "ext/spl/spl_array.h"

#include "php_timer_arginfo.h"

zend_class_entry *tasksrv_timer_ce;
zend_class_entry *tasksrv_timer_iterator_ce;

typedef struct {
	zval callable;
	zval *params;
	uint32_t nparams;
	bool tick;       /* the id goes first */
} timer_cb_t;

static void timer_run(int64_t id, void *ctx)
{
	timer_cb_t *t = ctx;
	zval stack[8], *argv = stack;
	uint32_t i, argc = t->nparams + (t->tick ? 1 : 0), off = 0;

	if (tasksrv_php_loop_stopping()) {
		return;
	}
	if (argc > sizeof(stack) / sizeof(stack[0])) {
		argv = safe_emalloc(argc, sizeof(zval), 0);
	}
	if (t->tick) {
		ZVAL_LONG(&argv[0], (zend_long) id);
		off = 1;
	}
	for (i = 0; i < t->nparams; i++) {
		ZVAL_COPY(&argv[off + i], &t->params[i]);
	}
	/* The callable may clear its own timer, which releases ctx after this returns. */
	tasksrv_php_loop_call(&t->callable, argc, argv);
	for (i = 0; i < argc; i++) {
		zval_ptr_dtor(&argv[i]);
	}
	if (argv != stack) {
		efree(argv);
	}
}

static void timer_free(void *ctx)
{
	timer_cb_t *t = ctx;
	uint32_t i;

	zval_ptr_dtor(&t->callable);
	for (i = 0; i < t->nparams; i++) {
		zval_ptr_dtor(&t->params[i]);
	}
	if (t->params) {
		efree(t->params);
	}
	efree(t);
}

static void timer_add(INTERNAL_FUNCTION_PARAMETERS, bool tick)
{
	zend_long ms;
	zend_fcall_info fci = empty_fcall_info;
	zend_fcall_info_cache fcc = empty_fcall_info_cache;
	zval *params = NULL;
	uint32_t nparams = 0, i;
	timer_cb_t *t;
	int64_t id;

	ZEND_PARSE_PARAMETERS_START(2, -1)
		Z_PARAM_LONG(ms)
		Z_PARAM_FUNC(fci, fcc)
		Z_PARAM_VARIADIC('*', params, nparams)
	ZEND_PARSE_PARAMETERS_END();

	if (ms < 1) {
		php_error_docref(NULL, E_WARNING, "Timer must be greater than or equal to 1");
		RETURN_FALSE;
	}
	if (!tasksrv_php_loop_ready()) {
		RETURN_FALSE;
	}
	t = ecalloc(1, sizeof(*t));
	ZVAL_COPY(&t->callable, &fci.function_name);
	t->tick = tick;
	t->nparams = nparams;
	if (nparams) {
		t->params = safe_emalloc(nparams, sizeof(zval), 0);
		for (i = 0; i < nparams; i++) {
			ZVAL_COPY(&t->params[i], &params[i]);
		}
	}
	id = tasksrv_timer_add((int64_t) ms, tick, t);
	if (id < 0) {
		timer_free(t);
		php_error_docref(NULL, E_WARNING, "out of memory for a timer");
		RETURN_FALSE;
	}
	RETURN_LONG((zend_long) id);
}

static void timer_tick(INTERNAL_FUNCTION_PARAMETERS)
{
	timer_add(INTERNAL_FUNCTION_PARAM_PASSTHRU, true);
}

static void timer_after(INTERNAL_FUNCTION_PARAMETERS)
{
	timer_add(INTERNAL_FUNCTION_PARAM_PASSTHRU, false);
}

static void timer_exists(INTERNAL_FUNCTION_PARAMETERS)
{
	zend_long id;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_LONG(id)
	ZEND_PARSE_PARAMETERS_END();

	RETURN_BOOL(tasksrv_timer_exists((int64_t) id));
}

static void timer_info(INTERNAL_FUNCTION_PARAMETERS)
{
	zend_long id;
	tasksrv_timer_info_t info;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_LONG(id)
	ZEND_PARSE_PARAMETERS_END();

	if (!tasksrv_timer_info((int64_t) id, &info)) {
		RETURN_NULL();
	}
	array_init_size(return_value, 5);
	add_assoc_long(return_value, "exec_msec", (zend_long) info.exec_ms);
	add_assoc_long(return_value, "exec_count", (zend_long) info.exec_count);
	add_assoc_long(return_value, "interval", (zend_long) info.interval_ms);
	add_assoc_long(return_value, "round", (zend_long) info.round);
	add_assoc_bool(return_value, "removed", info.removed);
}

static void timer_stats(INTERNAL_FUNCTION_PARAMETERS)
{
	ZEND_PARSE_PARAMETERS_NONE();

	array_init_size(return_value, 3);
	add_assoc_bool(return_value, "initialized", tasksrv_timer_initialized());
	add_assoc_long(return_value, "num", tasksrv_timer_count());
	add_assoc_long(return_value, "round", (zend_long) tasksrv_timer_round());
}

static void timer_list(INTERNAL_FUNCTION_PARAMETERS)
{
	int n, i;
	int64_t *ids;
	zval arr;

	ZEND_PARSE_PARAMETERS_NONE();

	n = tasksrv_timer_count();
	ids = safe_emalloc((size_t) n + 1, sizeof(*ids), 0);
	n = tasksrv_timer_list(ids, n);
	array_init_size(&arr, (uint32_t) n);
	for (i = 0; i < n; i++) {
		add_next_index_long(&arr, (zend_long) ids[i]);
	}
	efree(ids);
	/* An ArrayIterator over the ids, as Swoole\Timer\Iterator is. */
	object_init_ex(return_value, tasksrv_timer_iterator_ce);
	zend_call_known_instance_method_with_1_params(tasksrv_timer_iterator_ce->constructor,
		Z_OBJ_P(return_value), NULL, &arr);
	zval_ptr_dtor(&arr);
}

static void timer_clear(INTERNAL_FUNCTION_PARAMETERS)
{
	zend_long id;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_LONG(id)
	ZEND_PARSE_PARAMETERS_END();

	RETURN_BOOL(tasksrv_timer_clear((int64_t) id));
}

static void timer_clear_all(INTERNAL_FUNCTION_PARAMETERS)
{
	ZEND_PARSE_PARAMETERS_NONE();

	tasksrv_timer_clear_all();
	RETURN_TRUE;
}

#define TIMER_FN(method, fn) \
	ZEND_METHOD(TaskSrv_Timer, method) { timer_##fn(INTERNAL_FUNCTION_PARAM_PASSTHRU); } \
	ZEND_FUNCTION(swoole_timer_##fn) { timer_##fn(INTERNAL_FUNCTION_PARAM_PASSTHRU); }
TIMER_FN(tick, tick)
TIMER_FN(after, after)
TIMER_FN(exists, exists)
TIMER_FN(info, info)
TIMER_FN(stats, stats)
TIMER_FN(list, list)
TIMER_FN(clear, clear)
TIMER_FN(clearAll, clear_all)

void tasksrv_timer_minit(bool swoole_names, int module_number)
{
	(void) module_number;
	tasksrv_timer_ce = register_class_TaskSrv_Timer();
	tasksrv_timer_iterator_ce = register_class_TaskSrv_Timer_Iterator(spl_ce_ArrayIterator);
	if (swoole_names) {
		zend_register_class_alias("Swoole\\Timer", tasksrv_timer_ce);
		zend_register_class_alias("Swoole\\Timer\\Iterator", tasksrv_timer_iterator_ce);
	}
	tasksrv_php_register_functions(ext_functions, swoole_names);
	tasksrv_timer_setup(timer_run, timer_free);
}
