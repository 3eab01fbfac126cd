/* tasksrv: a growable byte buffer with a read offset, used for unsent bytes
 * (connections, IPC channels) and partially received client data. */
#ifndef TASKSRV_BUFFER_H
#define TASKSRV_BUFFER_H

#include <stddef.h>

typedef struct {
	char *data;
	size_t off;  /* first unconsumed byte */
	size_t len;  /* end of valid bytes */
	size_t cap;
} tasksrv_buffer_t;

static inline size_t tasksrv_buffer_size(const tasksrv_buffer_t *b)
{
	return b->len - b->off;
}

static inline char *tasksrv_buffer_head(const tasksrv_buffer_t *b)
{
	return b->data + b->off;
}

/* Returns 0, or -1 when memory runs out (the buffer is then unchanged). */
int tasksrv_buffer_append(tasksrv_buffer_t *b, const void *p, size_t n);
/* printf() at the end, for short lines (up to 511 bytes): -1 when the line is longer
 * or memory runs out (the buffer is then unchanged). */
int tasksrv_buffer_appendf(tasksrv_buffer_t *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Makes room for n more bytes at the end; returns the write pointer or NULL. */
char *tasksrv_buffer_reserve(tasksrv_buffer_t *b, size_t n);
void tasksrv_buffer_consume(tasksrv_buffer_t *b, size_t n);
void tasksrv_buffer_free(tasksrv_buffer_t *b);
/* An empty buffer bigger than TASKSRV_BUFFER_KEEP gives its memory back: one huge
 * message must not leave a channel or a connection holding its size for good. Up to
 * that size it is kept, so a steady stream of big messages reuses it. */
#define TASKSRV_BUFFER_KEEP ((size_t) 32 << 20)
static inline void tasksrv_buffer_shrink(tasksrv_buffer_t *b)
{
	if (b->len == b->off && b->cap > TASKSRV_BUFFER_KEEP) {
		tasksrv_buffer_free(b);
	}
}

#endif
