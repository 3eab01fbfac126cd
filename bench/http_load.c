/* bench/http_load: a fixed number of keep-alive requests, for counting what each costs
 * (bench/http_cost): wrk runs for a time, this runs for a count.
 *
 *   http_load PORT CONNS TOTAL [PATH]
 *
 * CONNS connections to 127.0.0.1:PORT, each with one "GET PATH HTTP/1.1" in flight at a
 * time (as wrk without pipelining), TOTAL answers in all; a response ends after its head
 * and Content-Length bytes. Prints the number of answers; exits 1 on a closed connection
 * or 10 s without progress. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

typedef struct {
	int fd;
	size_t len;
	char buf[8192];
} conn_t;

static char req[512];
static size_t req_len;

static int send_req(conn_t *c)
{
	return write(c->fd, req, req_len) == (ssize_t) req_len ? 0 : -1;
}

/* Takes the whole responses off c's buffer; returns how many. */
static long take_responses(conn_t *c)
{
	long n = 0;

	for (;;) {
		char *end = memmem(c->buf, c->len, "\r\n\r\n", 4), *cl;
		size_t body = 0, whole;

		if (end == NULL) {
			return n;
		}
		*end = '\0';
		cl = strcasestr(c->buf, "\r\ncontent-length:");
		*end = '\r';
		if (cl) {
			body = strtoul(cl + 17, NULL, 10);
		}
		whole = (size_t) (end + 4 - c->buf) + body;
		if (c->len < whole) {
			return n;
		}
		memmove(c->buf, c->buf + whole, c->len - whole);
		c->len -= whole;
		n++;
	}
}

int main(int argc, char **argv)
{
	struct sockaddr_in a = {.sin_family = AF_INET};
	long total, sent = 0, done = 0;
	int nc, ep, i, one = 1;
	conn_t *c;

	if (argc < 4) {
		fprintf(stderr, "usage: http_load PORT CONNS TOTAL [PATH]\n");
		return 2;
	}
	a.sin_port = htons((uint16_t) atoi(argv[1]));
	nc = atoi(argv[2]);
	total = atol(argv[3]);
	req_len = (size_t) snprintf(req, sizeof(req), "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", argc > 4 ? argv[4] : "/");
	inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
	ep = epoll_create1(0);
	c = calloc((size_t) nc, sizeof(*c));
	if (ep < 0 || c == NULL) {
		perror("http_load");
		return 1;
	}
	for (i = 0; i < nc; i++) {
		struct epoll_event ev = {.events = EPOLLIN, .data.u32 = (uint32_t) i};

		c[i].fd = socket(AF_INET, SOCK_STREAM, 0);
		if (c[i].fd < 0 || connect(c[i].fd, (struct sockaddr *) &a, sizeof(a)) < 0) {
			perror("http_load: connect");
			return 1;
		}
		setsockopt(c[i].fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		epoll_ctl(ep, EPOLL_CTL_ADD, c[i].fd, &ev);
		if (sent < total && send_req(&c[i]) == 0) {
			sent++;
		}
	}
	while (done < total) {
		struct epoll_event evs[256];
		int n = epoll_wait(ep, evs, 256, 10000), k;

		if (n <= 0) {
			fprintf(stderr, "http_load: no progress for 10 s (%ld answers)\n", done);
			return 1;
		}
		for (k = 0; k < n; k++) {
			conn_t *x = &c[evs[k].data.u32];
			ssize_t r = read(x->fd, x->buf + x->len, sizeof(x->buf) - x->len);
			long got;

			if (r <= 0) {
				fprintf(stderr, "http_load: connection closed (%ld answers)\n", done);
				return 1;
			}
			x->len += (size_t) r;
			got = take_responses(x);
			done += got;
			while (got-- > 0 && sent < total) {
				if (send_req(x) < 0) {
					perror("http_load: write");
					return 1;
				}
				sent++;
			}
		}
	}
	printf("%ld\n", done);
	return 0;
}
