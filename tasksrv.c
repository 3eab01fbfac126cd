/* tasksrv: module glue only. Each hook calls the subsystems in a fixed order. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_interfaces.h"
#include "zend_attributes.h"
#include "ext/standard/info.h"
#include "zend_smart_str.h"
#include "php_tasksrv.h"
#include "src/php/php_exceptions.h"
#include "src/php/php_server.h"
#include "src/php/php_task.h"
#include "src/php/php_port.h"
#include "src/php/php_connections.h"
#include "src/php/php_http_server.h"
#ifdef TASKSRV_HAVE_ZLIB
#include <zlib.h>
#endif
#include "src/php/php_options.h"
#include "src/php/php_failure.h"
#include "src/php/php_errors.h"
#include "src/php/php_sysinfo.h"
#include "src/php/php_process.h"
#include "src/php/php_timer.h"
#include "src/php/php_event.h"
#include "src/php/php_shared.h"
#include "src/php/php_table.h"
#include "src/php/php_backend.h"
#include "src/core/transport_redis.h"
#include "src/core/frame.h"

#ifndef ZEND_ACC_ALLOW_DYNAMIC_PROPERTIES
/* PHP 8.1: every class without @strict-properties takes dynamic properties silently */
#define ZEND_ACC_ALLOW_DYNAMIC_PROPERTIES 0
#endif
#include "src/core/ring.h"
#include "src/core/metrics_listen.h"
#include "tasksrv_arginfo.h"

/* Swoole's names, registered only when ext/swoole (or openswoole) is not loaded,
 * so Swoole programs run unchanged. */
static const struct {
	const char *name;
	zend_long value;
} swoole_constants[] = {
	{"SWOOLE_BASE", 1}, {"SWOOLE_PROCESS", 2},
	{"SWOOLE_SOCK_TCP", 1}, {"SWOOLE_TCP", 1}, {"SWOOLE_SOCK_TCP6", 3}, {"SWOOLE_TCP6", 3},
	{"SWOOLE_SOCK_UDP", 2}, {"SWOOLE_UDP", 2}, {"SWOOLE_SOCK_UDP6", 4}, {"SWOOLE_UDP6", 4},
	{"SWOOLE_SOCK_UNIX_STREAM", 5}, {"SWOOLE_UNIX_STREAM", 5},
	{"SWOOLE_SOCK_UNIX_DGRAM", 6}, {"SWOOLE_UNIX_DGRAM", 6},
	{"SWOOLE_IPC_UNSOCK", 1}, {"SWOOLE_IPC_MSGQUEUE", 2}, {"SWOOLE_IPC_PREEMPTIVE", 3},
	{"SWOOLE_TASK_TMPFILE", 1}, {"SWOOLE_TASK_SERIALIZE", 2}, {"SWOOLE_TASK_NONBLOCK", 4},
	{"SWOOLE_TASK_CALLBACK", 8}, {"SWOOLE_TASK_WAITALL", 16}, {"SWOOLE_TASK_COROUTINE", 32},
	{"SWOOLE_TASK_PEEK", 64}, {"SWOOLE_TASK_NOREPLY", 128},
	{"SWOOLE_WORKER_BUSY", 1}, {"SWOOLE_WORKER_IDLE", 2}, {"SWOOLE_WORKER_EXIT", 3},
	{"SWOOLE_LOG_DEBUG", 0}, {"SWOOLE_LOG_TRACE", 1}, {"SWOOLE_LOG_INFO", 2}, {"SWOOLE_LOG_NOTICE", 3},
	{"SWOOLE_LOG_WARNING", 4}, {"SWOOLE_LOG_ERROR", 5}, {"SWOOLE_LOG_NONE", 6},
	{"SWOOLE_SSL", 512},
	{"SWOOLE_MUTEX", 3}, {"SWOOLE_RWLOCK", 1}, {"SWOOLE_SPINLOCK", 5},
	{"SWOOLE_DISPATCH_ROUND", 1}, {"SWOOLE_DISPATCH_FDMOD", 2}, {"SWOOLE_DISPATCH_IDLE_WORKER", 3},
	{"SWOOLE_DISPATCH_IPMOD", 4}, {"SWOOLE_DISPATCH_UIDMOD", 5}, {"SWOOLE_DISPATCH_USERFUNC", 6},
	{"SWOOLE_DISPATCH_STREAM", 7}, {"SWOOLE_DISPATCH_CO_CONN_LB", 8}, {"SWOOLE_DISPATCH_CO_REQ_LB", 9},
	{"SWOOLE_DISPATCH_CONCURRENT_LB", 10},
	{"SWOOLE_DISPATCH_RESULT_DISCARD_PACKET", -1}, {"SWOOLE_DISPATCH_RESULT_CLOSE_CONNECTION", -2},
	{"SWOOLE_DISPATCH_RESULT_USERFUNC_FALLBACK", -3},
	{"SWOOLE_STATS_DEFAULT", 0}, {"SWOOLE_STATS_JSON", 1}, {"SWOOLE_STATS_OPENMETRICS", 2},
};

static bool swoole_loaded(void)
{
	return zend_hash_str_exists(&module_registry, "swoole", sizeof("swoole") - 1)
		|| zend_hash_str_exists(&module_registry, "openswoole", sizeof("openswoole") - 1);
}

static void register_swoole_names(int module_number)
{
	size_t i;

	for (i = 0; i < sizeof(swoole_constants) / sizeof(swoole_constants[0]); i++) {
		zend_register_long_constant(swoole_constants[i].name, strlen(swoole_constants[i].name),
			swoole_constants[i].value, CONST_CS | CONST_PERSISTENT, module_number);
	}
	zend_register_class_alias("Swoole\\Server", tasksrv_server_ce);
	zend_register_class_alias("Swoole\\Exception", tasksrv_exception_ce);
	zend_register_class_alias("Swoole\\Server\\Task", tasksrv_task_ce);
	zend_register_class_alias("Swoole\\Server\\Port", tasksrv_port_ce);
	zend_register_class_alias("Swoole\\Connection\\Iterator", tasksrv_conn_iterator_ce);
	tasksrv_process_register_swoole_names(module_number);
	zend_register_class_alias("Swoole\\Atomic", tasksrv_atomic_ce);
	zend_register_class_alias("Swoole\\Atomic\\Long", tasksrv_atomic_long_ce);
	zend_register_class_alias("Swoole\\Lock", tasksrv_lock_ce);
	zend_register_class_alias("Swoole\\Table", tasksrv_table_ce);
	tasksrv_http_register_swoole_names();
}

static PHP_MINIT_FUNCTION(tasksrv)
{
	tasksrv_exception_ce = register_class_TaskSrv_Exception(zend_ce_exception);
	tasksrv_serialization_exception_ce = register_class_TaskSrv_SerializationException(tasksrv_exception_ce);
	tasksrv_queue_full_exception_ce = register_class_TaskSrv_QueueFullException(tasksrv_exception_ce);
	tasksrv_task_failed_exception_ce = register_class_TaskSrv_TaskFailedException(tasksrv_exception_ce);
	tasksrv_task_failure_ce = register_class_TaskSrv_TaskFailure();
	tasksrv_server_minit(register_class_TaskSrv_Server());
	tasksrv_task_minit(register_class_TaskSrv_Server_Task());
	tasksrv_port_minit(register_class_TaskSrv_Server_Port());
	tasksrv_connections_minit(register_class_TaskSrv_Connection_Iterator(zend_ce_iterator, zend_ce_countable, zend_ce_arrayaccess));
	tasksrv_process_minit();
	tasksrv_shared_minit();
	tasksrv_table_minit();
	tasksrv_http_minit(tasksrv_server_ce);
	tasksrv_backend_minit(tasksrv_server_ce);
	if (!swoole_loaded()) {
		register_swoole_names(module_number);
	}
	tasksrv_errors_minit(!swoole_loaded(), module_number);
	tasksrv_sysinfo_minit(!swoole_loaded(), module_number);
	tasksrv_timer_minit(!swoole_loaded(), module_number);
	tasksrv_event_minit(!swoole_loaded(), module_number);
	tasksrv_command_minit(!swoole_loaded(), module_number);
	return SUCCESS;
}

static PHP_RSHUTDOWN_FUNCTION(tasksrv)
{
	tasksrv_process_rshutdown();
	return SUCCESS;
}

/* MINFO lists what set() and on() accept, from the same tables the code uses, so
 * `php --ri tasksrv` (and docs/server.md, checked against it by a test) stay true. */
static void print_events_row(void)
{
	smart_str list = {0};
	const char *name;
	int i;

	for (i = 0; (name = tasksrv_server_event_name(i)) != NULL; i++) {
		smart_str_appends(&list, i ? ", " : "");
		smart_str_appends(&list, name);
	}
	smart_str_0(&list);
	php_info_print_table_row(2, "Events (on())", list.s ? ZSTR_VAL(list.s) : "");
	smart_str_free(&list);
}

static void print_options_table(void)
{
	tasksrv_option_info_t info;
	size_t i;

	php_info_print_table_start();
	php_info_print_table_colspan_header(3, "set() options");
	php_info_print_table_header(3, "option", "type", "default");
	for (i = 0; tasksrv_options_describe(i, &info); i++) {
		php_info_print_table_row(3, info.name, info.type, info.def);
	}
	php_info_print_table_end();
}

/* The Swoole names this module registered, read back from the engine's own tables (classes and
 * aliases, functions, constants of this module), so the list is whatever MINIT and the glue
 * files registered, never a second list to keep. */
static const char *swoole_class_name(zend_string *key, zend_class_entry *ce, char *buf, size_t size)
{
	const char *own = strchr(ZSTR_VAL(ce->name), '\\');

	if (strncasecmp(ZSTR_VAL(ce->name), "swoole\\", sizeof("swoole\\") - 1) == 0) {
		return ZSTR_VAL(ce->name);
	}
	/* An alias keeps only its lower-case key: TaskSrv\Server\Task gives Swoole\Server\Task its case. */
	if (own && strcasecmp(own + 1, ZSTR_VAL(key) + sizeof("swoole\\") - 1) == 0) {
		snprintf(buf, size, "Swoole\\%s", own + 1);
		return buf;
	}
	return ZSTR_VAL(key);
}

static bool ours(zend_module_entry *module, int module_number)
{
	return module && module->module_number == module_number;
}

static void print_swoole_names(int module_number)
{
	smart_str classes = {0}, functions = {0};
	zend_string *key;
	zend_class_entry *ce;
	zend_function *fn;
	zend_constant *c;
	char buf[256], count[32];
	int nclasses = 0, nfunctions = 0, nconstants = 0;

	ZEND_HASH_FOREACH_STR_KEY_PTR(CG(class_table), key, ce) {
		if (key && ce->type == ZEND_INTERNAL_CLASS && ours(ce->info.internal.module, module_number)
			&& strncmp(ZSTR_VAL(key), "swoole\\", sizeof("swoole\\") - 1) == 0) {
			smart_str_appends(&classes, nclasses++ ? ", " : "");
			smart_str_appends(&classes, swoole_class_name(key, ce, buf, sizeof(buf)));
		}
	} ZEND_HASH_FOREACH_END();
	ZEND_HASH_FOREACH_PTR(CG(function_table), fn) {
		if (fn->type == ZEND_INTERNAL_FUNCTION && ours(fn->internal_function.module, module_number)
			&& strncmp(ZSTR_VAL(fn->common.function_name), "swoole_", sizeof("swoole_") - 1) == 0) {
			smart_str_appends(&functions, nfunctions++ ? ", " : "");
			smart_str_append(&functions, fn->common.function_name);
		}
	} ZEND_HASH_FOREACH_END();
	ZEND_HASH_FOREACH_PTR(EG(zend_constants), c) {
		if ((int) ZEND_CONSTANT_MODULE_NUMBER(c) == module_number
			&& strncmp(ZSTR_VAL(c->name), "SWOOLE_", sizeof("SWOOLE_") - 1) == 0) {
			nconstants++;
		}
	} ZEND_HASH_FOREACH_END();
	smart_str_0(&classes);
	smart_str_0(&functions);

	snprintf(buf, sizeof(buf), "Swoole classes (%d)", nclasses);
	php_info_print_table_row(2, buf, classes.s ? ZSTR_VAL(classes.s) : "none");
	snprintf(buf, sizeof(buf), "Swoole functions (%d)", nfunctions);
	php_info_print_table_row(2, buf, functions.s ? ZSTR_VAL(functions.s) : "none");
	snprintf(count, sizeof(count), "%d", nconstants);
	php_info_print_table_row(2, "Swoole constants (SWOOLE_*)", count);
	smart_str_free(&classes);
	smart_str_free(&functions);
}

static PHP_MINFO_FUNCTION(tasksrv)
{
	char buf[64], tbuf[320];

	php_info_print_table_start();
	php_info_print_table_header(2, "tasksrv support", "enabled");
	php_info_print_table_row(2, "Version", PHP_TASKSRV_VERSION);
	php_info_print_table_row(2, "Swoole\\Server compatibility names", swoole_loaded() ? "off (ext/swoole is loaded)" : "on");
	php_info_print_table_row(2, "Event loop", "epoll");
	/* What src/core/channel.c does (docs/ARCHITECTURE.md, "The task transport"). */
	snprintf(tbuf, sizeof(tbuf), "shared-memory rings of %u KiB between event workers and task workers "
		"(a frame up to %u KiB goes whole through the ring, a bigger payload through the channel's socketpair), "
		"AF_UNIX SOCK_STREAM socketpairs between the other processes; 32-byte frames, no temp files",
		TASKSRV_RING_CAP / 1024u, TASKSRV_RING_BIG / 1024u);
	php_info_print_table_row(2, "Task transport", tbuf);
	php_info_print_table_row(2, "HTTP server", "TaskSrv\\Http\\Server (re2c HTTP/1.1 parser)");
#ifdef TASKSRV_HAVE_ZLIB
	php_info_print_table_row(2, "HTTP compression", "gzip (zlib " ZLIB_VERSION ")");
#else
	php_info_print_table_row(2, "HTTP compression", "off (built without zlib)");
#endif
	/* docs/metrics.md */
	snprintf(tbuf, sizeof(tbuf), "GET /metrics (OpenMetrics 1.0.0) from the manager (BASE) or the master (PROCESS), "
		"through the same HTTP parser: %d s per request, %d s idle, %d connections",
		TASKSRV_METRICS_LISTEN_TIMEOUT_MS / 1000, TASKSRV_METRICS_LISTEN_IDLE_MS / 1000, TASKSRV_METRICS_LISTEN_MAX_CONN);
	php_info_print_table_row(2, "Metrics endpoint (metrics_listen)", tbuf);
	snprintf(buf, sizeof(buf), "%u", TASKSRV_FRAME_VERSION);
	php_info_print_table_row(2, "Frame version", buf);
	snprintf(buf, sizeof(buf), "%u MiB", TASKSRV_FRAME_MAX_LEN / (1024u * 1024u));
	php_info_print_table_row(2, "Largest task payload", buf);
	/* docs/reliability.md, "Limits and hostile input" */
	php_info_print_table_row(2, "Payload over the receiver's memory_limit",
		"refused before allocating: a task fails as too_large, a sendMessage() is dropped and logged");
	php_info_print_table_row(2, "SWOOLE_PROCESS master input",
		"a connection is not read while its worker's channel holds over 4 MiB (read again at 1 MiB)");
	php_info_print_table_row(2, "Respawn back-off", "100 ms from the 3rd abnormal exit in a row within 1 s of a start, doubling to 5 s");
	php_info_print_table_row(2, "Log lines clients can cause", "at most 5 a second per kind, the rest counted");
	php_info_print_table_row(2, "A channel found corrupt", "never read on: sends on it fail (9102), its lost tasks fail as "
		"channel_corrupt, it is emptied and used again");
#ifdef TASKSRV_DEV
	/* docs/reliability.md, "A channel found corrupt": the tests' fault injection */
	php_info_print_table_row(2, "Fault injection", "TASKSRV_DEV_CORRUPT_FRAME=from:to:n (endpoints)");
#endif
	php_info_print_table_row(2, "Serializer", "php (strings travel raw)");
	php_info_print_table_row(2, "Task backend (task_backend, TaskSrv\\TaskNode)", tasksrv_transport_redis_built()
		? "redis (Redis Streams through hiredis)" : "not built (no hiredis: --with-tasksrv-redis)");
	if (tasksrv_transport_redis_built()) {
		php_info_print_table_row(2, "Task backend URLs", tasksrv_transport_redis_tls_built()
			? "redis://, redis+unix://, rediss:// (TLS through hiredis_ssl); [[USER]:PASSWORD@] for AUTH"
			: "redis://, redis+unix://; [[USER]:PASSWORD@] for AUTH; no rediss:// (this hiredis has no hiredis_ssl)");
	}
	print_swoole_names(zend_module->module_number);
	php_info_print_table_row(2, "Modes", "SWOOLE_BASE, SWOOLE_PROCESS");
#ifdef TASKSRV_DEV
	php_info_print_table_row(2, "Build", "developer (-Wall -Wextra -Werror)");
#else
	php_info_print_table_row(2, "Build", "release");
#endif
	print_events_row();
	php_info_print_table_end();
	print_options_table();
}

static const zend_module_dep tasksrv_deps[] = {
	ZEND_MOD_REQUIRED("spl")
	ZEND_MOD_OPTIONAL("swoole")
	ZEND_MOD_OPTIONAL("openswoole")
	ZEND_MOD_OPTIONAL("sockets") /* first, when loaded: its SOCK_* constants are the ones */
	ZEND_MOD_END
};

zend_module_entry tasksrv_module_entry = {
	STANDARD_MODULE_HEADER_EX, NULL,
	tasksrv_deps,
	"tasksrv",
	NULL,
	PHP_MINIT(tasksrv),
	NULL,
	NULL,
	PHP_RSHUTDOWN(tasksrv),
	PHP_MINFO(tasksrv),
	PHP_TASKSRV_VERSION,
	STANDARD_MODULE_PROPERTIES
};

#ifdef COMPILE_DL_TASKSRV
ZEND_GET_MODULE(tasksrv)
#endif
