/* tasksrv: why a task ended without succeeding, as it travels between processes.
 * Zend-free: the manager reports worker deaths and deadlines with it, the task
 * worker reports exceptions and fatal errors, the glue turns it into TaskSrv\TaskFailure. */
#ifndef TASKSRV_FAILURE_H
#define TASKSRV_FAILURE_H

#include <stddef.h>
#include <stdint.h>

#include "buffer.h"

enum tasksrv_failure_reason {
	TASKSRV_FAIL_EXCEPTION = 1,
	TASKSRV_FAIL_FATAL_ERROR,
	TASKSRV_FAIL_WORKER_DIED,
	TASKSRV_FAIL_TIMEOUT,
	TASKSRV_FAIL_SHUTDOWN,
	TASKSRV_FAIL_TOO_LARGE,   /* its data or its result is more than the receiver can allocate */
	TASKSRV_FAIL_CHANNEL_CORRUPT, /* its frame was on a channel found corrupt, behind the corrupt header */
	TASKSRV_FAIL_REASON_MAX = TASKSRV_FAIL_CHANNEL_CORRUPT
};

typedef struct {
	int reason;
	int32_t worker_id;     /* the task worker that held the task */
	int32_t signo;         /* 0 when not known or not killed */
	int32_t exit_status;   /* -1 when not known */
	int64_t code;
	int32_t line;
	/* borrowed strings; NULL/0 when not known */
	const char *message;
	size_t message_len;
	const char *exception_class;
	size_t exception_class_len;
	const char *file;
	size_t file_len;
	const char *trace;
	size_t trace_len;
} tasksrv_failure_t;

const char *tasksrv_failure_reason_name(int reason);
/* Appends the wire form of f to out. Returns 0 or -1 (out of memory). */
int tasksrv_failure_encode(const tasksrv_failure_t *f, tasksrv_buffer_t *out);
/* Parses a wire form; the strings point into p. Returns 0, or -1 when malformed. */
int tasksrv_failure_decode(tasksrv_failure_t *f, const char *p, size_t len);

#endif
