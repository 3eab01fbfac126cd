#include "io.h"

#include <errno.h>
#include <poll.h>
#include <time.h>
#include <unistd.h>

int64_t tasksrv_io_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t tasksrv_io_now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

double tasksrv_io_unix_time(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (double) ts.tv_sec + ts.tv_nsec / 1e9;
}

int tasksrv_io_timeout_ms(int64_t deadline_ms)
{
	int64_t left;

	if (deadline_ms < 0) {
		return -1;
	}
	left = deadline_ms - tasksrv_io_now_ms();
	return left < 0 ? 0 : (int) left;
}

int tasksrv_io_wait(int fd, short events, int64_t deadline_ms)
{
	struct pollfd pfd;
	int rc;

	for (;;) {
		pfd.fd = fd;
		pfd.events = events;
		pfd.revents = 0;
		rc = poll(&pfd, 1, tasksrv_io_timeout_ms(deadline_ms));
		if (rc > 0) {
			return 1;
		}
		if (rc == 0) {
			return 0;
		}
		if (errno != EINTR) {
			return -1;
		}
	}
}

ssize_t tasksrv_io_writev_some(int fd, const struct iovec *iov, int iovcnt)
{
	ssize_t w;

	do {
		w = writev(fd, iov, iovcnt);
	} while (w < 0 && errno == EINTR);
	if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
		return 0;
	}
	return w;
}

