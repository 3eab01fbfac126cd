/* tasksrv: TaskSrv\Table (also Swoole\Table): columns declared in PHP, rows in the
 * shared memory of table.c. PHP values are converted before a row is locked and rows
 * are copied out before zvals are made, so no PHP code (a __toString(), an error
 * handler) and no allocation that could bail out ever runs while this process holds a
 * row's lock. */
#include "php_table.h"
#include "table.h"

#include "zend_interfaces.h"
#include "php_table_arginfo.h"

#include <errno.h>
#include <string.h>

zend_class_entry *tasksrv_table_ce;
static zend_object_handlers table_handlers;

typedef struct {
	tasksrv_table_t *t;             /* NULL before the constructor and after destroy() */
	tasksrv_table_cursor_t cursor;  /* the iteration */
	bool has_current;
	size_t cur_key_len;
	char cur_key[TASKSRV_TABLE_KEY_MAX + 1];
	unsigned char *cur_data;        /* the current row's copy */
	zend_object std;
} table_obj;

/* Values to write: a row image of the columns named, converted beforehand. */
typedef struct {
	unsigned char *data;
	bool *set;
} values_t;

static inline table_obj *table_from_obj(zend_object *obj)
{
	return (table_obj *) ((char *) obj - XtOffsetOf(table_obj, std));
}

#define THIS_TABLE() table_from_obj(Z_OBJ_P(ZEND_THIS))

/* {{{ object handlers */
static zend_object *table_create_object(zend_class_entry *ce)
{
	table_obj *o = zend_object_alloc(sizeof(table_obj), ce);

	zend_object_std_init(&o->std, ce);
	object_properties_init(&o->std, ce);
	o->std.handlers = &table_handlers;
	return &o->std;
}

static void table_drop(table_obj *o)
{
	if (o->t) {
		tasksrv_table_free(o->t);
		o->t = NULL;
	}
	if (o->cur_data) {
		efree(o->cur_data);
		o->cur_data = NULL;
	}
	o->has_current = false;
}

static void table_free_obj(zend_object *obj)
{
	table_drop(table_from_obj(obj));
	zend_object_std_dtor(obj);
}
/* }}} */

/* {{{ state checks, as Swoole 6.2.1 makes them */
static tasksrv_table_t *constructed(table_obj *o)
{
	if (o->t == NULL) {
		zend_throw_error(NULL, "must call constructor first");
	}
	return o->t;
}

/* A row operation before create() (or after destroy()) is a fatal error in Swoole. */
static tasksrv_table_t *created(table_obj *o)
{
	if (constructed(o) == NULL) {
		return NULL;
	}
	if (!tasksrv_table_created(o->t)) {
		php_error_docref(NULL, E_ERROR, "table is not created or has been destroyed");
		return NULL;
	}
	return o->t;
}

static bool key_ok(zend_string *key)
{
	if (ZSTR_LEN(key) == 0) {
		php_error_docref(NULL, E_WARNING, "key must not be empty");
		return false;
	}
	if (ZSTR_LEN(key) > TASKSRV_TABLE_KEY_MAX) {
		php_error_docref(NULL, E_WARNING, "key length exceeds the limit of %d bytes", TASKSRV_TABLE_KEY_MAX);
		return false;
	}
	return true;
}

/* A find that took a dead process's lock over leaves its pid here; the method says so
 * once it let go of the lock (a warning may run an error handler, which may want the row). */
static int32_t pending_dead_owner;

static tasksrv_table_found_t table_find(tasksrv_table_t *t, zend_string *key, bool create, tasksrv_table_pos_t *pos)
{
	tasksrv_table_found_t found = tasksrv_table_find(t, ZSTR_VAL(key), ZSTR_LEN(key), create, pos);

	if (pos->dead_owner != 0) {
		pending_dead_owner = pos->dead_owner;
	}
	return found;
}

/* Swoole's words for it. */
static void report_dead_owner(void)
{
	int32_t pid = pending_dead_owner;

	if (pid != 0) {
		pending_dead_owner = 0;
		php_error_docref(NULL, E_WARNING, "lock process[%d] not exists, force unlock", (int) pid);
	}
}

#define TABLE_FOR_KEY(o, t, key) \
	do { \
		if (((t) = created(o)) == NULL) { \
			RETURN_THROWS(); \
		} \
		if (!key_ok(key)) { \
			RETURN_FALSE; \
		} \
	} while (0)
/* }}} */

/* {{{ values in, values out */
static void value_put(const tasksrv_table_column_t *c, unsigned char *data, zval *zv, zend_string *key)
{
	zend_string *s;

	switch (c->type) {
	case TASKSRV_TABLE_INT:
		tasksrv_table_set_int(data, c, zval_get_long(zv));
		break;
	case TASKSRV_TABLE_FLOAT:
		tasksrv_table_set_float(data, c, zval_get_double(zv));
		break;
	case TASKSRV_TABLE_STRING:
		s = zval_get_string(zv);
		if (!tasksrv_table_set_string(data, c, ZSTR_VAL(s), ZSTR_LEN(s))) {
			/* Swoole stores the first bytes and says so. */
			php_error_docref(NULL, E_WARNING, "[key=%s,field=%s]string value is too long", ZSTR_VAL(key), c->name);
		}
		zend_string_release(s);
		break;
	}
}

/* Columns the array names (string keys of known columns; the others are ignored, as by Swoole). */
static void values_from(tasksrv_table_t *t, HashTable *ht, zend_string *key, values_t *v)
{
	zend_string *name;
	zval *zv;
	int col;

	v->data = ecalloc(1, tasksrv_table_row_data_size(t) + 1);
	v->set = ecalloc(tasksrv_table_columns(t) + 1, sizeof(bool));
	ZEND_HASH_FOREACH_STR_KEY_VAL(ht, name, zv) {
		if (name == NULL || (col = tasksrv_table_column_find(t, ZSTR_VAL(name), ZSTR_LEN(name))) < 0) {
			continue;
		}
		value_put(tasksrv_table_column(t, col), v->data, zv, key);
		v->set[col] = true;
	} ZEND_HASH_FOREACH_END();
}

static void values_free(values_t *v)
{
	efree(v->data);
	efree(v->set);
}

static void column_copy(const tasksrv_table_column_t *c, unsigned char *dst, const unsigned char *src)
{
	const char *s;
	size_t len;

	switch (c->type) {
	case TASKSRV_TABLE_INT:
		tasksrv_table_set_int(dst, c, tasksrv_table_get_int(src, c));
		break;
	case TASKSRV_TABLE_FLOAT:
		tasksrv_table_set_float(dst, c, tasksrv_table_get_float(src, c));
		break;
	case TASKSRV_TABLE_STRING:
		s = tasksrv_table_get_string(src, c, &len);
		tasksrv_table_set_string(dst, c, s, len);
		break;
	}
}

static bool column_equal(const tasksrv_table_column_t *c, const unsigned char *a, const unsigned char *b)
{
	const char *sa, *sb;
	size_t la, lb;

	switch (c->type) {
	case TASKSRV_TABLE_INT:
		return tasksrv_table_get_int(a, c) == tasksrv_table_get_int(b, c);
	case TASKSRV_TABLE_FLOAT:
		return tasksrv_table_get_float(a, c) == tasksrv_table_get_float(b, c);
	case TASKSRV_TABLE_STRING:
		sa = tasksrv_table_get_string(a, c, &la);
		sb = tasksrv_table_get_string(b, c, &lb);
		return la == lb && memcmp(sa, sb, la) == 0;
	}
	return false;
}

static void values_apply(tasksrv_table_t *t, const values_t *v, unsigned char *row)
{
	size_t i;

	for (i = 0; i < tasksrv_table_columns(t); i++) {
		if (v->set[i]) {
			column_copy(tasksrv_table_column(t, i), row, v->data);
		}
	}
}

static bool values_match(tasksrv_table_t *t, const values_t *v, const unsigned char *row)
{
	size_t i;

	for (i = 0; i < tasksrv_table_columns(t); i++) {
		if (v->set[i] && !column_equal(tasksrv_table_column(t, i), row, v->data)) {
			return false;
		}
	}
	return true;
}

static void column_zval(const tasksrv_table_column_t *c, const unsigned char *data, zval *out)
{
	const char *s;
	size_t len;

	switch (c->type) {
	case TASKSRV_TABLE_INT:
		ZVAL_LONG(out, tasksrv_table_get_int(data, c));
		break;
	case TASKSRV_TABLE_FLOAT:
		ZVAL_DOUBLE(out, tasksrv_table_get_float(data, c));
		break;
	case TASKSRV_TABLE_STRING:
		s = tasksrv_table_get_string(data, c, &len);
		ZVAL_STRINGL(out, s, len);
		break;
	}
}

static void row_zval(tasksrv_table_t *t, const unsigned char *data, zval *out)
{
	size_t i;
	zval v;

	array_init_size(out, (uint32_t) tasksrv_table_columns(t));
	for (i = 0; i < tasksrv_table_columns(t); i++) {
		const tasksrv_table_column_t *c = tasksrv_table_column(t, i);

		column_zval(c, data, &v);
		zend_hash_str_add_new(Z_ARRVAL_P(out), c->name, c->name_len, &v);
	}
}

/* The whole row, or one field of it (false when there is no such column). */
static void row_result(tasksrv_table_t *t, const unsigned char *data, zend_string *field, zval *return_value)
{
	int col;

	if (field == NULL) {
		row_zval(t, data, return_value);
	} else if ((col = tasksrv_table_column_find(t, ZSTR_VAL(field), ZSTR_LEN(field))) < 0) {
		RETVAL_FALSE;
	} else {
		column_zval(tasksrv_table_column(t, col), data, return_value);
	}
}
/* }}} */

PHP_METHOD(TaskSrv_Table, __construct)
{
	zend_long size;
	double proportion = 0.2;
	table_obj *o = THIS_TABLE();

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_LONG(size)
		Z_PARAM_OPTIONAL
		Z_PARAM_DOUBLE(proportion)
	ZEND_PARSE_PARAMETERS_END();
	if (o->t != NULL) {
		zend_throw_error(NULL, "Cannot call constructor twice");
		RETURN_THROWS();
	}
	/* A negative size is a huge one, capped (Swoole reads it as unsigned too). */
	o->t = tasksrv_table_new((uint64_t) size, proportion);
	if (o->t == NULL) {
		zend_throw_error(NULL, "unable to allocate memory");
		RETURN_THROWS();
	}
}

static void column_warning(tasksrv_table_err_t err, zend_string *name)
{
	switch (err) {
	case TASKSRV_TABLE_ERR_CREATED:
		php_error_docref(NULL, E_WARNING, "unable to add column after table has been created");
		break;
	case TASKSRV_TABLE_ERR_TYPE:
		php_error_docref(NULL, E_WARNING, "unknown column type");
		break;
	case TASKSRV_TABLE_ERR_EXISTS:
		php_error_docref(NULL, E_WARNING, "column[%s] already exists", ZSTR_VAL(name));
		break;
	case TASKSRV_TABLE_ERR_SIZE:
		php_error_docref(NULL, E_WARNING, "column[%s] size is too large", ZSTR_VAL(name));
		break;
	default:
		php_error_docref(NULL, E_WARNING, "unable to allocate memory");
		break;
	}
}

PHP_METHOD(TaskSrv_Table, column)
{
	zend_string *name;
	zend_long type, size = 0;
	tasksrv_table_t *t;
	tasksrv_table_err_t err;

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_STR(name)
		Z_PARAM_LONG(type)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(size)
	ZEND_PARSE_PARAMETERS_END();
	if ((t = constructed(THIS_TABLE())) == NULL) {
		RETURN_THROWS();
	}
	if (tasksrv_table_created(t)) {
		column_warning(TASKSRV_TABLE_ERR_CREATED, name);
		RETURN_FALSE;
	}
	if (type == TASKSRV_TABLE_STRING && size <= 0) {
		php_error_docref(NULL, E_WARNING, "the length of string type values has to be more than zero");
		RETURN_FALSE;
	}
	err = tasksrv_table_add_column(t, ZSTR_VAL(name), ZSTR_LEN(name), (int) type, (uint64_t) size);
	if (err != TASKSRV_TABLE_OK) {
		column_warning(err, name);
		RETURN_FALSE;
	}
	RETURN_TRUE;
}

PHP_METHOD(TaskSrv_Table, create)
{
	table_obj *o = THIS_TABLE();
	tasksrv_table_err_t err;

	ZEND_PARSE_PARAMETERS_NONE();
	if (constructed(o) == NULL) {
		RETURN_THROWS();
	}
	err = tasksrv_table_create(o->t);
	if (err == TASKSRV_TABLE_ERR_CREATED) {
		/* Swoole's second create() is a fatal error too (it says "unable to allocate memory"). */
		php_error_docref(NULL, E_ERROR, "the table has already been created");
		RETURN_THROWS();
	}
	if (err != TASKSRV_TABLE_OK) {
		php_error_docref(NULL, E_ERROR, "unable to allocate memory: %s", strerror(errno));
		RETURN_THROWS();
	}
	zend_update_property_long(tasksrv_table_ce, &o->std, "size", sizeof("size") - 1, (zend_long) tasksrv_table_size(o->t));
	zend_update_property_long(tasksrv_table_ce, &o->std, "memorySize", sizeof("memorySize") - 1,
		(zend_long) tasksrv_table_memory_size(o->t));
	RETURN_TRUE;
}

PHP_METHOD(TaskSrv_Table, destroy)
{
	table_obj *o = THIS_TABLE();

	ZEND_PARSE_PARAMETERS_NONE();
	if (created(o) == NULL) {
		RETURN_THROWS();
	}
	table_drop(o);
	RETURN_TRUE;
}

/* set(), add() and update(): write the columns named, making the row if allowed. */
enum write_mode { WRITE_SET, WRITE_ADD, WRITE_UPDATE };

static void table_write(INTERNAL_FUNCTION_PARAMETERS, enum write_mode mode)
{
	zend_string *key;
	HashTable *ht;
	tasksrv_table_t *t;
	tasksrv_table_pos_t pos;
	tasksrv_table_found_t found;
	values_t v;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(key)
		Z_PARAM_ARRAY_HT(ht)
	ZEND_PARSE_PARAMETERS_END();
	TABLE_FOR_KEY(THIS_TABLE(), t, key);
	values_from(t, ht, key, &v);
	found = table_find(t, key, mode != WRITE_UPDATE, &pos);
	if (found == TASKSRV_TABLE_FULL) {
		values_free(&v);
		php_error_docref(NULL, E_WARNING, "failed to set('%s'), unable to allocate memory", ZSTR_VAL(key));
		RETURN_FALSE;
	}
	if (found == TASKSRV_TABLE_MISSING || (found == TASKSRV_TABLE_FOUND && mode == WRITE_ADD)) {
		if (found == TASKSRV_TABLE_FOUND) {
			tasksrv_table_release(t, pos);
		}
		values_free(&v);
		RETURN_FALSE;
	}
	if (found == TASKSRV_TABLE_FOUND) {
		tasksrv_table_count_update(t);
	}
	values_apply(t, &v, tasksrv_table_data(t, pos));
	tasksrv_table_release(t, pos);
	values_free(&v);
	RETURN_TRUE;
}

PHP_METHOD(TaskSrv_Table, set)
{
	table_write(INTERNAL_FUNCTION_PARAM_PASSTHRU, WRITE_SET);
	report_dead_owner();
}

PHP_METHOD(TaskSrv_Table, add)
{
	table_write(INTERNAL_FUNCTION_PARAM_PASSTHRU, WRITE_ADD);
	report_dead_owner();
}

PHP_METHOD(TaskSrv_Table, update)
{
	table_write(INTERNAL_FUNCTION_PARAM_PASSTHRU, WRITE_UPDATE);
	report_dead_owner();
}

static void table_cmpset_impl(INTERNAL_FUNCTION_PARAMETERS)
{
	zend_string *key;
	HashTable *expected_ht, *ht;
	tasksrv_table_t *t;
	tasksrv_table_pos_t pos;
	values_t expected, v;
	bool done = false;

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_STR(key)
		Z_PARAM_ARRAY_HT(expected_ht)
		Z_PARAM_ARRAY_HT(ht)
	ZEND_PARSE_PARAMETERS_END();
	TABLE_FOR_KEY(THIS_TABLE(), t, key);
	values_from(t, expected_ht, key, &expected);
	values_from(t, ht, key, &v);
	if (table_find(t, key, false, &pos) == TASKSRV_TABLE_FOUND) {
		if ((done = values_match(t, &expected, tasksrv_table_data(t, pos)))) {
			tasksrv_table_count_update(t);
			values_apply(t, &v, tasksrv_table_data(t, pos));
		}
		tasksrv_table_release(t, pos);
	}
	values_free(&expected);
	values_free(&v);
	RETURN_BOOL(done);
}

PHP_METHOD(TaskSrv_Table, cmpset)
{
	table_cmpset_impl(INTERNAL_FUNCTION_PARAM_PASSTHRU);
	report_dead_owner();
}

/* get() and getdel(): the row copied out under its lock, the zvals made after. */
static void table_read(INTERNAL_FUNCTION_PARAMETERS, bool remove)
{
	zend_string *key, *field = NULL;
	tasksrv_table_t *t;
	tasksrv_table_pos_t pos;
	unsigned char *copy;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(key)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_OR_NULL(field)
	ZEND_PARSE_PARAMETERS_END();
	TABLE_FOR_KEY(THIS_TABLE(), t, key);
	copy = emalloc(tasksrv_table_row_data_size(t) + 1);
	if (table_find(t, key, false, &pos) != TASKSRV_TABLE_FOUND) {
		efree(copy);
		RETURN_FALSE;
	}
	memcpy(copy, tasksrv_table_data(t, pos), tasksrv_table_row_data_size(t));
	if (remove) {
		tasksrv_table_remove(t, pos);
	} else {
		tasksrv_table_release(t, pos);
	}
	row_result(t, copy, field, return_value);
	efree(copy);
}

PHP_METHOD(TaskSrv_Table, get)
{
	table_read(INTERNAL_FUNCTION_PARAM_PASSTHRU, false);
	report_dead_owner();
}

PHP_METHOD(TaskSrv_Table, getdel)
{
	table_read(INTERNAL_FUNCTION_PARAM_PASSTHRU, true);
	report_dead_owner();
}

PHP_METHOD(TaskSrv_Table, count)
{
	table_obj *o = THIS_TABLE();

	ZEND_PARSE_PARAMETERS_NONE();
	if (constructed(o) == NULL) {
		RETURN_THROWS();
	}
	RETURN_LONG((zend_long) tasksrv_table_count(o->t));
}

static void table_del_impl(INTERNAL_FUNCTION_PARAMETERS)
{
	zend_string *key;
	tasksrv_table_t *t;
	tasksrv_table_pos_t pos;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(key)
	ZEND_PARSE_PARAMETERS_END();
	TABLE_FOR_KEY(THIS_TABLE(), t, key);
	if (table_find(t, key, false, &pos) != TASKSRV_TABLE_FOUND) {
		RETURN_FALSE;
	}
	tasksrv_table_remove(t, pos);
	RETURN_TRUE;
}

PHP_METHOD(TaskSrv_Table, del)
{
	table_del_impl(INTERNAL_FUNCTION_PARAM_PASSTHRU);
	report_dead_owner();
}

static void table_cmpdel_impl(INTERNAL_FUNCTION_PARAMETERS)
{
	zend_string *key;
	HashTable *expected_ht;
	tasksrv_table_t *t;
	tasksrv_table_pos_t pos;
	values_t expected;
	bool done = false;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(key)
		Z_PARAM_ARRAY_HT(expected_ht)
	ZEND_PARSE_PARAMETERS_END();
	TABLE_FOR_KEY(THIS_TABLE(), t, key);
	values_from(t, expected_ht, key, &expected);
	if (table_find(t, key, false, &pos) == TASKSRV_TABLE_FOUND) {
		if ((done = values_match(t, &expected, tasksrv_table_data(t, pos)))) {
			tasksrv_table_remove(t, pos);
		} else {
			tasksrv_table_release(t, pos);
		}
	}
	values_free(&expected);
	RETURN_BOOL(done);
}

PHP_METHOD(TaskSrv_Table, cmpdel)
{
	table_cmpdel_impl(INTERNAL_FUNCTION_PARAM_PASSTHRU);
	report_dead_owner();
}

static void table_exists_impl(INTERNAL_FUNCTION_PARAMETERS)
{
	zend_string *key;
	tasksrv_table_t *t;
	tasksrv_table_pos_t pos;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(key)
	ZEND_PARSE_PARAMETERS_END();
	TABLE_FOR_KEY(THIS_TABLE(), t, key);
	if (table_find(t, key, false, &pos) != TASKSRV_TABLE_FOUND) {
		RETURN_FALSE;
	}
	tasksrv_table_release(t, pos);
	RETURN_TRUE;
}

PHP_METHOD(TaskSrv_Table, exists)
{
	table_exists_impl(INTERNAL_FUNCTION_PARAM_PASSTHRU);
	report_dead_owner();
}

/* The column incr()/decr() may change: a number column, else a warning. */
static const tasksrv_table_column_t *number_column(tasksrv_table_t *t, zend_string *name, const char *op)
{
	int col = tasksrv_table_column_find(t, ZSTR_VAL(name), ZSTR_LEN(name));

	if (col < 0) {
		php_error_docref(NULL, E_WARNING, "column[%s] does not exist", ZSTR_VAL(name));
		return NULL;
	}
	if (tasksrv_table_column(t, col)->type == TASKSRV_TABLE_STRING) {
		php_error_docref(NULL, E_WARNING, "can't execute '%s' on a string type column", op);
		return NULL;
	}
	return tasksrv_table_column(t, col);
}

/* The new value (wrapping as int64, as Swoole's), stored in the locked row. */
static void number_add(const tasksrv_table_column_t *c, unsigned char *data, zval *by, int sign, zval *out)
{
	if (c->type == TASKSRV_TABLE_FLOAT) {
		double v = tasksrv_table_get_float(data, c) + sign * zval_get_double(by);

		tasksrv_table_set_float(data, c, v);
		ZVAL_DOUBLE(out, v);
	} else {
		uint64_t d = (uint64_t) zval_get_long(by);
		int64_t v = (int64_t) ((uint64_t) tasksrv_table_get_int(data, c) + (sign > 0 ? d : (uint64_t) 0 - d));

		tasksrv_table_set_int(data, c, v);
		ZVAL_LONG(out, v);
	}
}

static void table_add(INTERNAL_FUNCTION_PARAMETERS, int sign)
{
	zend_string *key, *name;
	zval *by_zv = NULL, by;
	tasksrv_table_t *t;
	const tasksrv_table_column_t *c;
	tasksrv_table_pos_t pos;
	tasksrv_table_found_t found;

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_STR(key)
		Z_PARAM_STR(name)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(by_zv)
	ZEND_PARSE_PARAMETERS_END();
	TABLE_FOR_KEY(THIS_TABLE(), t, key);
	if ((c = number_column(t, name, sign > 0 ? "incr" : "decr")) == NULL) {
		RETURN_FALSE;
	}
	/* Converted before the lock: a conversion may warn (and run an error handler). */
	if (by_zv == NULL) {
		ZVAL_LONG(&by, 1);
	} else if (c->type == TASKSRV_TABLE_FLOAT) {
		ZVAL_DOUBLE(&by, zval_get_double(by_zv));
	} else {
		ZVAL_LONG(&by, zval_get_long(by_zv));
	}
	found = table_find(t, key, true, &pos);
	if (found == TASKSRV_TABLE_FULL) {
		php_error_docref(NULL, E_WARNING, "unable to allocate memory");
		RETURN_FALSE;
	}
	if (found == TASKSRV_TABLE_FOUND) {
		tasksrv_table_count_update(t);
	}
	number_add(c, tasksrv_table_data(t, pos), &by, sign, return_value);
	tasksrv_table_release(t, pos);
}

PHP_METHOD(TaskSrv_Table, incr)
{
	table_add(INTERNAL_FUNCTION_PARAM_PASSTHRU, 1);
	report_dead_owner();
}

PHP_METHOD(TaskSrv_Table, decr)
{
	table_add(INTERNAL_FUNCTION_PARAM_PASSTHRU, -1);
	report_dead_owner();
}

PHP_METHOD(TaskSrv_Table, getSize)
{
	tasksrv_table_t *t;

	ZEND_PARSE_PARAMETERS_NONE();
	if ((t = constructed(THIS_TABLE())) == NULL) {
		RETURN_THROWS();
	}
	RETURN_LONG((zend_long) tasksrv_table_size(t));
}

PHP_METHOD(TaskSrv_Table, getMemorySize)
{
	tasksrv_table_t *t;

	ZEND_PARSE_PARAMETERS_NONE();
	if ((t = constructed(THIS_TABLE())) == NULL) {
		RETURN_THROWS();
	}
	RETURN_LONG((zend_long) tasksrv_table_memory_size(t));
}

PHP_METHOD(TaskSrv_Table, stats)
{
	tasksrv_table_t *t;
	tasksrv_table_stats_t st;

	ZEND_PARSE_PARAMETERS_NONE();
	if ((t = constructed(THIS_TABLE())) == NULL) {
		RETURN_THROWS();
	}
	if (!tasksrv_table_created(t)) {
		RETURN_FALSE;
	}
	tasksrv_table_stats(t, &st);
	array_init(return_value);
	add_assoc_long(return_value, "num", st.num);
	add_assoc_long(return_value, "conflict_count", st.conflict_count);
	add_assoc_long(return_value, "conflict_max_level", st.conflict_max_level);
	add_assoc_long(return_value, "insert_count", st.insert_count);
	add_assoc_long(return_value, "update_count", st.update_count);
	add_assoc_long(return_value, "delete_count", st.delete_count);
	add_assoc_long(return_value, "available_slice_num", (zend_long) st.available_slice_num);
	add_assoc_long(return_value, "total_slice_num", (zend_long) st.total_slice_num);
}

/* {{{ Iterator: each step copies one row (Swoole's current() is a snapshot too). */
static void iter_fetch(table_obj *o)
{
	int32_t dead;

	if (o->cur_data == NULL) {
		o->cur_data = emalloc(tasksrv_table_row_data_size(o->t) + 1);
	}
	o->has_current = tasksrv_table_next(o->t, &o->cursor, o->cur_key, &o->cur_key_len, o->cur_data, &dead);
	if (dead != 0) {
		pending_dead_owner = dead;
	}
}

static void table_rewind_impl(INTERNAL_FUNCTION_PARAMETERS)
{
	table_obj *o = THIS_TABLE();

	ZEND_PARSE_PARAMETERS_NONE();
	if (created(o) == NULL) {
		RETURN_THROWS();
	}
	o->cursor.bucket = 0;
	o->cursor.depth = 0;
	iter_fetch(o);
}

PHP_METHOD(TaskSrv_Table, rewind)
{
	table_rewind_impl(INTERNAL_FUNCTION_PARAM_PASSTHRU);
	report_dead_owner();
}

PHP_METHOD(TaskSrv_Table, valid)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_BOOL(THIS_TABLE()->has_current);
}

static void table_next_impl(INTERNAL_FUNCTION_PARAMETERS)
{
	table_obj *o = THIS_TABLE();

	ZEND_PARSE_PARAMETERS_NONE();
	if (o->has_current) {
		iter_fetch(o);
	}
}

PHP_METHOD(TaskSrv_Table, next)
{
	table_next_impl(INTERNAL_FUNCTION_PARAM_PASSTHRU);
	report_dead_owner();
}

PHP_METHOD(TaskSrv_Table, current)
{
	table_obj *o = THIS_TABLE();

	ZEND_PARSE_PARAMETERS_NONE();
	if (!o->has_current) {
		RETURN_NULL();
	}
	row_zval(o->t, o->cur_data, return_value);
}

PHP_METHOD(TaskSrv_Table, key)
{
	table_obj *o = THIS_TABLE();

	ZEND_PARSE_PARAMETERS_NONE();
	if (!o->has_current) {
		RETURN_NULL();
	}
	RETURN_STRINGL(o->cur_key, o->cur_key_len);
}
/* }}} */

void tasksrv_table_minit(void)
{
	tasksrv_table_ce = register_class_TaskSrv_Table(zend_ce_iterator, zend_ce_countable);
	tasksrv_table_ce->create_object = table_create_object;
	memcpy(&table_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	table_handlers.offset = XtOffsetOf(table_obj, std);
	table_handlers.free_obj = table_free_obj;
	/* A copy would share the rows under a second owner: Swoole refuses clone too. */
	table_handlers.clone_obj = NULL;
}
