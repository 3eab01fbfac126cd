/* tasksrv: TaskSrv\Http\Response (php_http_response.c): the answer to one request. */
#ifndef TASKSRV_PHP_HTTP_RESPONSE_H
#define TASKSRV_PHP_HTTP_RESPONSE_H

#include "php.h"
#include "http.h"
#include "php_server_int.h"

extern zend_class_entry *tasksrv_http_response_ce;

/* Where it goes and how far it got. */
typedef struct {
	int64_t session;             /* the connection (fd) it answers */
	int status;
	zend_string *reason;         /* NULL: the status's own */
	int version;                 /* the request's: 10 or 11 */
	bool keep_alive;             /* else the connection closes after end() */
	bool head;                   /* a HEAD request: no body goes out */
	bool gzip;                   /* the client takes gzip (and http_compression is on) */
	bool head_sent;              /* write() sent the head: the body goes in chunks */
	bool ended;
	bool detached;               /* detach(): no 500 when it is freed unanswered */
	bool bound;                  /* a request's (not create()'s): 500 if unanswered */
	zend_object std;
} http_response_t;

static inline http_response_t *http_response_from(zend_object *obj)
{
	return (http_response_t *) ((char *) obj - XtOffsetOf(http_response_t, std));
}

void tasksrv_http_response_minit(zend_class_entry *ce);
/* The Http\Server of this process, which responses write through (NULL when it is freed). */
void tasksrv_http_response_bind(server_obj *o);
/* A Response for session, answering r (NULL: Response::create()). */
void tasksrv_http_response_init(zval *response, int64_t session, const tasksrv_http_request_t *r, bool gzip);
/* Answers with (a part of) a regular file (length 0: to its end); false when it is not one. */
bool tasksrv_http_response_file(zval *response, const char *path, zend_long offset, zend_long length, bool warn);

#endif
