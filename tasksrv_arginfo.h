/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 8c37a9e4f5695ea1328fbe11ebf4a1b1f364e8db */

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_TaskSrv_TaskFailedException_getFailure, 0, 0, TaskSrv\\TaskFailure, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_TaskSrv_TaskFailure___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_TaskSrv_Server___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, host, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, port, IS_LONG, 0, "0")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, mode, IS_LONG, 0, "SWOOLE_BASE")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, sock_type, IS_LONG, 0, "SWOOLE_SOCK_TCP")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Server_set, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, settings, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Server_on, 0, 2, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, event_name, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, callback, IS_CALLABLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_TYPE_MASK_EX(arginfo_class_TaskSrv_Server_getCallback, 0, 1, Closure, MAY_BE_STRING|MAY_BE_ARRAY|MAY_BE_NULL)
	ZEND_ARG_TYPE_INFO(0, event_name, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Server_start, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_TYPE_MASK_EX(arginfo_class_TaskSrv_Server_listen, 0, 3, TaskSrv\\Server\\Port, MAY_BE_FALSE)
	ZEND_ARG_TYPE_INFO(0, host, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, port, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, sock_type, IS_LONG, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_TaskSrv_Server_addListener arginfo_class_TaskSrv_Server_listen

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Server_sendto, 0, 3, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, ip, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, port, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, server_socket, IS_LONG, 0, "-1")
ZEND_END_ARG_INFO()

#define arginfo_class_TaskSrv_Server_shutdown arginfo_class_TaskSrv_Server_start

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Server_reload, 0, 0, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, only_reload_taskworker, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Server_stop, 0, 0, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, worker_id, IS_LONG, 0, "-1")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, waitEvent, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_TaskSrv_Server_task, 0, 1, MAY_BE_LONG|MAY_BE_FALSE)
	ZEND_ARG_TYPE_INFO(0, data, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, dst_worker_id, IS_LONG, 0, "-1")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, finish_callback, IS_CALLABLE, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Server_taskwait, 0, 1, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, data, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "0.5")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, dst_worker_id, IS_LONG, 0, "-1")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_TaskSrv_Server_taskWaitMulti, 0, 1, MAY_BE_ARRAY|MAY_BE_FALSE)
	ZEND_ARG_TYPE_INFO(0, tasks, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "0.5")
	ZEND_ARG_INFO_WITH_DEFAULT_VALUE(1, failures, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_TaskSrv_Server_taskCo, 0, 1, MAY_BE_ARRAY|MAY_BE_FALSE)
	ZEND_ARG_TYPE_INFO(0, tasks, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "0.5")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Server_finish, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, data, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Server_sendMessage, 0, 2, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, message, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, dst_worker_id, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Server_send, 0, 2, _IS_BOOL, 0)
	ZEND_ARG_TYPE_MASK(0, fd, MAY_BE_LONG|MAY_BE_STRING, NULL)
	ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, server_socket, IS_LONG, 0, "-1")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Server_close, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, fd, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, reset, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Server_exists, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, fd, IS_LONG, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_TaskSrv_Server_exist arginfo_class_TaskSrv_Server_exists

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_TaskSrv_Server_getClientInfo, 0, 1, MAY_BE_ARRAY|MAY_BE_FALSE)
	ZEND_ARG_TYPE_INFO(0, fd, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, reactor_id, IS_LONG, 0, "-1")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, ignore_error, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

#define arginfo_class_TaskSrv_Server_connection_info arginfo_class_TaskSrv_Server_getClientInfo

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_TaskSrv_Server_getClientList, 0, 0, MAY_BE_ARRAY|MAY_BE_FALSE)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, start_fd, IS_LONG, 0, "0")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, find_count, IS_LONG, 0, "10")
ZEND_END_ARG_INFO()

#define arginfo_class_TaskSrv_Server_connection_list arginfo_class_TaskSrv_Server_getClientList

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Server_protect, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, fd, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, value, _IS_BOOL, 0, "true")
ZEND_END_ARG_INFO()

#define arginfo_class_TaskSrv_Server_pause arginfo_class_TaskSrv_Server_exists

#define arginfo_class_TaskSrv_Server_resume arginfo_class_TaskSrv_Server_exists

#define arginfo_class_TaskSrv_Server_confirm arginfo_class_TaskSrv_Server_exists

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_TaskSrv_Server_heartbeat, 0, 0, MAY_BE_ARRAY|MAY_BE_FALSE)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, if_close_connection, _IS_BOOL, 0, "true")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_TaskSrv_Server_getWorkerId, 0, 0, MAY_BE_LONG|MAY_BE_FALSE)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_TaskSrv_Server_getWorkerPid, 0, 0, MAY_BE_LONG|MAY_BE_FALSE)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, worker_id, IS_LONG, 0, "-1")
ZEND_END_ARG_INFO()

#define arginfo_class_TaskSrv_Server_getWorkerStatus arginfo_class_TaskSrv_Server_getWorkerPid

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Server_getMasterPid, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_TaskSrv_Server_getManagerPid arginfo_class_TaskSrv_Server_getMasterPid

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_TaskSrv_Server_stats, 0, 0, MAY_BE_ARRAY|MAY_BE_STRING|MAY_BE_FALSE)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, mode, IS_LONG, 0, "TaskSrv\\Server::STATS_DEFAULT")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Server_sendfile, 0, 2, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, conn_fd, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, filename, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, offset, IS_LONG, 0, "0")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, length, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Server_sendwait, 0, 2, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, conn_fd, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, send_data, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_TYPE_MASK_EX(arginfo_class_TaskSrv_Server_getSocket, 0, 0, Socket, MAY_BE_FALSE)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, port, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Server_addCommand, 0, 3, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, accepted_process_types, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, callback, IS_CALLABLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_TaskSrv_Server_command, 0, 4, MAY_BE_ARRAY|MAY_BE_STRING|MAY_BE_FALSE)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, process_id, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, process_type, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, data, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, json_decode, _IS_BOOL, 0, "true")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Server_bind, 0, 2, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, fd, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, uid, IS_LONG, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_TaskSrv_Server_getLastError arginfo_class_TaskSrv_Server_getMasterPid

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_TaskSrv_Server_addProcess, 0, 1, MAY_BE_LONG|MAY_BE_FALSE)
	ZEND_ARG_OBJ_INFO(0, process, TaskSrv\\Process, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_TaskSrv_Connection_Iterator___construct arginfo_class_TaskSrv_TaskFailure___construct

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Connection_Iterator_rewind, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_TaskSrv_Connection_Iterator_valid arginfo_class_TaskSrv_Server_start

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Connection_Iterator_current, 0, 0, IS_MIXED, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_TaskSrv_Connection_Iterator_key arginfo_class_TaskSrv_Connection_Iterator_current

#define arginfo_class_TaskSrv_Connection_Iterator_next arginfo_class_TaskSrv_Connection_Iterator_rewind

#define arginfo_class_TaskSrv_Connection_Iterator_count arginfo_class_TaskSrv_Server_getMasterPid

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Connection_Iterator_offsetExists, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, fd, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Connection_Iterator_offsetGet, 0, 1, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, fd, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Connection_Iterator_offsetSet, 0, 2, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, fd, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, value, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Connection_Iterator_offsetUnset, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, fd, IS_MIXED, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_TaskSrv_Server_Task_finish arginfo_class_TaskSrv_Server_finish

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_TaskSrv_Server_Task_pack, 0, 1, MAY_BE_STRING|MAY_BE_FALSE)
	ZEND_ARG_TYPE_INFO(0, data, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TaskSrv_Server_Task_unpack, 0, 1, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_TaskSrv_Server_Port___construct arginfo_class_TaskSrv_TaskFailure___construct

#define arginfo_class_TaskSrv_Server_Port_set arginfo_class_TaskSrv_Server_set

#define arginfo_class_TaskSrv_Server_Port_on arginfo_class_TaskSrv_Server_on

#define arginfo_class_TaskSrv_Server_Port_getCallback arginfo_class_TaskSrv_Server_getCallback

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_TYPE_MASK_EX(arginfo_class_TaskSrv_Server_Port_getSocket, 0, 0, Socket, MAY_BE_FALSE)
ZEND_END_ARG_INFO()


ZEND_METHOD(TaskSrv_TaskFailedException, getFailure);
ZEND_METHOD(TaskSrv_TaskFailure, __construct);
ZEND_METHOD(TaskSrv_Server, __construct);
ZEND_METHOD(TaskSrv_Server, set);
ZEND_METHOD(TaskSrv_Server, on);
ZEND_METHOD(TaskSrv_Server, getCallback);
ZEND_METHOD(TaskSrv_Server, start);
ZEND_METHOD(TaskSrv_Server, listen);
ZEND_METHOD(TaskSrv_Server, addListener);
ZEND_METHOD(TaskSrv_Server, sendto);
ZEND_METHOD(TaskSrv_Server, shutdown);
ZEND_METHOD(TaskSrv_Server, reload);
ZEND_METHOD(TaskSrv_Server, stop);
ZEND_METHOD(TaskSrv_Server, task);
ZEND_METHOD(TaskSrv_Server, taskwait);
ZEND_METHOD(TaskSrv_Server, taskWaitMulti);
ZEND_METHOD(TaskSrv_Server, taskCo);
ZEND_METHOD(TaskSrv_Server, finish);
ZEND_METHOD(TaskSrv_Server, sendMessage);
ZEND_METHOD(TaskSrv_Server, send);
ZEND_METHOD(TaskSrv_Server, close);
ZEND_METHOD(TaskSrv_Server, exists);
ZEND_METHOD(TaskSrv_Server, getClientInfo);
ZEND_METHOD(TaskSrv_Server, getClientList);
ZEND_METHOD(TaskSrv_Server, protect);
ZEND_METHOD(TaskSrv_Server, pause);
ZEND_METHOD(TaskSrv_Server, resume);
ZEND_METHOD(TaskSrv_Server, heartbeat);
ZEND_METHOD(TaskSrv_Server, getWorkerId);
ZEND_METHOD(TaskSrv_Server, getWorkerPid);
ZEND_METHOD(TaskSrv_Server, getWorkerStatus);
ZEND_METHOD(TaskSrv_Server, getMasterPid);
ZEND_METHOD(TaskSrv_Server, getManagerPid);
ZEND_METHOD(TaskSrv_Server, stats);
ZEND_METHOD(TaskSrv_Server, sendfile);
ZEND_METHOD(TaskSrv_Server, sendwait);
ZEND_METHOD(TaskSrv_Server, getSocket);
ZEND_METHOD(TaskSrv_Server, addCommand);
ZEND_METHOD(TaskSrv_Server, command);
ZEND_METHOD(TaskSrv_Server, bind);
ZEND_METHOD(TaskSrv_Server, getLastError);
ZEND_METHOD(TaskSrv_Server, addProcess);
ZEND_METHOD(TaskSrv_Connection_Iterator, __construct);
ZEND_METHOD(TaskSrv_Connection_Iterator, rewind);
ZEND_METHOD(TaskSrv_Connection_Iterator, valid);
ZEND_METHOD(TaskSrv_Connection_Iterator, current);
ZEND_METHOD(TaskSrv_Connection_Iterator, key);
ZEND_METHOD(TaskSrv_Connection_Iterator, next);
ZEND_METHOD(TaskSrv_Connection_Iterator, count);
ZEND_METHOD(TaskSrv_Connection_Iterator, offsetExists);
ZEND_METHOD(TaskSrv_Connection_Iterator, offsetGet);
ZEND_METHOD(TaskSrv_Connection_Iterator, offsetSet);
ZEND_METHOD(TaskSrv_Connection_Iterator, offsetUnset);
ZEND_METHOD(TaskSrv_Server_Task, finish);
ZEND_METHOD(TaskSrv_Server_Task, pack);
ZEND_METHOD(TaskSrv_Server_Task, unpack);
ZEND_METHOD(TaskSrv_Server_Port, __construct);
ZEND_METHOD(TaskSrv_Server_Port, set);
ZEND_METHOD(TaskSrv_Server_Port, on);
ZEND_METHOD(TaskSrv_Server_Port, getCallback);
ZEND_METHOD(TaskSrv_Server_Port, getSocket);


static const zend_function_entry class_TaskSrv_Exception_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_TaskSrv_SerializationException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_TaskSrv_QueueFullException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_TaskSrv_TaskFailedException_methods[] = {
	ZEND_ME(TaskSrv_TaskFailedException, getFailure, arginfo_class_TaskSrv_TaskFailedException_getFailure, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_TaskSrv_TaskFailure_methods[] = {
	ZEND_ME(TaskSrv_TaskFailure, __construct, arginfo_class_TaskSrv_TaskFailure___construct, ZEND_ACC_PRIVATE)
	ZEND_FE_END
};


static const zend_function_entry class_TaskSrv_Server_methods[] = {
	ZEND_ME(TaskSrv_Server, __construct, arginfo_class_TaskSrv_Server___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, set, arginfo_class_TaskSrv_Server_set, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, on, arginfo_class_TaskSrv_Server_on, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, getCallback, arginfo_class_TaskSrv_Server_getCallback, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, start, arginfo_class_TaskSrv_Server_start, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, listen, arginfo_class_TaskSrv_Server_listen, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, addListener, arginfo_class_TaskSrv_Server_addListener, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, sendto, arginfo_class_TaskSrv_Server_sendto, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, shutdown, arginfo_class_TaskSrv_Server_shutdown, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, reload, arginfo_class_TaskSrv_Server_reload, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, stop, arginfo_class_TaskSrv_Server_stop, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, task, arginfo_class_TaskSrv_Server_task, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, taskwait, arginfo_class_TaskSrv_Server_taskwait, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, taskWaitMulti, arginfo_class_TaskSrv_Server_taskWaitMulti, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, taskCo, arginfo_class_TaskSrv_Server_taskCo, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, finish, arginfo_class_TaskSrv_Server_finish, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, sendMessage, arginfo_class_TaskSrv_Server_sendMessage, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, send, arginfo_class_TaskSrv_Server_send, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, close, arginfo_class_TaskSrv_Server_close, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, exists, arginfo_class_TaskSrv_Server_exists, ZEND_ACC_PUBLIC)
	ZEND_MALIAS(TaskSrv_Server, exist, exists, arginfo_class_TaskSrv_Server_exist, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, getClientInfo, arginfo_class_TaskSrv_Server_getClientInfo, ZEND_ACC_PUBLIC)
	ZEND_MALIAS(TaskSrv_Server, connection_info, getClientInfo, arginfo_class_TaskSrv_Server_connection_info, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, getClientList, arginfo_class_TaskSrv_Server_getClientList, ZEND_ACC_PUBLIC)
	ZEND_MALIAS(TaskSrv_Server, connection_list, getClientList, arginfo_class_TaskSrv_Server_connection_list, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, protect, arginfo_class_TaskSrv_Server_protect, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, pause, arginfo_class_TaskSrv_Server_pause, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, resume, arginfo_class_TaskSrv_Server_resume, ZEND_ACC_PUBLIC)
	ZEND_MALIAS(TaskSrv_Server, confirm, resume, arginfo_class_TaskSrv_Server_confirm, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, heartbeat, arginfo_class_TaskSrv_Server_heartbeat, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, getWorkerId, arginfo_class_TaskSrv_Server_getWorkerId, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, getWorkerPid, arginfo_class_TaskSrv_Server_getWorkerPid, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, getWorkerStatus, arginfo_class_TaskSrv_Server_getWorkerStatus, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, getMasterPid, arginfo_class_TaskSrv_Server_getMasterPid, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, getManagerPid, arginfo_class_TaskSrv_Server_getManagerPid, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, stats, arginfo_class_TaskSrv_Server_stats, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, sendfile, arginfo_class_TaskSrv_Server_sendfile, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, sendwait, arginfo_class_TaskSrv_Server_sendwait, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, getSocket, arginfo_class_TaskSrv_Server_getSocket, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, addCommand, arginfo_class_TaskSrv_Server_addCommand, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, command, arginfo_class_TaskSrv_Server_command, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, bind, arginfo_class_TaskSrv_Server_bind, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, getLastError, arginfo_class_TaskSrv_Server_getLastError, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server, addProcess, arginfo_class_TaskSrv_Server_addProcess, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_TaskSrv_Connection_Iterator_methods[] = {
	ZEND_ME(TaskSrv_Connection_Iterator, __construct, arginfo_class_TaskSrv_Connection_Iterator___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(TaskSrv_Connection_Iterator, rewind, arginfo_class_TaskSrv_Connection_Iterator_rewind, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Connection_Iterator, valid, arginfo_class_TaskSrv_Connection_Iterator_valid, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Connection_Iterator, current, arginfo_class_TaskSrv_Connection_Iterator_current, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Connection_Iterator, key, arginfo_class_TaskSrv_Connection_Iterator_key, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Connection_Iterator, next, arginfo_class_TaskSrv_Connection_Iterator_next, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Connection_Iterator, count, arginfo_class_TaskSrv_Connection_Iterator_count, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Connection_Iterator, offsetExists, arginfo_class_TaskSrv_Connection_Iterator_offsetExists, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Connection_Iterator, offsetGet, arginfo_class_TaskSrv_Connection_Iterator_offsetGet, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Connection_Iterator, offsetSet, arginfo_class_TaskSrv_Connection_Iterator_offsetSet, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Connection_Iterator, offsetUnset, arginfo_class_TaskSrv_Connection_Iterator_offsetUnset, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_TaskSrv_Server_Task_methods[] = {
	ZEND_ME(TaskSrv_Server_Task, finish, arginfo_class_TaskSrv_Server_Task_finish, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server_Task, pack, arginfo_class_TaskSrv_Server_Task_pack, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(TaskSrv_Server_Task, unpack, arginfo_class_TaskSrv_Server_Task_unpack, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};


static const zend_function_entry class_TaskSrv_Server_Port_methods[] = {
	ZEND_ME(TaskSrv_Server_Port, __construct, arginfo_class_TaskSrv_Server_Port___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(TaskSrv_Server_Port, set, arginfo_class_TaskSrv_Server_Port_set, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server_Port, on, arginfo_class_TaskSrv_Server_Port_on, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server_Port, getCallback, arginfo_class_TaskSrv_Server_Port_getCallback, ZEND_ACC_PUBLIC)
	ZEND_ME(TaskSrv_Server_Port, getSocket, arginfo_class_TaskSrv_Server_Port_getSocket, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_TaskSrv_Exception(zend_class_entry *class_entry_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TaskSrv", "Exception", class_TaskSrv_Exception_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Exception);

	return class_entry;
}

static zend_class_entry *register_class_TaskSrv_SerializationException(zend_class_entry *class_entry_TaskSrv_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TaskSrv", "SerializationException", class_TaskSrv_SerializationException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_TaskSrv_Exception);

	return class_entry;
}

static zend_class_entry *register_class_TaskSrv_QueueFullException(zend_class_entry *class_entry_TaskSrv_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TaskSrv", "QueueFullException", class_TaskSrv_QueueFullException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_TaskSrv_Exception);

	return class_entry;
}

static zend_class_entry *register_class_TaskSrv_TaskFailedException(zend_class_entry *class_entry_TaskSrv_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TaskSrv", "TaskFailedException", class_TaskSrv_TaskFailedException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_TaskSrv_Exception);

	zend_string *property_failure_class_TaskSrv_TaskFailure = zend_string_init("TaskSrv\\TaskFailure", sizeof("TaskSrv\\TaskFailure")-1, 1);
	zval property_failure_default_value;
	ZVAL_NULL(&property_failure_default_value);
	zend_string *property_failure_name = zend_string_init("failure", sizeof("failure") - 1, 1);
	zend_declare_typed_property(class_entry, property_failure_name, &property_failure_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_CLASS(property_failure_class_TaskSrv_TaskFailure, 0, MAY_BE_NULL));
	zend_string_release(property_failure_name);

	return class_entry;
}

static zend_class_entry *register_class_TaskSrv_TaskFailure(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TaskSrv", "TaskFailure", class_TaskSrv_TaskFailure_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	zval property_taskId_default_value;
	ZVAL_UNDEF(&property_taskId_default_value);
	zend_string *property_taskId_name = zend_string_init("taskId", sizeof("taskId") - 1, 1);
	zend_declare_typed_property(class_entry, property_taskId_name, &property_taskId_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_taskId_name);

	zval property_workerId_default_value;
	ZVAL_UNDEF(&property_workerId_default_value);
	zend_string *property_workerId_name = zend_string_init("workerId", sizeof("workerId") - 1, 1);
	zend_declare_typed_property(class_entry, property_workerId_name, &property_workerId_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_workerId_name);

	zval property_reason_default_value;
	ZVAL_UNDEF(&property_reason_default_value);
	zend_string *property_reason_name = zend_string_init("reason", sizeof("reason") - 1, 1);
	zend_declare_typed_property(class_entry, property_reason_name, &property_reason_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_reason_name);

	zval property_message_default_value;
	ZVAL_UNDEF(&property_message_default_value);
	zend_string *property_message_name = zend_string_init("message", sizeof("message") - 1, 1);
	zend_declare_typed_property(class_entry, property_message_name, &property_message_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_message_name);

	zval property_exceptionClass_default_value;
	ZVAL_UNDEF(&property_exceptionClass_default_value);
	zend_string *property_exceptionClass_name = zend_string_init("exceptionClass", sizeof("exceptionClass") - 1, 1);
	zend_declare_typed_property(class_entry, property_exceptionClass_name, &property_exceptionClass_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_exceptionClass_name);

	zval property_code_default_value;
	ZVAL_UNDEF(&property_code_default_value);
	zend_string *property_code_name = zend_string_init("code", sizeof("code") - 1, 1);
	zend_declare_typed_property(class_entry, property_code_name, &property_code_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_code_name);

	zval property_file_default_value;
	ZVAL_UNDEF(&property_file_default_value);
	zend_string *property_file_name = zend_string_init("file", sizeof("file") - 1, 1);
	zend_declare_typed_property(class_entry, property_file_name, &property_file_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_file_name);

	zval property_line_default_value;
	ZVAL_UNDEF(&property_line_default_value);
	zend_string *property_line_name = zend_string_init("line", sizeof("line") - 1, 1);
	zend_declare_typed_property(class_entry, property_line_name, &property_line_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_line_name);

	zval property_trace_default_value;
	ZVAL_UNDEF(&property_trace_default_value);
	zend_string *property_trace_name = zend_string_init("trace", sizeof("trace") - 1, 1);
	zend_declare_typed_property(class_entry, property_trace_name, &property_trace_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_trace_name);

	zval property_signal_default_value;
	ZVAL_UNDEF(&property_signal_default_value);
	zend_string *property_signal_name = zend_string_init("signal", sizeof("signal") - 1, 1);
	zend_declare_typed_property(class_entry, property_signal_name, &property_signal_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_signal_name);

	zval property_exitStatus_default_value;
	ZVAL_UNDEF(&property_exitStatus_default_value);
	zend_string *property_exitStatus_name = zend_string_init("exitStatus", sizeof("exitStatus") - 1, 1);
	zend_declare_typed_property(class_entry, property_exitStatus_name, &property_exitStatus_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_exitStatus_name);

	return class_entry;
}

static zend_class_entry *register_class_TaskSrv_Server(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TaskSrv", "Server", class_TaskSrv_Server_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE|ZEND_ACC_ALLOW_DYNAMIC_PROPERTIES;

	zval const_STATS_DEFAULT_value;
	ZVAL_LONG(&const_STATS_DEFAULT_value, 0);
	zend_string *const_STATS_DEFAULT_name = zend_string_init_interned("STATS_DEFAULT", sizeof("STATS_DEFAULT") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_STATS_DEFAULT_name, &const_STATS_DEFAULT_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_STATS_DEFAULT_name);

	zval const_STATS_JSON_value;
	ZVAL_LONG(&const_STATS_JSON_value, 1);
	zend_string *const_STATS_JSON_name = zend_string_init_interned("STATS_JSON", sizeof("STATS_JSON") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_STATS_JSON_name, &const_STATS_JSON_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_STATS_JSON_name);

	zval const_STATS_OPENMETRICS_value;
	ZVAL_LONG(&const_STATS_OPENMETRICS_value, 2);
	zend_string *const_STATS_OPENMETRICS_name = zend_string_init_interned("STATS_OPENMETRICS", sizeof("STATS_OPENMETRICS") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_STATS_OPENMETRICS_name, &const_STATS_OPENMETRICS_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_STATS_OPENMETRICS_name);

	zval property_setting_default_value;
	ZVAL_NULL(&property_setting_default_value);
	zend_string *property_setting_name = zend_string_init("setting", sizeof("setting") - 1, 1);
	zend_declare_typed_property(class_entry, property_setting_name, &property_setting_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY|MAY_BE_NULL));
	zend_string_release(property_setting_name);

	zval property_host_default_value;
	ZVAL_EMPTY_STRING(&property_host_default_value);
	zend_string *property_host_name = zend_string_init("host", sizeof("host") - 1, 1);
	zend_declare_typed_property(class_entry, property_host_name, &property_host_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_host_name);

	zval property_port_default_value;
	ZVAL_LONG(&property_port_default_value, 0);
	zend_string *property_port_name = zend_string_init("port", sizeof("port") - 1, 1);
	zend_declare_typed_property(class_entry, property_port_name, &property_port_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_port_name);

	zval property_type_default_value;
	ZVAL_LONG(&property_type_default_value, 0);
	zend_string *property_type_name = zend_string_init("type", sizeof("type") - 1, 1);
	zend_declare_typed_property(class_entry, property_type_name, &property_type_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_type_name);

	zval property_mode_default_value;
	ZVAL_LONG(&property_mode_default_value, 0);
	zend_string *property_mode_name = zend_string_init("mode", sizeof("mode") - 1, 1);
	zend_declare_typed_property(class_entry, property_mode_name, &property_mode_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_mode_name);

	zval property_master_pid_default_value;
	ZVAL_LONG(&property_master_pid_default_value, 0);
	zend_string *property_master_pid_name = zend_string_init("master_pid", sizeof("master_pid") - 1, 1);
	zend_declare_typed_property(class_entry, property_master_pid_name, &property_master_pid_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_master_pid_name);

	zval property_manager_pid_default_value;
	ZVAL_LONG(&property_manager_pid_default_value, 0);
	zend_string *property_manager_pid_name = zend_string_init("manager_pid", sizeof("manager_pid") - 1, 1);
	zend_declare_typed_property(class_entry, property_manager_pid_name, &property_manager_pid_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_manager_pid_name);

	zval property_worker_id_default_value;
	ZVAL_LONG(&property_worker_id_default_value, -1);
	zend_string *property_worker_id_name = zend_string_init("worker_id", sizeof("worker_id") - 1, 1);
	zend_declare_typed_property(class_entry, property_worker_id_name, &property_worker_id_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_worker_id_name);

	zval property_worker_pid_default_value;
	ZVAL_LONG(&property_worker_pid_default_value, 0);
	zend_string *property_worker_pid_name = zend_string_init("worker_pid", sizeof("worker_pid") - 1, 1);
	zend_declare_typed_property(class_entry, property_worker_pid_name, &property_worker_pid_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_worker_pid_name);

	zval property_taskworker_default_value;
	ZVAL_FALSE(&property_taskworker_default_value);
	zend_string *property_taskworker_name = zend_string_init("taskworker", sizeof("taskworker") - 1, 1);
	zend_declare_typed_property(class_entry, property_taskworker_name, &property_taskworker_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_BOOL));
	zend_string_release(property_taskworker_name);

	zval property_ports_default_value;
	ZVAL_EMPTY_ARRAY(&property_ports_default_value);
	zend_string *property_ports_name = zend_string_init("ports", sizeof("ports") - 1, 1);
	zend_declare_typed_property(class_entry, property_ports_name, &property_ports_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_ports_name);

	zend_string *property_connections_class_TaskSrv_Connection_Iterator = zend_string_init("TaskSrv\\Connection\\Iterator", sizeof("TaskSrv\\Connection\\Iterator")-1, 1);
	zval property_connections_default_value;
	ZVAL_UNDEF(&property_connections_default_value);
	zend_string *property_connections_name = zend_string_init("connections", sizeof("connections") - 1, 1);
	zend_declare_typed_property(class_entry, property_connections_name, &property_connections_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_CLASS(property_connections_class_TaskSrv_Connection_Iterator, 0, 0));
	zend_string_release(property_connections_name);

	zend_string *attribute_name_AllowDynamicProperties_class_TaskSrv_Server = zend_string_init_interned("AllowDynamicProperties", sizeof("AllowDynamicProperties") - 1, 1);
	zend_add_class_attribute(class_entry, attribute_name_AllowDynamicProperties_class_TaskSrv_Server, 0);
	zend_string_release(attribute_name_AllowDynamicProperties_class_TaskSrv_Server);

	return class_entry;
}

static zend_class_entry *register_class_TaskSrv_Connection_Iterator(zend_class_entry *class_entry_Iterator, zend_class_entry *class_entry_Countable, zend_class_entry *class_entry_ArrayAccess)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TaskSrv\\Connection", "Iterator", class_TaskSrv_Connection_Iterator_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
	zend_class_implements(class_entry, 3, class_entry_Iterator, class_entry_Countable, class_entry_ArrayAccess);

	return class_entry;
}

static zend_class_entry *register_class_TaskSrv_Server_Task(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TaskSrv\\Server", "Task", class_TaskSrv_Server_Task_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	zval property_data_default_value;
	ZVAL_NULL(&property_data_default_value);
	zend_string *property_data_name = zend_string_init("data", sizeof("data") - 1, 1);
	zend_declare_typed_property(class_entry, property_data_name, &property_data_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ANY));
	zend_string_release(property_data_name);

	zval property_dispatch_time_default_value;
	ZVAL_DOUBLE(&property_dispatch_time_default_value, 0);
	zend_string *property_dispatch_time_name = zend_string_init("dispatch_time", sizeof("dispatch_time") - 1, 1);
	zend_declare_typed_property(class_entry, property_dispatch_time_name, &property_dispatch_time_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_DOUBLE));
	zend_string_release(property_dispatch_time_name);

	zval property_id_default_value;
	ZVAL_LONG(&property_id_default_value, -1);
	zend_string *property_id_name = zend_string_init("id", sizeof("id") - 1, 1);
	zend_declare_typed_property(class_entry, property_id_name, &property_id_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_id_name);

	zval property_worker_id_default_value;
	ZVAL_LONG(&property_worker_id_default_value, -1);
	zend_string *property_worker_id_name = zend_string_init("worker_id", sizeof("worker_id") - 1, 1);
	zend_declare_typed_property(class_entry, property_worker_id_name, &property_worker_id_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_worker_id_name);

	zval property_flags_default_value;
	ZVAL_LONG(&property_flags_default_value, 0);
	zend_string *property_flags_name = zend_string_init("flags", sizeof("flags") - 1, 1);
	zend_declare_typed_property(class_entry, property_flags_name, &property_flags_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_flags_name);

	return class_entry;
}

static zend_class_entry *register_class_TaskSrv_Server_Port(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TaskSrv\\Server", "Port", class_TaskSrv_Server_Port_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NOT_SERIALIZABLE|ZEND_ACC_ALLOW_DYNAMIC_PROPERTIES;

	zval property_setting_default_value;
	ZVAL_NULL(&property_setting_default_value);
	zend_string *property_setting_name = zend_string_init("setting", sizeof("setting") - 1, 1);
	zend_declare_typed_property(class_entry, property_setting_name, &property_setting_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY|MAY_BE_NULL));
	zend_string_release(property_setting_name);

	zval property_host_default_value;
	ZVAL_EMPTY_STRING(&property_host_default_value);
	zend_string *property_host_name = zend_string_init("host", sizeof("host") - 1, 1);
	zend_declare_typed_property(class_entry, property_host_name, &property_host_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_host_name);

	zval property_port_default_value;
	ZVAL_LONG(&property_port_default_value, 0);
	zend_string *property_port_name = zend_string_init("port", sizeof("port") - 1, 1);
	zend_declare_typed_property(class_entry, property_port_name, &property_port_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_port_name);

	zval property_type_default_value;
	ZVAL_LONG(&property_type_default_value, 0);
	zend_string *property_type_name = zend_string_init("type", sizeof("type") - 1, 1);
	zend_declare_typed_property(class_entry, property_type_name, &property_type_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_type_name);

	zval property_sock_default_value;
	ZVAL_LONG(&property_sock_default_value, -1);
	zend_string *property_sock_name = zend_string_init("sock", sizeof("sock") - 1, 1);
	zend_declare_typed_property(class_entry, property_sock_name, &property_sock_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_sock_name);

	zend_string *property_connections_class_TaskSrv_Connection_Iterator = zend_string_init("TaskSrv\\Connection\\Iterator", sizeof("TaskSrv\\Connection\\Iterator")-1, 1);
	zval property_connections_default_value;
	ZVAL_UNDEF(&property_connections_default_value);
	zend_string *property_connections_name = zend_string_init("connections", sizeof("connections") - 1, 1);
	zend_declare_typed_property(class_entry, property_connections_name, &property_connections_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_CLASS(property_connections_class_TaskSrv_Connection_Iterator, 0, 0));
	zend_string_release(property_connections_name);

	zend_string *attribute_name_AllowDynamicProperties_class_TaskSrv_Server_Port = zend_string_init_interned("AllowDynamicProperties", sizeof("AllowDynamicProperties") - 1, 1);
	zend_add_class_attribute(class_entry, attribute_name_AllowDynamicProperties_class_TaskSrv_Server_Port, 0);
	zend_string_release(attribute_name_AllowDynamicProperties_class_TaskSrv_Server_Port);

	return class_entry;
}
