#include "failure.h"

#include <string.h>

/* Wire form: a fixed head, then the four strings back to back. */
typedef struct {
	int32_t reason;
	int32_t worker_id;
	int32_t signo;
	int32_t exit_status;
	int64_t code;
	int32_t line;
	uint32_t len[4];  /* message, exception class, file, trace */
} failure_head_t;

static const char *const reason_names[] = {
	[TASKSRV_FAIL_EXCEPTION] = "exception",
	[TASKSRV_FAIL_FATAL_ERROR] = "fatal_error",
	[TASKSRV_FAIL_WORKER_DIED] = "worker_died",
	[TASKSRV_FAIL_TIMEOUT] = "timeout",
	[TASKSRV_FAIL_SHUTDOWN] = "shutdown",
	[TASKSRV_FAIL_TOO_LARGE] = "too_large",
	[TASKSRV_FAIL_CHANNEL_CORRUPT] = "channel_corrupt",
};

const char *tasksrv_failure_reason_name(int reason)
{
	if (reason < 1 || reason > TASKSRV_FAIL_REASON_MAX) {
		return "unknown";
	}
	return reason_names[reason];
}

int tasksrv_failure_encode(const tasksrv_failure_t *f, tasksrv_buffer_t *out)
{
	failure_head_t h;
	const char *str[4] = {f->message, f->exception_class, f->file, f->trace};
	size_t len[4] = {f->message_len, f->exception_class_len, f->file_len, f->trace_len};
	int i;

	memset(&h, 0, sizeof(h));
	h.reason = f->reason;
	h.worker_id = f->worker_id;
	h.signo = f->signo;
	h.exit_status = f->exit_status;
	h.code = f->code;
	h.line = f->line;
	for (i = 0; i < 4; i++) {
		h.len[i] = str[i] ? (uint32_t) len[i] : 0;
	}
	if (tasksrv_buffer_append(out, &h, sizeof(h)) < 0) {
		return -1;
	}
	for (i = 0; i < 4; i++) {
		if (h.len[i] && tasksrv_buffer_append(out, str[i], h.len[i]) < 0) {
			return -1;
		}
	}
	return 0;
}

int tasksrv_failure_decode(tasksrv_failure_t *f, const char *p, size_t len)
{
	failure_head_t h;
	const char **str[4];
	size_t *lens[4];
	size_t off = sizeof(h);
	int i;

	if (len < sizeof(h)) {
		return -1;
	}
	memcpy(&h, p, sizeof(h));
	if (h.reason < 1 || h.reason > TASKSRV_FAIL_REASON_MAX) {
		return -1;
	}
	memset(f, 0, sizeof(*f));
	f->reason = h.reason;
	f->worker_id = h.worker_id;
	f->signo = h.signo;
	f->exit_status = h.exit_status;
	f->code = h.code;
	f->line = h.line;
	str[0] = &f->message; lens[0] = &f->message_len;
	str[1] = &f->exception_class; lens[1] = &f->exception_class_len;
	str[2] = &f->file; lens[2] = &f->file_len;
	str[3] = &f->trace; lens[3] = &f->trace_len;
	for (i = 0; i < 4; i++) {
		if (h.len[i] > len - off) {
			return -1;
		}
		*str[i] = h.len[i] ? p + off : NULL;
		*lens[i] = h.len[i];
		off += h.len[i];
	}
	return off == len ? 0 : -1;
}
