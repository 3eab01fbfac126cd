/* Unit tests of src/core/ledger.c: the outcome ledger. Every accepted task ends exactly
 * once, as done or failed by reason, whoever books it (the task worker, the manager at a
 * deadline or a death, a draining sender that gives up, the manager reaping a sender
 * that died with tasks unsent), and the counters balance at every step:
 *   accepted = done + failed + queued + running + backlog.
 * The processes are tasksrv_server_t views of one shared mapping: endpoint 0 an event
 * worker, 1 a task worker, 2 the manager. */
#include "unit.h"

#include "frame.h"
#include "ledger.h"
#include "server.h"
#include "shm.h"

typedef struct {
	tasksrv_shm_t *shm;
	tasksrv_server_t worker, task_worker, manager;
} fix_t;

static void view(fix_t *x, tasksrv_server_t *s, int worker_id, uint32_t gen)
{
	memset(s, 0, sizeof(*s));
	s->cfg.worker_num = 1;
	s->cfg.task_worker_num = 1;
	s->nendpoints = 3;
	s->shm = x->shm;
	s->worker_id = worker_id;
	s->gen = gen;
}

static int setup(void **state)
{
	fix_t *x = calloc(1, sizeof(*x));

	if (x == NULL || (x->shm = tasksrv_shm_create(2, 16, 3)) == NULL) {
		return -1;
	}
	view(x, &x->worker, 0, 7);
	view(x, &x->task_worker, 1, 1);
	view(x, &x->manager, -1, 0);
	*state = x;
	return 0;
}

static int teardown(void **state)
{
	fix_t *x = *state;

	tasksrv_shm_destroy(x->shm);
	free(x);
	return 0;
}

static int64_t failed(const tasksrv_shm_t *shm)
{
	int64_t n = 0;
	int r;

	for (r = 0; r <= TASKSRV_FAIL_REASON_MAX; r++) {
		n += shm->task_failed_by_reason[r];
	}
	return n;
}

static void balanced(const tasksrv_shm_t *shm)
{
	int64_t queued = shm->workers[0].queued + shm->workers[1].queued;

	assert_int_equal(shm->task_accepted, shm->task_done + failed(shm) + queued + shm->task_running + shm->task_backlog);
}

/* What the sender does when task() accepts a task for the task worker (task.c). */
static tasksrv_frame_t accept_task(fix_t *x, int64_t id, uint32_t len)
{
	tasksrv_frame_t f;

	memset(&f, 0, sizeof(f));
	f.version = TASKSRV_FRAME_VERSION;
	f.type = TASKSRV_FRAME_TASK;
	f.task_id = id;
	f.len = len;
	f.src_worker = 0;
	f.origin_gen = x->worker.gen;
	x->shm->task_accepted++;
	x->shm->workers[1].queued++;
	x->shm->task_queue_bytes += len;
	balanced(x->shm);
	return f;
}

static void done_path(void **state)
{
	fix_t *x = *state;
	tasksrv_frame_t f = accept_task(x, 11, 100);
	tasksrv_worker_slot_t *slot = &x->shm->workers[1];

	assert_int_equal(tasksrv_ledger_take(&x->task_worker, &f, 0), 1);
	assert_int_equal(slot->cur_state, TASKSRV_TASK_RUNNING);
	assert_int_equal(slot->cur_task_id, 11);
	assert_int_equal(slot->status, TASKSRV_WORKER_BUSY);
	assert_int_equal(slot->queued, 0);
	assert_int_equal(x->shm->task_queue_bytes, 0);
	assert_int_equal(x->shm->task_running, 1);
	assert_true(tasksrv_ledger_owned(&x->task_worker));
	balanced(x->shm);
	assert_int_equal(tasksrv_ledger_end(&x->task_worker, 0), 1);
	assert_int_equal(slot->cur_state, TASKSRV_TASK_SENDING);
	assert_int_equal(x->shm->task_done, 1);
	assert_int_equal(x->shm->task_running, 0);
	/* the sender waits for the answer being written */
	assert_int_equal(tasksrv_ledger_answers_in_flight(&x->worker), 1);
	balanced(x->shm);
	tasksrv_ledger_sent(&x->task_worker);
	assert_int_equal(slot->cur_state, TASKSRV_TASK_NONE);
	assert_int_equal(slot->cur_task_id, -1);
	assert_int_equal(slot->status, TASKSRV_WORKER_IDLE);
	assert_int_equal(tasksrv_ledger_answers_in_flight(&x->worker), 0);
	balanced(x->shm);
}

static void failure_path(void **state)
{
	fix_t *x = *state;
	tasksrv_frame_t f = accept_task(x, 12, 10);

	assert_int_equal(tasksrv_ledger_take(&x->task_worker, &f, 0), 1);
	assert_int_equal(tasksrv_ledger_end(&x->task_worker, TASKSRV_FAIL_EXCEPTION), 1);
	assert_int_equal(x->shm->task_failed_by_reason[TASKSRV_FAIL_EXCEPTION], 1);
	assert_int_equal(x->shm->task_done, 0);
	tasksrv_ledger_sent(&x->task_worker);
	balanced(x->shm);
}

/* The manager claims the task first (deadline, death): the task worker's end finds
 * the outcome taken and must not send a last frame; the task is booked once. */
static void manager_claims_first(void **state)
{
	fix_t *x = *state;
	tasksrv_frame_t f = accept_task(x, 13, 10);

	assert_int_equal(tasksrv_ledger_take(&x->task_worker, &f, 0), 1);
	assert_int_equal(tasksrv_ledger_claim_lost(&x->manager, 1, TASKSRV_FAIL_TIMEOUT), 1);
	assert_true(tasksrv_ledger_timed_out(&x->task_worker));
	assert_false(tasksrv_ledger_owned(&x->task_worker));
	assert_int_equal(tasksrv_ledger_end(&x->task_worker, 0), 0);
	/* a second claim by anyone finds nothing */
	assert_int_equal(tasksrv_ledger_claim_lost(&x->manager, 1, TASKSRV_FAIL_WORKER_DIED), 0);
	assert_int_equal(x->shm->task_failed_by_reason[TASKSRV_FAIL_TIMEOUT], 1);
	assert_int_equal(x->shm->task_failed_by_reason[TASKSRV_FAIL_WORKER_DIED], 0);
	assert_int_equal(x->shm->task_done, 0);
	balanced(x->shm);
}

/* A task ended by its worker cannot be claimed by the manager afterwards. */
static void worker_ends_first(void **state)
{
	fix_t *x = *state;
	tasksrv_frame_t f = accept_task(x, 14, 10);

	assert_int_equal(tasksrv_ledger_take(&x->task_worker, &f, 0), 1);
	assert_int_equal(tasksrv_ledger_end(&x->task_worker, 0), 1);
	assert_int_equal(tasksrv_ledger_claim_lost(&x->manager, 1, TASKSRV_FAIL_WORKER_DIED), 0);
	assert_int_equal(x->shm->task_done, 1);
	assert_int_equal(failed(x->shm), 0);
	balanced(x->shm);
}

/* A draining sender gives up: its tasks not started are skipped (failed as shutdown),
 * one being run is claimed as shutdown, and a later incarnation's tasks run. */
static void abandoned_sender(void **state)
{
	fix_t *x = *state;
	tasksrv_frame_t queued = accept_task(x, 15, 10), running, later;

	running = accept_task(x, 16, 10);
	assert_int_equal(tasksrv_ledger_take(&x->task_worker, &running, 0), 1);
	tasksrv_ledger_abandon_all(&x->worker);
	assert_int_equal(tasksrv_ledger_claim_abandoned(&x->worker, 16), 1);
	assert_int_equal(tasksrv_ledger_claim_abandoned(&x->worker, 16), 0);
	assert_int_equal(tasksrv_ledger_end(&x->task_worker, 0), 0);
	tasksrv_ledger_sent(&x->task_worker);
	assert_int_equal(tasksrv_ledger_take(&x->task_worker, &queued, 0), 0);
	assert_int_equal(x->shm->task_failed_by_reason[TASKSRV_FAIL_SHUTDOWN], 2);
	assert_int_equal(x->shm->workers[1].status, TASKSRV_WORKER_IDLE);
	balanced(x->shm);
	/* the successor (gen 8) sends again: its tasks run */
	x->worker.gen = 8;
	later = accept_task(x, 1, 10);
	assert_int_equal(tasksrv_ledger_take(&x->task_worker, &later, 0), 1);
	assert_int_equal(tasksrv_ledger_end(&x->task_worker, 0), 1);
	tasksrv_ledger_sent(&x->task_worker);
	assert_int_equal(x->shm->task_done, 1);
	balanced(x->shm);
}

/* A task cut on the wire or too large to take never starts: it leaves the queue as a
 * failure; a result that could not be taken turns a done task into a failed one. */
static void unstarted_and_rebooked(void **state)
{
	fix_t *x = *state;
	tasksrv_frame_t f = accept_task(x, 17, 1000), g = accept_task(x, 18, 5);

	tasksrv_ledger_unstarted(&x->task_worker, f.len, TASKSRV_FAIL_TOO_LARGE);
	assert_int_equal(x->shm->task_failed_by_reason[TASKSRV_FAIL_TOO_LARGE], 1);
	assert_int_equal(x->shm->task_queue_bytes, 5);
	balanced(x->shm);
	assert_int_equal(tasksrv_ledger_take(&x->task_worker, &g, 0), 1);
	assert_int_equal(tasksrv_ledger_end(&x->task_worker, 0), 1);
	tasksrv_ledger_sent(&x->task_worker);
	tasksrv_ledger_rebook_failed(&x->worker, TASKSRV_FAIL_TOO_LARGE);
	assert_int_equal(x->shm->task_done, 0);
	assert_int_equal(x->shm->task_failed_by_reason[TASKSRV_FAIL_TOO_LARGE], 2);
	balanced(x->shm);
}

/* The manager reaps a sender that died with tasks in its output buffer, one cut on the
 * wire and one in its task_ipc_mode 3 backlog: all fail once, never twice. */
static void book_unsent(void **state)
{
	fix_t *x = *state;
	tasksrv_chan_track_t *t = tasksrv_shm_track(x->shm, 3, 1, 0);
	tasksrv_frame_t cut;
	int i;

	assert_non_null(t);
	for (i = 0; i < 4; i++) {
		accept_task(x, 20 + i, 100);
	}
	/* three whole frames in its buffer, the fourth cut after 40 bytes */
	t->w_pend_tasks = 3;
	t->w_pend_bytes = 300;
	memset(&cut, 0, sizeof(cut));
	cut.version = TASKSRV_FRAME_VERSION;
	cut.type = TASKSRV_FRAME_TASK;
	cut.len = 100;
	memcpy(t->w_hdr, &cut, sizeof(cut));
	t->w_total = 132;
	t->w_sent = 40;
	/* and one in its backlog */
	x->shm->task_accepted++;
	x->shm->workers[0].backlog = 1;
	x->shm->task_backlog = 1;
	balanced(x->shm);
	assert_int_equal(tasksrv_ledger_book_unsent(&x->manager, 0, TASKSRV_FAIL_WORKER_DIED), 5);
	assert_int_equal(x->shm->task_failed_by_reason[TASKSRV_FAIL_WORKER_DIED], 5);
	assert_int_equal(x->shm->workers[1].queued, 0);
	assert_int_equal(x->shm->task_queue_bytes, 0);
	assert_int_equal(x->shm->task_backlog, 0);
	balanced(x->shm);
	assert_int_equal(tasksrv_ledger_book_unsent(&x->manager, 0, TASKSRV_FAIL_WORKER_DIED), 0);
	balanced(x->shm);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(done_path, setup, teardown),
		cmocka_unit_test_setup_teardown(failure_path, setup, teardown),
		cmocka_unit_test_setup_teardown(manager_claims_first, setup, teardown),
		cmocka_unit_test_setup_teardown(worker_ends_first, setup, teardown),
		cmocka_unit_test_setup_teardown(abandoned_sender, setup, teardown),
		cmocka_unit_test_setup_teardown(unstarted_and_rebooked, setup, teardown),
		cmocka_unit_test_setup_teardown(book_unsent, setup, teardown),
	};

	return cmocka_run_group_tests_name("ledger", tests, NULL, NULL);
}
