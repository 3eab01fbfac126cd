#include "listener.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int resolve(const char *host, int port, int want_ipv6, struct sockaddr_storage *ss, socklen_t *len)
{
	struct addrinfo hints, *res = NULL;
	int rc;

	memset(ss, 0, sizeof(*ss));
	if (inet_pton(AF_INET, host, &((struct sockaddr_in *) ss)->sin_addr) == 1 && !want_ipv6) {
		struct sockaddr_in *sin = (struct sockaddr_in *) ss;
		sin->sin_family = AF_INET;
		sin->sin_port = htons((unsigned short) port);
		*len = sizeof(*sin);
		return 0;
	}
	if (inet_pton(AF_INET6, host, &((struct sockaddr_in6 *) ss)->sin6_addr) == 1) {
		struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *) ss;
		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons((unsigned short) port);
		*len = sizeof(*sin6);
		return 0;
	}
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = want_ipv6 ? AF_INET6 : AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE;
	rc = getaddrinfo(host, NULL, &hints, &res);
	if (rc != 0 || res == NULL) {
		errno = EINVAL;
		return -1;
	}
	memcpy(ss, res->ai_addr, res->ai_addrlen);
	*len = res->ai_addrlen;
	freeaddrinfo(res);
	if (ss->ss_family == AF_INET) {
		((struct sockaddr_in *) ss)->sin_port = htons((unsigned short) port);
	} else {
		((struct sockaddr_in6 *) ss)->sin6_port = htons((unsigned short) port);
	}
	return 0;
}

int tasksrv_listener_bind(tasksrv_listener_t *l, const char *host, int port, int want_ipv6)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int one = 1, saved;

	l->fd = -1;
	l->backlog = 512;
	if (resolve(host, port, want_ipv6, &ss, &len) < 0) {
		return -1;
	}
	l->family = ss.ss_family;
	l->fd = socket(ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (l->fd < 0) {
		return -1;
	}
	setsockopt(l->fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(l->fd, (struct sockaddr *) &ss, len) < 0) {
		saved = errno;
		close(l->fd);
		l->fd = -1;
		errno = saved;
		return -1;
	}
	len = sizeof(ss);
	getsockname(l->fd, (struct sockaddr *) &ss, &len);
	l->port = ntohs(ss.ss_family == AF_INET ? ((struct sockaddr_in *) &ss)->sin_port
		: ((struct sockaddr_in6 *) &ss)->sin6_port);
	return 0;
}

int tasksrv_listener_listen(tasksrv_listener_t *l)
{
	return listen(l->fd, l->backlog);
}

void tasksrv_listener_close(tasksrv_listener_t *l)
{
	if (l->fd >= 0) {
		close(l->fd);
		l->fd = -1;
	}
}

int tasksrv_listener_peer(const void *sa, char *ip, int iplen)
{
	const struct sockaddr *s = sa;

	if (s->sa_family == AF_INET6) {
		const struct sockaddr_in6 *sin6 = sa;
		inet_ntop(AF_INET6, &sin6->sin6_addr, ip, iplen);
		return ntohs(sin6->sin6_port);
	}
	inet_ntop(AF_INET, &((const struct sockaddr_in *) sa)->sin_addr, ip, iplen);
	return ntohs(((const struct sockaddr_in *) sa)->sin_port);
}
