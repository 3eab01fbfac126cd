/* tasksrv: the task API of TaskSrv\Server: task(), taskwait(), taskWaitMulti(),
 * taskCo(), finish(), sendMessage(), the Server\Task object, and what happens to a
 * task's frames: running it in a task worker, its results and failures in the
 * worker that sent it, backpressure and draining. */
#include "php_task.h"
#include "php_errors.h"
#include "php_call.h"
#include "php_exceptions.h"
#include "php_failure.h"
#include "php_backend.h"
#include "transport_redis.h"
#include "io.h"
#include "ledger.h"
#include "task.h"
#include "log.h"

#include "zend_exceptions.h"

#include <math.h>
#include <poll.h>

/* TaskSrv\Server\Task: one received task, able to send its results. */
typedef struct {
	tasksrv_frame_t frame;
	int peer;
	zend_object *server;         /* NULL for an object made with new */
	zend_object std;
} task_obj;

zend_class_entry *tasksrv_task_ce;
zend_class_entry *tasksrv_queue_full_exception_ce;
static zend_object_handlers tasksrv_task_handlers;

static inline task_obj *task_from_obj(zend_object *obj)
{
	return (task_obj *) ((char *) obj - XtOffsetOf(task_obj, std));
}


static bool send_answer(server_obj *o, const tasksrv_frame_t *task, int peer, int answer, bool serialized,
	const char *p, size_t len);
static bool payload_fits(const tasksrv_payload_t *p);

/* {{{ fatal errors in onTask: the process ends, but the caller still learns why */
static void (*previous_error_cb)(int type, zend_string *file, const uint32_t line, zend_string *message);
static server_obj *task_worker_server; /* the server of this task worker process */

static void task_worker_error_cb(int type, zend_string *file, const uint32_t line, zend_string *message)
{
	server_obj *o = task_worker_server;
	const int fatal = E_ERROR | E_CORE_ERROR | E_COMPILE_ERROR | E_USER_ERROR | E_PARSE;

	if (o && o->in_task && (type & fatal) && !(type & E_DONT_BAIL)) {
		tasksrv_failure_t f;
		tasksrv_buffer_t buf = {0};

		memset(&f, 0, sizeof(f));
		f.reason = TASKSRV_FAIL_FATAL_ERROR;
		f.worker_id = o->core.worker_id;
		f.exit_status = 255;
		f.message = ZSTR_VAL(message);
		f.message_len = ZSTR_LEN(message);
		f.file = file ? ZSTR_VAL(file) : NULL;
		f.file_len = file ? ZSTR_LEN(file) : 0;
		f.line = (int32_t) line;
		o->in_task = 0;
		/* The process is about to bail out: claim and send the failure now (a one-way
		 * task only gets booked: PHP prints the error, nobody waits for it). */
		if (tasksrv_ledger_end(&o->core, TASKSRV_FAIL_FATAL_ERROR)
				&& !tasksrv_task_is_one_way(&o->cur_task) && tasksrv_failure_encode(&f, &buf) == 0) {
			send_answer(o, &o->cur_task, o->cur_peer, TASKSRV_ANSWER_FAILURE, false, tasksrv_buffer_head(&buf),
				tasksrv_buffer_size(&buf));
		}
		tasksrv_ledger_sent(&o->core);
		tasksrv_buffer_free(&buf);
	}
	previous_error_cb(type, file, line, message);
}

void tasksrv_php_watch_fatal_errors(server_obj *o)
{
	task_worker_server = o;
	if (zend_error_cb != task_worker_error_cb) {
		previous_error_cb = zend_error_cb;
		zend_error_cb = task_worker_error_cb;
	}
}
/* }}} */


/* Decodes a payload; on failure an exception is pending: the one an __unserialize()
 * threw, or a SerializationException saying the bytes could not be read. */
static bool decode_payload(const tasksrv_frame_t *f, void *handle, zval *data)
{
	if (tasksrv_codec_decode((zend_string *) handle, tasksrv_task_is_serialized(f), data) == FAILURE) {
		if (!EG(exception)) {
			zend_throw_exception_ex(tasksrv_serialization_exception_ce, 0,
				"unserialize() failed: a payload of %u bytes from worker #%d (task %ld) could not be decoded",
				f->len, f->src_worker, (long) f->task_id);
		}
		return false;
	}
	return true;
}

/* Takes the pending exception out of the engine (a reference for the caller). */
static zend_object *take_exception(void)
{
	zend_object *ex = EG(exception);

	GC_ADDREF(ex);
	zend_clear_exception();
	return ex;
}

/* A TaskFailure (reason exception) for an exception met on the caller's side. */
static void failure_from_exception(server_obj *o, zend_object *ex, const tasksrv_frame_t *f, zval *out)
{
	tasksrv_buffer_t buf = {0};
	tasksrv_failure_t fail;
	zval holder;

	tasksrv_failure_from_exception(ex, f->src_worker, &holder, &buf);
	if (tasksrv_failure_decode(&fail, tasksrv_buffer_head(&buf), tasksrv_buffer_size(&buf)) == 0) {
		tasksrv_failure_to_zval(&fail, f->task_id, out);
	} else {
		ZVAL_NULL(out);
	}
	tasksrv_buffer_free(&buf);
	zval_ptr_dtor(&holder);
	/* The task worker booked the task as done when it sent this final result. */
	if (tasksrv_task_is_last(f)) {
		tasksrv_ledger_rebook_failed(&o->core, TASKSRV_FAIL_EXCEPTION);
	}
}

/* Writes one frame answering a task to the worker that sent it. */
static bool send_answer(server_obj *o, const tasksrv_frame_t *task, int peer, int answer, bool serialized,
	const char *p, size_t len)
{
	if (tasksrv_task_answer(&o->core, task, peer, answer, serialized, p, len) < 0) {
		tasksrv_log(TASKSRV_LOG_WARNING, "Server::finish(): send result of task %ld to worker #%d failed: %s",
			(long) task->task_id, task->src_worker, strerror(errno));
		return false;
	}
	return true;
}

/* Sends one result for a task (finish(), Task::finish()). */
static bool send_result(server_obj *o, const tasksrv_frame_t *task, int peer, zval *value)
{
	tasksrv_payload_t p;
	bool ok;

	if (tasksrv_task_is_one_way(task)) {
		tasksrv_log(TASKSRV_LOG_WARNING, "Server::finish(): Server::finish() can only be used in the worker process");
		return false;
	}
	if (!tasksrv_ledger_owned(&o->core) && task->task_id == o->cur_task.task_id && o->in_task) {
		/* The manager already failed this task at its deadline. */
		return false;
	}
	if (tasksrv_codec_encode(value, &p, "finish()") == FAILURE) {
		return false;
	}
	if (!payload_fits(&p)) {
		tasksrv_payload_free(&p);
		return false;
	}
	ok = send_answer(o, task, peer, TASKSRV_ANSWER_RESULT, p.serialized, p.ptr, p.len);
	tasksrv_payload_free(&p);
	return ok;
}

/* A huge payload string that nobody kept after its callback (refcount 1: only
 * ours) is kept to receive a later payload into (php_spare.h). */
static void keep_or_release(server_obj *o, zval *data)
{
	if (Z_TYPE_P(data) == IS_STRING && GC_REFCOUNT(Z_STR_P(data)) == 1) {
		tasksrv_spares_keep(&o->spares, Z_STR_P(data), false);
		return;
	}
	zval_ptr_dtor(data);
}

static void make_task_object(server_obj *o, const tasksrv_frame_t *f, int peer, zval *data, zval *out)
{
	task_obj *t;

	object_init_ex(out, tasksrv_task_ce);
	t = task_from_obj(Z_OBJ_P(out));
	t->frame = *f;
	t->peer = peer;
	t->server = &o->std;
	GC_ADDREF(&o->std);
	zend_update_property(tasksrv_task_ce, Z_OBJ_P(out), "data", sizeof("data") - 1, data);
	zend_update_property_double(tasksrv_task_ce, Z_OBJ_P(out), "dispatch_time", sizeof("dispatch_time") - 1, f->time);
	zend_update_property_long(tasksrv_task_ce, Z_OBJ_P(out), "id", sizeof("id") - 1, f->task_id);
	zend_update_property_long(tasksrv_task_ce, Z_OBJ_P(out), "worker_id", sizeof("worker_id") - 1, f->src_worker);
	zend_update_property_long(tasksrv_task_ce, Z_OBJ_P(out), "flags", sizeof("flags") - 1, tasksrv_task_swoole_flags(f));
}

/* Ends the task in hand: books its outcome (unless the manager already did, at a
 * deadline) and sends its last frame: the return value, a failure, or a bare end mark. */
static void end_task(server_obj *o, const tasksrv_frame_t *f, int peer, zval *retval, zend_object *ex)
{
	tasksrv_payload_t p = {0};
	tasksrv_buffer_t fail = {0};
	zval holder;
	bool has_value = retval && !Z_ISUNDEF_P(retval) && Z_TYPE_P(retval) != IS_NULL;
	bool reply = !tasksrv_task_is_one_way(f);
	int owned;

	ZVAL_UNDEF(&holder);
	/* A return value that cannot be serialized is the task's failure. */
	if (!ex && has_value && reply && (tasksrv_codec_encode(retval, &p, "onTask return value") == FAILURE
			|| !payload_fits(&p))) {
		tasksrv_payload_free(&p);
		ex = EG(exception);
		GC_ADDREF(ex);
		zend_clear_exception();
		has_value = false;
	}
	if (ex && !reply) {
		/* One-way task: nobody to tell but the log. */
		zend_object *copy = ex;
		GC_ADDREF(copy);
		zend_exception_error(copy, E_WARNING);
	} else if (ex) {
		tasksrv_failure_from_exception(ex, o->core.worker_id, &holder, &fail);
	}
	owned = tasksrv_ledger_end(&o->core, ex ? TASKSRV_FAIL_EXCEPTION : 0);
	if (!owned && tasksrv_ledger_timed_out(&o->core)) {
		/* The manager took this task at its deadline and is stopping this process:
		 * start nothing more here, or the next task would die with it. */
		tasksrv_loop_stop(&o->core.loop);
	}
	if (owned && reply && !o->core.exiting) {
		if (ex) {
			send_answer(o, f, peer, TASKSRV_ANSWER_FAILURE, false, tasksrv_buffer_head(&fail),
				tasksrv_buffer_size(&fail));
		} else if (has_value) {
			send_answer(o, f, peer, TASKSRV_ANSWER_LAST, p.serialized, p.ptr, p.len);
		} else {
			send_answer(o, f, peer, TASKSRV_ANSWER_END, false, NULL, 0);
		}
	} else if (has_value && !reply) {
		tasksrv_log(TASKSRV_LOG_WARNING, "Server::finish(): Server::finish() can only be used in the worker process");
	}
	tasksrv_ledger_sent(&o->core);
	tasksrv_payload_free(&p);
	tasksrv_buffer_free(&fail);
	zval_ptr_dtor(&holder);
	if (ex) {
		OBJ_RELEASE(ex);
	}
}

void tasksrv_php_run_task(server_obj *o, const tasksrv_frame_t *f, int peer, void *handle)
{
	zval argv[4], retval, data;
	zend_object *ex = NULL;

	if (!tasksrv_ledger_take(&o->core, f, peer)) {
		/* Its sender stopped and already told its caller "shutdown". */
		tasksrv_php_payload_free(&o->core, handle);
		return;
	}
	if (!decode_payload(f, handle, &data)) {
		/* The task's data could not be rebuilt here: that is the task's failure. */
		end_task(o, f, peer, NULL, take_exception());
		return;
	}
	o->cur_task = *f;
	o->cur_peer = peer;
	o->in_task = 1;
	ZVAL_UNDEF(&retval);
	if (o->task_object_mode) {
		make_task_object(o, f, peer, &data, &argv[1]);
		tasksrv_php_fire_catching(o, EV_TASK, 2, argv, &retval);
		zval_ptr_dtor(&argv[1]);
	} else {
		ZVAL_LONG(&argv[1], f->task_id);
		ZVAL_LONG(&argv[2], f->src_worker);
		ZVAL_COPY_VALUE(&argv[3], &data);
		tasksrv_php_fire_catching(o, EV_TASK, 4, argv, &retval);
	}
	/* An exception thrown by onTask is the task's failure, and the worker lives on. */
	if (EG(exception) && !zend_is_unwind_exit(EG(exception))) {
		ex = EG(exception);
		GC_ADDREF(ex);
		zend_clear_exception();
	}
	if (!o->core.exiting) {
		end_task(o, f, peer, &retval, ex);
	} else if (ex) {
		OBJ_RELEASE(ex);
	}
	zval_ptr_dtor(&retval);
	keep_or_release(o, &data);
	o->in_task = 0;
	/* task_max_request: leave between tasks; the manager starts a fresh process. */
	if (o->task_limit > 0 && ++o->tasks_run >= o->task_limit) {
		tasksrv_loop_stop(&o->core.loop);
	}
}

void tasksrv_php_deliver_pipe_message(server_obj *o, const tasksrv_frame_t *f, void *handle)
{
	zval argv[3];

	if (!decode_payload(f, handle, &argv[2])) {
		zend_exception_error(take_exception(), E_WARNING);
		return;
	}
	ZVAL_LONG(&argv[1], f->src_worker);
	if (!tasksrv_php_fire(o, EV_PIPE_MESSAGE, 3, argv, NULL)) {
		php_error_docref(NULL, E_WARNING, "onPipeMessage is null, a message from worker #%d was dropped", f->src_worker);
	}
	zval_ptr_dtor(&argv[2]);
}

static void failure_from_frame(const tasksrv_frame_t *f, zend_string *payload, zval *out)
{
	tasksrv_failure_t fail;

	if (tasksrv_failure_decode(&fail, ZSTR_VAL(payload), ZSTR_LEN(payload)) < 0) {
		memset(&fail, 0, sizeof(fail));
		fail.reason = TASKSRV_FAIL_WORKER_DIED;
		fail.worker_id = f->src_worker;
		fail.exit_status = -1;
		fail.message = "a malformed failure record arrived";
		fail.message_len = strlen(fail.message);
	}
	tasksrv_failure_to_zval(&fail, f->task_id, out);
}

/* An async task failed: onTaskFailure, or a warning; never silence. */
static void report_failure(server_obj *o, zend_long task_id, zval *failure)
{
	zval argv[3];

	ZVAL_LONG(&argv[1], task_id);
	ZVAL_COPY_VALUE(&argv[2], failure);
	if (!tasksrv_php_fire(o, EV_TASK_FAILURE, 3, argv, NULL)) {
		zval rv1, rv2;
		zval *reason = zend_read_property(tasksrv_task_failure_ce, Z_OBJ_P(failure), "reason", sizeof("reason") - 1, 1, &rv1);
		zval *msg = zend_read_property(tasksrv_task_failure_ce, Z_OBJ_P(failure), "message", sizeof("message") - 1, 1, &rv2);
		php_error_docref(NULL, E_WARNING, "task " ZEND_LONG_FMT " failed (%s): %s; register on('TaskFailure') to handle it",
			task_id, Z_STRVAL_P(reason), Z_STRVAL_P(msg));
	}
}

void tasksrv_php_deliver_result(server_obj *o, const tasksrv_frame_t *f, void *handle)
{
	zval argv[3], *entry, callable;

	entry = zend_hash_index_find(&o->pending, f->task_id);
	if (tasksrv_task_is_stale(&o->core, f) || !tasksrv_task_is_async(f) || entry == NULL) {
		/* For an earlier incarnation of this worker, for a taskwait() that gave up, or
		 * for a task whose outcome is already known (it failed at its deadline). */
		tasksrv_php_payload_free(&o->core, handle);
		return;
	}
	if (tasksrv_task_is_failure(f)) {
		zval failure;
		failure_from_frame(f, (zend_string *) handle, &failure);
		tasksrv_php_payload_free(&o->core, handle);
		zend_hash_index_del(&o->pending, f->task_id);
		report_failure(o, f->task_id, &failure);
		zval_ptr_dtor(&failure);
		return;
	}
	if (tasksrv_task_is_end(f)) {
		tasksrv_php_payload_free(&o->core, handle);
		zend_hash_index_del(&o->pending, f->task_id);
		return;
	}
	if (!decode_payload(f, handle, &argv[2])) {
		/* The result cannot be rebuilt here: the task failed, and its caller is told. */
		zend_object *ex = take_exception();
		zval failure;
		failure_from_exception(o, ex, f, &failure);
		OBJ_RELEASE(ex);
		zend_hash_index_del(&o->pending, f->task_id);
		report_failure(o, f->task_id, &failure);
		zval_ptr_dtor(&failure);
		return;
	}
	ZVAL_LONG(&argv[1], f->task_id);
	ZVAL_COPY(&callable, entry);
	if (tasksrv_task_is_last(f)) {
		zend_hash_index_del(&o->pending, f->task_id);
	} else if (Z_TYPE(callable) != IS_TRUE) {
		/* As Swoole: a per-task callback is used once; later results find none. */
		zval used;
		ZVAL_FALSE(&used);
		zend_hash_index_update(&o->pending, f->task_id, &used);
	}
	if (Z_TYPE(callable) != IS_TRUE && Z_TYPE(callable) != IS_FALSE) {
		ZVAL_OBJ(&argv[0], &o->std);
		tasksrv_php_call(o, &callable, NULL, 3, argv, NULL);
	} else if (Z_TYPE(callable) == IS_FALSE || !tasksrv_php_fire(o, EV_FINISH, 3, argv, NULL)) {
		php_error_docref(NULL, E_WARNING, "require 'onFinish' callback");
	}
	zval_ptr_dtor(&callable);
	keep_or_release(o, &argv[2]);
}

int tasksrv_php_outstanding(tasksrv_server_t *s)
{
	return (int) zend_hash_num_elements(&CORE_SERVER(s)->pending);
}

/* max_wait_time is over and some tasks of this stopping worker have no outcome:
 * they fail as "shutdown", and the task workers will not start the queued ones. */
void tasksrv_php_drain_expired(tasksrv_server_t *s)
{
	server_obj *o = CORE_SERVER(s);
	zend_ulong id;
	HashTable left;
	const char *msg = "the worker that sent this task stopped (shutdown, reload or max_request) "
		"and the task had not finished within max_wait_time";

	/* Order matters, so that caller and ledger agree on every task: no task worker
	 * starts one of ours any more; those running now are claimed (they fail as
	 * shutdown); answers being written are waited for; then everything already in
	 * the channels is delivered; what is left was never started. */
	tasksrv_task_drop_backlog(s);
	tasksrv_ledger_abandon_all(s);
	ZEND_HASH_FOREACH_NUM_KEY(&o->pending, id) {
		if (tasksrv_ledger_claim_abandoned(s, (int64_t) id) == 1) {
			zval *e = zend_hash_index_find(&o->pending, id);
			ZVAL_NULL(e); /* marks "claimed here" for the loop below */
		}
	} ZEND_HASH_FOREACH_END();
	tasksrv_task_collect_answers(s, 1000);
	if (zend_hash_num_elements(&o->pending) == 0) {
		return;
	}
	zend_hash_init(&left, zend_hash_num_elements(&o->pending), NULL, ZVAL_PTR_DTOR, 0);
	zend_hash_copy(&left, &o->pending, zval_add_ref);
	zend_hash_clean(&o->pending);
	ZEND_HASH_FOREACH_NUM_KEY(&left, id) {
		tasksrv_failure_t fail;
		zval failure;

		memset(&fail, 0, sizeof(fail));
		fail.reason = TASKSRV_FAIL_SHUTDOWN;
		fail.worker_id = -1;
		fail.exit_status = -1;
		fail.message = msg;
		fail.message_len = strlen(msg);
		tasksrv_failure_to_zval(&fail, (zend_long) id, &failure);
		report_failure(o, (zend_long) id, &failure);
		zval_ptr_dtor(&failure);
	} ZEND_HASH_FOREACH_END();
	zend_hash_destroy(&left);
}

/* Checks shared by task() and taskwait(); returns the task worker index or -2 after an error. */
static zend_long task_target(server_obj *o, zend_long dst, uint32_t dst_arg, const char *what)
{
	if (!tasksrv_php_started_check(o)) {
		return -2;
	}
	/* A user process sends one-way tasks over its channels (the core says so); it
	 * holds no connection to a task backend. */
	if (o->core.role == TASKSRV_ROLE_USER && tasksrv_transport_is_remote(&o->core.transport)) {
		php_error_docref(NULL, E_WARNING, "not available in a user process with a task_backend");
		return -2;
	}
	if (tasksrv_transport_is_remote(&o->core.transport) && o->core.role != TASKSRV_ROLE_TASK_WORKER) {
		/* A task backend: the task goes to the queue, whichever node takes it. */
		if (dst != -1) {
			zend_argument_value_error(dst_arg, "must be -1 with a task_backend (tasks go to the queue, not to a task worker)");
			return -2;
		}
		return 0;
	}
	if (o->core.cfg.task_worker_num == 0) {
		php_error_docref(NULL, E_WARNING, "task method can't be executed without task worker");
		return -2;
	}
	if (o->core.role == TASKSRV_ROLE_TASK_WORKER) {
		php_error_docref(NULL, E_WARNING, "Server->%s() cannot use in the task-worker", what);
		return -2;
	}
	if (dst < -1 || dst >= o->core.cfg.task_worker_num) {
		zend_argument_value_error(dst_arg, "must be -1 (any task worker) or between 0 and %d", o->core.cfg.task_worker_num - 1);
		return -2;
	}
	/* task_ipc_mode 3 and 4: the task workers share the work, a destination is ignored as in Swoole. */
	if (dst < 0 || o->core.cfg.shared_task_queue) {
		return tasksrv_task_pick_worker(&o->core);
	}
	return dst;
}

static bool payload_fits(const tasksrv_payload_t *p)
{
	if (p->len > TASKSRV_FRAME_MAX_LEN) {
		zend_argument_value_error(1, "must not be larger than %u bytes once encoded, %zu bytes given",
			TASKSRV_FRAME_MAX_LEN, p->len);
		return false;
	}
	return true;
}

static bool make_room(server_obj *o, HashTable *waiting, zval *out, zval *failures);

/* A task that could not be sent: a warning, and Swoole's last error when the channel to
 * the task worker was found corrupt (then the task was not accepted: nothing is lost). */
static void send_failed_warning(size_t len, int dst)
{
	if (errno == EBADMSG) {
		tasksrv_php_set_last_error(TASKSRV_ERROR_SERVER_WORKER_ABNORMAL_PIPE_DATA);
		php_error_docref(NULL, E_WARNING, "send %zu bytes to task worker #%d failed: the channel to it was found corrupt "
			"and is being reset; the task was not sent", len, dst);
		return;
	}
	php_error_docref(NULL, E_WARNING, "send %zu bytes to task worker #%d failed: %s", len, dst, strerror(errno));
}

PHP_METHOD(TaskSrv_Server, task)
{
	server_obj *o = THIS_SERVER();
	zval *data;
	zend_long dst = -1;
	zend_fcall_info fci = empty_fcall_info;
	zend_fcall_info_cache fcc = empty_fcall_info_cache;
	tasksrv_payload_t p;
	int64_t id;

	ZEND_PARSE_PARAMETERS_START(1, 3)
		Z_PARAM_ZVAL(data)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(dst)
		Z_PARAM_FUNC_OR_NULL(fci, fcc)
	ZEND_PARSE_PARAMETERS_END();

	dst = task_target(o, dst, 2, "task");
	if (dst < 0) {
		if (EG(exception)) {
			RETURN_THROWS();
		}
		RETURN_FALSE;
	}
	if (tasksrv_codec_encode(data, &p, "task()") == FAILURE) {
		RETURN_THROWS();
	}
	/* Backpressure; "reject" returns false without a log line per task. */
	if (o->core.role == TASKSRV_ROLE_WORKER && !make_room(o, NULL, NULL, NULL)) {
		tasksrv_payload_free(&p);
		RETURN_FALSE;
	}
	if (!payload_fits(&p)) {
		tasksrv_payload_free(&p);
		RETURN_THROWS();
	}
	/* (The manager's and the master's tasks are one-way: the core says so.) */
	id = tasksrv_task_submit(&o->core, (int) dst, ZEND_FCI_INITIALIZED(fci) ? TASKSRV_TASK_CALLBACK : TASKSRV_TASK_ASYNC,
		p.serialized, p.ptr, p.len);
	if (id < 0 && tasksrv_transport_is_remote(&o->core.transport)) {
		php_error_docref(NULL, E_WARNING, "task backend: %s", tasksrv_transport_redis_error(&o->core.transport));
		tasksrv_payload_free(&p);
		RETURN_FALSE;
	}
	if (id < 0) {
		send_failed_warning(p.len, (int) dst);
		tasksrv_payload_free(&p);
		RETURN_FALSE;
	}
	tasksrv_payload_free(&p);
	if (tasksrv_task_takes_results(&o->core)) {
		zval entry;
		if (ZEND_FCI_INITIALIZED(fci)) {
			ZVAL_COPY(&entry, &fci.function_name);
		} else {
			ZVAL_TRUE(&entry);
		}
		zend_hash_index_update(&o->pending, id, &entry);
	}
	RETURN_LONG(id);
}

/* Only an event worker can wait: it is the one process that takes results. */
static bool waiter_check(server_obj *o, const char *what)
{
	if (o->state == STATE_RUNNING && o->core.role != TASKSRV_ROLE_WORKER) {
		php_error_docref(NULL, E_WARNING, "%s method can only be used in the worker process", what);
		return false;
	}
	return true;
}

static bool timeout_arg(double timeout, uint32_t arg)
{
	if (!(timeout >= 0) || timeout > 86400.0 * 365) {
		zend_argument_value_error(arg, "must be a number of seconds between 0 and one year");
		return false;
	}
	return true;
}

/* Encodes and sends one task for a waiter. Returns its id, -1 when it could not be
 * dispatched (warning given), -2 when an exception was thrown. */
static zend_long dispatch_for_waiter(server_obj *o, zval *data, zend_long dst, int mode, const char *what)
{
	tasksrv_payload_t p;
	int64_t id;

	if (tasksrv_codec_encode(data, &p, what) == FAILURE) {
		return -2;
	}
	if (!payload_fits(&p)) {
		tasksrv_payload_free(&p);
		return -2;
	}
	id = tasksrv_task_submit(&o->core, (int) dst, mode, p.serialized, p.ptr, p.len);
	if (id < 0 && tasksrv_transport_is_remote(&o->core.transport)) {
		zend_throw_exception_ex(tasksrv_backend_exception_ce, 0, "%s: task backend: %s", what,
			tasksrv_transport_redis_error(&o->core.transport));
		tasksrv_payload_free(&p);
		return -2;
	}
	if (id < 0) {
		send_failed_warning(p.len, (int) dst);
		tasksrv_payload_free(&p);
		return -1;
	}
	tasksrv_payload_free(&p);
	return id;
}

static void put_keyed(zval *arr, zval *key, zval *value)
{
	if (Z_TYPE_P(key) == IS_STRING) {
		zend_symtable_update(Z_ARRVAL_P(arr), Z_STR_P(key), value);
	} else {
		zend_hash_index_update(Z_ARRVAL_P(arr), Z_LVAL_P(key), value);
	}
}

/* Collects results for the ids in `waiting` (id => key) into `out` (key => value),
 * and failures into `failures` (key => TaskFailure), until every task ended or the
 * deadline passed. Results for ids nobody waits for any more are dropped. */
/* Files one frame for a waiter under its key; frames for ids nobody waits for are dropped. */
static void file_wait_frame(server_obj *o, HashTable *waiting, tasksrv_frame_t *f, void *handle, zval *out, zval *failures)
{
	zval *key = waiting ? zend_hash_index_find(waiting, f->task_id) : NULL;
	zval value;

	if (key == NULL) {
		tasksrv_php_payload_free(&o->core, handle);
		return;
	}
	if (tasksrv_task_is_failure(f)) {
		failure_from_frame(f, (zend_string *) handle, &value);
		tasksrv_php_payload_free(&o->core, handle);
		put_keyed(failures, key, &value);
	} else if (tasksrv_task_is_end(f)) {
		/* The task ended without a result: its entry stays absent (false for taskwait). */
		tasksrv_php_payload_free(&o->core, handle);
	} else if (decode_payload(f, handle, &value)) {
		put_keyed(out, key, &value);
	} else {
		zend_object *ex = take_exception();
		failure_from_exception(o, ex, f, &value);
		OBJ_RELEASE(ex);
		put_keyed(failures, key, &value);
	}
	zend_hash_index_del(waiting, f->task_id);
}

static void collect_results(server_obj *o, HashTable *waiting, int64_t deadline, zval *out, zval *failures)
{
	tasksrv_frame_t f;
	void *handle;

	while (zend_hash_num_elements(waiting) > 0) {
		int r = tasksrv_task_wait_result(&o->core, deadline, &f, &handle);
		if (r <= 0) {
			if (r < 0) {
				php_error_docref(NULL, E_WARNING, "waiting for task results failed: %s", strerror(errno));
			}
			return;
		}
		file_wait_frame(o, waiting, &f, handle, out, failures);
	}
}

/* {{{ backpressure: task_queue_max bounds the tasks accepted and not yet started */
/* Tasks accepted and not yet started, server-wide. */
static zend_long queued_tasks(server_obj *o)
{
	return (zend_long) tasksrv_ledger_waiting(&o->core);
}

static bool queue_full(server_obj *o)
{
	return o->opts.task_queue_max > 0 && queued_tasks(o) >= o->opts.task_queue_max;
}

static bool rejects_when_full(server_obj *o)
{
	return o->opts.task_queue_full && zend_string_equals_literal(o->opts.task_queue_full, "reject");
}

/* "block": wait for room, still taking the frames that arrive meanwhile (results
 * for a taskWaitMulti() being dispatched go to its tables; others are kept for the
 * loop), so that task workers never stall writing to us. */
static void wait_for_room(server_obj *o, HashTable *waiting, zval *out, zval *failures)
{
	tasksrv_frame_t f;
	void *handle;

	while (queue_full(o) && !o->core.exiting) {
		int r = tasksrv_task_wait_result(&o->core, tasksrv_io_now_ms() + 2, &f, &handle);
		if (r < 0) {
			return;
		}
		if (r == 1) {
			file_wait_frame(o, waiting, &f, handle, out, failures);
		}
	}
}

/* Returns false when the task must not be accepted (reject policy, queue full). */
static bool make_room(server_obj *o, HashTable *waiting, zval *out, zval *failures)
{
	if (!queue_full(o)) {
		return true;
	}
	if (rejects_when_full(o)) {
		tasksrv_ledger_rejected(&o->core);
		return false;
	}
	wait_for_room(o, waiting, out, failures);
	return true;
}

static void throw_queue_full(server_obj *o)
{
	zend_throw_exception_ex(tasksrv_queue_full_exception_ce, 0,
		"the task queue is full (task_queue_max = " ZEND_LONG_FMT ", task_queue_full = reject)", o->opts.task_queue_max);
}
/* }}} */

PHP_METHOD(TaskSrv_Server, taskwait)
{
	server_obj *o = THIS_SERVER();
	zval *data, results, failures, key, *res;
	double timeout = 0.5;
	zend_long dst = -1, id;
	HashTable waiting;

	ZEND_PARSE_PARAMETERS_START(1, 3)
		Z_PARAM_ZVAL(data)
		Z_PARAM_OPTIONAL
		Z_PARAM_DOUBLE(timeout)
		Z_PARAM_LONG(dst)
	ZEND_PARSE_PARAMETERS_END();

	if (!waiter_check(o, "taskwait")) {
		RETURN_FALSE;
	}
	if (!timeout_arg(timeout, 2)) {
		RETURN_THROWS();
	}
	dst = task_target(o, dst, 3, "taskwait");
	if (dst < 0) {
		if (EG(exception)) {
			RETURN_THROWS();
		}
		RETURN_FALSE;
	}
	if (!make_room(o, NULL, NULL, NULL)) {
		throw_queue_full(o);
		RETURN_THROWS();
	}
	id = dispatch_for_waiter(o, data, dst, TASKSRV_TASK_WAIT, "taskwait()");
	if (id == -2) {
		RETURN_THROWS();
	}
	if (id < 0) {
		RETURN_FALSE;
	}
	zend_hash_init(&waiting, 1, NULL, NULL, 0);
	ZVAL_LONG(&key, 0);
	zend_hash_index_add(&waiting, id, &key);
	array_init(&results);
	array_init(&failures);
	collect_results(o, &waiting, tasksrv_io_now_ms() + (int64_t) ceil(timeout * 1000), &results, &failures);
	zend_hash_destroy(&waiting);
	if ((res = zend_hash_index_find(Z_ARRVAL(failures), 0)) != NULL) {
		/* tasksrv's promise: a failed task is an exception, a plain timeout stays false. */
		tasksrv_throw_task_failed(res);
	} else if ((res = zend_hash_index_find(Z_ARRVAL(results), 0)) != NULL) {
		RETVAL_COPY(res);
		if (Z_TYPE_P(res) == IS_STRING) {
			/* The pool takes a reference too: once the caller drops the result,
			 * the next huge one is received into it (php_spare.h). */
			tasksrv_spares_keep(&o->spares, Z_STR_P(res), true);
		}
	} else {
		/* Swoole 6.2.1 leaves this code (its coroutine timeout) after a taskwait() that timed out */
		tasksrv_php_set_last_error(TASKSRV_ERROR_CO_TIMEDOUT);
		RETVAL_FALSE;
	}
	zval_ptr_dtor(&results);
	zval_ptr_dtor(&failures);
}

/* taskWaitMulti() and taskCo(): dispatch every entry, then wait for all of them together. */
static void wait_multi(INTERNAL_FUNCTION_PARAMETERS, const char *what, bool fill_false)
{
	server_obj *o = THIS_SERVER();
	HashTable *tasks, waiting;
	double timeout = 0.5;
	zend_string *skey;
	zend_ulong ikey;
	zval *data, key, results, failures, *failures_ref = NULL;
	int64_t deadline;

	/* taskCo() has no $failures: its failed entries are false. */
	ZEND_PARSE_PARAMETERS_START(1, fill_false ? 2 : 3)
		Z_PARAM_ARRAY_HT(tasks)
		Z_PARAM_OPTIONAL
		Z_PARAM_DOUBLE(timeout)
		Z_PARAM_ZVAL(failures_ref)
	ZEND_PARSE_PARAMETERS_END();

	if (!waiter_check(o, what)) {
		RETURN_FALSE;
	}
	if (!timeout_arg(timeout, 2)) {
		RETURN_THROWS();
	}
	if (zend_hash_num_elements(tasks) == 0) {
		RETURN_FALSE;
	}
	if (zend_hash_num_elements(tasks) >= 1024) {
		php_error_docref(NULL, E_WARNING, "too many concurrent tasks");
		RETURN_FALSE;
	}
	if (task_target(o, -1, 2, what) < 0) {
		RETURN_FALSE;
	}
	/* "reject" refuses the whole call up front: a partial dispatch would leave
	 * accepted tasks whose outcomes reach nobody. */
	if (rejects_when_full(o) && o->opts.task_queue_max > 0
			&& queued_tasks(o) + (zend_long) zend_hash_num_elements(tasks) > o->opts.task_queue_max) {
		tasksrv_ledger_rejected(&o->core);
		throw_queue_full(o);
		RETURN_THROWS();
	}
	deadline = tasksrv_io_now_ms() + (int64_t) ceil(timeout * 1000);
	zend_hash_init(&waiting, zend_hash_num_elements(tasks), NULL, ZVAL_PTR_DTOR, 0);
	array_init(&results);
	array_init(&failures);
	ZEND_HASH_FOREACH_KEY_VAL(tasks, ikey, skey, data) {
		zend_long id;
		if (!make_room(o, &waiting, &results, &failures)) {
			zend_hash_destroy(&waiting);
			zval_ptr_dtor(&results);
			zval_ptr_dtor(&failures);
			throw_queue_full(o);
			RETURN_THROWS();
		}
		id = dispatch_for_waiter(o, data, tasksrv_task_pick_worker(&o->core), TASKSRV_TASK_WAIT_ALL, what);
		if (id == -2) {
			zend_hash_destroy(&waiting);
			zval_ptr_dtor(&results);
			zval_ptr_dtor(&failures);
			RETURN_THROWS();
		}
		if (skey) {
			ZVAL_STR_COPY(&key, skey);
		} else {
			ZVAL_LONG(&key, ikey);
		}
		if (id < 0) {
			/* As Swoole: an entry that could not be dispatched is false. */
			zval f;
			ZVAL_FALSE(&f);
			if (skey) {
				zend_symtable_update(Z_ARRVAL(results), skey, &f);
			} else {
				zend_hash_index_update(Z_ARRVAL(results), ikey, &f);
			}
			zval_ptr_dtor(&key);
			continue;
		}
		zend_hash_index_add(&waiting, id, &key);
	} ZEND_HASH_FOREACH_END();
	collect_results(o, &waiting, deadline, &results, &failures);
	zend_hash_destroy(&waiting);
	if (failures_ref) {
		ZEND_TRY_ASSIGN_REF_COPY(failures_ref, &failures);
	}
	zval_ptr_dtor(&failures);
	if (!fill_false) {
		RETURN_COPY_VALUE(&results);
	}
	/* taskCo: every input key, in input order; missing results are false. */
	array_init_size(return_value, zend_hash_num_elements(tasks));
	ZEND_HASH_FOREACH_KEY(tasks, ikey, skey) {
		zval *r = skey ? zend_symtable_find(Z_ARRVAL(results), skey) : zend_hash_index_find(Z_ARRVAL(results), ikey);
		zval v;
		if (r) {
			ZVAL_COPY(&v, r);
		} else {
			ZVAL_FALSE(&v);
		}
		if (skey) {
			zend_symtable_update(Z_ARRVAL_P(return_value), skey, &v);
		} else {
			zend_hash_index_update(Z_ARRVAL_P(return_value), ikey, &v);
		}
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&results);
}

PHP_METHOD(TaskSrv_Server, taskWaitMulti)
{
	wait_multi(INTERNAL_FUNCTION_PARAM_PASSTHRU, "taskWaitMulti", false);
}

PHP_METHOD(TaskSrv_Server, taskCo)
{
	wait_multi(INTERNAL_FUNCTION_PARAM_PASSTHRU, "taskCo", true);
}

PHP_METHOD(TaskSrv_Server, finish)
{
	server_obj *o = THIS_SERVER();
	zval *data;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(data)
	ZEND_PARSE_PARAMETERS_END();

	if (!tasksrv_php_running_check(o)) {
		RETURN_FALSE;
	}
	if (o->core.role != TASKSRV_ROLE_TASK_WORKER) {
		/* Swoole 6.2.1 crashes the worker here; a warning is kinder. */
		php_error_docref(NULL, E_WARNING, "finish() can only be used in a task worker, inside onTask");
		RETURN_FALSE;
	}
	if (o->opts.task_enable_coroutine) {
		zend_throw_error(NULL, "please use %s->finish instead when task_enable_coroutine is enable",
			ZSTR_VAL(tasksrv_task_ce->name));
		RETURN_THROWS();
	}
	if (!o->in_task) {
		php_error_docref(NULL, E_WARNING, "finish() can only be used inside onTask");
		RETURN_FALSE;
	}
	if (!send_result(o, &o->cur_task, o->cur_peer, data)) {
		if (EG(exception)) {
			RETURN_THROWS();
		}
		RETURN_FALSE;
	}
	RETURN_TRUE;
}

PHP_METHOD(TaskSrv_Server, sendMessage)
{
	server_obj *o = THIS_SERVER();
	zval *msg;
	zend_long dst;
	tasksrv_payload_t p;
	int rc, total;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_ZVAL(msg)
		Z_PARAM_LONG(dst)
	ZEND_PARSE_PARAMETERS_END();

	if (!tasksrv_php_started_check(o)) {
		RETURN_FALSE;
	}
	if (Z_ISUNDEF(o->cb[EV_PIPE_MESSAGE].callable)) {
		php_error_docref(NULL, E_WARNING, "onPipeMessage is null, can't use sendMessage");
		RETURN_FALSE;
	}
	total = o->core.cfg.worker_num + o->core.cfg.task_worker_num;
	if (dst < 0 || dst >= total) {
		zend_argument_value_error(2, "must be a worker id between 0 and %d", total - 1);
		RETURN_THROWS();
	}
	if (dst == o->core.worker_id) {
		php_error_docref(NULL, E_WARNING, "can't send messages to self");
		RETURN_FALSE;
	}
	if (!tasksrv_task_can_message(&o->core, (int) dst)) {
		php_error_docref(NULL, E_WARNING, "worker_id[" ZEND_LONG_FMT "] is invalid", dst);
		RETURN_FALSE;
	}
	if (tasksrv_codec_encode(msg, &p, "sendMessage()") == FAILURE) {
		RETURN_THROWS();
	}
	if (!payload_fits(&p)) {
		tasksrv_payload_free(&p);
		RETURN_THROWS();
	}
	rc = tasksrv_task_send_message(&o->core, (int) dst, p.serialized, p.ptr, p.len);
	tasksrv_payload_free(&p);
	if (rc < 0 && errno == EBADMSG) {
		/* Swoole returns true here and the message is lost (docs/reliability.md). */
		tasksrv_php_set_last_error(TASKSRV_ERROR_SERVER_WORKER_ABNORMAL_PIPE_DATA);
		php_error_docref(NULL, E_WARNING, "send message to worker #" ZEND_LONG_FMT " failed: the channel to it was found "
			"corrupt and is being reset; the message was not sent", dst);
		RETURN_FALSE;
	}
	if (rc < 0) {
		php_error_docref(NULL, E_WARNING, "send message to worker #" ZEND_LONG_FMT " failed: %s", dst, strerror(errno));
		RETURN_FALSE;
	}
	RETURN_TRUE;
}

PHP_METHOD(TaskSrv_Server_Task, finish)
{
	task_obj *t = task_from_obj(Z_OBJ_P(ZEND_THIS));
	server_obj *o;
	zval *data;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(data)
	ZEND_PARSE_PARAMETERS_END();

	if (t->server == NULL) {
		zend_throw_error(NULL, "Invalid instance of %s", ZSTR_VAL(Z_OBJCE_P(ZEND_THIS)->name));
		RETURN_THROWS();
	}
	o = server_from_obj(t->server);
	if (!tasksrv_php_running_check(o) || o->core.role != TASKSRV_ROLE_TASK_WORKER) {
		RETURN_FALSE;
	}
	/* Once onTask returned, the task has its outcome: a later result would be a second one. */
	if (!o->in_task || !tasksrv_task_same(&o->cur_task, &t->frame)
			|| o->cur_peer != t->peer) {
		php_error_docref(NULL, E_WARNING, "task " ZEND_LONG_FMT " already ended: finish() can only send its "
			"results while its onTask runs", (zend_long) t->frame.task_id);
		RETURN_FALSE;
	}
	if (!send_result(o, &t->frame, t->peer, data)) {
		if (EG(exception)) {
			RETURN_THROWS();
		}
		RETURN_FALSE;
	}
	RETURN_TRUE;
}


static zend_object *task_create(zend_class_entry *ce)
{
	task_obj *t = zend_object_alloc(sizeof(task_obj), ce);

	memset(&t->frame, 0, sizeof(t->frame));
	t->peer = -1;
	t->server = NULL;
	zend_object_std_init(&t->std, ce);
	object_properties_init(&t->std, ce);
	t->std.handlers = &tasksrv_task_handlers;
	return &t->std;
}

static void task_free(zend_object *obj)
{
	task_obj *t = task_from_obj(obj);

	if (t->server) {
		OBJ_RELEASE(t->server);
	}
	zend_object_std_dtor(obj);
}

void tasksrv_task_minit(zend_class_entry *ce)
{
	tasksrv_task_ce = ce;
	ce->create_object = task_create;
	memcpy(&tasksrv_task_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	tasksrv_task_handlers.offset = XtOffsetOf(task_obj, std);
	tasksrv_task_handlers.free_obj = task_free;
	tasksrv_task_handlers.clone_obj = NULL;
}

