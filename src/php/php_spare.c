/* tasksrv: huge payload strings kept for reuse (see php_spare.h). */
#include "php_spare.h"

zend_string *tasksrv_spares_take(tasksrv_spares_t *p, size_t len)
{
	int i;

	if (len < TASKSRV_HUGE_PAYLOAD) {
		return NULL;
	}
	for (i = 0; i < TASKSRV_SPARES; i++) {
		tasksrv_spare_t *sp = &p->slot[i];
		zend_string *str = sp->str;

		/* Refcount 1: only the pool holds it. A block far larger than len would
		 * hold memory for nothing, so it must be at most twice len. */
		if (str && GC_REFCOUNT(str) == 1 && len <= sp->cap && len >= sp->cap / 2) {
			sp->str = NULL;
			GC_TYPE_INFO(str) = GC_STRING;
			ZSTR_H(str) = 0;
			ZSTR_LEN(str) = len;
			ZSTR_VAL(str)[len] = '\0';
			return str;
		}
	}
	return NULL;
}

void tasksrv_spares_keep(tasksrv_spares_t *p, zend_string *str, bool shared)
{
	size_t len = ZSTR_LEN(str);
	tasksrv_spare_t *sp = NULL;
	int i;

	/* What is kept counts against memory_limit: never past half of it. */
	if (ZSTR_IS_INTERNED(str) || len < TASKSRV_HUGE_PAYLOAD || len > TASKSRV_SPARE_MAX
			|| (PG(memory_limit) > 0 && zend_memory_usage(false) + (shared ? len : 0) > (size_t) PG(memory_limit) / 2)) {
		if (!shared) {
			zend_string_release(str);
		}
		return;
	}
	for (i = 0; i < TASKSRV_SPARES && sp == NULL; i++) {
		if (p->slot[i].str == NULL) {
			sp = &p->slot[i];
		}
	}
	for (i = 0; i < TASKSRV_SPARES && sp == NULL; i++) {
		/* One nobody else holds is the cheapest to give up. */
		if (GC_REFCOUNT(p->slot[i].str) == 1) {
			sp = &p->slot[i];
		}
	}
	if (sp == NULL) {
		sp = &p->slot[p->next];
		p->next = (p->next + 1) % TASKSRV_SPARES;
	}
	if (sp->str) {
		zend_string_release(sp->str);
	}
	if (shared) {
		GC_ADDREF(str);
	}
	sp->str = str;
	sp->cap = len;
}

void tasksrv_spares_free(tasksrv_spares_t *p)
{
	int i;

	for (i = 0; i < TASKSRV_SPARES; i++) {
		if (p->slot[i].str) {
			zend_string_release(p->slot[i].str);
			p->slot[i].str = NULL;
		}
	}
}
