/* tasksrv: TaskSrv\Http\Request (php_http_request.c): built once per request from the
 * core's parsed request (src/core/http.h). */
#ifndef TASKSRV_PHP_HTTP_REQUEST_H
#define TASKSRV_PHP_HTTP_REQUEST_H

#include "php.h"
#include "http.h"
#include "php_server_int.h"

extern zend_class_entry *tasksrv_http_request_ce;

/* The object, with what its methods read. */
typedef struct {
	zend_string *data;           /* request line, headers and (decoded) body */
	size_t head_len;             /* where the body starts in data */
	zend_string *method;
	zend_object std;
} http_request_t;

static inline http_request_t *http_request_from(zend_object *obj)
{
	return (http_request_t *) ((char *) obj - XtOffsetOf(http_request_t, std));
}

void tasksrv_http_request_minit(zend_class_entry *ce);
/* Builds $request from a parsed request r; uploaded files are written and listed in tmpfiles. */
void tasksrv_http_request_build(server_obj *o, zval *request, int64_t session, const tasksrv_http_request_t *r);
/* Removes the request's uploaded files that are still there. */
void tasksrv_http_request_cleanup(zval *request);

#endif
