/* tasksrv: locks in shared memory for processes of one family (Swoole\Lock and the
 * rows of Swoole\Table). Every lock lives in an anonymous MAP_SHARED mapping made by
 * its creator, so only the creator and the processes it forks can reach it.
 *
 * Two kinds of lock survive a process killed while it holds them:
 * - the mutex is a robust process-shared pthread mutex: the kernel marks it when its
 *   owner dies and the next locker takes it over;
 * - the spinlock is one 32-bit word holding its owner's pid: a waiter that finds the
 *   owner gone (no such process, or a zombie) takes the word over with a
 *   compare-and-swap, so exactly one waiter inherits it.
 * The rwlock is a process-shared pthread rwlock, which has no robust variant: a
 * process killed while it holds one leaves it held (as in Swoole). */
#ifndef TASKSRV_LOCK_H
#define TASKSRV_LOCK_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

/* Swoole's numbers (SWOOLE_RWLOCK, SWOOLE_MUTEX, SWOOLE_SPINLOCK). */
typedef enum {
	TASKSRV_LOCK_RWLOCK = 1,
	TASKSRV_LOCK_MUTEX = 3,
	TASKSRV_LOCK_SPINLOCK = 5
} tasksrv_lock_type_t;

typedef struct tasksrv_lock tasksrv_lock_t;

/* How to take a lock: shared (readers; the same as exclusive but for the rwlock), without
 * waiting, or waiting at most timeout_ms (< 0: for ever). */
typedef struct {
	bool shared;
	bool nowait;
	int timeout_ms;
} tasksrv_lock_how_t;

/* A new lock of that type in its own shared mapping; NULL with errno set (EINVAL: no
 * such type). */
tasksrv_lock_t *tasksrv_lock_create(tasksrv_lock_type_t type);
/* Unmaps it in this process (the others keep their mapping). */
void tasksrv_lock_free(tasksrv_lock_t *lock);
/* 0 once held, else an errno value: EBUSY (nowait), ETIMEDOUT, EDEADLK (the rwlock,
 * by its own holder). A mutex or spinlock whose owner died is taken over: 0. */
int tasksrv_lock_acquire(tasksrv_lock_t *lock, tasksrv_lock_how_t how);
/* 0, or EPERM when this process does not hold the mutex or the spinlock. */
int tasksrv_lock_release(tasksrv_lock_t *lock);

/* The spinlock word by itself, for locks embedded in other shared structures (a table
 * row). 0 = free, else the holder's pid. acquire returns the pid of a dead holder it
 * took the lock over from, else 0; timed returns 0 or ETIMEDOUT (timeout_ms < 0: for ever). */
pid_t tasksrv_lock_spin_acquire(uint32_t *word);
int tasksrv_lock_spin_timed(uint32_t *word, int timeout_ms, pid_t *dead_owner);
bool tasksrv_lock_spin_try(uint32_t *word);
/* 0, or EPERM (not held by this process: left as it is). */
int tasksrv_lock_spin_release(uint32_t *word);

#endif
