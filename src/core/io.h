/* tasksrv: fd helpers that handle EINTR, EAGAIN and short transfers. */
#ifndef TASKSRV_IO_H
#define TASKSRV_IO_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/uio.h>

/* Monotonic clock in milliseconds. */
int64_t tasksrv_io_now_ms(void);
/* Monotonic clock in microseconds. */
int64_t tasksrv_io_now_us(void);
double tasksrv_io_unix_time(void);

/* Waits for fd to become readable (POLLIN) or writable (POLLOUT) until deadline_ms
 * (-1: forever). Returns 1 ready, 0 timed out, -1 error. */
/* poll()'s timeout for an absolute deadline (-1: none): -1, or the ms left, at least 0. */
int tasksrv_io_timeout_ms(int64_t deadline_ms);
int tasksrv_io_wait(int fd, short events, int64_t deadline_ms);

/* One non-blocking writev attempt; returns bytes written (0 on EAGAIN) or -1. */
ssize_t tasksrv_io_writev_some(int fd, const struct iovec *iov, int iovcnt);

#endif
