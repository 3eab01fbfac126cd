/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 1cefab4acf1efb7b0f9192083d8a75aae01f1149 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_TaskSrv_Atomic___construct, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, value, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Atomic_add, 0, 0, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, add_value, IS_LONG, 0, "1")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Atomic_sub, 0, 0, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, sub_value, IS_LONG, 0, "1")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Atomic_get, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Atomic_set, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, value, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Atomic_cmpset, 0, 2, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, cmp_value, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, new_value, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Atomic_wait, 0, 0, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "1.0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Atomic_wakeup, 0, 0, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, count, IS_LONG, 0, "1")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_TaskSrv_Lock___construct, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, type, IS_LONG, 0, "TaskSrv\\Lock::MUTEX")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Lock_lock, 0, 0, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, operation, IS_LONG, 0, "LOCK_EX")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "-1")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Lock_unlock, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_TaskSrv_Atomic_Long___construct arginfo_class_TaskSrv_Atomic___construct

#define arginfo_class_TaskSrv_Atomic_Long_add arginfo_class_TaskSrv_Atomic_add

#define arginfo_class_TaskSrv_Atomic_Long_sub arginfo_class_TaskSrv_Atomic_sub

#define arginfo_class_TaskSrv_Atomic_Long_get arginfo_class_TaskSrv_Atomic_get

#define arginfo_class_TaskSrv_Atomic_Long_set arginfo_class_TaskSrv_Atomic_set

#define arginfo_class_TaskSrv_Atomic_Long_cmpset arginfo_class_TaskSrv_Atomic_cmpset


ZEND_METHOD(TaskSrv_Atomic, __construct);
ZEND_METHOD(TaskSrv_Atomic, add);
ZEND_METHOD(TaskSrv_Atomic, sub);
ZEND_METHOD(TaskSrv_Atomic, get);
ZEND_METHOD(TaskSrv_Atomic, set);
ZEND_METHOD(TaskSrv_Atomic, cmpset);
ZEND_METHOD(TaskSrv_Atomic, wait);
ZEND_METHOD(TaskSrv_Atomic, wakeup);
ZEND_METHOD(TaskSrv_Lock, __construct);
ZEND_METHOD(TaskSrv_Lock, lock);
ZEND_METHOD(TaskSrv_Lock, unlock);
ZEND_METHOD(TaskSrv_Atomic_Long, __construct);
ZEND_METHOD(TaskSrv_Atomic_Long, add);
ZEND_METHOD(TaskSrv_Atomic_Long, sub);
ZEND_METHOD(TaskSrv_Atomic_Long, get);
ZEND_METHOD(TaskSrv_Atomic_Long, set);
ZEND_METHOD(TaskSrv_Atomic_Long, cmpset);


static const zend_function_entry class_TaskSrv_Atomic_methods[] = {
	ZEND_ME(TaskSrv_Atomic, __construct, arginfo_class_TaskSrv_Atomic___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Atomic, add, arginfo_class_TaskSrv_Atomic_add, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Atomic, sub, arginfo_class_TaskSrv_Atomic_sub, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Atomic, get, arginfo_class_TaskSrv_Atomic_get, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Atomic, set, arginfo_class_TaskSrv_Atomic_set, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Atomic, cmpset, arginfo_class_TaskSrv_Atomic_cmpset, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Atomic, wait, arginfo_class_TaskSrv_Atomic_wait, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Atomic, wakeup, arginfo_class_TaskSrv_Atomic_wakeup, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_TaskSrv_Lock_methods[] = {
	ZEND_ME(TaskSrv_Lock, __construct, arginfo_class_TaskSrv_Lock___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Lock, lock, arginfo_class_TaskSrv_Lock_lock, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Lock, unlock, arginfo_class_TaskSrv_Lock_unlock, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_TaskSrv_Atomic_Long_methods[] = {
	ZEND_ME(TaskSrv_Atomic_Long, __construct, arginfo_class_TaskSrv_Atomic_Long___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Atomic_Long, add, arginfo_class_TaskSrv_Atomic_Long_add, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Atomic_Long, sub, arginfo_class_TaskSrv_Atomic_Long_sub, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Atomic_Long, get, arginfo_class_TaskSrv_Atomic_Long_get, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Atomic_Long, set, arginfo_class_TaskSrv_Atomic_Long_set, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Atomic_Long, cmpset, arginfo_class_TaskSrv_Atomic_Long_cmpset, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_TaskSrv_Atomic(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TaskSrv", "Atomic", class_TaskSrv_Atomic_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_TaskSrv_Lock(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TaskSrv", "Lock", class_TaskSrv_Lock_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE;

	zval const_MUTEX_value;
	ZVAL_LONG(&const_MUTEX_value, TASKSRV_LOCK_MUTEX);
	zend_string *const_MUTEX_name = zend_string_init_interned("MUTEX", sizeof("MUTEX") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_MUTEX_name, &const_MUTEX_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_MUTEX_name);

	zval const_RWLOCK_value;
	ZVAL_LONG(&const_RWLOCK_value, TASKSRV_LOCK_RWLOCK);
	zend_string *const_RWLOCK_name = zend_string_init_interned("RWLOCK", sizeof("RWLOCK") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_RWLOCK_name, &const_RWLOCK_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_RWLOCK_name);

	zval const_SPINLOCK_value;
	ZVAL_LONG(&const_SPINLOCK_value, TASKSRV_LOCK_SPINLOCK);
	zend_string *const_SPINLOCK_name = zend_string_init_interned("SPINLOCK", sizeof("SPINLOCK") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_SPINLOCK_name, &const_SPINLOCK_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_SPINLOCK_name);

	zval property_errCode_default_value;
	ZVAL_LONG(&property_errCode_default_value, 0);
	zend_string *property_errCode_name = zend_string_init("errCode", sizeof("errCode") - 1, 1);
	zend_declare_property_ex(class_entry, property_errCode_name, &property_errCode_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_errCode_name);

	return class_entry;
}

static zend_class_entry *register_class_TaskSrv_Atomic_Long(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TaskSrv\\Atomic", "Long", class_TaskSrv_Atomic_Long_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}
