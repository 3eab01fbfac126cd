/* tasksrv: packet framing for onReceive (see protocol.h). */
#include "protocol.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

void tasksrv_protocol_init(tasksrv_protocol_t *p)
{
	memset(p, 0, sizeof(*p));
	memcpy(p->package_eof, "\r\n\r\n", 4);
	p->package_eof_len = 4;
	p->package_length_type = 'N';
	p->package_length_size = 4;
	p->package_body_offset = 4;
	p->package_max_length = 2 * 1024 * 1024;
}

int tasksrv_protocol_length_size(char type)
{
	switch (type) {
		case 'c': case 'C':
			return 1;
		case 's': case 'S': case 'n': case 'v':
			return 2;
		case 'l': case 'L': case 'N': case 'V':
			return 4;
		case 'q': case 'Q': case 'J': case 'P':
			return 8;
	}
	return 0;
}

int tasksrv_protocol_set_length_type(tasksrv_protocol_t *p, char type)
{
	int size = tasksrv_protocol_length_size(type);

	if (size == 0) {
		return -1;
	}
	p->package_length_type = type;
	p->package_length_size = size;
	return 0;
}

/* Unsigned big/little endian of n bytes, whatever the host's order. */
static uint64_t read_be(const unsigned char *d, int n)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < n; i++) {
		v = (v << 8) | d[i];
	}
	return v;
}

static uint64_t read_le(const unsigned char *d, int n)
{
	uint64_t v = 0;
	int i;

	for (i = n - 1; i >= 0; i--) {
		v = (v << 8) | d[i];
	}
	return v;
}

static int64_t clamp_u64(uint64_t v)
{
	return v > (uint64_t) INT64_MAX ? INT64_MAX : (int64_t) v;
}

/* The machine-order codes (s S l L q Q) read as pack() writes them on this host. */
static int64_t decode_host(char type, const char *data)
{
	int16_t i16;
	uint16_t u16;
	int32_t i32;
	uint32_t u32;
	int64_t i64;
	uint64_t u64;

	switch (type) {
		case 's': memcpy(&i16, data, 2); return i16;
		case 'S': memcpy(&u16, data, 2); return u16;
		case 'l': memcpy(&i32, data, 4); return i32;
		case 'L': memcpy(&u32, data, 4); return u32;
		case 'q': memcpy(&i64, data, 8); return i64;
		default:  memcpy(&u64, data, 8); return clamp_u64(u64);
	}
}

int64_t tasksrv_protocol_decode_length(char type, const char *data)
{
	const unsigned char *d = (const unsigned char *) data;

	switch (type) {
		case 'c': return (int8_t) d[0];
		case 'C': return d[0];
		case 'n': return (int64_t) read_be(d, 2);
		case 'v': return (int64_t) read_le(d, 2);
		case 'N': return (int64_t) read_be(d, 4);
		case 'V': return (int64_t) read_le(d, 4);
		case 'J': return clamp_u64(read_be(d, 8));
		case 'P': return clamp_u64(read_le(d, 8));
		default:  return decode_host(type, data);
	}
}

static int fail(tasksrv_protocol_result_t *r, int error, int64_t value)
{
	r->error = error;
	r->value = value;
	return TASKSRV_PROTOCOL_ERROR;
}

static int packet(tasksrv_protocol_state_t *st, tasksrv_protocol_result_t *r, size_t length)
{
	st->scanned = 0;
	st->want = 0;
	r->length = length;
	return TASKSRV_PROTOCOL_PACKET;
}

/* Bytes without a complete EOF may only grow up to package_max_length. */
static int need_more(const tasksrv_protocol_t *p, size_t len, tasksrv_protocol_result_t *r)
{
	if (len > p->package_max_length) {
		return fail(r, TASKSRV_PROTOCOL_E_TOO_BIG, (int64_t) len);
	}
	return TASKSRV_PROTOCOL_NEED_MORE;
}

static int next_eof_split(const tasksrv_protocol_t *p, tasksrv_protocol_state_t *st,
	const char *data, size_t len, tasksrv_protocol_result_t *r)
{
	size_t eof_len = (size_t) p->package_eof_len;
	size_t from = st->scanned < len ? st->scanned : 0;
	const char *eof = memmem(data + from, len - from, p->package_eof, eof_len);

	if (eof != NULL) {
		/* A whole packet over the limit is refused too, however it arrived (in one
		 * read or several): package_max_length bounds what onReceive gets. */
		if ((size_t) (eof - data) + eof_len > p->package_max_length) {
			return fail(r, TASKSRV_PROTOCOL_E_EOF_TOO_BIG, (int64_t) ((eof - data) + eof_len));
		}
		return packet(st, r, (size_t) (eof - data) + eof_len);
	}
	/* An EOF cut by the end of the buffer starts in its last eof_len - 1 bytes. */
	st->scanned = len >= eof_len ? len - eof_len + 1 : 0;
	return need_more(p, len, r);
}

static int next_eof_check(const tasksrv_protocol_t *p, tasksrv_protocol_state_t *st,
	const char *data, size_t len, tasksrv_protocol_result_t *r)
{
	size_t eof_len = (size_t) p->package_eof_len;

	if (len >= eof_len && memcmp(data + len - eof_len, p->package_eof, eof_len) == 0) {
		return len > p->package_max_length ? fail(r, TASKSRV_PROTOCOL_E_EOF_TOO_BIG, (int64_t) len) : packet(st, r, len);
	}
	return need_more(p, len, r);
}

/* The whole packet's length from package_length_func or the length field:
 * > 0 known, 0 not yet, or ERROR with r filled. */
static int64_t measure(const tasksrv_protocol_t *p, const char *data, size_t len, tasksrv_protocol_result_t *r)
{
	size_t header = p->package_length_offset + (size_t) p->package_length_size;
	int64_t value, total;

	if (p->length_func) {
		total = p->length_func(p, data, len);
		return total < 0 ? fail(r, TASKSRV_PROTOCOL_E_FUNC, total) : total;
	}
	if (len < header) {
		return 0;
	}
	value = tasksrv_protocol_decode_length(p->package_length_type, data + p->package_length_offset);
	if (value < 0) {
		return fail(r, TASKSRV_PROTOCOL_E_NEGATIVE, value);
	}
	total = value > INT64_MAX - (int64_t) p->package_body_offset ? INT64_MAX : (int64_t) p->package_body_offset + value;
	/* Such a packet would end inside its own header: the next would start in it. */
	if ((uint64_t) total < header) {
		return fail(r, TASKSRV_PROTOCOL_E_SHORT, total);
	}
	return total;
}

static int next_length(const tasksrv_protocol_t *p, tasksrv_protocol_state_t *st,
	const char *data, size_t len, tasksrv_protocol_result_t *r)
{
	int64_t total;

	if (st->want == 0) {
		total = measure(p, data, len, r);
		if (total < 0) {
			return TASKSRV_PROTOCOL_ERROR;
		}
		if (total == 0) {
			return need_more(p, len, r);
		}
		if ((uint64_t) total > p->package_max_length) {
			return fail(r, TASKSRV_PROTOCOL_E_TOO_BIG, total);
		}
		st->want = (size_t) total;
	}
	return len >= st->want ? packet(st, r, st->want) : TASKSRV_PROTOCOL_NEED_MORE;
}

/* EOF framing wins over length framing when both are on, as in Swoole. */
static int length_mode(const tasksrv_protocol_t *p)
{
	return !p->open_eof_check && !p->open_eof_split && (p->open_length_check || p->length_func);
}

int tasksrv_protocol_next(const tasksrv_protocol_t *p, tasksrv_protocol_state_t *st,
	const char *data, size_t len, tasksrv_protocol_result_t *r)
{
	r->length = 0;
	r->error = TASKSRV_PROTOCOL_E_NONE;
	r->value = 0;
	if (p->open_eof_split) {
		return next_eof_split(p, st, data, len, r);
	}
	if (p->open_eof_check) {
		return next_eof_check(p, st, data, len, r);
	}
	if (length_mode(p)) {
		return next_length(p, st, data, len, r);
	}
	/* No framing: whatever arrived is the packet. */
	return len > 0 ? packet(st, r, len) : TASKSRV_PROTOCOL_NEED_MORE;
}

void tasksrv_protocol_describe(const tasksrv_protocol_t *p, const tasksrv_protocol_result_t *r, char *buf, size_t n)
{
	switch (r->error) {
		case TASKSRV_PROTOCOL_E_EOF_TOO_BIG:
			snprintf(buf, n, "packet of %" PRId64 " bytes is larger than package_max_length %zu",
				r->value, p->package_max_length);
			return;
		case TASKSRV_PROTOCOL_E_TOO_BIG:
			if (length_mode(p)) {
				snprintf(buf, n, "packet of %" PRId64 " bytes is larger than package_max_length %zu",
					r->value, p->package_max_length);
			} else {
				snprintf(buf, n, "%" PRId64 " bytes without a packet end, more than package_max_length %zu",
					r->value, p->package_max_length);
			}
			return;
		case TASKSRV_PROTOCOL_E_NEGATIVE:
			snprintf(buf, n, "negative packet length %" PRId64 " (package_length_type '%c' at offset %zu)",
				r->value, p->package_length_type, p->package_length_offset);
			return;
		case TASKSRV_PROTOCOL_E_SHORT:
			snprintf(buf, n, "packet length %" PRId64 " ends inside its header of %zu bytes",
				r->value, p->package_length_offset + (size_t) p->package_length_size);
			return;
		case TASKSRV_PROTOCOL_E_FUNC:
			snprintf(buf, n, "package_length_func returned %" PRId64, r->value);
			return;
	}
	snprintf(buf, n, "no error");
}
