/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: ff40be1e332ce2288b12ecbdea7bc70635903065 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_swoole_version, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_swoole_cpu_num, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_swoole_get_local_ip, 0, 0, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, family, IS_LONG, 0, "2")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_swoole_get_local_mac, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

#define arginfo_TaskSrv_version arginfo_swoole_version

#define arginfo_TaskSrv_cpu_num arginfo_swoole_cpu_num

#define arginfo_TaskSrv_get_local_ip arginfo_swoole_get_local_ip

#define arginfo_TaskSrv_get_local_mac arginfo_swoole_get_local_mac


ZEND_FUNCTION(swoole_version);
ZEND_FUNCTION(swoole_cpu_num);
ZEND_FUNCTION(swoole_get_local_ip);
ZEND_FUNCTION(swoole_get_local_mac);
ZEND_FUNCTION(TaskSrv_version);


static const zend_function_entry ext_functions[] = {
	ZEND_FE(swoole_version, arginfo_swoole_version)
	ZEND_FE(swoole_cpu_num, arginfo_swoole_cpu_num)
	ZEND_FE(swoole_get_local_ip, arginfo_swoole_get_local_ip)
	ZEND_FE(swoole_get_local_mac, arginfo_swoole_get_local_mac)
	ZEND_NS_FALIAS("TaskSrv", version, TaskSrv_version, arginfo_TaskSrv_version)
	ZEND_NS_FALIAS("TaskSrv", cpu_num, swoole_cpu_num, arginfo_TaskSrv_cpu_num)
	ZEND_NS_FALIAS("TaskSrv", get_local_ip, swoole_get_local_ip, arginfo_TaskSrv_get_local_ip)
	ZEND_NS_FALIAS("TaskSrv", get_local_mac, swoole_get_local_mac, arginfo_TaskSrv_get_local_mac)
	ZEND_FE_END
};
