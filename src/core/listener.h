/* tasksrv: the listening sockets (Swoole's ports). Each is created and bound when
 * it is declared (the constructor's port, then listen()), so the real port is known
 * and bind errors surface early; stream sockets start listening in start(). Every
 * listener carries its own framing settings (protocol.h): connections accepted on
 * it are framed with them. */
#ifndef TASKSRV_LISTENER_H
#define TASKSRV_LISTENER_H

#include <stddef.h>
#include <sys/types.h>

#include "loop.h"
#include "protocol.h"

/* Swoole's sock_type values. */
enum tasksrv_sock_type {
	TASKSRV_SOCK_TCP = 1,
	TASKSRV_SOCK_UDP = 2,
	TASKSRV_SOCK_TCP6 = 3,
	TASKSRV_SOCK_UDP6 = 4,
	TASKSRV_SOCK_UNIX_STREAM = 5,
	TASKSRV_SOCK_UNIX_DGRAM = 6
};

#define TASKSRV_UNIX_PATH_MAX 108

typedef struct tasksrv_listener {
	int fd;
	int sock;      /* the fd it was bound with (fd is -1 once closed): sessions' server_fd */
	int type;      /* enum tasksrv_sock_type */
	int family;    /* AF_INET, AF_INET6 or AF_UNIX */
	int port;      /* the real port, also when 0 was asked for; 0 for Unix sockets */
	int backlog;
	int index;     /* position in the server's list: 0 is the primary port */
	pid_t owner;   /* the process that bound it: only it removes a Unix socket file */
	char path[TASKSRV_UNIX_PATH_MAX]; /* Unix sockets: the file */
	unsigned char addr[16];     /* the bound IP address (4 or 16 bytes) */
	tasksrv_protocol_t protocol; /* how its connections' bytes become packets */
	int open_tcp_nodelay;
	tasksrv_loop_handler_t h;   /* accept or datagram readiness, in event workers */
	void *srv;                  /* the tasksrv_server_t it belongs to */
} tasksrv_listener_t;

/* The server's ports, primary first: each is bound when declared and lives until
 * the server is freed. */
typedef struct {
	tasksrv_listener_t **items;
	int n;
} tasksrv_listener_set_t;

/* Binds a new port and appends it to set; returns it, or NULL with errno. */
tasksrv_listener_t *tasksrv_listener_set_add(tasksrv_listener_set_t *set, const char *host, int port, int type);
/* Closes the listening sockets; keep_dgram leaves the datagram ones open (event
 * workers read them in PROCESS mode too; a task worker may sendto() from them). */
void tasksrv_listener_set_close(tasksrv_listener_set_t *set, int keep_dgram);
/* Closes and frees every port. */
void tasksrv_listener_set_free(tasksrv_listener_set_t *set);
/* The datagram port that sendto() uses: the one whose fd is server_socket, or (-1)
 * the first whose family fits host (a path: Unix datagram; IPv6; IPv4). NULL: none. */
tasksrv_listener_t *tasksrv_listener_set_dgram(tasksrv_listener_set_t *set, const char *host, int server_socket);
/* Sends one datagram from port l without blocking. Returns 0 or -1 with errno. */
int tasksrv_listener_sendto(tasksrv_listener_t *l, const char *host, int port, const char *data, size_t len);

/* Creates, configures and binds a socket of the given type (a Unix socket's host is
 * its path; a stale socket file there is removed first). On failure returns -1
 * with errno set (EINVAL for a host that is not an address). */
int tasksrv_listener_bind(tasksrv_listener_t *l, const char *host, int port, int type);
int tasksrv_listener_listen(tasksrv_listener_t *l);
/* Closes the socket; in the process that bound it, also removes a Unix socket file. */
void tasksrv_listener_close(tasksrv_listener_t *l);
int tasksrv_listener_is_dgram(const tasksrv_listener_t *l);
/* Whether two listeners claim the same address (a wildcard overlaps every address). */
int tasksrv_listener_overlaps(const tasksrv_listener_t *a, const tasksrv_listener_t *b);
int tasksrv_listener_type_valid(long type);
int tasksrv_listener_type_is_dgram(int type);
/* Formats a peer address (IP, or a Unix socket's path); returns its port (0 for Unix). */
int tasksrv_listener_peer(const void *sockaddr, char *ip, int iplen);
/* Fills a sockaddr for a datagram destination of listener l: an IP and port, or a
 * Unix socket path. Returns its length, or -1 (EINVAL, EAFNOSUPPORT). */
int tasksrv_listener_dest(const tasksrv_listener_t *l, const char *host, int port, void *ss, size_t sslen);

#endif
