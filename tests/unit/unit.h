/* tests/unit/unit.h: what every unit test program of the core includes (cmocka and its
 * prerequisites, in the order cmocka.h wants them). */
#ifndef TASKSRV_UNIT_H
#define TASKSRV_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

/* Under ASAN, an allocation too large to make returns NULL as malloc() does, instead of
 * ending the program: the tests check what the core does when memory runs out. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "allocator_may_return_null=1";
}

#endif
