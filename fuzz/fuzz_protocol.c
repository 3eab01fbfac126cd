/* fuzz/fuzz_protocol.c: the framing parser of client bytes (src/core/protocol.c), the
 * first code a hostile client reaches. The input's first 16 bytes are the port's
 * settings (mode, package_length_type, offsets, EOF, max length, how the bytes are cut
 * into reads); the rest is the client's stream. The stream is framed as a connection
 * frames it (tasksrv_protocol_next over the bytes buffered so far, state kept between
 * reads) and checked:
 *  - a packet is never empty and never longer than what is buffered (an empty packet
 *    would loop the reader for ever);
 *  - length mode: a packet is never longer than package_max_length; EOF split: a packet
 *    ends with the EOF and holds no earlier one;
 *  - the packets do not depend on how the stream was cut: read by read and all at once
 *    give the same packets (length and EOF split modes; without framing and with EOF
 *    check, a packet is what a read delivered, by design). */
#include "protocol.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PACKETS 4096

static const char codes[] = "cCsSnvlLNVqQJP";

typedef struct {
	size_t len[MAX_PACKETS];
	int n;
	int error;
} packets_t;

static void check_packet(const tasksrv_protocol_t *p, const char *data, size_t buffered, size_t len)
{
	if (len == 0 || len > buffered) {
		abort();
	}
	if (p->open_eof_split) {
		size_t e = (size_t) p->package_eof_len;
		if (len < e || memcmp(data + len - e, p->package_eof, e) != 0
				|| memmem(data, len, p->package_eof, e) != data + len - e) {
			abort();
		}
	} else if (!p->open_eof_check && p->open_length_check && len > p->package_max_length) {
		abort();
	}
}

/* Frames stream, delivered in reads of the sizes cuts gives (0: all at once). */
static void frame(const tasksrv_protocol_t *p, const char *stream, size_t size, const uint8_t *cuts, size_t ncuts,
	packets_t *out)
{
	tasksrv_protocol_state_t st = {0};
	tasksrv_protocol_result_t r;
	size_t start = 0, have = 0, c = 0;

	out->n = 0;
	out->error = 0;
	while (have < size) {
		size_t step = ncuts ? (size_t) cuts[c++ % ncuts] + 1 : size;
		have = have + step < size ? have + step : size;
		for (;;) {
			/* a copy of exactly the buffered bytes, so ASAN sees a read past them */
			size_t n = have - start;
			char *buf = malloc(n ? n : 1);
			int rc;
			memcpy(buf, stream + start, n);
			rc = tasksrv_protocol_next(p, &st, buf, n, &r);
			if (rc == TASKSRV_PROTOCOL_PACKET) {
				check_packet(p, buf, n, r.length);
				free(buf);
				if (out->n < MAX_PACKETS) {
					out->len[out->n++] = r.length;
				}
				start += r.length;
				continue;
			}
			free(buf);
			if (rc == TASKSRV_PROTOCOL_ERROR) {
				char msg[256];
				tasksrv_protocol_describe(p, &r, msg, sizeof(msg));
				out->error = 1;
				return;
			}
			break;
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static packets_t cut, whole;
	tasksrv_protocol_t p;
	size_t offsets[2];
	int i;

	if (size < 16) {
		return 0;
	}
	tasksrv_protocol_init(&p);
	switch (data[0] % 4) {
		case 1: p.open_eof_check = 1; break;
		case 2: p.open_eof_split = 1; break;
		case 3: p.open_length_check = 1; break;
	}
	tasksrv_protocol_set_length_type(&p, codes[data[1] % (sizeof(codes) - 1)]);
	for (i = 0; i < 2; i++) {
		/* mostly small offsets; now and then up to the limit */
		uint16_t v = (uint16_t) (data[2 + 2 * i] | data[3 + 2 * i] << 8);
		offsets[i] = v & 0x8000 ? v % (TASKSRV_PROTOCOL_MAX_OFFSET + 1) : v % 24;
	}
	p.package_length_offset = offsets[0];
	p.package_body_offset = offsets[1];
	p.package_eof_len = 1 + data[6] % 4;
	memcpy(p.package_eof, data + 7, (size_t) p.package_eof_len);
	/* max length: the minimum most of the time, so the limits are reached */
	p.package_max_length = data[11] & 1 ? TASKSRV_PROTOCOL_MIN_MAX_LENGTH : TASKSRV_PROTOCOL_MIN_MAX_LENGTH + data[12];
	frame(&p, (const char *) data + 16, size - 16, data + 13, 3, &cut);
	if (p.open_eof_check || !(p.open_eof_split || p.open_length_check)) {
		return 0;   /* no framing, EOF check: a delivery is what was read, the cuts decide by design */
	}
	frame(&p, (const char *) data + 16, size - 16, NULL, 0, &whole);
	if (!cut.error && !whole.error) {
		/* whole may have a last packet cut did not complete: never; both saw every byte */
		if (cut.n != whole.n || memcmp(cut.len, whole.len, sizeof(size_t) * (size_t) cut.n) != 0) {
			abort();
		}
	} else if (p.open_length_check && !p.open_eof_split && cut.error != whole.error) {
		abort();
	}
	return 0;
}
