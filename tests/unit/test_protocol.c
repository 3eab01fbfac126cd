/* Unit tests of src/core/protocol.c: packet framing for onReceive, for every
 * package_length_type, with length and body offsets, EOF check and split, and the
 * limits (package_max_length, negative and short lengths). */
#include "unit.h"

#include "protocol.h"

/* Runs next() once from a fresh state. */
static int next1(const tasksrv_protocol_t *p, const char *data, size_t len, tasksrv_protocol_result_t *r)
{
	tasksrv_protocol_state_t st = {0};

	return tasksrv_protocol_next(p, &st, data, len, r);
}

static void defaults(void **state)
{
	tasksrv_protocol_t p;
	tasksrv_protocol_result_t r;

	tasksrv_protocol_init(&p);
	assert_memory_equal(p.package_eof, "\r\n\r\n", 4);
	assert_int_equal(p.package_eof_len, 4);
	assert_int_equal(p.package_length_type, 'N');
	assert_int_equal(p.package_length_size, 4);
	assert_int_equal(p.package_body_offset, 4);
	assert_int_equal(p.package_max_length, 2 * 1024 * 1024);
	/* no framing: whatever is there is the packet; nothing is nothing */
	assert_int_equal(next1(&p, "abc", 3, &r), TASKSRV_PROTOCOL_PACKET);
	assert_int_equal(r.length, 3);
	assert_int_equal(next1(&p, "", 0, &r), TASKSRV_PROTOCOL_NEED_MORE);
}

static void length_sizes(void **state)
{
	const char *codes = "cCsSnvlLNVqQJP";
	const int sizes[] = {1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 8, 8, 8, 8};
	tasksrv_protocol_t p;
	int i;

	tasksrv_protocol_init(&p);
	for (i = 0; codes[i]; i++) {
		assert_int_equal(tasksrv_protocol_length_size(codes[i]), sizes[i]);
		assert_int_equal(tasksrv_protocol_set_length_type(&p, codes[i]), 0);
		assert_int_equal(p.package_length_type, codes[i]);
		assert_int_equal(p.package_length_size, sizes[i]);
	}
	assert_int_equal(tasksrv_protocol_length_size('x'), 0);
	assert_int_equal(tasksrv_protocol_length_size('H'), 0);
	assert_int_equal(tasksrv_protocol_set_length_type(&p, 'x'), -1);
	assert_int_equal(p.package_length_type, 'P');  /* unchanged */
}

/* Every code decodes as PHP's pack() encodes on this (little-endian) host. */
static void decode_every_type(void **state)
{
	const unsigned char be[8] = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08};
	const unsigned char neg[8] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe};
	const unsigned char top[8] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
	const char *b = (const char *) be, *n = (const char *) neg, *t = (const char *) top;

	assert_int_equal(tasksrv_protocol_decode_length('C', b), 1);
	assert_int_equal(tasksrv_protocol_decode_length('c', t), -1);
	assert_int_equal(tasksrv_protocol_decode_length('C', t), 255);
	assert_int_equal(tasksrv_protocol_decode_length('n', b), 0x0102);
	assert_int_equal(tasksrv_protocol_decode_length('v', b), 0x0201);
	assert_int_equal(tasksrv_protocol_decode_length('N', b), 0x01020304);
	assert_int_equal(tasksrv_protocol_decode_length('V', b), 0x04030201);
	assert_int_equal(tasksrv_protocol_decode_length('J', b), 0x0102030405060708LL);
	assert_int_equal(tasksrv_protocol_decode_length('P', b), 0x0807060504030201LL);
	/* machine order: little endian here */
	assert_int_equal(tasksrv_protocol_decode_length('S', b), 0x0201);
	assert_int_equal(tasksrv_protocol_decode_length('L', b), 0x04030201);
	assert_int_equal(tasksrv_protocol_decode_length('Q', b), 0x0807060504030201LL);
	assert_int_equal(tasksrv_protocol_decode_length('q', b), 0x0807060504030201LL);
	/* signed machine-order codes go negative; unsigned stay positive */
	assert_int_equal(tasksrv_protocol_decode_length('s', t), -1);
	assert_int_equal(tasksrv_protocol_decode_length('S', t), 65535);
	assert_int_equal(tasksrv_protocol_decode_length('l', t), -1);
	assert_int_equal(tasksrv_protocol_decode_length('L', t), 4294967295LL);
	assert_int_equal(tasksrv_protocol_decode_length('q', t), -1);
	/* unsigned 64-bit above INT64_MAX clamps */
	assert_int_equal(tasksrv_protocol_decode_length('Q', t), INT64_MAX);
	assert_int_equal(tasksrv_protocol_decode_length('J', t), INT64_MAX);
	assert_int_equal(tasksrv_protocol_decode_length('P', t), INT64_MAX);
	assert_int_equal(tasksrv_protocol_decode_length('J', n), INT64_MAX);
}

/* Writes value as code at data (big endian for n N J, little for the rest). */
static void put_len(char code, char *data, uint64_t value)
{
	int size = tasksrv_protocol_length_size(code), i;
	int big = code == 'n' || code == 'N' || code == 'J';

	for (i = 0; i < size; i++) {
		data[big ? size - 1 - i : i] = (char) (value >> (8 * i));
	}
}

/* For every type: a packet of body_offset + value bytes, with the field at an
 * offset, whole; one byte short is NEED_MORE; two packets back to back come one
 * at a time. */
static void length_every_type(void **state)
{
	const char *codes = "cCsSnvlLNVqQJP";
	char buf[256];
	int i;

	for (i = 0; codes[i]; i++) {
		tasksrv_protocol_t p;
		tasksrv_protocol_state_t st = {0};
		tasksrv_protocol_result_t r;
		size_t off = 3, body = 3 + (size_t) tasksrv_protocol_length_size(codes[i]) + 2, total = body + 20;

		tasksrv_protocol_init(&p);
		p.open_length_check = 1;
		assert_int_equal(tasksrv_protocol_set_length_type(&p, codes[i]), 0);
		p.package_length_offset = off;
		p.package_body_offset = body;
		memset(buf, 'x', sizeof(buf));
		put_len(codes[i], buf + off, 20);
		put_len(codes[i], buf + total + off, 20);
		assert_int_equal(tasksrv_protocol_next(&p, &st, buf, total - 1, &r), TASKSRV_PROTOCOL_NEED_MORE);
		/* the length was measured once and kept */
		assert_int_equal(st.want, total);
		assert_int_equal(tasksrv_protocol_next(&p, &st, buf, total * 2 - 1, &r), TASKSRV_PROTOCOL_PACKET);
		assert_int_equal(r.length, total);
		assert_int_equal(st.want, 0);
		assert_int_equal(tasksrv_protocol_next(&p, &st, buf + total, total - 1, &r), TASKSRV_PROTOCOL_NEED_MORE);
		assert_int_equal(tasksrv_protocol_next(&p, &st, buf + total, total, &r), TASKSRV_PROTOCOL_PACKET);
		assert_int_equal(r.length, total);
	}
}

/* Fewer bytes than offset + field size: NEED_MORE without measuring. */
static void header_incomplete(void **state)
{
	tasksrv_protocol_t p;
	tasksrv_protocol_state_t st = {0};
	tasksrv_protocol_result_t r;
	char buf[16] = {0};

	tasksrv_protocol_init(&p);
	p.open_length_check = 1;
	p.package_length_offset = 8;
	p.package_body_offset = 12;
	assert_int_equal(tasksrv_protocol_next(&p, &st, buf, 11, &r), TASKSRV_PROTOCOL_NEED_MORE);
	assert_int_equal(st.want, 0);
	put_len('N', buf + 8, 0);
	/* a length of 0: the packet is the header alone */
	assert_int_equal(tasksrv_protocol_next(&p, &st, buf, 12, &r), TASKSRV_PROTOCOL_PACKET);
	assert_int_equal(r.length, 12);
}

static void max_length(void **state)
{
	tasksrv_protocol_t p;
	tasksrv_protocol_result_t r;
	char buf[8], msg[200];

	tasksrv_protocol_init(&p);
	p.open_length_check = 1;
	p.package_max_length = 65536;
	put_len('N', buf, 65536 - 4);
	assert_int_equal(next1(&p, buf, 4, &r), TASKSRV_PROTOCOL_NEED_MORE);
	put_len('N', buf, 65536 - 3);
	assert_int_equal(next1(&p, buf, 4, &r), TASKSRV_PROTOCOL_ERROR);
	assert_int_equal(r.error, TASKSRV_PROTOCOL_E_TOO_BIG);
	assert_int_equal(r.value, 65537);
	tasksrv_protocol_describe(&p, &r, msg, sizeof(msg));
	assert_string_equal(msg, "packet of 65537 bytes is larger than package_max_length 65536");
	/* the largest 8-byte lengths do not wrap around into a small packet */
	assert_int_equal(tasksrv_protocol_set_length_type(&p, 'J'), 0);
	p.package_body_offset = 100;
	memset(buf, 0x7f, 1);
	memset(buf + 1, 0xff, 7);
	assert_int_equal(next1(&p, buf, 8, &r), TASKSRV_PROTOCOL_ERROR);
	assert_int_equal(r.error, TASKSRV_PROTOCOL_E_TOO_BIG);
	assert_int_equal(r.value, INT64_MAX);
}

static void negative_and_short(void **state)
{
	tasksrv_protocol_t p;
	tasksrv_protocol_result_t r;
	char buf[16] = {0}, msg[200];

	tasksrv_protocol_init(&p);
	p.open_length_check = 1;
	assert_int_equal(tasksrv_protocol_set_length_type(&p, 'l'), 0);
	put_len('l', buf, (uint32_t) -5);
	assert_int_equal(next1(&p, buf, 4, &r), TASKSRV_PROTOCOL_ERROR);
	assert_int_equal(r.error, TASKSRV_PROTOCOL_E_NEGATIVE);
	assert_int_equal(r.value, -5);
	tasksrv_protocol_describe(&p, &r, msg, sizeof(msg));
	assert_string_equal(msg, "negative packet length -5 (package_length_type 'l' at offset 0)");
	/* body offset 0: a length that ends inside the header would make the next packet start in it */
	assert_int_equal(tasksrv_protocol_set_length_type(&p, 'N'), 0);
	p.package_length_offset = 4;
	p.package_body_offset = 0;
	put_len('N', buf + 4, 7);
	assert_int_equal(next1(&p, buf, 8, &r), TASKSRV_PROTOCOL_ERROR);
	assert_int_equal(r.error, TASKSRV_PROTOCOL_E_SHORT);
	assert_int_equal(r.value, 7);
	tasksrv_protocol_describe(&p, &r, msg, sizeof(msg));
	assert_string_equal(msg, "packet length 7 ends inside its header of 8 bytes");
	put_len('N', buf + 4, 8);
	assert_int_equal(next1(&p, buf, 8, &r), TASKSRV_PROTOCOL_PACKET);
	assert_int_equal(r.length, 8);
}

static int64_t fixed_len(const tasksrv_protocol_t *p, const char *data, size_t len)
{
	int64_t *want = p->length_arg;

	return len < 2 ? 0 : *want;
}

/* package_length_func: its answer is the length; below 0 is an error. */
static void length_func(void **state)
{
	tasksrv_protocol_t p;
	tasksrv_protocol_result_t r;
	int64_t want = 5;
	char msg[100];

	tasksrv_protocol_init(&p);
	p.length_func = fixed_len;
	p.length_arg = &want;
	assert_int_equal(next1(&p, "a", 1, &r), TASKSRV_PROTOCOL_NEED_MORE);
	assert_int_equal(next1(&p, "abcd", 4, &r), TASKSRV_PROTOCOL_NEED_MORE);
	assert_int_equal(next1(&p, "abcdefg", 7, &r), TASKSRV_PROTOCOL_PACKET);
	assert_int_equal(r.length, 5);
	want = -1;
	assert_int_equal(next1(&p, "abcdefg", 7, &r), TASKSRV_PROTOCOL_ERROR);
	assert_int_equal(r.error, TASKSRV_PROTOCOL_E_FUNC);
	tasksrv_protocol_describe(&p, &r, msg, sizeof(msg));
	assert_string_equal(msg, "package_length_func returned -1");
}

/* open_eof_split: one packet per EOF, however the bytes are cut, including an EOF cut
 * in two by the end of a read. */
static void eof_split(void **state)
{
	const char *stream = "one\r\ntwo\r\n\r\nthree\r\n";
	tasksrv_protocol_t p;
	tasksrv_protocol_state_t st = {0};
	tasksrv_protocol_result_t r;
	size_t start = 0, avail, total = strlen(stream), n = 0;
	size_t expect[] = {5, 5, 2, 7};

	tasksrv_protocol_init(&p);
	p.open_eof_split = 1;
	memcpy(p.package_eof, "\r\n", 2);
	p.package_eof_len = 2;
	/* bytes arrive one at a time */
	for (avail = 1; avail <= total - start; avail++) {
		int rc = tasksrv_protocol_next(&p, &st, stream + start, avail, &r);
		if (rc == TASKSRV_PROTOCOL_PACKET) {
			assert_true(n < 4);
			assert_int_equal(r.length, expect[n]);
			assert_int_equal(avail, r.length);  /* found as soon as it was whole */
			n++;
			start += r.length;
			avail = 0;
		} else {
			assert_int_equal(rc, TASKSRV_PROTOCOL_NEED_MORE);
			/* nothing before the last eof_len - 1 bytes is scanned again */
			assert_true(st.scanned <= avail);
		}
	}
	assert_int_equal(n, 4);
	assert_int_equal(start, total);
}

/* open_eof_check: only a delivery ending with the EOF is a packet (it may hold several). */
static void eof_check(void **state)
{
	tasksrv_protocol_t p;
	tasksrv_protocol_result_t r;

	tasksrv_protocol_init(&p);
	p.open_eof_check = 1;
	assert_int_equal(next1(&p, "a\r\n\r\nb", 6, &r), TASKSRV_PROTOCOL_NEED_MORE);
	assert_int_equal(next1(&p, "a\r\n\r\nb\r\n\r\n", 10, &r), TASKSRV_PROTOCOL_PACKET);
	assert_int_equal(r.length, 10);
	assert_int_equal(next1(&p, "\r\n\r", 3, &r), TASKSRV_PROTOCOL_NEED_MORE);
	/* EOF framing wins over length framing when both are on */
	p.open_length_check = 1;
	assert_int_equal(next1(&p, "\0\0\0\1\r\n\r\n", 8, &r), TASKSRV_PROTOCOL_PACKET);
	assert_int_equal(r.length, 8);
}

/* Without an EOF within package_max_length bytes, both EOF modes give up. */
static void eof_max_length(void **state)
{
	tasksrv_protocol_t p;
	tasksrv_protocol_result_t r;
	char *buf = malloc(70000), msg[200];

	memset(buf, 'z', 70000);
	tasksrv_protocol_init(&p);
	p.package_max_length = 65536;
	p.open_eof_split = 1;
	assert_int_equal(next1(&p, buf, 65536, &r), TASKSRV_PROTOCOL_NEED_MORE);
	assert_int_equal(next1(&p, buf, 65537, &r), TASKSRV_PROTOCOL_ERROR);
	assert_int_equal(r.error, TASKSRV_PROTOCOL_E_TOO_BIG);
	assert_int_equal(r.value, 65537);
	tasksrv_protocol_describe(&p, &r, msg, sizeof(msg));
	assert_string_equal(msg, "65537 bytes without a packet end, more than package_max_length 65536");
	p.open_eof_split = 0;
	p.open_eof_check = 1;
	assert_int_equal(next1(&p, buf, 70000, &r), TASKSRV_PROTOCOL_ERROR);
	assert_int_equal(r.error, TASKSRV_PROTOCOL_E_TOO_BIG);
	free(buf);
}

/* A whole packet over package_max_length is refused in both EOF modes, also when it
 * arrives in one read with its EOF (it used to be handed to onReceive). */
static void eof_whole_packet_too_big(void **state)
{
	tasksrv_protocol_t p;
	tasksrv_protocol_result_t r;
	char *buf = malloc(90004), msg[200];

	(void) state;
	memset(buf, 'z', 90000);
	memcpy(buf + 90000, "\r\n\r\n", 4);
	tasksrv_protocol_init(&p);
	p.package_max_length = 65536;
	p.open_eof_split = 1;
	assert_int_equal(next1(&p, buf, 90004, &r), TASKSRV_PROTOCOL_ERROR);
	assert_int_equal(r.error, TASKSRV_PROTOCOL_E_EOF_TOO_BIG);
	assert_int_equal(r.value, 90004);
	tasksrv_protocol_describe(&p, &r, msg, sizeof(msg));
	assert_string_equal(msg, "packet of 90004 bytes is larger than package_max_length 65536");
	p.open_eof_split = 0;
	p.open_eof_check = 1;
	assert_int_equal(next1(&p, buf, 90004, &r), TASKSRV_PROTOCOL_ERROR);
	assert_int_equal(r.error, TASKSRV_PROTOCOL_E_EOF_TOO_BIG);
	/* at the limit exactly: a packet */
	p.package_max_length = 90004;
	assert_int_equal(next1(&p, buf, 90004, &r), TASKSRV_PROTOCOL_PACKET);
	p.open_eof_check = 0;
	p.open_eof_split = 1;
	assert_int_equal(next1(&p, buf, 90004, &r), TASKSRV_PROTOCOL_PACKET);
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults),
		cmocka_unit_test(length_sizes),
		cmocka_unit_test(decode_every_type),
		cmocka_unit_test(length_every_type),
		cmocka_unit_test(header_incomplete),
		cmocka_unit_test(max_length),
		cmocka_unit_test(negative_and_short),
		cmocka_unit_test(length_func),
		cmocka_unit_test(eof_split),
		cmocka_unit_test(eof_check),
		cmocka_unit_test(eof_max_length),
		cmocka_unit_test(eof_whole_packet_too_big),
	};

	return cmocka_run_group_tests_name("protocol", tests, NULL, NULL);
}
