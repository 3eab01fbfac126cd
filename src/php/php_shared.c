/* tasksrv: TaskSrv\Atomic, TaskSrv\Atomic\Long and TaskSrv\Lock, the PHP face of
 * atomic.c and lock.c. Each object maps its shared memory when it is made, so the
 * processes forked afterwards (workers, task workers, pcntl_fork children) share it;
 * each process unmaps its own view when its object goes away. */
#include "php_shared.h"
#include "php_exceptions.h"
#include "atomic.h"
#include "lock.h"

#include "zend_exceptions.h"
#include "php_shared_arginfo.h"

#include <errno.h>
#include <string.h>

zend_class_entry *tasksrv_atomic_ce;
zend_class_entry *tasksrv_atomic_long_ce;
zend_class_entry *tasksrv_lock_ce;

static zend_object_handlers atomic_handlers;
static zend_object_handlers lock_handlers;

/* PHP's flock() constants, which Swoole 6.2's Lock::lock() takes. */
#define OP_LOCK_SH 1
#define OP_LOCK_NB 4

typedef struct {
	tasksrv_atomic_t *atomic;
	zend_object std;
} atomic_obj;

typedef struct {
	tasksrv_lock_t *lock;
	zend_object std;
} lock_obj;

static inline atomic_obj *atomic_from_obj(zend_object *obj)
{
	return (atomic_obj *) ((char *) obj - XtOffsetOf(atomic_obj, std));
}

static inline lock_obj *lock_from_obj(zend_object *obj)
{
	return (lock_obj *) ((char *) obj - XtOffsetOf(lock_obj, std));
}

/* {{{ Atomic, Atomic\Long: the counter is mapped with the object (as in Swoole, a
 * subclass that skips the constructor still has one, at 0). */
static zend_object *atomic_create(zend_class_entry *ce)
{
	atomic_obj *a = zend_object_alloc(sizeof(atomic_obj), ce);

	a->atomic = tasksrv_atomic_create();
	if (a->atomic == NULL) {
		php_error_docref(NULL, E_WARNING, "unable to map shared memory: %s", strerror(errno));
	}
	zend_object_std_init(&a->std, ce);
	object_properties_init(&a->std, ce);
	a->std.handlers = &atomic_handlers;
	return &a->std;
}

static void atomic_free(zend_object *obj)
{
	atomic_obj *a = atomic_from_obj(obj);

	if (a->atomic) {
		tasksrv_atomic_free(a->atomic);
	}
	zend_object_std_dtor(obj);
}

static tasksrv_atomic_t *this_atomic(zval *this_zv)
{
	tasksrv_atomic_t *a = atomic_from_obj(Z_OBJ_P(this_zv))->atomic;

	if (a == NULL) {
		zend_throw_error(NULL, "%s has no shared memory", ZSTR_VAL(Z_OBJCE_P(this_zv)->name));
	}
	return a;
}

#define THIS_ATOMIC(a) \
	do { \
		if (((a) = this_atomic(ZEND_THIS)) == NULL) { \
			RETURN_THROWS(); \
		} \
	} while (0)

PHP_METHOD(TaskSrv_Atomic, __construct)
{
	zend_long value = 0;
	tasksrv_atomic_t *a;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(value)
	ZEND_PARSE_PARAMETERS_END();
	THIS_ATOMIC(a);
	tasksrv_atomic_set(a, (uint32_t) value);
}

PHP_METHOD(TaskSrv_Atomic, add)
{
	zend_long v = 1;
	tasksrv_atomic_t *a;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(v)
	ZEND_PARSE_PARAMETERS_END();
	THIS_ATOMIC(a);
	RETURN_LONG(tasksrv_atomic_add(a, (uint32_t) v));
}

PHP_METHOD(TaskSrv_Atomic, sub)
{
	zend_long v = 1;
	tasksrv_atomic_t *a;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(v)
	ZEND_PARSE_PARAMETERS_END();
	THIS_ATOMIC(a);
	RETURN_LONG(tasksrv_atomic_add(a, (uint32_t) 0 - (uint32_t) v));
}

PHP_METHOD(TaskSrv_Atomic, get)
{
	tasksrv_atomic_t *a;

	ZEND_PARSE_PARAMETERS_NONE();
	THIS_ATOMIC(a);
	RETURN_LONG(tasksrv_atomic_get(a));
}

PHP_METHOD(TaskSrv_Atomic, set)
{
	zend_long v;
	tasksrv_atomic_t *a;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_LONG(v)
	ZEND_PARSE_PARAMETERS_END();
	THIS_ATOMIC(a);
	tasksrv_atomic_set(a, (uint32_t) v);
}

PHP_METHOD(TaskSrv_Atomic, cmpset)
{
	zend_long cmp, v;
	tasksrv_atomic_t *a;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_LONG(cmp)
		Z_PARAM_LONG(v)
	ZEND_PARSE_PARAMETERS_END();
	THIS_ATOMIC(a);
	RETURN_BOOL(tasksrv_atomic_cmpset(a, (uint32_t) cmp, (uint32_t) v));
}

PHP_METHOD(TaskSrv_Atomic, wait)
{
	double timeout = 1.0;
	tasksrv_atomic_t *a;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_DOUBLE(timeout)
	ZEND_PARSE_PARAMETERS_END();
	THIS_ATOMIC(a);
	RETURN_BOOL(tasksrv_atomic_wait(a, timeout));
}

PHP_METHOD(TaskSrv_Atomic, wakeup)
{
	zend_long n = 1;
	tasksrv_atomic_t *a;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(n)
	ZEND_PARSE_PARAMETERS_END();
	THIS_ATOMIC(a);
	RETURN_BOOL(tasksrv_atomic_wakeup(a, n > INT_MAX ? INT_MAX : (int) n));
}

PHP_METHOD(TaskSrv_Atomic_Long, __construct)
{
	zend_long value = 0;
	tasksrv_atomic_t *a;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(value)
	ZEND_PARSE_PARAMETERS_END();
	THIS_ATOMIC(a);
	tasksrv_atomic_set64(a, value);
}

PHP_METHOD(TaskSrv_Atomic_Long, add)
{
	zend_long v = 1;
	tasksrv_atomic_t *a;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(v)
	ZEND_PARSE_PARAMETERS_END();
	THIS_ATOMIC(a);
	RETURN_LONG(tasksrv_atomic_add64(a, v));
}

PHP_METHOD(TaskSrv_Atomic_Long, sub)
{
	zend_long v = 1;
	tasksrv_atomic_t *a;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(v)
	ZEND_PARSE_PARAMETERS_END();
	THIS_ATOMIC(a);
	/* 0 - v as unsigned: ZEND_LONG_MIN has no positive counterpart. */
	RETURN_LONG(tasksrv_atomic_add64(a, (int64_t) ((uint64_t) 0 - (uint64_t) v)));
}

PHP_METHOD(TaskSrv_Atomic_Long, get)
{
	tasksrv_atomic_t *a;

	ZEND_PARSE_PARAMETERS_NONE();
	THIS_ATOMIC(a);
	RETURN_LONG(tasksrv_atomic_get64(a));
}

PHP_METHOD(TaskSrv_Atomic_Long, set)
{
	zend_long v;
	tasksrv_atomic_t *a;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_LONG(v)
	ZEND_PARSE_PARAMETERS_END();
	THIS_ATOMIC(a);
	tasksrv_atomic_set64(a, v);
}

PHP_METHOD(TaskSrv_Atomic_Long, cmpset)
{
	zend_long cmp, v;
	tasksrv_atomic_t *a;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_LONG(cmp)
		Z_PARAM_LONG(v)
	ZEND_PARSE_PARAMETERS_END();
	THIS_ATOMIC(a);
	RETURN_BOOL(tasksrv_atomic_cmpset64(a, cmp, v));
}
/* }}} */

/* {{{ Lock: mapped by the constructor, as in Swoole (a subclass that skips it has none). */
static zend_object *lock_create(zend_class_entry *ce)
{
	lock_obj *l = zend_object_alloc(sizeof(lock_obj), ce);

	zend_object_std_init(&l->std, ce);
	object_properties_init(&l->std, ce);
	l->std.handlers = &lock_handlers;
	return &l->std;
}

static void lock_free(zend_object *obj)
{
	lock_obj *l = lock_from_obj(obj);

	if (l->lock) {
		tasksrv_lock_free(l->lock);
	}
	zend_object_std_dtor(obj);
}

static tasksrv_lock_t *this_lock(zval *this_zv)
{
	tasksrv_lock_t *l = lock_from_obj(Z_OBJ_P(this_zv))->lock;

	if (l == NULL) {
		zend_throw_error(NULL, "must call constructor first");
	}
	return l;
}

/* Swoole keeps the errno of the last failure in $errCode (a success leaves it). */
static bool lock_result(zval *this_zv, int err)
{
	if (err != 0) {
		zend_update_property_long(Z_OBJCE_P(this_zv), Z_OBJ_P(this_zv), "errCode", sizeof("errCode") - 1, err);
	}
	return err == 0;
}

PHP_METHOD(TaskSrv_Lock, __construct)
{
	zend_long type = TASKSRV_LOCK_MUTEX;
	lock_obj *l = lock_from_obj(Z_OBJ_P(ZEND_THIS));

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(type)
	ZEND_PARSE_PARAMETERS_END();
	if (l->lock != NULL) {
		zend_throw_error(NULL, "Cannot call constructor twice");
		RETURN_THROWS();
	}
	if (type != TASKSRV_LOCK_MUTEX && type != TASKSRV_LOCK_RWLOCK && type != TASKSRV_LOCK_SPINLOCK) {
		TASKSRV_THROW(0, "lock type[" ZEND_LONG_FMT "] is not supported", type);
		RETURN_THROWS();
	}
	l->lock = tasksrv_lock_create((tasksrv_lock_type_t) type);
	if (l->lock == NULL) {
		TASKSRV_THROW(errno, "unable to map shared memory for the lock: %s", strerror(errno));
		RETURN_THROWS();
	}
}

PHP_METHOD(TaskSrv_Lock, lock)
{
	zend_long op = 2; /* LOCK_EX */
	double timeout = -1;
	tasksrv_lock_how_t how;
	tasksrv_lock_t *l;

	ZEND_PARSE_PARAMETERS_START(0, 2)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(op)
		Z_PARAM_DOUBLE(timeout)
	ZEND_PARSE_PARAMETERS_END();
	if ((l = this_lock(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	/* As Swoole 6.2: LOCK_SH's bit asks for a read lock, LOCK_NB's not to wait (it
	 * wins over a timeout), and only a timeout > 0 limits the wait. */
	how.shared = (op & OP_LOCK_SH) != 0;
	how.nowait = (op & OP_LOCK_NB) != 0;
	how.timeout_ms = timeout > 0 ? (timeout * 1000 >= INT_MAX ? INT_MAX : (int) (timeout * 1000)) : -1;
	if (timeout > 0 && how.timeout_ms == 0) {
		how.timeout_ms = 1;
	}
	RETURN_BOOL(lock_result(ZEND_THIS, tasksrv_lock_acquire(l, how)));
}

PHP_METHOD(TaskSrv_Lock, unlock)
{
	tasksrv_lock_t *l;

	ZEND_PARSE_PARAMETERS_NONE();
	if ((l = this_lock(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	RETURN_BOOL(lock_result(ZEND_THIS, tasksrv_lock_release(l)));
}
/* }}} */

static void init_handlers(zend_object_handlers *h, int offset, zend_object_free_obj_t free_obj)
{
	memcpy(h, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	h->offset = offset;
	h->free_obj = free_obj;
	/* A copy would share the memory under a second owner: Swoole refuses clone too. */
	h->clone_obj = NULL;
}

void tasksrv_shared_minit(void)
{
	tasksrv_atomic_ce = register_class_TaskSrv_Atomic();
	tasksrv_atomic_ce->create_object = atomic_create;
	tasksrv_atomic_long_ce = register_class_TaskSrv_Atomic_Long();
	tasksrv_atomic_long_ce->create_object = atomic_create;
	init_handlers(&atomic_handlers, XtOffsetOf(atomic_obj, std), atomic_free);

	tasksrv_lock_ce = register_class_TaskSrv_Lock();
	tasksrv_lock_ce->create_object = lock_create;
	init_handlers(&lock_handlers, XtOffsetOf(lock_obj, std), lock_free);
}
