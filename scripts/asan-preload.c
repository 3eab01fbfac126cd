/*
 * Preloaded (before libasan) into the php that scripts/asan-tests runs, so that Debian's php,
 * which is not built with AddressSanitizer, can load a tasksrv.so that is:
 *  - PHP dlopen()s extensions with RTLD_DEEPBIND, which ASan refuses (it would bind the
 *    extension's malloc to libc's, past ASan's); this dlopen drops that flag and hands on
 *    to the next dlopen (ASan's interceptor, then libc's);
 *  - the constructor takes LD_PRELOAD out of the environment, so that what php starts (sh, ps,
 *    timeout: ps hangs with ASan preloaded) runs plain; the php servers that the tests start
 *    go through scripts/asan-tests' wrapper again, which sets it anew.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>

void *dlopen(const char *file, int flags)
{
	static void *(*next)(const char *, int);

	if (!next) {
		next = (void *(*)(const char *, int)) dlsym(RTLD_NEXT, "dlopen");
	}
	return next(file, flags & ~RTLD_DEEPBIND);
}

__attribute__((constructor)) static void forget_preload(void)
{
	unsetenv("LD_PRELOAD");
}
