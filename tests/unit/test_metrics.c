/* Unit tests of src/core/metrics.c and metrics_listen.c's address parser: the
 * OpenMetrics text of a known reading (every family, its metadata, the counters the
 * shared memory holds per worker slot summed, # EOF last), and "HOST:PORT". */
#include "unit.h"

#include "metrics.h"
#include "metrics_listen.h"
#include "server.h"
#include "shm.h"

#include <stdio.h>
#include <unistd.h>

static int has(const char *text, const char *line)
{
	return strstr(text, line) != NULL;
}

static void parse_ok(void **state)
{
	char host[64], err[160];
	int port = 0;

	assert_int_equal(tasksrv_metrics_listen_parse("127.0.0.1:9100", host, sizeof(host), &port, err, sizeof(err)), 0);
	assert_string_equal(host, "127.0.0.1");
	assert_int_equal(port, 9100);
	assert_int_equal(tasksrv_metrics_listen_parse("[::1]:65535", host, sizeof(host), &port, err, sizeof(err)), 0);
	assert_string_equal(host, "::1");
	assert_int_equal(port, 65535);
	assert_int_equal(tasksrv_metrics_listen_parse("0.0.0.0:1", host, sizeof(host), &port, err, sizeof(err)), 0);
	assert_int_equal(port, 1);
}

static void parse_refused(void **state)
{
	static const char *const bad[] = {
		"", ":", "127.0.0.1", "127.0.0.1:", "127.0.0.1:0", "127.0.0.1:65536", "127.0.0.1:-1", "127.0.0.1:+80",
		"127.0.0.1: 80", "127.0.0.1:80 ", "localhost:80", "::1:80", "[::1]", "[::1]:", "[127.0.0.1]:80",
		"[::1:80", "::1]:80", "1.2.3:80", "127.0.0.1:99999999999999999999",
	};
	char host[64], err[160];
	int port = 0;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err[0] = '\0';
		if (tasksrv_metrics_listen_parse(bad[i], host, sizeof(host), &port, err, sizeof(err)) != -1) {
			fail_msg("accepted \"%s\"", bad[i]);
		}
		assert_true(strncmp(err, "must ", 5) == 0);
	}
}

static void format_reading(void **state)
{
	static const tasksrv_hooks_t hooks = {0};
	tasksrv_server_t s;
	tasksrv_stats_t st;
	tasksrv_buffer_t out = {0};
	char *text;

	tasksrv_server_init(&s, &hooks, NULL);
	s.cfg.worker_num = 2;
	s.cfg.task_worker_num = 1;
	s.shm = tasksrv_shm_create(3, 64, 4);
	assert_non_null(s.shm);
	s.shm->manager_pid = getpid();
	s.shm->workers[0].status = TASKSRV_WORKER_BUSY;
	s.shm->workers[1].status = TASKSRV_WORKER_IDLE;
	s.shm->workers[2].status = TASKSRV_WORKER_IDLE;
	s.shm->respawns[TASKSRV_SHM_TASK_WORKER] = 2;
	s.shm->abnormal_exits[TASKSRV_SHM_WORKER] = 1;
	tasksrv_shm_count_http(s.shm, 0, 200);
	tasksrv_shm_count_http(s.shm, 1, 204);
	tasksrv_shm_count_http(s.shm, 1, 404);
	tasksrv_shm_count_http(s.shm, -1, 400);  /* the PROCESS master's */
	tasksrv_shm_count_http(s.shm, 99, 503);  /* a user process's */
	tasksrv_shm_count_http(s.shm, 0, 1000);  /* outside 100-599 */
	memset(&st, 0, sizeof(st));
	st.ledger.accepted = 5;
	st.ledger.done = 3;
	st.ledger.by_reason[TASKSRV_FAIL_EXCEPTION] = 1;
	st.ledger.running = 1;
	st.start_time = 1700000000;
	assert_int_equal(tasksrv_metrics_format(&s, &st, "9.9.9", &out), 0);
	assert_int_equal(tasksrv_buffer_append(&out, "", 1), 0);
	text = tasksrv_buffer_head(&out);

	assert_true(has(text, "tasksrv_build_info{version=\"9.9.9\",mode=\"base\"} 1\n"));
	assert_true(has(text, "# TYPE tasksrv_start_time_seconds gauge\n"));
	assert_true(has(text, "# UNIT tasksrv_start_time_seconds seconds\n"));
	assert_true(has(text, "# UNIT tasksrv_received_bytes bytes\n"));
	assert_true(has(text, "# UNIT tasksrv_process_resident_memory_bytes bytes\n"));
	assert_false(has(text, "# UNIT tasksrv_connections "));
	assert_true(has(text, "tasksrv_http_requests_total{code=\"2xx\"} 2\n"));
	assert_true(has(text, "tasksrv_http_requests_total{code=\"4xx\"} 2\n"));
	assert_true(has(text, "tasksrv_http_requests_total{code=\"5xx\"} 1\n"));
	assert_true(has(text, "tasksrv_http_requests_total{code=\"other\"} 1\n"));
	assert_true(has(text, "tasksrv_workers{kind=\"worker\",state=\"busy\"} 1\n"));
	assert_true(has(text, "tasksrv_workers{kind=\"worker\",state=\"idle\"} 1\n"));
	assert_true(has(text, "tasksrv_workers{kind=\"task_worker\",state=\"idle\"} 1\n"));
	assert_true(has(text, "tasksrv_respawns_total{kind=\"task_worker\"} 2\n"));
	assert_true(has(text, "tasksrv_respawns_total{kind=\"user_process\"} 0\n"));
	assert_true(has(text, "tasksrv_abnormal_exits_total{kind=\"worker\"} 1\n"));
	assert_true(has(text, "# TYPE tasksrv_tasks_accepted counter\n"));
	assert_true(has(text, "tasksrv_tasks_accepted_total 5\n"));
	assert_true(has(text, "tasksrv_tasks_failed_total{reason=\"exception\"} 1\n"));
	assert_true(has(text, "tasksrv_tasks_failed_total{reason=\"timeout\"} 0\n"));
	assert_true(has(text, "tasksrv_tasks_running 1\n"));
	assert_true(has(text, "tasksrv_process_resident_memory_bytes{role=\"manager\",id=\"0\"} "));
	/* The text ends with # EOF, once. */
	assert_true(strlen(text) > 6 && strcmp(text + strlen(text) - 6, "# EOF\n") == 0);
	assert_ptr_equal(strstr(text, "# EOF"), text + strlen(text) - 6);

	tasksrv_buffer_free(&out);
	tasksrv_shm_destroy(s.shm);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_ok),
		cmocka_unit_test(parse_refused),
		cmocka_unit_test(format_reading),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
