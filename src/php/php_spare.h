/* tasksrv: huge payload strings kept for reuse. Receiving a huge payload into
 * fresh memory costs a page fault per page (or per huge page) and the kernel's
 * zeroing of all of it, more than the copy out of the socket. A process keeps a
 * few huge strings that it received and receives the next payload of a similar
 * size into one that nobody else holds any more. */
#ifndef TASKSRV_PHP_SPARE_H
#define TASKSRV_PHP_SPARE_H

#include "php.h"

/* Payloads from this size on are huge (Zend maps each on its own, 2 MiB aligned). */
#define TASKSRV_HUGE_PAYLOAD ((size_t) 2 * 1024 * 1024)
/* Larger strings are never kept: what a pool holds stays bounded. */
#define TASKSRV_SPARE_MAX ((size_t) 32 * 1024 * 1024)
#define TASKSRV_SPARES 2

typedef struct {
	zend_string *str;    /* a reference of our own, or NULL */
	size_t cap;          /* bytes its block holds (its length when it was kept) */
} tasksrv_spare_t;

typedef struct {
	tasksrv_spare_t slot[TASKSRV_SPARES];
	int next;            /* the slot to give up first when all are taken */
} tasksrv_spares_t;

/* A kept string of room for len bytes that nobody else references, set up as a
 * fresh string of length len (refcount 1, no hash, no flags), or NULL. */
zend_string *tasksrv_spares_take(tasksrv_spares_t *p, size_t len);
/* Keeps str when it is huge and not too large. With `shared`, the caller keeps its
 * reference (the string goes on to the user) and the pool takes one more;
 * otherwise the caller's reference is handed over (released when not kept). */
void tasksrv_spares_keep(tasksrv_spares_t *p, zend_string *str, bool shared);
void tasksrv_spares_free(tasksrv_spares_t *p);

#endif
