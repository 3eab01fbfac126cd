#include "io.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <time.h>
#include <unistd.h>

int tasksrv_io_set_nonblock(int fd)
{
	int fl = fcntl(fd, F_GETFL);

	if (fl < 0) {
		return -1;
	}
	return fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

int64_t tasksrv_io_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

double tasksrv_io_unix_time(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (double) ts.tv_sec + ts.tv_nsec / 1e9;
}

int tasksrv_io_wait(int fd, short events, int64_t deadline_ms)
{
	struct pollfd pfd;
	int timeout, rc;

	for (;;) {
		timeout = -1;
		if (deadline_ms >= 0) {
			int64_t left = deadline_ms - tasksrv_io_now_ms();
			if (left < 0) {
				left = 0;
			}
			timeout = (int) left;
		}
		pfd.fd = fd;
		pfd.events = events;
		pfd.revents = 0;
		rc = poll(&pfd, 1, timeout);
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

int tasksrv_io_read_full(int fd, void *p, size_t n, int64_t deadline_ms)
{
	char *dst = p;
	ssize_t r;

	while (n > 0) {
		r = read(fd, dst, n);
		if (r > 0) {
			dst += r;
			n -= (size_t) r;
			continue;
		}
		if (r == 0) {
			errno = ECONNRESET;
			return -1;
		}
		if (errno == EINTR) {
			continue;
		}
		if (errno != EAGAIN) {
			return -1;
		}
		r = tasksrv_io_wait(fd, POLLIN, deadline_ms);
		if (r == 0) {
			errno = ETIMEDOUT;
			return -1;
		}
		if (r < 0) {
			return -1;
		}
	}
	return 0;
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

int tasksrv_io_writev_full(int fd, struct iovec *iov, int iovcnt)
{
	ssize_t w;

	while (iovcnt > 0) {
		if (iov->iov_len == 0) {
			iov++;
			iovcnt--;
			continue;
		}
		w = tasksrv_io_writev_some(fd, iov, iovcnt);
		if (w < 0) {
			return -1;
		}
		if (w == 0) {
			if (tasksrv_io_wait(fd, POLLOUT, -1) < 0) {
				return -1;
			}
			continue;
		}
		/* Short write: advance through the vector. */
		while (w > 0 && iovcnt > 0) {
			if ((size_t) w >= iov->iov_len) {
				w -= (ssize_t) iov->iov_len;
				iov->iov_len = 0;
				iov++;
				iovcnt--;
			} else {
				iov->iov_base = (char *) iov->iov_base + w;
				iov->iov_len -= (size_t) w;
				w = 0;
			}
		}
	}
	return 0;
}
