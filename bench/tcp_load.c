/* bench/tcp_load.c: TCP ping-pong load over loopback, and a bare C echo server to compare with.
 *
 *   tcp_load client PORT CONNS SECONDS MSGLEN EXTRA
 *       Opens CONNS connections to 127.0.0.1:PORT. Each sends an MSGLEN-byte message and
 *       waits for a reply of MSGLEN + EXTRA bytes (0 for an echo, 6 for the seed's
 *       "<msg> -> OK"), then sends the next: one request in flight per connection.
 *       Runs SECONDS (after a warm-up of 10%, at least 0.1 s, not counted) and prints one
 *       JSON line: req_per_s, p50_us, p99_us, errors.
 *   tcp_load serve PORT   (or port=PORT)
 *       A single-process epoll echo server on 127.0.0.1:PORT (the floor for the TCP cases).
 *       Runs until killed.
 *
 * Only 127.0.0.1 is ever connected to or bound. Every loop is bounded in time; the
 * client gives up (errors) on a connection that sees no reply for 5 s.
 * Build: cc -O2 -o bench/tcp_load bench/tcp_load.c */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"

typedef struct {
	int fd;
	size_t got;
	double sent_at;
	int dead;
} conn_t;

static struct sockaddr_in loopback(int port)
{
	struct sockaddr_in a;

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons((unsigned short) port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return a;
}

static int send_msg(conn_t *c, const char *msg, size_t len)
{
	size_t off = 0;

	/* A short message always fits an empty socket buffer; loop anyway for EINTR. */
	while (off < len) {
		ssize_t w = write(c->fd, msg + off, len - off);
		if (w < 0) {
			if (errno == EINTR) {
				continue;
			}
			return -1;
		}
		off += (size_t) w;
	}
	c->got = 0;
	c->sent_at = now_s();
	return 0;
}

static int run_client(int port, int nconn, double secs, size_t msglen, size_t extra)
{
	conn_t *conns = calloc(nconn, sizeof(conn_t));
	struct epoll_event ev, evs[256];
	size_t want = msglen + extra, cap = 1 << 16, n = 0;
	double *lat = malloc(sizeof(double) * cap), warm = secs * 0.1 < 0.1 ? 0.1 : secs * 0.1;
	double t0, start = 0, end, t;
	char *msg = malloc(msglen + 1), buf[65536];
	long errors = 0, counted = 0;
	int ep, i, alive = 0, phase = 0;

	memset(msg, 'm', msglen);
	ep = epoll_create1(EPOLL_CLOEXEC);
	for (i = 0; i < nconn; i++) {
		struct sockaddr_in a = loopback(port);
		int one = 1;
		conns[i].fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (conns[i].fd < 0 || connect(conns[i].fd, (struct sockaddr *) &a, sizeof(a)) < 0) {
			die("connect");
		}
		setsockopt(conns[i].fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		fcntl(conns[i].fd, F_SETFL, O_NONBLOCK);
		ev.events = EPOLLIN;
		ev.data.u32 = (uint32_t) i;
		epoll_ctl(ep, EPOLL_CTL_ADD, conns[i].fd, &ev);
	}
	t0 = now_s();
	for (i = 0; i < nconn; i++) {
		if (send_msg(&conns[i], msg, msglen) < 0) {
			die("write");
		}
		alive++;
	}
	for (;;) {
		int k = epoll_wait(ep, evs, 256, 100);
		t = now_s();
		if (phase == 0 && t - t0 >= warm) {
			phase = 1;
			start = t;
			counted = 0;
			n = 0;
		} else if (phase == 1 && t - start >= secs) {
			end = t;
			break;
		}
		for (i = 0; i < nconn; i++) {
			if (!conns[i].dead && t - conns[i].sent_at > 5.0) {
				conns[i].dead = 1;
				errors++;
				alive--;
			}
		}
		if (alive == 0) {
			end = t;
			break;
		}
		for (i = 0; i < k; i++) {
			conn_t *c = &conns[evs[i].data.u32];
			ssize_t r;
			if (c->dead) {
				continue;
			}
			r = read(c->fd, buf, sizeof(buf));
			if (r <= 0) {
				if (r < 0 && (errno == EAGAIN || errno == EINTR)) {
					continue;
				}
				c->dead = 1;
				errors++;
				alive--;
				epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
				continue;
			}
			c->got += (size_t) r;
			if (c->got < want) {
				continue;
			}
			if (c->got > want) {
				errors++;
			}
			t = now_s();
			if (phase == 1) {
				if (n == cap) {
					cap *= 2;
					lat = realloc(lat, sizeof(double) * cap);
				}
				lat[n++] = t - c->sent_at;
				counted++;
			}
			if (send_msg(c, msg, msglen) < 0) {
				c->dead = 1;
				errors++;
				alive--;
			}
		}
	}
	if (n == 0) {
		lat[n++] = 0;
	}
	qsort(lat, n, sizeof(double), cmp_double);
	printf("{\"conns\":%d,\"msglen\":%zu,\"n\":%ld,\"secs\":%.4f,\"req_per_s\":%.1f,\"p50_us\":%.2f,\"p99_us\":%.2f,\"errors\":%ld}\n",
		nconn, msglen, counted, end - start, counted / (end - start), lat[n / 2] * 1e6, lat[(size_t) (n * 0.99)] * 1e6, errors);
	for (i = 0; i < nconn; i++) {
		close(conns[i].fd);
	}
	return errors ? 1 : 0;
}

static int run_server(int port)
{
	struct sockaddr_in a = loopback(port);
	struct epoll_event ev, evs[256];
	char buf[65536];
	int lfd, ep, one = 1, i;

	lfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(lfd, (struct sockaddr *) &a, sizeof(a)) < 0 || listen(lfd, 512) < 0) {
		die("bind/listen");
	}
	ep = epoll_create1(EPOLL_CLOEXEC);
	ev.events = EPOLLIN;
	ev.data.fd = lfd;
	epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &ev);
	printf("ready %d\n", port);
	fflush(stdout);
	for (;;) {
		int k = epoll_wait(ep, evs, 256, -1);
		for (i = 0; i < k; i++) {
			int fd = evs[i].data.fd;
			if (fd == lfd) {
				int c;
				while ((c = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
					setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
					ev.events = EPOLLIN;
					ev.data.fd = c;
					epoll_ctl(ep, EPOLL_CTL_ADD, c, &ev);
				}
				continue;
			}
			ssize_t r = read(fd, buf, sizeof(buf));
			if (r <= 0) {
				if (r < 0 && (errno == EAGAIN || errno == EINTR)) {
					continue;
				}
				close(fd);
				continue;
			}
			if (write(fd, buf, (size_t) r) < 0 && errno != EAGAIN) {
				close(fd);
			}
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	bench_prog = "tcp_load";
	signal(SIGPIPE, SIG_IGN);
	if (argc == 3 && !strcmp(argv[1], "serve")) {
		return run_server(atoi(strncmp(argv[2], "port=", 5) ? argv[2] : argv[2] + 5));
	}
	if (argc == 7 && !strcmp(argv[1], "client")) {
		return run_client(atoi(argv[2]), atoi(argv[3]), atof(argv[4]), strtoull(argv[5], NULL, 10), strtoull(argv[6], NULL, 10));
	}
	fprintf(stderr, "usage: tcp_load client PORT CONNS SECONDS MSGLEN EXTRA | tcp_load serve PORT\n");
	return 2;
}
