/* tasksrv: process-shared locks (see lock.h for which survive a dead holder). */
#include "lock.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

struct tasksrv_lock {
	tasksrv_lock_type_t type;
	union {
		pthread_mutex_t mutex;
		pthread_rwlock_t rwlock;
		uint32_t spin;
	} u;
};

/* getpid() is a system call; the spinlock asks for it on every lock, so it is kept
 * here and forgotten in every child fork() makes (pcntl_fork's as well as ours). */
static pid_t cached_pid;

static void forget_pid(void)
{
	cached_pid = 0;
}

static uint32_t my_pid(void)
{
	static bool registered;

	if (cached_pid == 0) {
		if (!registered) {
			pthread_atfork(NULL, NULL, forget_pid);
			registered = true;
		}
		cached_pid = getpid();
	}
	return (uint32_t) cached_pid;
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static struct timespec deadline_after(int timeout_ms)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_sec += timeout_ms / 1000;
	ts.tv_nsec += (long) (timeout_ms % 1000) * 1000000L;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	return ts;
}

static inline void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__asm__ __volatile__("pause");
#elif defined(__aarch64__)
	__asm__ __volatile__("yield");
#endif
}

/* A zombie still answers kill(pid, 0) but will never unlock: ask /proc for its state. */
static bool is_zombie(pid_t pid)
{
	char path[40], buf[512], *paren;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int) pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		return errno == ENOENT;
	}
	do {
		n = read(fd, buf, sizeof(buf) - 1);
	} while (n < 0 && errno == EINTR);
	close(fd);
	if (n <= 0) {
		return false;
	}
	buf[n] = '\0';
	paren = strrchr(buf, ')');
	return paren && paren[1] == ' ' && (paren[2] == 'Z' || paren[2] == 'X');
}

static bool owner_gone(pid_t pid, bool look_for_zombie)
{
	if (kill(pid, 0) < 0 && errno == ESRCH) {
		return true;
	}
	return look_for_zombie && is_zombie(pid);
}

bool tasksrv_lock_spin_try(uint32_t *word)
{
	uint32_t expected = 0;

	return __atomic_compare_exchange_n(word, &expected, my_pid(), false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

/* Take the word over from a dead owner: only one of the waiters that saw it dead wins. */
static bool spin_steal(uint32_t *word, uint32_t dead)
{
	return __atomic_compare_exchange_n(word, &dead, my_pid(), false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

/* Spin a little (the holder is usually on the other CPU for a few instructions), then
 * yield, then sleep 50 us at a time; every 64 rounds look whether the holder still
 * lives, and whether it is a zombie once the wait passed 20 ms (and every 10 ms after). */
int tasksrv_lock_spin_timed(uint32_t *word, int timeout_ms, pid_t *dead_owner)
{
	int64_t start = -1, last_zombie_check = 0, t = 0;
	uint32_t owner;
	unsigned n;

	*dead_owner = 0;
	for (n = 0;; n++) {
		owner = __atomic_load_n(word, __ATOMIC_RELAXED);
		if (owner == 0 && tasksrv_lock_spin_try(word)) {
			return 0;
		}
		if (n < 100) {
			cpu_relax();
			continue;
		}
		if ((n & 63) == 0 || start < 0) {
			t = now_ms();
			if (start < 0) {
				start = last_zombie_check = t;
			}
			if (timeout_ms >= 0 && t - start >= timeout_ms) {
				return ETIMEDOUT;
			}
		}
		if (owner != 0 && (n & 63) == 0) {
			bool zombie_check = t - start >= 20 && t - last_zombie_check >= 10;

			if (zombie_check) {
				last_zombie_check = t;
			}
			if (owner_gone((pid_t) owner, zombie_check) && spin_steal(word, owner)) {
				*dead_owner = (pid_t) owner;
				return 0;
			}
		}
		if (n < 2000) {
			sched_yield();
		} else {
			struct timespec ts = {0, 50000};
			nanosleep(&ts, NULL);
		}
	}
}

pid_t tasksrv_lock_spin_acquire(uint32_t *word)
{
	pid_t dead;

	if (tasksrv_lock_spin_try(word)) {
		return 0;
	}
	tasksrv_lock_spin_timed(word, -1, &dead);
	return dead;
}

int tasksrv_lock_spin_release(uint32_t *word)
{
	uint32_t me = my_pid();

	if (!__atomic_compare_exchange_n(word, &me, 0, false, __ATOMIC_RELEASE, __ATOMIC_RELAXED)) {
		return EPERM;
	}
	return 0;
}

static int mutex_init(pthread_mutex_t *m)
{
	pthread_mutexattr_t attr;
	int err;

	pthread_mutexattr_init(&attr);
	pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
	pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
	err = pthread_mutex_init(m, &attr);
	pthread_mutexattr_destroy(&attr);
	return err;
}

static int rwlock_init(pthread_rwlock_t *rw)
{
	pthread_rwlockattr_t attr;
	int err;

	pthread_rwlockattr_init(&attr);
	pthread_rwlockattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
	err = pthread_rwlock_init(rw, &attr);
	pthread_rwlockattr_destroy(&attr);
	return err;
}

tasksrv_lock_t *tasksrv_lock_create(tasksrv_lock_type_t type)
{
	tasksrv_lock_t *lock;
	int err = 0;

	if (type != TASKSRV_LOCK_MUTEX && type != TASKSRV_LOCK_RWLOCK && type != TASKSRV_LOCK_SPINLOCK) {
		errno = EINVAL;
		return NULL;
	}
	lock = mmap(NULL, sizeof(*lock), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (lock == MAP_FAILED) {
		return NULL;
	}
	lock->type = type;
	if (type == TASKSRV_LOCK_MUTEX) {
		err = mutex_init(&lock->u.mutex);
	} else if (type == TASKSRV_LOCK_RWLOCK) {
		err = rwlock_init(&lock->u.rwlock);
	}
	if (err != 0) {
		munmap(lock, sizeof(*lock));
		errno = err;
		return NULL;
	}
	return lock;
}

void tasksrv_lock_free(tasksrv_lock_t *lock)
{
	/* Never pthread_*_destroy: other processes may still use it. */
	munmap(lock, sizeof(*lock));
}

/* The holder died with the mutex: its data may be half-written, but the lock is ours. */
static int mutex_result(pthread_mutex_t *m, int err)
{
	if (err == EOWNERDEAD) {
		pthread_mutex_consistent(m);
		return 0;
	}
	return err;
}

static int mutex_acquire(pthread_mutex_t *m, tasksrv_lock_how_t how)
{
	struct timespec deadline;

	if (how.nowait) {
		return mutex_result(m, pthread_mutex_trylock(m));
	}
	if (how.timeout_ms < 0) {
		return mutex_result(m, pthread_mutex_lock(m));
	}
	deadline = deadline_after(how.timeout_ms);
	return mutex_result(m, pthread_mutex_clocklock(m, CLOCK_MONOTONIC, &deadline));
}

static int rwlock_acquire(pthread_rwlock_t *rw, tasksrv_lock_how_t how)
{
	struct timespec deadline;

	if (how.nowait) {
		return how.shared ? pthread_rwlock_tryrdlock(rw) : pthread_rwlock_trywrlock(rw);
	}
	if (how.timeout_ms < 0) {
		return how.shared ? pthread_rwlock_rdlock(rw) : pthread_rwlock_wrlock(rw);
	}
	deadline = deadline_after(how.timeout_ms);
	return how.shared ? pthread_rwlock_clockrdlock(rw, CLOCK_MONOTONIC, &deadline)
		: pthread_rwlock_clockwrlock(rw, CLOCK_MONOTONIC, &deadline);
}

static int spin_acquire(uint32_t *word, tasksrv_lock_how_t how)
{
	pid_t dead;

	if (how.nowait) {
		return tasksrv_lock_spin_try(word) ? 0 : EBUSY;
	}
	return tasksrv_lock_spin_timed(word, how.timeout_ms, &dead);
}

int tasksrv_lock_acquire(tasksrv_lock_t *lock, tasksrv_lock_how_t how)
{
	switch (lock->type) {
	case TASKSRV_LOCK_MUTEX:
		return mutex_acquire(&lock->u.mutex, how);
	case TASKSRV_LOCK_RWLOCK:
		return rwlock_acquire(&lock->u.rwlock, how);
	case TASKSRV_LOCK_SPINLOCK:
		return spin_acquire(&lock->u.spin, how);
	}
	return EINVAL;
}

int tasksrv_lock_release(tasksrv_lock_t *lock)
{
	switch (lock->type) {
	case TASKSRV_LOCK_MUTEX:
		return pthread_mutex_unlock(&lock->u.mutex);
	case TASKSRV_LOCK_RWLOCK:
		return pthread_rwlock_unlock(&lock->u.rwlock);
	case TASKSRV_LOCK_SPINLOCK:
		return tasksrv_lock_spin_release(&lock->u.spin);
	}
	return EINVAL;
}
