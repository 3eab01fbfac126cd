/* tasksrv: the listening socket. It is created and bound when the Server is
 * constructed (so the port is known and bind errors surface early) and starts
 * listening in start(). */
#ifndef TASKSRV_LISTENER_H
#define TASKSRV_LISTENER_H

typedef struct {
	int fd;
	int family;   /* AF_INET or AF_INET6 */
	int port;     /* the real port, also when 0 was asked for */
	int backlog;
} tasksrv_listener_t;

/* Creates, configures and binds a TCP socket. On failure returns -1 with errno set
 * (EINVAL for a host that is not an address). */
int tasksrv_listener_bind(tasksrv_listener_t *l, const char *host, int port, int want_ipv6);
int tasksrv_listener_listen(tasksrv_listener_t *l);
void tasksrv_listener_close(tasksrv_listener_t *l);
/* Formats a peer address; returns its port. */
int tasksrv_listener_peer(const void *sockaddr, char *ip, int iplen);

#endif
