/* tasksrv: Swoole\Table's rows in shared memory (the layout and the lock protocol are
 * described in table.h). */
#include "table.h"
#include "lock.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/types.h>

/* The shared region starts with this header. */
typedef struct {
	uint32_t pool_lock;   /* a spinlock word (lock.c) over the four fields below */
	uint32_t free_head;   /* a freed pool row (index + 1; 0 = none), chained through next */
	uint64_t pool_fresh;  /* pool rows never handed out start here */
	uint64_t pool_used;   /* pool rows in use */
	int64_t num, conflict_count, conflict_max_level, insert_count, update_count, delete_count;
} header_t;

typedef struct {
	uint32_t lock;        /* a bucket's: guards it and its chain (0 or the holder's pid) */
	uint32_t next;        /* the next row of the chain: index + 1, 0 = none */
	uint8_t active;
	uint8_t key_len;
	uint8_t pad[6];
	char key[TASKSRV_TABLE_KEY_MAX + 1];
	/* the columns' data follows, 8-aligned */
} row_t;

#define HEADER_SIZE ((sizeof(header_t) + 63) & ~(size_t) 63)

struct tasksrv_table {
	uint64_t size;        /* buckets, a power of two */
	uint64_t slices;      /* pool rows */
	tasksrv_table_column_t *cols;
	size_t ncols;
	size_t data_size;     /* bytes of one row's data */
	size_t row_size;      /* sizeof(row_t) + data_size */
	unsigned char *map;
	uint64_t map_size;
};

static inline header_t *header(const tasksrv_table_t *t)
{
	return (header_t *) t->map;
}

static inline row_t *row_at(const tasksrv_table_t *t, uint64_t i)
{
	return (row_t *) (t->map + HEADER_SIZE + i * t->row_size);
}

static inline unsigned char *row_data(row_t *r)
{
	return (unsigned char *) (r + 1);
}

/* DJBX33A, PHP's string hash, which Swoole's table uses too: the same keys land in the
 * same buckets, so a foreach sees them in the same order as on Swoole. */
static uint64_t hash_key(const char *key, size_t len)
{
	uint64_t h = 5381;
	size_t i;

	for (i = 0; i < len; i++) {
		h = h * 33 + (unsigned char) key[i];
	}
	return h;
}

tasksrv_table_t *tasksrv_table_new(uint64_t size, double conflict_proportion)
{
	tasksrv_table_t *t = calloc(1, sizeof(*t));
	uint64_t n = TASKSRV_TABLE_MIN_SIZE;

	if (t == NULL) {
		return NULL;
	}
	if (size > TASKSRV_TABLE_MAX_SIZE) {
		size = TASKSRV_TABLE_MAX_SIZE;
	}
	while (n < size) {
		n <<= 1;
	}
	/* Swoole's bounds: at least a fifth of the buckets, at most as many. (!(x >= 0.2)
	 * catches NaN too.) */
	if (!(conflict_proportion >= 0.2)) {
		conflict_proportion = 0.2;
	} else if (conflict_proportion > 1.0) {
		conflict_proportion = 1.0;
	}
	t->size = n;
	t->slices = (uint64_t) ((double) n * conflict_proportion);
	/* Row indexes + 1 must fit the 32-bit next field. */
	if (t->size + t->slices >= UINT32_MAX) {
		t->slices = UINT32_MAX - 1 - t->size;
	}
	return t;
}

void tasksrv_table_free(tasksrv_table_t *t)
{
	size_t i;

	if (t->map) {
		munmap(t->map, t->map_size);
	}
	for (i = 0; i < t->ncols; i++) {
		free((void *) t->cols[i].name);
	}
	free(t->cols);
	free(t);
}

int tasksrv_table_column_find(const tasksrv_table_t *t, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < t->ncols; i++) {
		if (t->cols[i].name_len == len && memcmp(t->cols[i].name, name, len) == 0) {
			return (int) i;
		}
	}
	return -1;
}

tasksrv_table_err_t tasksrv_table_add_column(tasksrv_table_t *t, const char *name, size_t name_len,
	int type, uint64_t size)
{
	tasksrv_table_column_t *cols, *c;
	char *copy;

	if (t->map) {
		return TASKSRV_TABLE_ERR_CREATED;
	}
	if (type != TASKSRV_TABLE_INT && type != TASKSRV_TABLE_FLOAT && type != TASKSRV_TABLE_STRING) {
		return TASKSRV_TABLE_ERR_TYPE;
	}
	if (type == TASKSRV_TABLE_STRING && (size == 0 || size > TASKSRV_TABLE_STRING_MAX)) {
		return TASKSRV_TABLE_ERR_SIZE;
	}
	if (tasksrv_table_column_find(t, name, name_len) >= 0) {
		return TASKSRV_TABLE_ERR_EXISTS;
	}
	cols = realloc(t->cols, (t->ncols + 1) * sizeof(*cols));
	if (cols == NULL) {
		return TASKSRV_TABLE_ERR_NOMEM;
	}
	t->cols = cols;
	if ((copy = malloc(name_len + 1)) == NULL) {
		return TASKSRV_TABLE_ERR_NOMEM;
	}
	memcpy(copy, name, name_len);
	copy[name_len] = '\0';
	c = &t->cols[t->ncols++];
	c->name = copy;
	c->name_len = name_len;
	c->type = (tasksrv_table_type_t) type;
	/* An int column is always 64-bit: Swoole 6.2 ignores the size it is given. */
	c->size = type == TASKSRV_TABLE_STRING ? (uint32_t) size : 8;
	c->offset = (uint32_t) t->data_size;
	/* A string is its 32-bit length, then its bytes; every column starts 8-aligned. */
	t->data_size += type == TASKSRV_TABLE_STRING ? ((4 + size + 7) & ~(uint64_t) 7) : 8;
	return TASKSRV_TABLE_OK;
}

tasksrv_table_err_t tasksrv_table_create(tasksrv_table_t *t)
{
	uint64_t rows, bytes;
	void *map;

	if (t->map) {
		return TASKSRV_TABLE_ERR_CREATED;
	}
	t->row_size = sizeof(row_t) + t->data_size;
	rows = t->size + t->slices;
	if (rows > (UINT64_MAX - HEADER_SIZE) / t->row_size) {
		errno = ENOMEM;
		return TASKSRV_TABLE_ERR_NOMEM;
	}
	bytes = HEADER_SIZE + rows * t->row_size;
	/* Anonymous and zero-filled: every row starts free, every lock unheld; pages are
	 * touched (and so allocated) only as rows are used. */
	map = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED) {
		return TASKSRV_TABLE_ERR_NOMEM;
	}
	t->map = map;
	t->map_size = bytes;
	return TASKSRV_TABLE_OK;
}

bool tasksrv_table_created(const tasksrv_table_t *t)
{
	return t->map != NULL;
}

uint64_t tasksrv_table_size(const tasksrv_table_t *t)
{
	return t->size;
}

uint64_t tasksrv_table_memory_size(const tasksrv_table_t *t)
{
	return t->map ? t->map_size : 0;
}

size_t tasksrv_table_row_data_size(const tasksrv_table_t *t)
{
	return t->data_size;
}

size_t tasksrv_table_columns(const tasksrv_table_t *t)
{
	return t->ncols;
}

const tasksrv_table_column_t *tasksrv_table_column(const tasksrv_table_t *t, size_t i)
{
	return &t->cols[i];
}

static inline void stat_add(int64_t *counter, int64_t v)
{
	__atomic_add_fetch(counter, v, __ATOMIC_RELAXED);
}

static void stat_max(int64_t *counter, int64_t v)
{
	int64_t cur = __atomic_load_n(counter, __ATOMIC_RELAXED);

	while (cur < v && !__atomic_compare_exchange_n(counter, &cur, v, false, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
	}
}

/* A pool row for a colliding key: a freed one, else one never used; 0 when none is left. */
static uint32_t pool_take(tasksrv_table_t *t)
{
	header_t *h = header(t);
	uint32_t idx = 0;

	tasksrv_lock_spin_acquire(&h->pool_lock);
	if (h->free_head != 0) {
		idx = h->free_head;
		h->free_head = row_at(t, idx - 1)->next;
	} else if (h->pool_fresh < t->slices) {
		idx = (uint32_t) (t->size + h->pool_fresh++) + 1;
	}
	if (idx != 0) {
		h->pool_used++;
	}
	tasksrv_lock_spin_release(&h->pool_lock);
	return idx;
}

static void pool_give(tasksrv_table_t *t, uint32_t idx)
{
	header_t *h = header(t);

	tasksrv_lock_spin_acquire(&h->pool_lock);
	row_at(t, idx - 1)->next = h->free_head;
	h->free_head = idx;
	h->pool_used--;
	tasksrv_lock_spin_release(&h->pool_lock);
}

static void row_init(tasksrv_table_t *t, row_t *r, const char *key, size_t len)
{
	r->next = 0;
	r->key_len = (uint8_t) len;
	memcpy(r->key, key, len);
	r->key[len] = '\0';
	memset(row_data(r), 0, t->data_size);
	r->active = 1;
}

static inline bool row_is(const row_t *r, const char *key, size_t len)
{
	return r->key_len == len && memcmp(r->key, key, len) == 0;
}

/* With the bucket locked: the new row at the end of the chain that ends at last. */
static tasksrv_table_found_t chain_append(tasksrv_table_t *t, uint32_t last, uint32_t depth, const char *key,
	size_t len, tasksrv_table_pos_t *pos)
{
	uint32_t idx;

	/* As Swoole's: a collision counts even when the pool has no row left for it. */
	stat_add(&header(t)->conflict_count, 1);
	stat_max(&header(t)->conflict_max_level, depth);
	if ((idx = pool_take(t)) == 0) {
		return TASKSRV_TABLE_FULL;
	}
	row_init(t, row_at(t, idx - 1), key, len);
	row_at(t, last)->next = idx;
	pos->row = idx - 1;
	return TASKSRV_TABLE_CREATED;
}

tasksrv_table_found_t tasksrv_table_find(tasksrv_table_t *t, const char *key, size_t len, bool create,
	tasksrv_table_pos_t *pos)
{
	uint32_t b = (uint32_t) (hash_key(key, len) & (t->size - 1)), cur = b, depth = 0;
	row_t *head = row_at(t, b);
	tasksrv_table_found_t found;

	pos->bucket = pos->row = b;
	pos->dead_owner = (int32_t) tasksrv_lock_spin_acquire(&head->lock);
	if (head->active) {
		for (;;) {
			if (row_is(row_at(t, cur), key, len)) {
				pos->row = cur;
				return TASKSRV_TABLE_FOUND;
			}
			if (row_at(t, cur)->next == 0) {
				break;
			}
			cur = row_at(t, cur)->next - 1;
			depth++;
		}
		found = create ? chain_append(t, cur, depth + 1, key, len, pos) : TASKSRV_TABLE_MISSING;
	} else if (create) {
		row_init(t, head, key, len);
		found = TASKSRV_TABLE_CREATED;
	} else {
		found = TASKSRV_TABLE_MISSING;
	}
	if (found != TASKSRV_TABLE_CREATED) {
		tasksrv_lock_spin_release(&head->lock);
		return found;
	}
	stat_add(&header(t)->num, 1);
	stat_add(&header(t)->insert_count, 1);
	return found;
}

void tasksrv_table_release(tasksrv_table_t *t, tasksrv_table_pos_t pos)
{
	tasksrv_lock_spin_release(&row_at(t, pos.bucket)->lock);
}

unsigned char *tasksrv_table_data(tasksrv_table_t *t, tasksrv_table_pos_t pos)
{
	return row_data(row_at(t, pos.row));
}

void tasksrv_table_count_update(tasksrv_table_t *t)
{
	stat_add(&header(t)->update_count, 1);
}

/* The bucket's own row goes: its successor moves into it (all but the lock word). */
static void remove_head(tasksrv_table_t *t, row_t *head)
{
	uint32_t succ = head->next;
	row_t *s;

	if (succ == 0) {
		head->active = 0;
		return;
	}
	s = row_at(t, succ - 1);
	memcpy((char *) head + offsetof(row_t, next), (char *) s + offsetof(row_t, next),
		t->row_size - offsetof(row_t, next));
	pool_give(t, succ);
}

void tasksrv_table_remove(tasksrv_table_t *t, tasksrv_table_pos_t pos)
{
	row_t *head = row_at(t, pos.bucket), *prev = head;

	if (pos.row == pos.bucket) {
		remove_head(t, head);
	} else {
		while (prev->next != pos.row + 1) {
			prev = row_at(t, prev->next - 1);
		}
		prev->next = row_at(t, pos.row)->next;
		pool_give(t, pos.row + 1);
	}
	stat_add(&header(t)->num, -1);
	stat_add(&header(t)->delete_count, 1);
	tasksrv_lock_spin_release(&head->lock);
}

/* {{{ column values: memcpy, as the columns of a row's data are not typed memory */
int64_t tasksrv_table_get_int(const unsigned char *data, const tasksrv_table_column_t *c)
{
	int64_t v;

	memcpy(&v, data + c->offset, sizeof(v));
	return v;
}

double tasksrv_table_get_float(const unsigned char *data, const tasksrv_table_column_t *c)
{
	double v;

	memcpy(&v, data + c->offset, sizeof(v));
	return v;
}

const char *tasksrv_table_get_string(const unsigned char *data, const tasksrv_table_column_t *c, size_t *len)
{
	uint32_t n;

	memcpy(&n, data + c->offset, sizeof(n));
	*len = n <= c->size ? n : c->size;
	return (const char *) data + c->offset + 4;
}

void tasksrv_table_set_int(unsigned char *data, const tasksrv_table_column_t *c, int64_t v)
{
	memcpy(data + c->offset, &v, sizeof(v));
}

void tasksrv_table_set_float(unsigned char *data, const tasksrv_table_column_t *c, double v)
{
	memcpy(data + c->offset, &v, sizeof(v));
}

bool tasksrv_table_set_string(unsigned char *data, const tasksrv_table_column_t *c, const char *s, size_t len)
{
	uint32_t n = len <= c->size ? (uint32_t) len : c->size;

	memcpy(data + c->offset, &n, sizeof(n));
	memcpy(data + c->offset + 4, s, n);
	return n == len;
}
/* }}} */

bool tasksrv_table_next(tasksrv_table_t *t, tasksrv_table_cursor_t *cur, char *key, size_t *key_len,
	unsigned char *data, int32_t *dead_owner)
{
	*dead_owner = 0;
	for (; cur->bucket < t->size; cur->bucket++, cur->depth = 0) {
		row_t *head = row_at(t, cur->bucket), *r = head;
		uint32_t d;
		pid_t dead;

		/* An unlocked look first: most buckets of a sparse table are empty. */
		if (!__atomic_load_n(&head->active, __ATOMIC_RELAXED) && cur->depth == 0
			&& __atomic_load_n(&head->lock, __ATOMIC_RELAXED) == 0) {
			continue;
		}
		if ((dead = tasksrv_lock_spin_acquire(&head->lock)) != 0) {
			*dead_owner = (int32_t) dead;
		}
		for (d = 0; head->active && d < cur->depth && r->next != 0; d++) {
			r = row_at(t, r->next - 1);
		}
		if (head->active && d == cur->depth) {
			*key_len = r->key_len;
			memcpy(key, r->key, r->key_len);
			key[r->key_len] = '\0';
			memcpy(data, row_data(r), t->data_size);
			tasksrv_lock_spin_release(&head->lock);
			cur->depth++;
			return true;
		}
		tasksrv_lock_spin_release(&head->lock);
	}
	return false;
}

uint64_t tasksrv_table_count(const tasksrv_table_t *t)
{
	return t->map ? (uint64_t) __atomic_load_n(&header(t)->num, __ATOMIC_RELAXED) : 0;
}

void tasksrv_table_stats(const tasksrv_table_t *t, tasksrv_table_stats_t *st)
{
	header_t *h = header(t);

	st->num = __atomic_load_n(&h->num, __ATOMIC_RELAXED);
	st->conflict_count = __atomic_load_n(&h->conflict_count, __ATOMIC_RELAXED);
	st->conflict_max_level = __atomic_load_n(&h->conflict_max_level, __ATOMIC_RELAXED);
	st->insert_count = __atomic_load_n(&h->insert_count, __ATOMIC_RELAXED);
	st->update_count = __atomic_load_n(&h->update_count, __ATOMIC_RELAXED);
	st->delete_count = __atomic_load_n(&h->delete_count, __ATOMIC_RELAXED);
	st->total_slice_num = t->slices;
	st->available_slice_num = t->slices - __atomic_load_n(&h->pool_used, __ATOMIC_RELAXED);
}
