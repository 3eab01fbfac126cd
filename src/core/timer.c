#include "timer.h"
#include "io.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	int64_t id;
	int64_t deadline;    /* tasksrv_io_now_ms() clock */
	int64_t interval;
	int64_t exec_count;
	int64_t round;       /* the set's round when it was added */
	int repeat;
	int removed;
	int heap_idx;        /* -1 while it runs (or once removed) */
	void *ctx;
} entry_t;

static struct {
	tasksrv_timer_run_fn run;
	tasksrv_timer_free_fn free_ctx;
	int initialized;
	int64_t base_ms;     /* the clock when the set was first used: info()'s exec_msec counts from it */
	int64_t next_id;
	int64_t round;
	entry_t **heap;      /* min-heap by (deadline, id) */
	int nheap, heap_cap;
	entry_t **slots;     /* open addressing by id, linear probing; NULL: free */
	int nslots, count;   /* nslots is a power of two, or 0 */
	entry_t *running;    /* the timer whose callback runs now */
} set;

/* Set in a forked child by the atfork handler: the parent's timers are not ours. */
static volatile int forked;
static int atfork_done;

/* {{{ heap */
static int before(const entry_t *a, const entry_t *b)
{
	return a->deadline < b->deadline || (a->deadline == b->deadline && a->id < b->id);
}

static void heap_place(int i, entry_t *e)
{
	set.heap[i] = e;
	e->heap_idx = i;
}

static void heap_up(int i)
{
	entry_t *e = set.heap[i];

	while (i > 0 && before(e, set.heap[(i - 1) / 2])) {
		heap_place(i, set.heap[(i - 1) / 2]);
		i = (i - 1) / 2;
	}
	heap_place(i, e);
}

static void heap_down(int i)
{
	entry_t *e = set.heap[i];
	int c;

	while ((c = 2 * i + 1) < set.nheap) {
		if (c + 1 < set.nheap && before(set.heap[c + 1], set.heap[c])) {
			c++;
		}
		if (!before(set.heap[c], e)) {
			break;
		}
		heap_place(i, set.heap[c]);
		i = c;
	}
	heap_place(i, e);
}

static int heap_push(entry_t *e)
{
	if (set.nheap == set.heap_cap) {
		int cap = set.heap_cap ? set.heap_cap * 2 : 16;
		entry_t **h = realloc(set.heap, sizeof(*h) * cap);

		if (h == NULL) {
			return -1;
		}
		set.heap = h;
		set.heap_cap = cap;
	}
	set.heap[set.nheap] = e;
	heap_up(set.nheap++);
	return 0;
}

static void heap_remove(entry_t *e)
{
	int i = e->heap_idx;
	entry_t *last;

	if (i < 0) {
		return;
	}
	e->heap_idx = -1;
	last = set.heap[--set.nheap];
	if (last == e) {
		return;
	}
	heap_place(i, last);
	heap_up(i);
	heap_down(last->heap_idx);
}
/* }}} */

/* {{{ ids */
static unsigned slot_of(int64_t id)
{
	uint64_t h = (uint64_t) id * 0x9E3779B97F4A7C15ull;

	return (unsigned) (h >> 32) & (unsigned) (set.nslots - 1);
}

static entry_t **find_slot(int64_t id)
{
	unsigned i;

	if (set.nslots == 0) {
		return NULL;
	}
	for (i = slot_of(id); set.slots[i]; i = (i + 1) & (unsigned) (set.nslots - 1)) {
		if (set.slots[i]->id == id) {
			return &set.slots[i];
		}
	}
	return NULL;
}

static void put_slot(entry_t *e)
{
	unsigned i = slot_of(e->id);

	while (set.slots[i]) {
		i = (i + 1) & (unsigned) (set.nslots - 1);
	}
	set.slots[i] = e;
}

static int grow_slots(void)
{
	entry_t **old = set.slots;
	int i, n = set.nslots;
	int cap = n ? n * 2 : 32;

	set.slots = calloc((size_t) cap, sizeof(*set.slots));
	if (set.slots == NULL) {
		set.slots = old;
		return -1;
	}
	set.nslots = cap;
	for (i = 0; i < n; i++) {
		if (old[i]) {
			put_slot(old[i]);
		}
	}
	free(old);
	return 0;
}

/* Backward-shift deletion: the probe chains stay whole without tombstones. */
static void del_slot(entry_t **slot)
{
	unsigned mask = (unsigned) set.nslots - 1;
	unsigned hole = (unsigned) (slot - set.slots), i = hole;

	*slot = NULL;
	for (;;) {
		unsigned home;

		i = (i + 1) & mask;
		if (set.slots[i] == NULL) {
			return;
		}
		home = slot_of(set.slots[i]->id);
		/* Move it into the hole unless its home lies cyclically in (hole, i]. */
		if ((i > hole && (home <= hole || home > i)) || (i < hole && home <= hole && home > i)) {
			set.slots[hole] = set.slots[i];
			set.slots[i] = NULL;
			hole = i;
		}
	}
}
/* }}} */

static void on_fork_child(void)
{
	forked = 1;
}

/* In a forked child, the first use drops what the parent had set. */
static void forget_parent(void)
{
	int i, n = set.nslots;
	entry_t **slots = set.slots;
	entry_t *running = set.running;

	if (!forked) {
		return;
	}
	forked = 0;
	set.slots = NULL;
	set.nslots = set.count = set.nheap = 0;
	set.initialized = 0;
	set.next_id = set.round = 0;
	for (i = 0; i < n; i++) {
		entry_t *e = slots[i];

		if (e == NULL) {
			continue;
		}
		if (e == running) {
			e->removed = 1; /* run_due releases it once its callback returns */
			continue;
		}
		if (set.free_ctx) {
			set.free_ctx(e->ctx);
		}
		free(e);
	}
	free(slots);
}

void tasksrv_timer_setup(tasksrv_timer_run_fn run, tasksrv_timer_free_fn free_ctx)
{
	set.run = run;
	set.free_ctx = free_ctx;
	if (!atfork_done) {
		atfork_done = 1;
		pthread_atfork(NULL, NULL, on_fork_child);
	}
}

int64_t tasksrv_timer_add(int64_t after_ms, int repeat, void *ctx)
{
	int64_t now = tasksrv_io_now_ms();
	entry_t *e;

	forget_parent();
	if (after_ms < 1) {
		after_ms = 1;
	}
	if ((set.count + 1) * 2 > set.nslots && grow_slots() < 0) {
		return -1;
	}
	e = calloc(1, sizeof(*e));
	if (e == NULL) {
		return -1;
	}
	if (!set.initialized) {
		set.initialized = 1;
		set.base_ms = now;
	}
	e->id = ++set.next_id;
	e->interval = after_ms;
	e->deadline = after_ms > INT64_MAX - now ? INT64_MAX : now + after_ms;
	e->repeat = repeat;
	e->round = set.round;
	e->ctx = ctx;
	if (heap_push(e) < 0) {
		free(e);
		return -1;
	}
	put_slot(e);
	set.count++;
	return e->id;
}

/* Takes e out of the set; its memory and ctx go now, or (the running one) after its callback. */
static void drop(entry_t **slot)
{
	entry_t *e = *slot;

	del_slot(slot);
	set.count--;
	heap_remove(e);
	if (e == set.running) {
		e->removed = 1;
		return;
	}
	if (set.free_ctx) {
		set.free_ctx(e->ctx);
	}
	free(e);
}

int tasksrv_timer_clear(int64_t id)
{
	entry_t **slot;

	forget_parent();
	slot = find_slot(id);
	if (slot == NULL) {
		return 0;
	}
	drop(slot);
	return 1;
}

void tasksrv_timer_clear_all(void)
{
	int i;

	forget_parent();
	/* drop() shifts later entries back into freed slots: look at slot i again then. */
	for (i = 0; i < set.nslots; i++) {
		while (set.slots[i]) {
			drop(&set.slots[i]);
		}
	}
}

void tasksrv_timer_reset(void)
{
	tasksrv_timer_clear_all();
	if (set.running == NULL) {
		set.initialized = 0;
		set.next_id = set.round = 0;
	}
}

int tasksrv_timer_exists(int64_t id)
{
	forget_parent();
	return find_slot(id) != NULL;
}

int tasksrv_timer_info(int64_t id, tasksrv_timer_info_t *info)
{
	entry_t **slot, *e;

	forget_parent();
	slot = find_slot(id);
	e = slot ? *slot : (set.running && set.running->id == id ? set.running : NULL);
	if (e == NULL) {
		return 0;
	}
	info->exec_ms = e->deadline - set.base_ms;
	info->exec_count = e->exec_count;
	info->interval_ms = e->interval;
	info->round = e->round;
	info->removed = e->removed;
	return 1;
}

int tasksrv_timer_count(void)
{
	forget_parent();
	return set.count;
}

static int cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *) a, y = *(const int64_t *) b;

	return (x > y) - (x < y);
}

int tasksrv_timer_list(int64_t *ids, int max)
{
	int i, n = 0;

	forget_parent();
	for (i = 0; i < set.nslots && n < max; i++) {
		if (set.slots[i]) {
			ids[n++] = set.slots[i]->id;
		}
	}
	qsort(ids, (size_t) n, sizeof(*ids), cmp_id);
	return n;
}

int tasksrv_timer_initialized(void)
{
	forget_parent();
	return set.initialized;
}

int64_t tasksrv_timer_round(void)
{
	forget_parent();
	return set.round;
}

int tasksrv_timer_next_ms(void)
{
	int64_t left;

	forget_parent();
	if (set.nheap == 0) {
		return -1;
	}
	left = set.heap[0]->deadline - tasksrv_io_now_ms();
	if (left <= 0) {
		return 0;
	}
	return left > 1000000000 ? 1000000000 : (int) left;
}

/* After its callback: a tick goes back into the heap at its next deadline (those
 * missed meanwhile are skipped, not run in a burst); anything else is released. */
static void after_run(entry_t *e, int64_t now)
{
	set.running = NULL;
	if (e->removed || !e->repeat) {
		if (!e->removed) {
			entry_t **slot = find_slot(e->id);

			if (slot) {
				del_slot(slot);
				set.count--;
			}
		}
		if (set.free_ctx) {
			set.free_ctx(e->ctx);
		}
		free(e);
		return;
	}
	e->exec_count++;
	do {
		e->deadline += e->interval;
	} while (e->deadline <= now);
	if (heap_push(e) < 0) {
		/* No memory to put it back: the tick ends here rather than spinning. */
		tasksrv_timer_clear(e->id);
	}
}

void tasksrv_timer_run_due(void)
{
	int64_t now;

	forget_parent();
	if (set.nheap == 0 || set.running) {
		return;
	}
	now = tasksrv_io_now_ms();
	/* One round: what a callback adds is due at now + 1 at the earliest, so it waits
	 * for the next round. */
	while (set.nheap > 0 && set.heap[0]->deadline <= now) {
		entry_t *e = set.heap[0];

		heap_remove(e);
		set.running = e;
		set.run(e->id, e->ctx);
		forget_parent();
		after_run(e, now);
	}
	set.round++;
}
