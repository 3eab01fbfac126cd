#include "frame.h"

#include <stddef.h>

/* The layout is part of the wire format: make a change of it a compile error. */
typedef char tasksrv_frame_size_check[sizeof(tasksrv_frame_t) == 32 ? 1 : -1];

const char *tasksrv_frame_check(const tasksrv_frame_t *f)
{
	if (f->version != TASKSRV_FRAME_VERSION) {
		return "unknown frame version";
	}
	if (f->type == 0 || f->type > TASKSRV_FRAME_TYPE_MAX) {
		return "unknown frame type";
	}
	if (f->len > TASKSRV_FRAME_MAX_LEN) {
		return "frame length out of range";
	}
	return NULL;
}
