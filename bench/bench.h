/* bench/bench.h: what the C benchmark programs share (ipc_floor.c, shm_model.c, tcp_load.c):
 * the clock, errors, CPU time from /proc, and the two measurements of a frame transport
 * between a parent and an echoing child (ping-pong and pipelined). Header only: each program
 * stays one `cc -O2 -o X X.c`. */
#ifndef TASKSRV_BENCH_H
#define TASKSRV_BENCH_H

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#define HDR 32   /* bytes of a frame header; the first 4 are the payload length */

static const char *bench_prog = "bench";

static inline double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double) ts.tv_sec + ts.tv_nsec / 1e9;
}

static inline void die(const char *what)
{
	fprintf(stderr, "%s: %s: %s\n", bench_prog, what, strerror(errno));
	exit(1);
}

static inline int cmp_double(const void *a, const void *b)
{
	double x = *(const double *) a, y = *(const double *) b;
	return x < y ? -1 : x > y;
}

/* A transport between this process and an echoing child. */
typedef struct {
	const char *impl;                 /* "impl" of the JSON line */
	pid_t child;
	void *ctx;
	/* sends one frame: header (HDR bytes) and len bytes of payload */
	void (*send)(void *ctx, const char *hdr, const char *payload, size_t len);
	/* receives the next frame; returns its payload length */
	uint32_t (*recv)(void *ctx);
} bench_link_t;

/* Nanoseconds this process and the child spent on a CPU (/proc/<pid>/schedstat). */
static inline double bench_cpu_ns(const bench_link_t *l)
{
	pid_t pids[2] = {getpid(), l->child};
	double sum = 0;
	int i;

	for (i = 0; i < 2; i++) {
		char path[64];
		unsigned long long ns;
		FILE *f;
		snprintf(path, sizeof(path), "/proc/%d/schedstat", (int) pids[i]);
		if ((f = fopen(path, "r")) != NULL) {
			if (fscanf(f, "%llu", &ns) == 1) {
				sum += (double) ns;
			}
			fclose(f);
		}
	}
	return sum;
}

static inline char *bench_payload(size_t size, char *hdr)
{
	char *payload = malloc(size ? size : 1);
	uint32_t len32 = (uint32_t) size;

	if (payload == NULL) {
		die("malloc");
	}
	memset(payload, 'x', size);
	memset(hdr, 0, HDR);
	memcpy(hdr, &len32, 4);
	return payload;
}

/* Sequential round trips for secs after a warm-up (10%, at least 0.1 s): rt_per_s, p50, p99. */
static inline void bench_pingpong(const bench_link_t *l, size_t size, double secs)
{
	char hdr[HDR], *payload = bench_payload(size, hdr);
	size_t n = 0, cap = 1 << 16;
	double *lat = malloc(sizeof(double) * cap), warm = secs * 0.1 < 0.1 ? 0.1 : secs * 0.1;
	double t0, start, end, t, cpu0;

	t0 = now_s();
	while (now_s() - t0 < warm) {
		l->send(l->ctx, hdr, payload, size);
		if (l->recv(l->ctx) != size) {
			die("echo");
		}
	}
	cpu0 = bench_cpu_ns(l);
	start = now_s();
	do {
		t = now_s();
		l->send(l->ctx, hdr, payload, size);
		if (l->recv(l->ctx) != size) {
			die("echo");
		}
		end = now_s();
		if (n == cap) {
			cap *= 2;
			lat = realloc(lat, sizeof(double) * cap);
		}
		lat[n++] = end - t;
	} while (end - start < secs);
	cpu0 = bench_cpu_ns(l) - cpu0;
	qsort(lat, n, sizeof(double), cmp_double);
	printf("{\"impl\":\"%s\",\"mode\":\"wait\",\"size\":%zu,\"n\":%zu,\"secs\":%.4f,\"rt_per_s\":%.1f,"
		"\"p50_us\":%.2f,\"p99_us\":%.2f,\"mb_s\":%.2f,\"cpu_us_per_op\":%.2f}\n",
		l->impl, size, n, end - start, n / (end - start), lat[n / 2] * 1e6, lat[(size_t) (n * 0.99)] * 1e6,
		(double) size * n / (end - start) / 1e6, cpu0 / 1e3 / n);
	free(lat);
	free(payload);
}

/* window frames in flight, each echo received sends the next: msg_per_s. The window - 1
 * echoes still on their way at the end are the caller's to drain. */
static inline void bench_pipe(const bench_link_t *l, size_t size, double secs, int window)
{
	char hdr[HDR], *payload = bench_payload(size, hdr);
	long done = 0, counted = 0;
	double warm = secs * 0.1 < 0.1 ? 0.1 : secs * 0.1, t0, start = 0, end = 0, cpu0 = 0;
	int i, phase = 0;

	t0 = now_s();
	for (i = 0; i < window; i++) {
		l->send(l->ctx, hdr, payload, size);
	}
	for (;;) {
		if (l->recv(l->ctx) != size) {
			die("echo");
		}
		done++;
		if ((done & 63) == 0) {
			end = now_s();
			if (phase == 0 && end - t0 >= warm) {
				phase = 1;
				cpu0 = bench_cpu_ns(l);
				start = now_s();
				counted = done;
			} else if (phase == 1 && end - start >= secs) {
				cpu0 = bench_cpu_ns(l) - cpu0;
				break;
			}
		}
		l->send(l->ctx, hdr, payload, size);
	}
	printf("{\"impl\":\"%s\",\"mode\":\"pipe\",\"size\":%zu,\"window\":%d,\"n\":%ld,\"secs\":%.4f,\"msg_per_s\":%.1f,"
		"\"cpu_us_per_op\":%.2f}\n",
		l->impl, size, window, done - counted, end - start, (done - counted) / (end - start), cpu0 / 1e3 / (done - counted));
	free(payload);
}

/* Forks the echoing child, which dies with its parent; sets l->child in the parent. */
static inline pid_t bench_fork(bench_link_t *l)
{
	pid_t pid = fork();

	if (pid < 0) {
		die("fork");
	}
	if (pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
	} else {
		l->child = pid;
	}
	return pid;
}

/* argv: PROG pingpong SIZE SECONDS | PROG pipe SIZE SECONDS WINDOW (checked by the caller). */
static inline void bench_run(const bench_link_t *l, char **argv, size_t size, double secs)
{
	if (!strcmp(argv[1], "pingpong")) {
		bench_pingpong(l, size, secs);
	} else {
		bench_pipe(l, size, secs, atoi(argv[4]));
	}
	fflush(stdout);
}

#endif
