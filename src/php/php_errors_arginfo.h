/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: bf09fc1a57aa295f3e8a2f1e77fbed2e100169a6 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_swoole_last_error, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_swoole_strerror, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, errno, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, error_type, IS_LONG, 0, "SWOOLE_STRERROR_SYSTEM")
ZEND_END_ARG_INFO()

#define arginfo_swoole_errno arginfo_swoole_last_error

#define arginfo_TaskSrv_last_error arginfo_swoole_last_error

#define arginfo_TaskSrv_strerror arginfo_swoole_strerror

#define arginfo_TaskSrv_errno arginfo_swoole_last_error


ZEND_FUNCTION(swoole_last_error);
ZEND_FUNCTION(swoole_strerror);
ZEND_FUNCTION(swoole_errno);


static const zend_function_entry ext_functions[] = {
	ZEND_FE(swoole_last_error, arginfo_swoole_last_error)
	ZEND_FE(swoole_strerror, arginfo_swoole_strerror)
	ZEND_FE(swoole_errno, arginfo_swoole_errno)
	ZEND_NS_FALIAS("TaskSrv", last_error, swoole_last_error, arginfo_TaskSrv_last_error)
	ZEND_NS_FALIAS("TaskSrv", strerror, swoole_strerror, arginfo_TaskSrv_strerror)
	ZEND_NS_FALIAS("TaskSrv", errno, swoole_errno, arginfo_TaskSrv_errno)
	ZEND_FE_END
};
