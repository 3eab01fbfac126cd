/* tasksrv: the TaskSrv\ exception hierarchy, thrown through one macro family.
 * The classes are declared in tasksrv.stub.php and registered by tasksrv.c. */
#ifndef TASKSRV_PHP_EXCEPTIONS_H
#define TASKSRV_PHP_EXCEPTIONS_H

#include "php.h"
#include "zend_exceptions.h"

extern zend_class_entry *tasksrv_exception_ce;
extern zend_class_entry *tasksrv_serialization_exception_ce;

/* A runtime failure of the server: TaskSrv\Exception (Swoole\Exception in compat mode). */
#define TASKSRV_THROW(code, ...) zend_throw_exception_ex(tasksrv_exception_ce, (code), __VA_ARGS__)
/* A value that cannot cross to another process. */
#define TASKSRV_THROW_SERIALIZATION(...) zend_throw_exception_ex(tasksrv_serialization_exception_ce, 0, __VA_ARGS__)

#endif
