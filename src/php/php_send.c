/* tasksrv: Server::sendfile() and Server::sendwait(), the two sends besides send().
 * sendfile() reads the file's range and sends it as send() does (so from any process,
 * in both modes); sendwait() blocks until the socket took the bytes, where Swoole
 * allows it: a SWOOLE_BASE event worker. */
#include "php_server.h"
#include "php_server_int.h"
#include "php_call.h"
#include "php_connections.h"
#include "php_errors.h"
#include "server.h"
#include "log.h"
#include "forward.h"
#include "worker.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* The bytes [offset, offset + length) of a regular file (length 0: to its end), or
 * NULL after Swoole's log line and last error. */
static zend_string *file_range(const char *path, zend_long offset, zend_long length)
{
	struct stat st;
	zend_string *buf;
	size_t got = 0;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0 || fstat(fd, &st) < 0) {
		tasksrv_log(TASKSRV_LOG_WARNING, "Server::sendfile() (ERRNO 502): stat(%s) failed", path);
		tasksrv_php_set_last_error(502);
		if (fd >= 0) {
			close(fd);
		}
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		tasksrv_log(TASKSRV_LOG_WARNING, "Server::sendfile() (ERRNO 9013): the path[%s] given is not a regular file", path);
		tasksrv_php_set_last_error(TASKSRV_ERROR_SERVER_IS_NOT_REGULAR_FILE);
		close(fd);
		return NULL;
	}
	if (offset >= st.st_size) {
		tasksrv_log(TASKSRV_LOG_WARNING, "Server::sendfile() (ERRNO 502): file[offset=" ZEND_LONG_FMT "] is empty", offset);
		tasksrv_php_set_last_error(502);
		close(fd);
		return NULL;
	}
	if (length == 0) {
		length = (zend_long) st.st_size - offset;
	}
	if (length > (zend_long) st.st_size - offset) {
		/* Swoole returns true here and sends nothing; tasksrv says false */
		tasksrv_log(TASKSRV_LOG_WARNING, "Server::sendfile() (ERRNO 505): length[" ZEND_LONG_FMT "] or offset["
			ZEND_LONG_FMT "] is invalid", length, offset);
		tasksrv_php_set_last_error(505);
		close(fd);
		return NULL;
	}
	buf = zend_string_alloc((size_t) length, 0);
	while (got < (size_t) length) {
		n = pread(fd, ZSTR_VAL(buf) + got, (size_t) length - got, (off_t) (offset + got));
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n <= 0) {
			tasksrv_log(TASKSRV_LOG_WARNING, "Server::sendfile() (ERRNO 502): read(%s) failed: %s", path,
				n < 0 ? strerror(errno) : "the file shrank");
			tasksrv_php_set_last_error(502);
			zend_string_efree(buf);
			close(fd);
			return NULL;
		}
		got += (size_t) n;
	}
	close(fd);
	ZSTR_VAL(buf)[got] = '\0';
	return buf;
}

PHP_METHOD(TaskSrv_Server, sendfile)
{
	server_obj *o = THIS_SERVER();
	zend_long fd, offset = 0, length = 0;
	zend_string *path, *data;
	int rc;

	ZEND_PARSE_PARAMETERS_START(2, 4)
		Z_PARAM_LONG(fd)
		Z_PARAM_PATH_STR(path)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(offset)
		Z_PARAM_LONG(length)
	ZEND_PARSE_PARAMETERS_END();

	if (offset < 0) {
		zend_argument_value_error(3, "must be greater than or equal to 0");
		RETURN_THROWS();
	}
	if (length < 0) {
		zend_argument_value_error(4, "must be greater than or equal to 0");
		RETURN_THROWS();
	}
	if (!tasksrv_php_session_arg(o, fd)) {
		RETURN_FALSE;
	}
	if (!tasksrv_php_session_result(o, fd, tasksrv_shm_session_get(o->core.shm, fd) != NULL)) {
		RETURN_FALSE;
	}
	data = file_range(ZSTR_VAL(path), offset, length);
	if (data == NULL) {
		RETURN_FALSE;
	}
	errno = 0;
	rc = tasksrv_forward_send(&o->core, fd, ZSTR_VAL(data), ZSTR_LEN(data));
	zend_string_efree(data);
	RETURN_BOOL(tasksrv_php_session_sent(o, fd, rc));
}

PHP_METHOD(TaskSrv_Server, sendwait)
{
	server_obj *o = THIS_SERVER();
	zend_long fd;
	zend_string *data;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_LONG(fd)
		Z_PARAM_STR(data)
	ZEND_PARSE_PARAMETERS_END();

	if (!tasksrv_php_started_check(o)) {
		RETURN_FALSE;
	}
	if (o->core.cfg.mode != TASKSRV_MODE_BASE || o->core.role != TASKSRV_ROLE_WORKER) {
		php_error_docref(NULL, E_WARNING, "can only be used with base mode and must be within worker process");
		RETURN_FALSE;
	}
	if (!tasksrv_php_session_arg(o, fd)) {
		RETURN_FALSE;
	}
	if (ZSTR_LEN(data) == 0) {
		php_error_docref(NULL, E_WARNING, "the data sent must not be empty");
		RETURN_FALSE;
	}
	RETURN_BOOL(tasksrv_php_session_result(o, fd,
		tasksrv_worker_send_wait(&o->core, fd, ZSTR_VAL(data), ZSTR_LEN(data)) == 0));
}
