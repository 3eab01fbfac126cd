/* tasksrv: shared counters and the futex behind Atomic::wait()/wakeup(). */
#include "atomic.h"

#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

struct tasksrv_atomic {
	uint32_t value;  /* the futex word: 4-byte aligned, first in a page */
	uint32_t pad;
	int64_t value64;
};

tasksrv_atomic_t *tasksrv_atomic_create(void)
{
	tasksrv_atomic_t *a = mmap(NULL, sizeof(*a), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	return a == MAP_FAILED ? NULL : a;
}

void tasksrv_atomic_free(tasksrv_atomic_t *a)
{
	munmap(a, sizeof(*a));
}

uint32_t tasksrv_atomic_add(tasksrv_atomic_t *a, uint32_t v)
{
	return __atomic_add_fetch(&a->value, v, __ATOMIC_SEQ_CST);
}

uint32_t tasksrv_atomic_get(tasksrv_atomic_t *a)
{
	return __atomic_load_n(&a->value, __ATOMIC_SEQ_CST);
}

void tasksrv_atomic_set(tasksrv_atomic_t *a, uint32_t v)
{
	__atomic_store_n(&a->value, v, __ATOMIC_SEQ_CST);
}

bool tasksrv_atomic_cmpset(tasksrv_atomic_t *a, uint32_t expected, uint32_t v)
{
	return __atomic_compare_exchange_n(&a->value, &expected, v, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}

/* A shared (not FUTEX_PRIVATE_FLAG) futex: the sleepers are in other processes. */
static long futex(uint32_t *word, int op, uint32_t val, const struct timespec *timeout)
{
	return syscall(SYS_futex, word, op, val, timeout, NULL, 0);
}

bool tasksrv_atomic_wait(tasksrv_atomic_t *a, double timeout_s)
{
	struct timespec ts, *tsp = NULL;

	if (tasksrv_atomic_cmpset(a, 1, 0)) {
		return true;
	}
	if (timeout_s > 0) {
		if (timeout_s > (double) INT_MAX) {
			timeout_s = (double) INT_MAX;
		}
		ts.tv_sec = (time_t) timeout_s;
		ts.tv_nsec = (long) ((timeout_s - (double) ts.tv_sec) * 1e9);
		tsp = &ts;
	}
	/* Sleeps only while the word is still 0 (EAGAIN otherwise): a wakeup() between
	 * the cmpset above and this call is not lost. */
	if (futex(&a->value, FUTEX_WAIT, 0, tsp) != 0 && errno != EAGAIN) {
		return false;
	}
	return tasksrv_atomic_cmpset(a, 1, 0);
}

bool tasksrv_atomic_wakeup(tasksrv_atomic_t *a, int n)
{
	if (!tasksrv_atomic_cmpset(a, 0, 1)) {
		return true;
	}
	return futex(&a->value, FUTEX_WAKE, (uint32_t) (n > 0 ? n : 1), NULL) >= 0;
}

int64_t tasksrv_atomic_add64(tasksrv_atomic_t *a, int64_t v)
{
	/* Through uint64_t: signed overflow would be undefined, Swoole's wraps. */
	return (int64_t) __atomic_add_fetch((uint64_t *) &a->value64, (uint64_t) v, __ATOMIC_SEQ_CST);
}

int64_t tasksrv_atomic_get64(tasksrv_atomic_t *a)
{
	return __atomic_load_n(&a->value64, __ATOMIC_SEQ_CST);
}

void tasksrv_atomic_set64(tasksrv_atomic_t *a, int64_t v)
{
	__atomic_store_n(&a->value64, v, __ATOMIC_SEQ_CST);
}

bool tasksrv_atomic_cmpset64(tasksrv_atomic_t *a, int64_t expected, int64_t v)
{
	return __atomic_compare_exchange_n(&a->value64, &expected, v, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}
