#include "buffer.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *tasksrv_buffer_reserve(tasksrv_buffer_t *b, size_t n)
{
	size_t used = b->len - b->off;
	size_t cap;
	char *p;

	if (b->cap - b->len >= n) {
		return b->data + b->len;
	}
	/* Slide the live bytes to the front before growing: consumed space is free space. */
	if (b->off > 0) {
		memmove(b->data, b->data + b->off, used);
		b->off = 0;
		b->len = used;
		if (b->cap - b->len >= n) {
			return b->data + b->len;
		}
	}
	/* A size whose doubling would wrap around is memory that cannot be had (the loop
	 * below would end on a capacity of 0, or never). */
	if (n > SIZE_MAX / 2 - used) {
		return NULL;
	}
	cap = b->cap ? b->cap : 4096;
	while (cap - used < n) {
		cap *= 2;
	}
	p = realloc(b->data, cap);
	if (p == NULL) {
		return NULL;
	}
	b->data = p;
	b->cap = cap;
	return b->data + b->len;
}

int tasksrv_buffer_append(tasksrv_buffer_t *b, const void *p, size_t n)
{
	char *dst = tasksrv_buffer_reserve(b, n);

	if (dst == NULL) {
		return -1;
	}
	memcpy(dst, p, n);
	b->len += n;
	return 0;
}

void tasksrv_buffer_consume(tasksrv_buffer_t *b, size_t n)
{
	b->off += n;
	if (b->off >= b->len) {
		b->off = b->len = 0;
	}
}

void tasksrv_buffer_free(tasksrv_buffer_t *b)
{
	free(b->data);
	b->data = NULL;
	b->off = b->len = b->cap = 0;
}

int tasksrv_buffer_appendf(tasksrv_buffer_t *b, const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	return n < 0 || (size_t) n >= sizeof(line) ? -1 : tasksrv_buffer_append(b, line, (size_t) n);
}
