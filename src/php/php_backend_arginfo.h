/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: ef135f9093271fa53f707008c4a01d2e0cce6cd3 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_TaskSrv_TaskNode___construct, 0, 0, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(TaskSrv_TaskNode, __construct);


static const zend_function_entry class_TaskSrv_BackendException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_TaskSrv_TaskNode_methods[] = {
	ZEND_ME(TaskSrv_TaskNode, __construct, arginfo_class_TaskSrv_TaskNode___construct, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_TaskSrv_BackendException(zend_class_entry *class_entry_TaskSrv_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TaskSrv", "BackendException", class_TaskSrv_BackendException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_TaskSrv_Exception);

	return class_entry;
}

static zend_class_entry *register_class_TaskSrv_TaskNode(zend_class_entry *class_entry_TaskSrv_Server)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TaskSrv", "TaskNode", class_TaskSrv_TaskNode_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_TaskSrv_Server);

	return class_entry;
}
