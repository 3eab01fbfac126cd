#include "shm.h"

#include <string.h>
#include <sys/mman.h>

static size_t shm_size(uint32_t nworkers, uint32_t session_cap, uint32_t nendpoints)
{
	return sizeof(tasksrv_shm_t) + nworkers * sizeof(tasksrv_worker_slot_t)
		+ (size_t) session_cap * sizeof(tasksrv_session_t)
		+ (size_t) nendpoints * nendpoints * sizeof(tasksrv_chan_track_t);
}

static tasksrv_session_t *sessions(tasksrv_shm_t *shm)
{
	return (tasksrv_session_t *) (void *) &shm->workers[shm->nworkers];
}

tasksrv_chan_track_t *tasksrv_shm_track(tasksrv_shm_t *shm, int n, int reader, int from)
{
	tasksrv_chan_track_t *tracks;

	if (shm == NULL || reader < 0 || from < 0 || (uint32_t) n != shm->nendpoints) {
		return NULL;
	}
	tracks = (tasksrv_chan_track_t *) (void *) &sessions(shm)[shm->session_cap];
	return &tracks[reader * n + from];
}

tasksrv_shm_t *tasksrv_shm_create(uint32_t nworkers, uint32_t session_cap, uint32_t nendpoints)
{
	tasksrv_shm_t *shm;
	uint32_t i;

	shm = mmap(NULL, shm_size(nworkers, session_cap, nendpoints), PROT_READ | PROT_WRITE,
		MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (shm == MAP_FAILED) {
		return NULL;
	}
	/* A fresh anonymous mapping is zero-filled. */
	shm->nworkers = nworkers;
	shm->session_cap = session_cap;
	shm->nendpoints = nendpoints;
	for (i = 0; i < nworkers; i++) {
		shm->workers[i].cur_task_id = -1;
		shm->workers[i].status = TASKSRV_WORKER_EXIT;
	}
	return shm;
}

void tasksrv_shm_destroy(tasksrv_shm_t *shm)
{
	if (shm) {
		munmap(shm, shm_size(shm->nworkers, shm->session_cap, shm->nendpoints));
	}
}

int64_t tasksrv_shm_session_open(tasksrv_shm_t *shm, int worker_id, int os_fd)
{
	uint32_t tries;

	/* Ids only grow; a slot still held by a live connection after the ids wrapped
	 * around the table is skipped, like a taken number at a counter. */
	for (tries = 0; tries < shm->session_cap; tries++) {
		int64_t id = TASKSRV_ATOMIC_ADD(&shm->session_round, 1);
		tasksrv_session_t *s = &sessions(shm)[id & (shm->session_cap - 1)];
		int64_t expect = 0;

		if (__atomic_compare_exchange_n(&s->id, &expect, -1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
			memset((char *) s + sizeof(s->id), 0, sizeof(*s) - sizeof(s->id));
			s->worker_id = worker_id;
			s->os_fd = os_fd;
			__atomic_store_n(&s->id, id, __ATOMIC_RELEASE);
			return id;
		}
	}
	return 0;
}

int tasksrv_shm_session_bind(tasksrv_shm_t *shm, int64_t id, uint32_t uid)
{
	tasksrv_session_t *s = tasksrv_shm_session_get(shm, id);
	uint32_t expect = 0;

	/* Any process may bind: the first uid wins, as in Swoole. */
	if (s == NULL || !__atomic_compare_exchange_n(&s->uid, &expect, uid, 0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED)) {
		return -1;
	}
	return 0;
}

tasksrv_session_t *tasksrv_shm_session_get(tasksrv_shm_t *shm, int64_t id)
{
	tasksrv_session_t *s;

	if (id <= 0) {
		return NULL;
	}
	s = &sessions(shm)[id & (shm->session_cap - 1)];
	return __atomic_load_n(&s->id, __ATOMIC_ACQUIRE) == id ? s : NULL;
}

void tasksrv_shm_session_close(tasksrv_shm_t *shm, int64_t id)
{
	tasksrv_session_t *s = tasksrv_shm_session_get(shm, id);

	if (s) {
		s->closed_id = id;
		__atomic_store_n(&s->id, 0, __ATOMIC_RELEASE);
	}
}

tasksrv_session_t *tasksrv_shm_session_get_closed(tasksrv_shm_t *shm, int64_t id)
{
	tasksrv_session_t *s = tasksrv_shm_session_get(shm, id);

	if (s == NULL && id > 0) {
		s = &sessions(shm)[id & (shm->session_cap - 1)];
		if (__atomic_load_n(&s->id, __ATOMIC_ACQUIRE) != 0 || s->closed_id != id) {
			return NULL;
		}
	}
	return s;
}

int64_t tasksrv_shm_sessions_drop_worker(tasksrv_shm_t *shm, int worker_id)
{
	tasksrv_session_t *all = sessions(shm);
	int64_t n = 0;
	uint32_t i;

	for (i = 0; i < shm->session_cap; i++) {
		if (__atomic_load_n(&all[i].id, __ATOMIC_ACQUIRE) > 0 && all[i].worker_id == worker_id) {
			all[i].closed_id = all[i].id;
			__atomic_store_n(&all[i].id, 0, __ATOMIC_RELEASE);
			n++;
		}
	}
	return n;
}

tasksrv_session_t *tasksrv_shm_session_next(tasksrv_shm_t *shm, int64_t after, int64_t *id)
{
	tasksrv_session_t *all = sessions(shm);
	uint32_t i = after > 0 ? (uint32_t) (after & (shm->session_cap - 1)) + 1 : 0;
	int64_t round = TASKSRV_ATOMIC_LOAD(&shm->session_round);
	/* Ids are handed out in order: until they wrap, no slot past the last id was
	 * ever used, and the scan need not touch (nor fault in) the rest of the table. */
	uint32_t end = round >= (int64_t) shm->session_cap ? shm->session_cap : (uint32_t) round + 1;

	for (; i < end; i++) {
		*id = __atomic_load_n(&all[i].id, __ATOMIC_ACQUIRE);
		if (*id > 0) {
			return &all[i];
		}
	}
	*id = 0;
	return NULL;
}

void tasksrv_shm_count_http(tasksrv_shm_t *shm, int worker_id, int status)
{
	int cls = status >= 100 && status <= 599 ? status / 100 : 0;

	if (shm == NULL) {
		return;
	}
	if (worker_id >= 0 && (uint32_t) worker_id < shm->nworkers) {
		TASKSRV_ATOMIC_ADD(&shm->workers[worker_id].http_status[cls], 1);
	} else {
		TASKSRV_ATOMIC_ADD(&shm->http_status_other[cls], 1);
	}
}
