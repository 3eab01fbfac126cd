/* tasksrv: what one run of the server holds in a process (the shared memory, the
 * rings, the channel ends, the loop, the connection table, deferred frames, the
 * manager's tables) and its release: at the end of start(), and in every child,
 * which must not keep what its parent held. */
#include "run.h"
#include "channel.h"
#include "conn.h"
#include "metrics_listen.h"
#include "signals.h"
#include "userproc.h"

#include <stdlib.h>

/* The manager's own bookkeeping: freed at the end of a run, and by every child,
 * which must not keep its parent's. */
void tasksrv_run_free_manager(tasksrv_server_t *s)
{
	free(s->manager.pids);
	s->manager.pids = NULL;
	free(s->manager.kill_at);
	s->manager.kill_at = NULL;
	free(s->manager.respawn);
	s->manager.respawn = NULL;
	s->manager.respawn_timer = 0;
	free(s->manager.reload_old);
	s->manager.reload_old = NULL;
	s->manager.reloading = 0;
	s->manager.reload_timer = 0;
}

void tasksrv_run_free(tasksrv_server_t *s)
{
	int i;

	/* Before the loop goes: its connections leave the loop first. */
	tasksrv_metrics_listen_close();
	tasksrv_transport_close(&s->transport);
	tasksrv_channel_close(s);
	tasksrv_channel_destroy(s);
	if (s->loop.epfd >= 0) {
		tasksrv_loop_free(&s->loop);
	}
	tasksrv_conn_free_all(s);
	tasksrv_buffer_free(&s->tasks.backlog);
	tasksrv_buffer_free(&s->tasks.resend);
	s->tasks.backlog_timer = 0;
	for (i = s->deferred_pos; i < s->ndeferred; i++) {
		s->hooks->payload_free(s, s->deferred[i].handle);
	}
	free(s->deferred);
	s->deferred = NULL;
	s->ndeferred = s->deferred_cap = s->deferred_pos = 0;
	tasksrv_run_free_manager(s);
	tasksrv_shm_destroy(s->shm);
	s->shm = NULL;
	tasksrv_ring_set_destroy(s->rings);
	s->rings = NULL;
	tasksrv_userproc_release(s);
	tasksrv_signals_restore();
}
