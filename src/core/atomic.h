/* tasksrv: counters in shared memory (Swoole\Atomic, Swoole\Atomic\Long), each in its
 * own anonymous MAP_SHARED mapping made by its creator, so the processes it forks
 * afterwards share it and nobody else can open it. The 32-bit counter is also a
 * futex: wait() sleeps while it is 0 and takes a 1 back to 0, wakeup() turns a 0
 * into 1 and wakes sleepers, as Swoole's do. */
#ifndef TASKSRV_ATOMIC_H
#define TASKSRV_ATOMIC_H

#include <stdbool.h>
#include <stdint.h>

typedef struct tasksrv_atomic tasksrv_atomic_t;

/* NULL with errno set when the mapping cannot be made. */
tasksrv_atomic_t *tasksrv_atomic_create(void);
/* Unmaps it in this process; the others keep their mapping. */
void tasksrv_atomic_free(tasksrv_atomic_t *a);

/* The 32-bit unsigned counter: arithmetic wraps as uint32_t. */
uint32_t tasksrv_atomic_add(tasksrv_atomic_t *a, uint32_t v);
uint32_t tasksrv_atomic_get(tasksrv_atomic_t *a);
void tasksrv_atomic_set(tasksrv_atomic_t *a, uint32_t v);
bool tasksrv_atomic_cmpset(tasksrv_atomic_t *a, uint32_t expected, uint32_t v);
/* true when it took a 1 to 0 (now, or after being woken within timeout_s; <= 0 means
 * no limit); false on timeout, a signal, or a value other than 0 and 1. */
bool tasksrv_atomic_wait(tasksrv_atomic_t *a, double timeout_s);
/* Turns a 0 into 1 and wakes up to n sleepers; false only if the kernel refused. */
bool tasksrv_atomic_wakeup(tasksrv_atomic_t *a, int n);

/* The 64-bit signed counter: arithmetic wraps as two's complement. */
int64_t tasksrv_atomic_add64(tasksrv_atomic_t *a, int64_t v);
int64_t tasksrv_atomic_get64(tasksrv_atomic_t *a);
void tasksrv_atomic_set64(tasksrv_atomic_t *a, int64_t v);
bool tasksrv_atomic_cmpset64(tasksrv_atomic_t *a, int64_t expected, int64_t v);

#endif
