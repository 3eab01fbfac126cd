#include "php_exceptions.h"

zend_class_entry *tasksrv_exception_ce;
zend_class_entry *tasksrv_serialization_exception_ce;
