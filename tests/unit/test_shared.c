/* Unit tests of the shared-state core: src/core/table.c, lock.c, atomic.c (cmocka). */
#include "unit.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

#include "table.h"
#include "lock.h"
#include "atomic.h"

/* A table of 64 buckets (12 pool rows), columns n (int), f (float), s (string of 4). */
static tasksrv_table_t *small_table(void)
{
	tasksrv_table_t *t = tasksrv_table_new(10, 0.2);

	assert_non_null(t);
	assert_int_equal(tasksrv_table_add_column(t, "n", 1, TASKSRV_TABLE_INT, 0), TASKSRV_TABLE_OK);
	assert_int_equal(tasksrv_table_add_column(t, "f", 1, TASKSRV_TABLE_FLOAT, 0), TASKSRV_TABLE_OK);
	assert_int_equal(tasksrv_table_add_column(t, "s", 1, TASKSRV_TABLE_STRING, 4), TASKSRV_TABLE_OK);
	assert_int_equal(tasksrv_table_create(t), TASKSRV_TABLE_OK);
	return t;
}

/* DJBX33A modulo 64: keys of one bucket. */
static unsigned bucket_of(const char *k)
{
	uint64_t h = 5381;

	for (; *k; k++) {
		h = h * 33 + (unsigned char) *k;
	}
	return (unsigned) (h & 63);
}

/* n keys that all land in bucket 0. */
static void colliding_keys(char keys[][16], int n)
{
	int i, found = 0;

	for (i = 0; found < n; i++) {
		snprintf(keys[found], 16, "k%d", i);
		if (bucket_of(keys[found]) == 0) {
			found++;
		}
	}
}

static void test_sizes(void **state)
{
	tasksrv_table_t *t = tasksrv_table_new(0, 0);
	tasksrv_table_stats_t st;

	assert_int_equal(tasksrv_table_size(t), 64);
	assert_int_equal(tasksrv_table_memory_size(t), 0);
	assert_int_equal(tasksrv_table_count(t), 0);
	assert_int_equal(tasksrv_table_create(t), TASKSRV_TABLE_OK);
	assert_int_equal(tasksrv_table_create(t), TASKSRV_TABLE_ERR_CREATED);
	tasksrv_table_stats(t, &st);
	assert_int_equal(st.total_slice_num, 12); /* 64 * 0.2: the proportion is at least 0.2 */
	tasksrv_table_free(t);
	t = tasksrv_table_new(100, 5.0);
	assert_int_equal(tasksrv_table_size(t), 128);
	tasksrv_table_free(t);
	t = tasksrv_table_new(UINT64_MAX, 0.2);
	assert_int_equal(tasksrv_table_size(t), TASKSRV_TABLE_MAX_SIZE);
	tasksrv_table_free(t);
}

static void test_columns(void **state)
{
	tasksrv_table_t *t = tasksrv_table_new(64, 0.2);

	assert_int_equal(tasksrv_table_add_column(t, "a", 1, 9, 0), TASKSRV_TABLE_ERR_TYPE);
	assert_int_equal(tasksrv_table_add_column(t, "a", 1, TASKSRV_TABLE_STRING, 0), TASKSRV_TABLE_ERR_SIZE);
	assert_int_equal(tasksrv_table_add_column(t, "a", 1, TASKSRV_TABLE_STRING, 1ull << 40), TASKSRV_TABLE_ERR_SIZE);
	assert_int_equal(tasksrv_table_add_column(t, "a", 1, TASKSRV_TABLE_INT, 2), TASKSRV_TABLE_OK);
	assert_int_equal(tasksrv_table_add_column(t, "a", 1, TASKSRV_TABLE_FLOAT, 0), TASKSRV_TABLE_ERR_EXISTS);
	assert_int_equal(tasksrv_table_add_column(t, "b", 1, TASKSRV_TABLE_STRING, 5), TASKSRV_TABLE_OK);
	assert_int_equal(tasksrv_table_column(t, 0)->size, 8); /* ints are 64-bit whatever size */
	assert_int_equal(tasksrv_table_column(t, 1)->offset, 8);
	assert_int_equal(tasksrv_table_row_data_size(t), 8 + 16); /* 4 + 5 rounded up to 8 */
	assert_int_equal(tasksrv_table_column_find(t, "b", 1), 1);
	assert_int_equal(tasksrv_table_column_find(t, "c", 1), -1);
	assert_int_equal(tasksrv_table_create(t), TASKSRV_TABLE_OK);
	assert_int_equal(tasksrv_table_add_column(t, "c", 1, TASKSRV_TABLE_INT, 0), TASKSRV_TABLE_ERR_CREATED);
	tasksrv_table_free(t);
}

static void test_rows(void **state)
{
	tasksrv_table_t *t = small_table();
	const tasksrv_table_column_t *n = tasksrv_table_column(t, 0), *s = tasksrv_table_column(t, 2);
	tasksrv_table_pos_t pos;
	const char *str;
	size_t len;

	assert_int_equal(tasksrv_table_find(t, "a", 1, false, &pos), TASKSRV_TABLE_MISSING);
	assert_int_equal(tasksrv_table_find(t, "a", 1, true, &pos), TASKSRV_TABLE_CREATED);
	assert_int_equal(tasksrv_table_get_int(tasksrv_table_data(t, pos), n), 0);
	tasksrv_table_set_int(tasksrv_table_data(t, pos), n, 42);
	assert_false(tasksrv_table_set_string(tasksrv_table_data(t, pos), s, "hello", 5));
	tasksrv_table_release(t, pos);
	assert_int_equal(tasksrv_table_find(t, "a", 1, true, &pos), TASKSRV_TABLE_FOUND);
	assert_int_equal(tasksrv_table_get_int(tasksrv_table_data(t, pos), n), 42);
	str = tasksrv_table_get_string(tasksrv_table_data(t, pos), s, &len);
	assert_int_equal(len, 4);
	assert_memory_equal(str, "hell", 4);
	tasksrv_table_remove(t, pos);
	assert_int_equal(tasksrv_table_count(t), 0);
	assert_int_equal(tasksrv_table_find(t, "a", 1, false, &pos), TASKSRV_TABLE_MISSING);
	/* A key that is a prefix of another is another key. */
	assert_int_equal(tasksrv_table_find(t, "ab", 2, true, &pos), TASKSRV_TABLE_CREATED);
	tasksrv_table_release(t, pos);
	assert_int_equal(tasksrv_table_find(t, "a", 1, false, &pos), TASKSRV_TABLE_MISSING);
	tasksrv_table_free(t);
}

/* 13 keys in one bucket: the bucket's row and the 12 pool rows, then FULL. Removing
 * the bucket's own row moves its successor in; removing from the middle unlinks. */
static void test_chain_and_pool(void **state)
{
	tasksrv_table_t *t = small_table();
	const tasksrv_table_column_t *n = tasksrv_table_column(t, 0);
	char keys[14][16];
	tasksrv_table_pos_t pos;
	tasksrv_table_stats_t st;
	int i;

	colliding_keys(keys, 14);
	for (i = 0; i < 13; i++) {
		assert_int_equal(tasksrv_table_find(t, keys[i], strlen(keys[i]), true, &pos), TASKSRV_TABLE_CREATED);
		tasksrv_table_set_int(tasksrv_table_data(t, pos), n, i);
		tasksrv_table_release(t, pos);
	}
	assert_int_equal(tasksrv_table_find(t, keys[13], strlen(keys[13]), true, &pos), TASKSRV_TABLE_FULL);
	tasksrv_table_stats(t, &st);
	assert_int_equal(st.num, 13);
	assert_int_equal(st.available_slice_num, 0);
	assert_int_equal(st.conflict_count, 13);     /* the failed one counts too, as in Swoole */
	assert_int_equal(st.conflict_max_level, 13);
	/* the head goes: keys[1] moves into the bucket */
	assert_int_equal(tasksrv_table_find(t, keys[0], strlen(keys[0]), false, &pos), TASKSRV_TABLE_FOUND);
	tasksrv_table_remove(t, pos);
	/* one from the middle */
	assert_int_equal(tasksrv_table_find(t, keys[6], strlen(keys[6]), false, &pos), TASKSRV_TABLE_FOUND);
	tasksrv_table_remove(t, pos);
	for (i = 1; i < 13; i++) {
		tasksrv_table_found_t f = tasksrv_table_find(t, keys[i], strlen(keys[i]), false, &pos);

		assert_int_equal(f, i == 6 ? TASKSRV_TABLE_MISSING : TASKSRV_TABLE_FOUND);
		if (f == TASKSRV_TABLE_FOUND) {
			assert_int_equal(tasksrv_table_get_int(tasksrv_table_data(t, pos), n), i);
			tasksrv_table_release(t, pos);
		}
	}
	tasksrv_table_stats(t, &st);
	assert_int_equal(st.available_slice_num, 2);
	/* the freed pool rows serve again */
	assert_int_equal(tasksrv_table_find(t, keys[13], strlen(keys[13]), true, &pos), TASKSRV_TABLE_CREATED);
	tasksrv_table_release(t, pos);
	assert_int_equal(tasksrv_table_count(t), 12);
	tasksrv_table_free(t);
}

static void test_iteration(void **state)
{
	tasksrv_table_t *t = small_table();
	tasksrv_table_cursor_t cur = {0, 0};
	tasksrv_table_pos_t pos;
	char key[TASKSRV_TABLE_KEY_MAX + 1], keys[5][16], name[32];
	unsigned char *data = malloc(tasksrv_table_row_data_size(t));
	size_t key_len;
	int32_t dead;
	int i, seen = 0;

	colliding_keys(keys, 5);
	for (i = 0; i < 5; i++) {
		assert_int_equal(tasksrv_table_find(t, keys[i], strlen(keys[i]), true, &pos), TASKSRV_TABLE_CREATED);
		tasksrv_table_release(t, pos);
		snprintf(name, sizeof(name), "other%d", i);
		assert_int_equal(tasksrv_table_find(t, name, strlen(name), true, &pos), TASKSRV_TABLE_CREATED);
		tasksrv_table_release(t, pos);
	}
	while (tasksrv_table_next(t, &cur, key, &key_len, data, &dead)) {
		assert_int_equal(strlen(key), key_len);
		assert_int_equal(dead, 0);
		seen++;
	}
	assert_int_equal(seen, 10);
	/* the chain of bucket 0 comes first, in insertion order */
	cur.bucket = cur.depth = 0;
	for (i = 0; i < 5; i++) {
		assert_true(tasksrv_table_next(t, &cur, key, &key_len, data, &dead));
		assert_string_equal(key, keys[i]);
	}
	free(data);
	tasksrv_table_free(t);
}

static void test_spin_release_not_held(void **state)
{
	uint32_t word = 0;

	assert_int_equal(tasksrv_lock_spin_release(&word), EPERM);
	assert_true(tasksrv_lock_spin_try(&word));
	assert_int_equal(word, (uint32_t) getpid());
	assert_false(tasksrv_lock_spin_try(&word));
	assert_int_equal(tasksrv_lock_spin_release(&word), 0);
	assert_int_equal(word, 0);
}

/* A child takes the row's lock and dies with it: the parent's find takes it over and
 * says from whom, first while the child is a zombie, then (another child) once reaped. */
static void test_dead_holder(void **state)
{
	tasksrv_table_t *t = small_table();
	tasksrv_table_pos_t pos;
	int round, status;
	pid_t child;

	for (round = 0; round < 2; round++) {
		child = fork();
		assert_true(child >= 0);
		if (child == 0) {
			tasksrv_table_find(t, "row", 3, true, &pos);
			_exit(0); /* with the lock */
		}
		if (round == 1) {
			waitpid(child, &status, 0);
		} else {
			usleep(50000);
		}
		assert_int_not_equal(tasksrv_table_find(t, "row", 3, true, &pos), TASKSRV_TABLE_FULL);
		assert_int_equal(pos.dead_owner, child);
		tasksrv_table_release(t, pos);
		if (round == 0) {
			waitpid(child, &status, 0);
		}
	}
	tasksrv_table_free(t);
}

static void test_lock_types(void **state)
{
	tasksrv_lock_t *l;
	tasksrv_lock_how_t ex = {false, false, -1}, nb = {false, true, -1}, timed = {false, false, 50};
	tasksrv_lock_how_t sh_nb = {true, true, -1};
	int type;

	assert_null(tasksrv_lock_create(2));
	assert_int_equal(errno, EINVAL);
	for (type = 1; type <= 5; type += 2) {
		assert_non_null(l = tasksrv_lock_create(type));
		assert_int_equal(tasksrv_lock_acquire(l, ex), 0);
		assert_int_equal(tasksrv_lock_acquire(l, nb), EBUSY);
		if (type != TASKSRV_LOCK_RWLOCK) {
			assert_int_equal(tasksrv_lock_acquire(l, timed), ETIMEDOUT);
		}
		assert_int_equal(tasksrv_lock_release(l), 0);
		assert_int_equal(tasksrv_lock_acquire(l, sh_nb), 0);
		if (type == TASKSRV_LOCK_RWLOCK) {
			assert_int_equal(tasksrv_lock_acquire(l, sh_nb), 0); /* readers share */
			assert_int_equal(tasksrv_lock_release(l), 0);
		}
		assert_int_equal(tasksrv_lock_release(l), 0);
		tasksrv_lock_free(l);
	}
}

static void test_atomic(void **state)
{
	tasksrv_atomic_t *a = tasksrv_atomic_create();
	pid_t child;
	int status;

	assert_non_null(a);
	tasksrv_atomic_set(a, UINT32_MAX);
	assert_int_equal(tasksrv_atomic_add(a, 1), 0);
	assert_int_equal(tasksrv_atomic_add(a, (uint32_t) -1), UINT32_MAX);
	tasksrv_atomic_set64(a, INT64_MAX);
	assert_true(tasksrv_atomic_add64(a, 1) == INT64_MIN);
	assert_true(tasksrv_atomic_cmpset64(a, INT64_MIN, 5));
	assert_false(tasksrv_atomic_cmpset64(a, INT64_MIN, 6));
	/* wait: 0 sleeps (here: times out), 1 is taken, other values refuse at once */
	tasksrv_atomic_set(a, 0);
	assert_false(tasksrv_atomic_wait(a, 0.05));
	assert_true(tasksrv_atomic_wakeup(a, 1));
	assert_int_equal(tasksrv_atomic_get(a), 1);
	assert_true(tasksrv_atomic_wait(a, 0.05));
	assert_int_equal(tasksrv_atomic_get(a), 0);
	tasksrv_atomic_set(a, 7);
	assert_false(tasksrv_atomic_wait(a, 5));
	/* across fork: the child sleeps until the parent wakes it */
	tasksrv_atomic_set(a, 0);
	child = fork();
	if (child == 0) {
		_exit(tasksrv_atomic_wait(a, 10) ? 3 : 1);
	}
	usleep(50000);
	assert_true(tasksrv_atomic_wakeup(a, 1));
	waitpid(child, &status, 0);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 3);
	tasksrv_atomic_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sizes),
		cmocka_unit_test(test_columns),
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_chain_and_pool),
		cmocka_unit_test(test_iteration),
		cmocka_unit_test(test_spin_release_not_held),
		cmocka_unit_test(test_dead_holder),
		cmocka_unit_test(test_lock_types),
		cmocka_unit_test(test_atomic),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
