#include "listener.h"
#include "http_static.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

int tasksrv_listener_type_valid(long type)
{
	return type >= TASKSRV_SOCK_TCP && type <= TASKSRV_SOCK_UNIX_DGRAM;
}

int tasksrv_listener_type_is_dgram(int type)
{
	return type == TASKSRV_SOCK_UDP || type == TASKSRV_SOCK_UDP6 || type == TASKSRV_SOCK_UNIX_DGRAM;
}

int tasksrv_listener_is_dgram(const tasksrv_listener_t *l)
{
	return tasksrv_listener_type_is_dgram(l->type);
}

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

static int unix_addr(const char *path, struct sockaddr_storage *ss, socklen_t *len)
{
	struct sockaddr_un *sun = (struct sockaddr_un *) ss;
	size_t n = strlen(path);

	if (n == 0 || n >= sizeof(sun->sun_path)) {
		errno = n == 0 ? EINVAL : ENAMETOOLONG;
		return -1;
	}
	memset(ss, 0, sizeof(*ss));
	sun->sun_family = AF_UNIX;
	memcpy(sun->sun_path, path, n);
	*len = (socklen_t) (offsetof(struct sockaddr_un, sun_path) + n + 1);
	return 0;
}

static int is_unix(int type)
{
	return type == TASKSRV_SOCK_UNIX_STREAM || type == TASKSRV_SOCK_UNIX_DGRAM;
}

/* Whether a process still listens on (or, datagram, is bound to) the Unix socket at
 * ss: a probe connects without blocking. A refused connection is a stale file. */
static int unix_socket_live(const struct sockaddr_storage *ss, socklen_t len, int dgram)
{
	int fd = socket(AF_UNIX, (dgram ? SOCK_DGRAM : SOCK_STREAM) | SOCK_NONBLOCK | SOCK_CLOEXEC, 0), rc, err;

	if (fd < 0) {
		return 0;
	}
	rc = connect(fd, (const struct sockaddr *) ss, len);
	err = errno;
	close(fd);
	/* EAGAIN: a listener whose backlog is full is alive too. */
	return rc == 0 || err == EAGAIN || err == EINPROGRESS;
}

/* A socket file left by an earlier run would make bind() fail with EADDRINUSE, so it
 * is removed; one that a live server holds is not (-1, EADDRINUSE: a second instance
 * must not steal it); anything that is not a socket is left alone (bind reports it). */
static int unlink_stale(const char *path, const struct sockaddr_storage *ss, socklen_t len, int dgram)
{
	struct stat st;

	if (lstat(path, &st) == 0 && S_ISSOCK(st.st_mode)) {
		if (unix_socket_live(ss, len, dgram)) {
			errno = EADDRINUSE;
			return -1;
		}
		unlink(path);
	}
	return 0;
}

static int address_of(tasksrv_listener_t *l, const char *host, int port, struct sockaddr_storage *ss, socklen_t *len)
{
	if (is_unix(l->type)) {
		if (unix_addr(host, ss, len) < 0) {
			return -1;
		}
		strcpy(l->path, host);
		return 0;
	}
	return resolve(host, port, l->type == TASKSRV_SOCK_TCP6 || l->type == TASKSRV_SOCK_UDP6, ss, len);
}

/* The real port and address, also when port 0 was asked for. */
static int local_port(tasksrv_listener_t *l)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);

	memset(l->addr, 0, sizeof(l->addr));
	if (getsockname(l->fd, (struct sockaddr *) &ss, &len) < 0) {
		return 0;
	}
	if (ss.ss_family == AF_INET) {
		memcpy(l->addr, &((struct sockaddr_in *) &ss)->sin_addr, 4);
		return ntohs(((struct sockaddr_in *) &ss)->sin_port);
	}
	if (ss.ss_family == AF_INET6) {
		memcpy(l->addr, &((struct sockaddr_in6 *) &ss)->sin6_addr, 16);
		return ntohs(((struct sockaddr_in6 *) &ss)->sin6_port);
	}
	return 0;
}

static int wildcard(const unsigned char *addr)
{
	static const unsigned char zero[16];

	return memcmp(addr, zero, sizeof(zero)) == 0;
}

int tasksrv_listener_overlaps(const tasksrv_listener_t *a, const tasksrv_listener_t *b)
{
	if (tasksrv_listener_is_dgram(a) != tasksrv_listener_is_dgram(b) || a->family != b->family) {
		return 0;
	}
	if (a->family == AF_UNIX) {
		return strcmp(a->path, b->path) == 0;
	}
	return a->port == b->port && (wildcard(a->addr) || wildcard(b->addr) || memcmp(a->addr, b->addr, 16) == 0);
}

int tasksrv_listener_bind(tasksrv_listener_t *l, const char *host, int port, int type)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int one = 1, saved;

	l->fd = -1;
	l->type = type;
	l->backlog = 512;
	l->path[0] = '\0';
	l->owner = getpid();
	if (address_of(l, host, port, &ss, &len) < 0) {
		return -1;
	}
	l->family = ss.ss_family;
	l->fd = socket(ss.ss_family, (tasksrv_listener_type_is_dgram(type) ? SOCK_DGRAM : SOCK_STREAM)
		| SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (l->fd < 0) {
		return -1;
	}
	if (l->family == AF_UNIX) {
		if (unlink_stale(l->path, &ss, len, tasksrv_listener_type_is_dgram(type)) < 0) {
			l->path[0] = '\0'; /* not ours: never unlinked at close */
		}
	} else {
		setsockopt(l->fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	}
	if ((l->family == AF_UNIX && l->path[0] == '\0') || bind(l->fd, (struct sockaddr *) &ss, len) < 0) {
		saved = errno;
		close(l->fd);
		l->fd = -1;
		l->path[0] = '\0';
		errno = saved;
		return -1;
	}
	l->port = l->family == AF_UNIX ? 0 : local_port(l);
	l->sock = l->fd;
	return 0;
}

int tasksrv_listener_listen(tasksrv_listener_t *l)
{
	return tasksrv_listener_is_dgram(l) ? 0 : listen(l->fd, l->backlog);
}

void tasksrv_listener_close(tasksrv_listener_t *l)
{
	if (l->fd >= 0) {
		close(l->fd);
		l->fd = -1;
	}
	l->h.fd = -1; /* no longer in any loop */
	if (l->path[0] && l->owner == getpid()) {
		unlink(l->path);
		l->path[0] = '\0';
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
	if (s->sa_family == AF_UNIX) {
		const struct sockaddr_un *sun = sa;
		/* An unbound client has no path: its address is empty. */
		snprintf(ip, (size_t) iplen, "%s", sun->sun_path);
		return 0;
	}
	inet_ntop(AF_INET, &((const struct sockaddr_in *) sa)->sin_addr, ip, iplen);
	return ntohs(((const struct sockaddr_in *) sa)->sin_port);
}

int tasksrv_listener_dest(const tasksrv_listener_t *l, const char *host, int port, void *out, size_t outlen)
{
	struct sockaddr_storage ss;
	socklen_t len;

	if (l->family == AF_UNIX) {
		if (unix_addr(host, &ss, &len) < 0) {
			return -1;
		}
	} else if (l->family == AF_INET6) {
		struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *) &ss;
		memset(&ss, 0, sizeof(ss));
		if (inet_pton(AF_INET6, host, &sin6->sin6_addr) != 1) {
			errno = EINVAL;
			return -1;
		}
		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons((unsigned short) port);
		len = sizeof(*sin6);
	} else {
		struct sockaddr_in *sin = (struct sockaddr_in *) &ss;
		memset(&ss, 0, sizeof(ss));
		if (inet_pton(AF_INET, host, &sin->sin_addr) != 1) {
			errno = EINVAL;
			return -1;
		}
		sin->sin_family = AF_INET;
		sin->sin_port = htons((unsigned short) port);
		len = sizeof(*sin);
	}
	if ((size_t) len > outlen) {
		errno = EINVAL;
		return -1;
	}
	memcpy(out, &ss, len);
	return (int) len;
}

/* {{{ The listener set: the server's ports */
tasksrv_listener_t *tasksrv_listener_set_add(tasksrv_listener_set_t *set, const char *host, int port, int type)
{
	tasksrv_listener_t *l = calloc(1, sizeof(*l)), **list;
	int i;

	if (l == NULL) {
		return NULL;
	}
	if (tasksrv_listener_bind(l, host, port, type) < 0) {
		int saved = errno;
		free(l);
		errno = saved;
		return NULL;
	}
	/* SO_REUSEADDR lets two of our sockets bind one address while neither listens
	 * yet: refuse it here, as the kernel would once the first one listens. */
	for (i = 0; i < set->n; i++) {
		if (tasksrv_listener_overlaps(set->items[i], l)) {
			tasksrv_listener_close(l);
			free(l);
			errno = EADDRINUSE;
			return NULL;
		}
	}
	list = realloc(set->items, sizeof(*list) * (set->n + 1));
	if (list == NULL) {
		tasksrv_listener_close(l);
		free(l);
		errno = ENOMEM;
		return NULL;
	}
	tasksrv_protocol_init(&l->protocol);
	l->index = set->n;
	l->h.fd = -1;
	set->items = list;
	set->items[set->n++] = l;
	return l;
}

void tasksrv_listener_set_close(tasksrv_listener_set_t *set, int keep_dgram)
{
	int i;

	for (i = 0; i < set->n; i++) {
		if (!keep_dgram || !tasksrv_listener_is_dgram(set->items[i])) {
			tasksrv_listener_close(set->items[i]);
		}
	}
}

void tasksrv_listener_set_free(tasksrv_listener_set_t *set)
{
	int i;

	tasksrv_listener_set_close(set, 0);
	for (i = 0; i < set->n; i++) {
		tasksrv_http_static_free(&set->items[i]->protocol.http_static);
		free(set->items[i]);
	}
	free(set->items);
	set->items = NULL;
	set->n = 0;
}

tasksrv_listener_t *tasksrv_listener_set_dgram(tasksrv_listener_set_t *set, const char *host, int server_socket)
{
	int i, family = host[0] == '/' ? AF_UNIX : strchr(host, ':') ? AF_INET6 : AF_INET;

	for (i = 0; i < set->n; i++) {
		tasksrv_listener_t *l = set->items[i];
		if (!tasksrv_listener_is_dgram(l) || l->fd < 0) {
			continue;
		}
		if (server_socket >= 0 ? l->fd == server_socket : l->family == family) {
			return l;
		}
	}
	return NULL;
}

int tasksrv_listener_sendto(tasksrv_listener_t *l, const char *host, int port, const char *data, size_t len)
{
	struct sockaddr_storage ss;
	int sslen = tasksrv_listener_dest(l, host, port, &ss, sizeof(ss));
	ssize_t n;

	if (sslen < 0) {
		return -1;
	}
	do {
		n = sendto(l->fd, data, len, MSG_DONTWAIT, (struct sockaddr *) &ss, (socklen_t) sslen);
	} while (n < 0 && errno == EINTR);
	return n < 0 ? -1 : 0;
}
/* }}} */
