/* tasksrv: Swoole's error codes and messages, the last error of this process, and the
 * functions that read them (swoole_last_error(), swoole_strerror(), swoole_errno()).
 * Server::getLastError() (php_server.c) reads the same last error. */
#include "php_errors.h"

#include <errno.h>
#include <netdb.h>
#include <string.h>

#include "php_errors_arginfo.h"

enum { STRERROR_SYSTEM = 0, STRERROR_GAI = 1, STRERROR_DNS = 2, STRERROR_SWOOLE = 9 };

/* Every code Swoole 6.2.1 defines, with the message its swoole_strerror() gives. */
static const struct {
	int code;
	const char *name;            /* after SWOOLE_ERROR_ */
	const char *message;
} errors[] = {
	{501, "MALLOC_FAIL", "Malloc fail"},
	{502, "SYSTEM_CALL_FAIL", "System call fail"},
	{503, "PHP_FATAL_ERROR", "PHP fatal error"},
	{504, "NAME_TOO_LONG", "Name too long"},
	{505, "INVALID_PARAMS", "Invalid params"},
	{506, "QUEUE_FULL", "Queue full"},
	{507, "OPERATION_NOT_SUPPORT", "Operation not support"},
	{508, "PROTOCOL_ERROR", "Protocol error"},
	{509, "WRONG_OPERATION", "Wrong operation"},
	{510, "PHP_RUNTIME_NOTICE", "PHP runtime notice"},
	{511, "FOR_TEST", "For test"},
	{550, "NO_PAYLOAD", "No payload"},
	{600, "UNDEFINED_BEHAVIOR", "Undefined behavior"},
	{601, "NOT_THREAD_SAFETY", "Not thread safety"},
	{700, "FILE_NOT_EXIST", "File not exist"},
	{701, "FILE_TOO_LARGE", "File too large"},
	{702, "FILE_EMPTY", "File empty"},
	{703, "DIR_NOT_EXIST", "Dir not exist"},
	{710, "DNSLOOKUP_DUPLICATE_REQUEST", "DNS Lookup duplicate request"},
	{711, "DNSLOOKUP_RESOLVE_FAILED", "DNS Lookup resolve failed"},
	{712, "DNSLOOKUP_RESOLVE_TIMEOUT", "DNS Lookup resolve timeout"},
	{713, "DNSLOOKUP_UNSUPPORTED", "DNS Lookup unsupported"},
	{714, "DNSLOOKUP_NO_SERVER", "DNS Lookup no server"},
	{720, "BAD_IPV6_ADDRESS", "Bad ipv6 address"},
	{721, "UNREGISTERED_SIGNAL", "Unregistered signal"},
	{722, "BAD_HOST_ADDR", "Bad host addr"},
	{723, "BAD_PORT", "Bad port"},
	{724, "BAD_SOCKET_TYPE", "Bad socket type"},
	{800, "EVENT_REMOVE_FAILED", "Event remove failed"},
	{801, "EVENT_ADD_FAILED", "Event add failed"},
	{802, "EVENT_UPDATE_FAILED", "Event update failed"},
	{803, "EVENT_UNKNOWN_DATA", "Event unknown data"},
	{1001, "SESSION_CLOSED_BY_SERVER", "Session closed by server"},
	{1002, "SESSION_CLOSED_BY_CLIENT", "Session closed by client"},
	{1003, "SESSION_CLOSING", "Session closing"},
	{1004, "SESSION_CLOSED", "Session closed"},
	{1005, "SESSION_NOT_EXIST", "Session not exist"},
	{1006, "SESSION_INVALID_ID", "Session invalid id"},
	{1007, "SESSION_DISCARD_TIMEOUT_DATA", "Session discard timeout data"},
	{1008, "SESSION_DISCARD_DATA", "Session discard data"},
	{1009, "OUTPUT_BUFFER_OVERFLOW", "Output buffer overflow"},
	{1010, "OUTPUT_SEND_YIELD", "Output send yield"},
	{1011, "SSL_NOT_READY", "SSL not ready"},
	{1012, "SSL_CANNOT_USE_SENFILE", "SSL cannot use senfile"},
	{1013, "SSL_EMPTY_PEER_CERTIFICATE", "SSL empty peer certificate"},
	{1014, "SSL_VERIFY_FAILED", "SSL verify failed"},
	{1015, "SSL_BAD_CLIENT", "SSL bad client"},
	{1016, "SSL_BAD_PROTOCOL", "SSL bad protocol"},
	{1017, "SSL_RESET", "SSL reset"},
	{1018, "SSL_HANDSHAKE_FAILED", "SSL handshake failed"},
	{1019, "SSL_CREATE_CONTEXT_FAILED", "SSL create context failed"},
	{1020, "SSL_CREATE_SESSION_FAILED", "SSL create session failed"},
	{1201, "PACKAGE_LENGTH_TOO_LARGE", "Package length too large"},
	{1202, "PACKAGE_LENGTH_NOT_FOUND", "Package length not found"},
	{1203, "DATA_LENGTH_TOO_LARGE", "Data length too large"},
	{1204, "PACKAGE_MALFORMED_DATA", "Package malformed data"},
	{2001, "TASK_PACKAGE_TOO_BIG", "Task package too big"},
	{2002, "TASK_DISPATCH_FAIL", "Task dispatch fail"},
	{2003, "TASK_TIMEOUT", "Task timeout"},
	{3001, "HTTP2_STREAM_ID_TOO_BIG", "Http2 stream id too big"},
	{3002, "HTTP2_STREAM_NO_HEADER", "Http2 stream no header"},
	{3003, "HTTP2_STREAM_NOT_FOUND", "Http2 stream not found"},
	{3004, "HTTP2_STREAM_IGNORE", "Http2 stream ignore"},
	{3005, "HTTP2_SEND_CONTROL_FRAME_FAILED", "Http2 send control frame failed"},
	{3006, "HTTP2_INTERNAL_ERROR", "Http2 internal error"},
	{4001, "AIO_BAD_REQUEST", "Aio bad request"},
	{4002, "AIO_CANCELED", "Aio canceled"},
	{4003, "AIO_TIMEOUT", "Aio timeout"},
	{5001, "CLIENT_NO_CONNECTION", "Client no connection"},
	{6001, "SOCKET_CLOSED", "Socket closed"},
	{6002, "SOCKET_POLL_TIMEOUT", "Socket poll timeout"},
	{6003, "SOCKET_NOT_EXISTS", "Socket not exists"},
	{7001, "SOCKS5_UNSUPPORT_VERSION", "Socks5 unsupport version"},
	{7002, "SOCKS5_UNSUPPORT_METHOD", "Socks5 unsupport method"},
	{7003, "SOCKS5_AUTH_FAILED", "Socks5 auth failed"},
	{7004, "SOCKS5_SERVER_ERROR", "Socks5 server error"},
	{7005, "SOCKS5_HANDSHAKE_FAILED", "Socks5 handshake failed"},
	{7006, "SOCKS5_CONNECT_FAILED", "Socks5 connect failed"},
	{7101, "HTTP_PROXY_HANDSHAKE_ERROR", "Http proxy handshake error"},
	{7102, "HTTP_INVALID_PROTOCOL", "Http invalid protocol"},
	{7103, "HTTP_PROXY_HANDSHAKE_FAILED", "Http proxy handshake failed"},
	{7104, "HTTP_PROXY_BAD_RESPONSE", "Http proxy bad response"},
	{7105, "HTTP_CONFLICT_HEADER", "Http conflict header"},
	{7106, "HTTP_CONTEXT_UNAVAILABLE", "Http context unavailable"},
	{7107, "HTTP_COOKIE_UNAVAILABLE", "Http cookie unavailable"},
	{8501, "WEBSOCKET_BAD_CLIENT", "Websocket bad client"},
	{8502, "WEBSOCKET_BAD_OPCODE", "Websocket bad opcode"},
	{8503, "WEBSOCKET_UNCONNECTED", "Websocket unconnected"},
	{8504, "WEBSOCKET_HANDSHAKE_FAILED", "Websocket handshake failed"},
	{8505, "WEBSOCKET_PACK_FAILED", "Websocket pack failed"},
	{8506, "WEBSOCKET_UNPACK_FAILED", "Websocket unpack failed"},
	{8507, "WEBSOCKET_INCOMPLETE_PACKET", "Websocket incomplete packet"},
	{9001, "SERVER_MUST_CREATED_BEFORE_CLIENT", "Server must created before client"},
	{9002, "SERVER_TOO_MANY_SOCKET", "Server too many socket"},
	{9003, "SERVER_WORKER_TERMINATED", "Server worker terminated"},
	{9004, "SERVER_INVALID_LISTEN_PORT", "Server invalid listen port"},
	{9005, "SERVER_TOO_MANY_LISTEN_PORT", "Server too many listen port"},
	{9006, "SERVER_PIPE_BUFFER_FULL", "Server pipe buffer full"},
	{9007, "SERVER_NO_IDLE_WORKER", "Server no idle worker"},
	{9008, "SERVER_ONLY_START_ONE", "Server only start one"},
	{9009, "SERVER_SEND_IN_MASTER", "Server send in master"},
	{9010, "SERVER_INVALID_REQUEST", "Server invalid request"},
	{9011, "SERVER_CONNECT_FAIL", "Server connect fail"},
	{9012, "SERVER_INVALID_COMMAND", "Server invalid command"},
	{9013, "SERVER_IS_NOT_REGULAR_FILE", "Server is not regular file"},
	{9014, "SERVER_SEND_TO_WOKER_TIMEOUT", "Server send to woker timeout"},
	{9015, "SERVER_INVALID_CALLBACK", "Server invalid callback"},
	{9016, "SERVER_UNRELATED_THREAD", "Server unrelated thread"},
	{9101, "SERVER_WORKER_EXIT_TIMEOUT", "Server worker exit timeout"},
	{9102, "SERVER_WORKER_ABNORMAL_PIPE_DATA", "Server worker abnormal pipe data"},
	{9103, "SERVER_WORKER_UNPROCESSED_DATA", "Server worker unprocessed data"},
	{10001, "CO_OUT_OF_COROUTINE", "Coroutine out of coroutine"},
	{10002, "CO_HAS_BEEN_BOUND", "Coroutine has been bound"},
	{10003, "CO_HAS_BEEN_DISCARDED", "Coroutine has been discarded"},
	{10004, "CO_MUTEX_DOUBLE_UNLOCK", "Coroutine mutex double unlock"},
	{10005, "CO_BLOCK_OBJECT_LOCKED", "Coroutine block object locked"},
	{10006, "CO_BLOCK_OBJECT_WAITING", "Coroutine block object waiting"},
	{10007, "CO_YIELD_FAILED", "Coroutine yield failed"},
	{10008, "CO_GETCONTEXT_FAILED", "Coroutine getcontext failed"},
	{10009, "CO_SWAPCONTEXT_FAILED", "Coroutine swapcontext failed"},
	{10010, "CO_MAKECONTEXT_FAILED", "Coroutine makecontext failed"},
	{10011, "CO_IOCPINIT_FAILED", "Coroutine iocpinit failed"},
	{10012, "CO_PROTECT_STACK_FAILED", "Coroutine protect stack failed"},
	{10013, "CO_STD_THREAD_LINK_ERROR", "Coroutine std thread link error"},
	{10014, "CO_DISABLED_MULTI_THREAD", "Coroutine disabled multi thread"},
	{10015, "CO_CANNOT_CANCEL", "Coroutine cannot cancel"},
	{10016, "CO_NOT_EXISTS", "Coroutine not exists"},
	{10017, "CO_CANCELED", "Coroutine canceled"},
	{10018, "CO_TIMEDOUT", "Coroutine timedout"},
	{10019, "CO_SOCKET_CLOSE_WAIT", "Coroutine socket close wait"},
};

/* One process, one server: a plain static, as every process after fork() has its own. */
static int last_error;

void tasksrv_php_set_last_error(int code)
{
	last_error = code;
}

int tasksrv_php_last_error(void)
{
	return last_error;
}

static const char *error_message(zend_long code)
{
	size_t i;

	for (i = 0; i < sizeof(errors) / sizeof(errors[0]); i++) {
		if (errors[i].code == code) {
			return errors[i].message;
		}
	}
	return NULL;
}

PHP_FUNCTION(swoole_last_error)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_LONG(last_error);
}

/* As Swoole: a getaddrinfo() or resolver code by its type; any other type reads a
 * Swoole code from the table and anything else as an errno (strerror()'s
 * "Unknown error N" included). */
PHP_FUNCTION(swoole_strerror)
{
	zend_long code, type = STRERROR_SYSTEM;
	const char *msg;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_LONG(code)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(type)
	ZEND_PARSE_PARAMETERS_END();

	if (type == STRERROR_GAI) {
		RETURN_STRING(gai_strerror((int) code));
	}
	if (type == STRERROR_DNS) {
		RETURN_STRING(hstrerror((int) code));
	}
	msg = error_message(code);
	RETURN_STRING(msg ? msg : strerror((int) code));
}

PHP_FUNCTION(swoole_errno)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_LONG(errno);
}

void tasksrv_php_register_functions(const zend_function_entry *fe, bool swoole_names)
{
	zend_function_entry one[2];

	memset(&one[1], 0, sizeof(one[1]));
	for (; fe->fname; fe++) {
		if (!swoole_names && strncmp(fe->fname, "swoole_", sizeof("swoole_") - 1) == 0) {
			continue;
		}
		one[0] = *fe;
		zend_register_functions(NULL, one, NULL, MODULE_PERSISTENT);
	}
}

static void register_long(const char *ns_prefix, const char *name, zend_long value, int module_number)
{
	zend_string *full = zend_strpprintf(0, "%s%s", ns_prefix, name);

	zend_register_long_constant(ZSTR_VAL(full), ZSTR_LEN(full), value, CONST_CS | CONST_PERSISTENT, module_number);
	zend_string_release(full);
}

void tasksrv_errors_minit(bool swoole_names, int module_number)
{
	static const struct { const char *name; zend_long value; } types[] = {
		{"STRERROR_SYSTEM", STRERROR_SYSTEM}, {"STRERROR_GAI", STRERROR_GAI},
		{"STRERROR_DNS", STRERROR_DNS}, {"STRERROR_SWOOLE", STRERROR_SWOOLE},
	};
	char name[96];
	size_t i;

	for (i = 0; i < sizeof(errors) / sizeof(errors[0]); i++) {
		snprintf(name, sizeof(name), "ERROR_%s", errors[i].name);
		register_long("TaskSrv\\", name, errors[i].code, module_number);
		if (swoole_names) {
			register_long("SWOOLE_", name, errors[i].code, module_number);
		}
	}
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		register_long("TaskSrv\\", types[i].name, types[i].value, module_number);
		if (swoole_names) {
			register_long("SWOOLE_", types[i].name, types[i].value, module_number);
		}
	}
	tasksrv_php_register_functions(ext_functions, swoole_names);
}
