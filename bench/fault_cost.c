/* bench/fault_cost.c: what writing SIZE bytes into freshly mapped memory costs, as a receiver
 * does when every payload lands in a new buffer (PHP's allocator maps each allocation above
 * 2 MiB - 4 KiB afresh and unmaps it at free). Not part of bench/run; see docs/performance.md.
 *
 *   cc -O2 -o /tmp/fault_cost bench/fault_cost.c && /tmp/fault_cost 16777216
 *
 * For each way of getting the memory: mmap, memcpy SIZE bytes in, munmap; 20 times; prints
 * the mean time per SIZE bytes. "reused" is the floor's case: one buffer, already faulted in. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double) ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	static const char *names[] = {"fresh mapping, 4 KiB page faults", "fresh + MADV_POPULATE_WRITE",
		"fresh + MAP_POPULATE", "fresh + MADV_HUGEPAGE", "reused buffer (the floor)"};
	size_t n = argc > 1 ? strtoull(argv[1], NULL, 10) : 16777216;
	char *src = malloc(n), *keep = malloc(n);
	int mode, i, it = 20;

	memset(src, 1, n);
	memset(keep, 0, n);
	for (mode = 0; mode < 5; mode++) {
		double t0 = now_s();
		for (i = 0; i < it; i++) {
			char *p = keep;
			if (mode < 4) {
				/* 2 MiB alignment, as Zend's huge blocks have: THP can back them. */
				size_t len = n + (2u << 20);
				char *m = mmap(NULL, len, PROT_READ | PROT_WRITE,
					MAP_PRIVATE | MAP_ANONYMOUS | (mode == 2 ? MAP_POPULATE : 0), -1, 0);
				if (m == MAP_FAILED) {
					perror("mmap");
					return 1;
				}
				p = (char *) (((unsigned long) m + (2u << 20) - 1) & ~((unsigned long) (2u << 20) - 1));
				if (mode == 1) {
					madvise(p, n, MADV_POPULATE_WRITE);
				} else if (mode == 3) {
					madvise(p, n, MADV_HUGEPAGE);
				}
				memcpy(p, src, n);
				munmap(m, len);
			} else {
				memcpy(p, src, n);
			}
		}
		printf("%-36s %8.3f ms per %zu bytes\n", names[mode], (now_s() - t0) / it * 1e3, n);
	}
	return 0;
}
