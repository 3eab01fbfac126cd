/* tasksrv: how PHP values become frame payloads and back. Strings travel raw
 * (no flag); everything else goes through PHP's serializer (TASKSRV_FLAG_SERIALIZED).
 * Shaped as a small table so another serializer (igbinary, msgpack) can plug in. */
#ifndef TASKSRV_PHP_CODEC_H
#define TASKSRV_PHP_CODEC_H

#include "php.h"
#include "zend_smart_str.h"

typedef struct {
	const char *ptr;   /* bytes to send: borrowed from the value, or buf's */
	size_t len;
	bool serialized;   /* serialize()d, else a raw string */
	smart_str buf;     /* owned serialized bytes, if any */
} tasksrv_payload_t;

typedef struct {
	const char *name;
	zend_result (*encode)(zval *value, smart_str *buf);
	zend_result (*decode)(const char *p, size_t len, zval *rv);
} tasksrv_serializer_t;

/* Encodes value for sending. `what` names the call in error messages ("task()").
 * On failure a TaskSrv\SerializationException is thrown and FAILURE returned. */
zend_result tasksrv_codec_encode(zval *value, tasksrv_payload_t *out, const char *what);
void tasksrv_payload_free(tasksrv_payload_t *p);
/* Turns a received payload (ownership taken) into a value. On failure rv is UNDEF and
 * an exception may be pending (one thrown by an __unserialize()/__wakeup()). */
zend_result tasksrv_codec_decode(zend_string *payload, bool serialized, zval *rv);

#endif
