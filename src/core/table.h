/* tasksrv: a fixed-size hash table of typed rows in shared memory (Swoole\Table).
 *
 * The columns are declared first, in the creating process; tasksrv_table_create() then
 * maps one anonymous MAP_SHARED region that every process forked afterwards shares.
 * The region holds a header (counters, the pool's lock), `size` bucket rows (size a
 * power of two, the key's DJBX33A hash picks the bucket, as Swoole's does) and a pool
 * of `size * conflict_proportion` rows that colliding keys chain from their bucket.
 *
 * Locking: one spinlock (lock.c's, holding the owner's pid) per bucket guards the
 * bucket's row and its whole chain; the pool has one more. A process killed while it
 * holds one passes it on to the next process that wants it. A row is reached only
 * through tasksrv_table_find(), which returns with its bucket locked; the caller reads
 * and writes the row's columns, then calls tasksrv_table_release(). */
#ifndef TASKSRV_TABLE_H
#define TASKSRV_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TASKSRV_TABLE_KEY_MAX 63       /* bytes of a key (Swoole's limit) */
#define TASKSRV_TABLE_MIN_SIZE 64
#define TASKSRV_TABLE_MAX_SIZE (1u << 31)
#define TASKSRV_TABLE_STRING_MAX (1u << 28) /* bytes of a string column */

/* Swoole\Table::TYPE_* */
typedef enum {
	TASKSRV_TABLE_INT = 1,
	TASKSRV_TABLE_FLOAT = 2,
	TASKSRV_TABLE_STRING = 3
} tasksrv_table_type_t;

typedef enum {
	TASKSRV_TABLE_OK = 0,
	TASKSRV_TABLE_ERR_CREATED,   /* a column after create() */
	TASKSRV_TABLE_ERR_TYPE,      /* no such column type */
	TASKSRV_TABLE_ERR_EXISTS,    /* a column of that name exists */
	TASKSRV_TABLE_ERR_SIZE,      /* a string column of size 0, or too large */
	TASKSRV_TABLE_ERR_NOMEM      /* errno says why */
} tasksrv_table_err_t;

typedef struct {
	const char *name;
	size_t name_len;
	tasksrv_table_type_t type;
	uint32_t size;     /* bytes a string column holds; 8 for the others */
	uint32_t offset;   /* in the row's data */
} tasksrv_table_column_t;

/* What tasksrv_table_find() found. */
typedef enum {
	TASKSRV_TABLE_FOUND,    /* the row exists: locked */
	TASKSRV_TABLE_CREATED,  /* the row was made, its columns zero: locked */
	TASKSRV_TABLE_MISSING,  /* no such row (and none asked for): nothing locked */
	TASKSRV_TABLE_FULL      /* no room for a new row: nothing locked */
} tasksrv_table_found_t;

/* A locked row: its bucket (whose lock is held) and the row itself; dead_owner is the
 * pid of a process that died holding the bucket's lock, which this find took over (0: none). */
typedef struct {
	uint32_t bucket;
	uint32_t row;
	int32_t dead_owner;
} tasksrv_table_pos_t;

/* Where an iteration is: a bucket and how deep in its chain. */
typedef struct {
	uint64_t bucket;
	uint32_t depth;
} tasksrv_table_cursor_t;

typedef struct {
	int64_t num, conflict_count, conflict_max_level, insert_count, update_count, delete_count;
	uint64_t available_slice_num, total_slice_num;
} tasksrv_table_stats_t;

typedef struct tasksrv_table tasksrv_table_t;

/* A table with no columns and no memory yet: size rounded up to a power of two in
 * [TASKSRV_TABLE_MIN_SIZE, TASKSRV_TABLE_MAX_SIZE], conflict_proportion clamped to [0.2, 1]. */
tasksrv_table_t *tasksrv_table_new(uint64_t size, double conflict_proportion);
/* Unmaps the region in this process and frees the handle. */
void tasksrv_table_free(tasksrv_table_t *t);

tasksrv_table_err_t tasksrv_table_add_column(tasksrv_table_t *t, const char *name, size_t name_len,
	int type, uint64_t size);
/* Maps the region. TASKSRV_TABLE_ERR_CREATED the second time, ERR_NOMEM with errno. */
tasksrv_table_err_t tasksrv_table_create(tasksrv_table_t *t);
bool tasksrv_table_created(const tasksrv_table_t *t);

uint64_t tasksrv_table_size(const tasksrv_table_t *t);
/* Bytes of the shared region (0 before create()). */
uint64_t tasksrv_table_memory_size(const tasksrv_table_t *t);
size_t tasksrv_table_row_data_size(const tasksrv_table_t *t);
size_t tasksrv_table_columns(const tasksrv_table_t *t);
const tasksrv_table_column_t *tasksrv_table_column(const tasksrv_table_t *t, size_t i);
/* The column of that name, or -1. */
int tasksrv_table_column_find(const tasksrv_table_t *t, const char *name, size_t len);

/* Looks the key up (len 1..TASKSRV_TABLE_KEY_MAX), making the row when create is set.
 * On FOUND and CREATED the bucket stays locked until tasksrv_table_release(). */
tasksrv_table_found_t tasksrv_table_find(tasksrv_table_t *t, const char *key, size_t len, bool create,
	tasksrv_table_pos_t *pos);
void tasksrv_table_release(tasksrv_table_t *t, tasksrv_table_pos_t pos);
/* The locked row's data, laid out by the columns' offsets. */
unsigned char *tasksrv_table_data(tasksrv_table_t *t, tasksrv_table_pos_t pos);
/* Removes the locked row and unlocks its bucket. */
void tasksrv_table_remove(tasksrv_table_t *t, tasksrv_table_pos_t pos);
/* Counts an update of an existing row in stats(). */
void tasksrv_table_count_update(tasksrv_table_t *t);

/* Column values in a row's data (a locked row's, or an iteration's copy). */
int64_t tasksrv_table_get_int(const unsigned char *data, const tasksrv_table_column_t *c);
double tasksrv_table_get_float(const unsigned char *data, const tasksrv_table_column_t *c);
const char *tasksrv_table_get_string(const unsigned char *data, const tasksrv_table_column_t *c, size_t *len);
void tasksrv_table_set_int(unsigned char *data, const tasksrv_table_column_t *c, int64_t v);
void tasksrv_table_set_float(unsigned char *data, const tasksrv_table_column_t *c, double v);
/* Stores at most the column's size: false when the value was cut. */
bool tasksrv_table_set_string(unsigned char *data, const tasksrv_table_column_t *c, const char *s, size_t len);

/* Copies the next row from the cursor on (a dead holder's lock taken over: its pid in
 * *dead_owner, else 0) (its key into key[TASKSRV_TABLE_KEY_MAX + 1],
 * its data into data[tasksrv_table_row_data_size()]) and moves past it; false at the end.
 * Rows changed meanwhile by others may be seen or missed, never torn. */
bool tasksrv_table_next(tasksrv_table_t *t, tasksrv_table_cursor_t *cur, char *key, size_t *key_len,
	unsigned char *data, int32_t *dead_owner);

/* Rows in use; 0 before create(). */
uint64_t tasksrv_table_count(const tasksrv_table_t *t);
void tasksrv_table_stats(const tasksrv_table_t *t, tasksrv_table_stats_t *st);

#endif
