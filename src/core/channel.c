/* tasksrv: the socketpairs between processes ("channels") and the frames on them.
 *
 * The manager creates one SOCK_STREAM socketpair per pair of endpoints before it
 * forks, and keeps every end, so a respawned process inherits exactly the channels
 * of the one it replaces.
 *
 * Reading never blocks in the middle of a frame. A channel with a receive ring
 * (src/core/ring.h, shared memory) takes every byte one read() brings and hands out
 * every whole frame in it; a frame too large for the ring has its payload read
 * straight into storage the glue allocated. Without rings (very large servers)
 * a channel never takes a byte beyond the frame it is reading: the header, then
 * the payload. Either way, what a reader has taken is in shared memory (the ring,
 * and tasksrv_chan_track_t for a payload being read directly), so if a process
 * dies mid-frame its successor resumes exactly where it stopped, and the stream
 * stays aligned.
 *
 * Channels from a task worker to an event worker (results, the hot direction) are
 * shared-memory channels when there are rings: the task worker copies each frame
 * whole into the worker's ring and publishes it with one store (src/core/ring.h), and
 * rings the worker's eventfd only when the worker sleeps, so a busy pipeline makes
 * no syscall per result. A frame with a big payload puts only its header in the
 * ring (a marker); its payload follows on the socket, which carries nothing else,
 * and is read straight into its storage.
 *
 * A channel found corrupt (a header its reader cannot trust: a bug, or memory
 * overwritten) is never read on into garbage, and never silently swallows what is
 * sent on it: see "A channel found corrupt" below. */
#include "channel.h"
#include "io.h"
#include "log.h"
#include "signals.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>


#define CHANNEL_SNDBUF (1024 * 1024)

static void dev_corrupt_setup(tasksrv_server_t *s, int self);
static void peer_want_out(tasksrv_server_t *s, tasksrv_peer_t *p, int on);
static void peer_input(tasksrv_server_t *s, tasksrv_peer_t *p);

/* Every pair of processes talks: tasks and results between workers and task
 * workers, sendMessage() between any two, bookkeeping with the manager. */
static int pair_needed(const tasksrv_server_t *s, int a, int b)
{
	(void) s;
	return a != b;
}

int tasksrv_channel_create(tasksrv_server_t *s)
{
	int n = s->nendpoints, a, b, sv[2], sndbuf = CHANNEL_SNDBUF;
	socklen_t len = sizeof(sndbuf);

	s->chan = malloc(sizeof(int) * n * n);
	if (s->chan == NULL) {
		return -1;
	}
	for (a = 0; a < n * n; a++) {
		s->chan[a] = -1;
	}
	for (a = 0; a < n; a++) {
		for (b = a + 1; b < n; b++) {
			if (!pair_needed(s, a, b)) {
				continue;
			}
			if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv) < 0) {
				return -1;
			}
			/* A bigger send buffer carries a large payload in fewer rounds (each
			 * costs a write, a wake-up and a read on both sides). The kernel caps it
			 * at net.core.wmem_max and takes memory only for bytes in flight. */
			setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof(sndbuf));
			setsockopt(sv[1], SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof(sndbuf));
			s->chan[a * n + b] = sv[0];
			s->chan[b * n + a] = sv[1];
			if (s->chan_piece == 0) {
				/* What the kernel made of it (it doubles the request, within its cap). */
				s->chan_piece = getsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &sndbuf, &len) == 0 && sndbuf > 0
					? (size_t) sndbuf / 8 * 5 : 65536;
				sndbuf = CHANNEL_SNDBUF;
			}
		}
	}
	return 0;
}

void tasksrv_channel_destroy(tasksrv_server_t *s)
{
	int i;

	if (s->chan == NULL) {
		return;
	}
	for (i = 0; i < s->nendpoints * s->nendpoints; i++) {
		if (s->chan[i] >= 0) {
			close(s->chan[i]);
		}
	}
	free(s->chan);
	s->chan = NULL;
}

/* Event workers and task workers write their frames for each other into the
 * reader's ring; every other channel is read from its socket. */
static int channel_is_shm(const tasksrv_server_t *s, int reader, int writer)
{
	int w = s->cfg.worker_num, t = s->cfg.task_worker_num;
	int reader_is_worker = reader >= 0 && reader < w, reader_is_task_worker = reader >= w && reader < w + t;
	int writer_is_worker = writer >= 0 && writer < w, writer_is_task_worker = writer >= w && writer < w + t;

	return s->rings != NULL && ((reader_is_worker && writer_is_task_worker) || (reader_is_task_worker && writer_is_worker));
}

/* Wraps each end of this endpoint's row in a peer. A child closes the other rows;
 * the manager keeps them for the processes it will respawn. */
void tasksrv_channel_open(tasksrv_server_t *s, int self, int close_others)
{
	int n = s->nendpoints, i;

	for (i = 0; i < n * n && close_others; i++) {
		if (s->chan[i] >= 0 && i / n != self) {
			close(s->chan[i]);
			s->chan[i] = -1;
		}
	}
	s->self_endpoint = self;
	/* A predecessor may have left whole frames in the rings: the socket will not
	 * say so, so the loop looks before it first sleeps. */
	s->ring_leftover = s->rings != NULL;
	s->peers = calloc(n, sizeof(tasksrv_peer_t));
	s->dirty = calloc(n, sizeof(int));
	s->ndirty = 0;
	s->shm_reader = 0;
	s->wait_epfd = -1;
	s->broken_timer = 0;   /* (a timer of the process this one was forked from) */
	for (i = 0; i < n; i++) {
		s->peers[i].srv = s;
		s->peers[i].peer = i;
		s->peers[i].h.fd = s->chan[self * n + i];
		s->peers[i].h.fn = tasksrv_channel_on_event;
		s->peers[i].h.ctx = &s->peers[i];
		s->peers[i].has_ring = tasksrv_ring_of(s->rings, self, i, &s->peers[i].ring) == 0;
		s->peers[i].wt = i == self ? NULL : tasksrv_shm_track(s->shm, n, i, self);
		s->peers[i].rt = i == self ? NULL : tasksrv_shm_track(s->shm, n, self, i);
		s->peers[i].shm_in = s->peers[i].has_ring && s->peers[i].h.fd >= 0 && channel_is_shm(s, self, i);
		s->peers[i].shm_out = s->peers[i].h.fd >= 0 && channel_is_shm(s, i, self)
			&& tasksrv_ring_of(s->rings, i, self, &s->peers[i].out_ring) == 0;
		s->shm_reader |= s->peers[i].shm_in;
	}
	dev_corrupt_setup(s, self);
}

void tasksrv_channel_close(tasksrv_server_t *s)
{
	int i;

	if (s->peers == NULL) {
		return;
	}
	for (i = 0; i < s->nendpoints; i++) {
		tasksrv_buffer_free(&s->peers[i].out);
		tasksrv_buffer_free(&s->peers[i].on_wire);
		if (s->peers[i].in_handle) {
			s->hooks->payload_free(s, s->peers[i].in_handle);
		}
	}
	free(s->peers);
	s->peers = NULL;
	if (s->wait_epfd >= 0) {
		close(s->wait_epfd);
		s->wait_epfd = -1;
	}
	free(s->dirty);
	s->dirty = NULL;
	s->ndirty = 0;
}

static tasksrv_chan_track_t *track_of(tasksrv_server_t *s, int peer)
{
	return tasksrv_shm_track(s->shm, s->nendpoints, s->self_endpoint, peer);
}

static void reset_input(tasksrv_peer_t *p)
{
	p->in_hdr_got = 0;
	p->in_handle = NULL;
	p->in_dst = NULL;
	p->in_got = 0;
}

/* The predecessor died writing a frame to peer: the reader is told the frame is
 * padding (poison), then the frame is completed (the rest of its header, zeros for
 * its payload), so the reader drops it and the next frame starts aligned. */
static void finish_cut_frame(tasksrv_server_t *s, int peer, tasksrv_chan_track_t *w)
{
	char zeros[16384];
	uint32_t total = w->w_total, sent = w->w_sent;
	int fd = s->peers[peer].h.fd;

	memset(zeros, 0, sizeof(zeros));
	memcpy(w->poison_hdr, w->w_hdr, sizeof(w->poison_hdr));
	__atomic_store_n(&w->poison, 1, __ATOMIC_SEQ_CST);
	tasksrv_log(TASKSRV_LOG_NOTICE, "channel to endpoint %d: completing a frame my predecessor was writing (%u of %u bytes)",
		peer, sent, total);
	while (sent < total) {
		struct iovec iov;
		ssize_t n;
		if (sent < sizeof(w->w_hdr)) {
			iov.iov_base = w->w_hdr + sent;
			iov.iov_len = sizeof(w->w_hdr) - sent;
		} else {
			iov.iov_base = zeros;
			iov.iov_len = total - sent < sizeof(zeros) ? total - sent : sizeof(zeros);
		}
		n = tasksrv_io_writev_some(fd, &iov, 1);
		if (n < 0 || (n == 0 && tasksrv_io_wait(fd, POLLOUT, tasksrv_io_now_ms() + 10000) <= 0)) {
			tasksrv_log(TASKSRV_LOG_ERROR, "channel to endpoint %d: cannot complete the cut frame: %s", peer, strerror(errno));
			break;
		}
		sent += (uint32_t) n;
	}
	w->w_total = 0;
}

/* A frame its predecessor died reading is skipped: a task fails (its sender is
 * told); a packet from the master leaves the dispatch count (dispatch_mode 3). */
static void frame_skipped(tasksrv_server_t *s, int peer, const tasksrv_frame_t *hdr)
{
	if (s->role == TASKSRV_ROLE_TASK_WORKER) {
		s->report_cut(s, peer, hdr);
	} else if (s->role == TASKSRV_ROLE_WORKER && hdr->type == TASKSRV_FRAME_RECEIVE) {
		TASKSRV_ATOMIC_ADD(&s->shm->workers[s->worker_id].queued, -1);
	}
}

/* A successor takes over a channel whose reader died mid-frame: the rest of that
 * frame is skipped, the bytes after it are the next frame. */
void tasksrv_channel_resume(tasksrv_server_t *s, void (*cut)(tasksrv_server_t *s, int peer, const tasksrv_frame_t *hdr))
{
	int i;

	s->report_cut = cut;

	for (i = 0; s->peers && i < s->nendpoints; i++) {
		tasksrv_chan_track_t *t;
		if (s->peers[i].h.fd < 0 || (t = track_of(s, i)) == NULL) {
			continue;
		}
		if (s->peers[i].shm_in) {
			/* Frames in the ring are whole: only a payload being read from the
			 * socket is skipped, after its marker if that is still in the ring. */
			tasksrv_frame_t hdr;
			if (t->left == 0) {
				continue;
			}
			if (s->peers[i].ring.pos->start == t->mark) {
				tasksrv_ring_consume(&s->peers[i].ring, sizeof(tasksrv_frame_t));
			}
			s->peers[i].in_skip = t->left;
			memcpy(&hdr, t->hdr, sizeof(hdr));
			frame_skipped(s, i, &hdr);
		} else if (s->peers[i].has_ring) {
			/* Whole frames and a partial one wait in the ring: nothing to do,
			 * unless a payload was being read past it, straight into storage. */
			tasksrv_frame_t hdr;
			if (t->left == 0) {
				continue;
			}
			tasksrv_ring_consume(&s->peers[i].ring, tasksrv_ring_used(&s->peers[i].ring));
			s->peers[i].in_skip = t->left;
			memcpy(&hdr, t->hdr, sizeof(hdr));
			if (s->role == TASKSRV_ROLE_TASK_WORKER) {
				s->report_cut(s, i, &hdr);
			}
		} else if (t->hdr_got > 0 && t->hdr_got < sizeof(tasksrv_frame_t)) {
			memcpy(&s->peers[i].in, t->hdr, t->hdr_got);
			s->peers[i].in_hdr_got = t->hdr_got;
			s->peers[i].in_discard = 1;
		} else if (t->left > 0) {
			tasksrv_frame_t hdr;
			s->peers[i].in_skip = t->left;
			memcpy(&hdr, t->hdr, sizeof(hdr));
			frame_skipped(s, i, &hdr);
		} else {
			continue;
		}
		tasksrv_log(TASKSRV_LOG_NOTICE, "channel to endpoint %d: skipping the rest of a frame my predecessor was reading", i);
	}
	for (i = 0; s->peers && i < s->nendpoints; i++) {
		tasksrv_chan_track_t *w;
		if (s->peers[i].h.fd >= 0 && (w = tasksrv_shm_track(s->shm, s->nendpoints, i, s->self_endpoint)) != NULL
				&& w->w_total > 0) {
			/* Only a frame partly on the wire needs completing; on a shared-memory
			 * channel, the payload of a marker that made it into the ring. */
			if (s->peers[i].shm_out) {
				if ((int32_t) (__atomic_load_n(&s->peers[i].out_ring.pos->end, __ATOMIC_ACQUIRE) - w->w_mark) >= 0
						&& w->w_sent < w->w_total) {
					finish_cut_frame(s, i, w);
				}
			} else if (w->w_sent > 0 && w->w_sent < w->w_total) {
				finish_cut_frame(s, i, w);
			}
			w->w_total = 0;
			w->w_booked = 0;
		}
	}
}

static int read_some(int fd, void *dst, size_t n, ssize_t *got)
{
	ssize_t r;

	do {
		r = read(fd, dst, n);
	} while (r < 0 && errno == EINTR);
	if (r > 0) {
		*got = r;
		return 1;
	}
	if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
		return 0;
	}
	if (r == 0) {
		errno = ECONNRESET;
	}
	return -1;
}

/* {{{ A channel found corrupt.
 *
 * Its reader stops at the first header it cannot trust (channel_corrupt: an unknown
 * version or type, a length past the limit, a frame that is not whole in a
 * shared-memory ring) and marks the channel broken in its track, in shared memory: from
 * then on every send on it fails (EBADMSG) instead of queueing bytes nobody will read,
 * and every byte that still arrives on it is discarded. The reader tells the writer
 * with a CHANNEL_BROKEN frame on the channel the other way (a separate stream). The
 * writer, when it reads that frame (writer_gives_up), fails every task it put on the
 * channel that the reader never took (channel_corrupt: the reader counts the tasks it
 * takes, r_tasks, and the writer keeps the headers of those it put on the wire that may
 * not be taken yet, on_wire), drops what it still had queued for the reader, writes
 * one byte that wakes it, and marks the channel CHAN_ACKED: it writes nothing more on it.
 * The reader then empties the ring and the socket to the last byte and marks the
 * channel sound (broken_input). A task worker, and an event worker whose channel from
 * the master broke (client events were lost), are replaced instead of reading on; their
 * successor does the reset. The last answers of tasks are counted the same way: a task
 * worker whose answer was lost (or could not be sent) sends its caller a failure once the
 * channel is sound again (task.c). No byte of the old stream is read as a frame, and
 * every task on it ends once: the reader took it (and it ends there as any task), or
 * its writer failed it. */
enum { CHAN_SOUND = 0, CHAN_BROKEN = 1, CHAN_ACKED = 2 };

/* What on_wire holds per frame that ends a task (a TASK, or the last RESULT of one):
 * its header and its number on the channel, then, for a failure record, the record
 * (plen bytes: the writer sends it again once the channel is sound). */
typedef struct {
	tasksrv_frame_t hdr;
	uint64_t seq;
	uint32_t plen;
	uint32_t pad;
} wire_task_t;

/* The frames counted on a channel: a task, and the last frame of a task's answer. */
static inline int counted(const tasksrv_frame_t *f)
{
	return f->type == TASKSRV_FRAME_TASK || (f->type == TASKSRV_FRAME_RESULT && (f->flags & TASKSRV_FLAG_FINAL));
}

static int chan_state(const tasksrv_chan_track_t *t)
{
	return t ? (int) __atomic_load_n(&t->broken, __ATOMIC_ACQUIRE) : CHAN_SOUND;
}

int tasksrv_channel_is_broken(const tasksrv_server_t *s, int peer)
{
	return s->peers != NULL && peer >= 0 && peer < s->nendpoints && chan_state(s->peers[peer].wt) != CHAN_SOUND;
}

int tasksrv_channel_input_broken(const tasksrv_server_t *s, int peer)
{
	return s->peers != NULL && peer >= 0 && peer < s->nendpoints && chan_state(s->peers[peer].rt) != CHAN_SOUND;
}

static void endpoint_name(const tasksrv_server_t *s, int ep, char *buf, size_t len)
{
	int w = s->cfg.worker_num, t = s->cfg.task_worker_num;

	if (ep < w) {
		snprintf(buf, len, "worker #%d", ep);
	} else if (ep < w + t) {
		snprintf(buf, len, "task worker #%d", ep);
	} else if (ep == tasksrv_state_endpoint_manager(s)) {
		snprintf(buf, len, "the manager");
	} else {
		snprintf(buf, len, "the master");
	}
}

/* Whether the reader of a broken channel from peer is replaced rather than reading on:
 * a task worker (it holds nothing, a fresh one is cheap), and an event worker fed by the
 * SWOOLE_PROCESS master (client events were lost: its view of its connections is wrong). */
static int reader_replaced(const tasksrv_server_t *s, int peer)
{
	if (s->role == TASKSRV_ROLE_TASK_WORKER) {
		return 1;
	}
	return s->role == TASKSRV_ROLE_WORKER && !s->single && peer == tasksrv_state_endpoint_master(s);
}

/* A reader of a broken channel looks at it every BROKEN_POLL_MS as well: the byte that
 * wakes it when its writer gives up may be read (and discarded) a moment before the
 * writer says so, and then nothing else would wake it. */
#define BROKEN_POLL_MS 20

static void broken_poll(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_server_t *s = ctx;
	int i, left = 0;

	(void) loop;
	s->broken_timer = 0;
	for (i = 0; s->peers && i < s->nendpoints; i++) {
		if (s->peers[i].h.fd >= 0 && chan_state(s->peers[i].rt) != CHAN_SOUND) {
			peer_input(s, &s->peers[i]);
			left |= chan_state(s->peers[i].rt) != CHAN_SOUND;
		}
	}
	if (left && s->loop.epfd >= 0 && s->loop.running) {
		s->broken_timer = tasksrv_loop_timer_add(&s->loop, BROKEN_POLL_MS, broken_poll, s);
	}
}

static void broken_watch(tasksrv_server_t *s)
{
	if (!s->broken_timer && s->loop.epfd >= 0) {
		s->broken_timer = tasksrv_loop_timer_add(&s->loop, BROKEN_POLL_MS, broken_poll, s);
	}
}

/* One line per channel found corrupt; a storm of them (every channel at once) is capped. */
static tasksrv_log_limit_t corrupt_log;

/* The reader found a header it cannot trust (why): the channel is broken from here on.
 * Returns 0 (no frame: the channel now reads as empty until it is reset). */
static int channel_corrupt(tasksrv_server_t *s, tasksrv_peer_t *p, tasksrv_chan_track_t *t, const char *why)
{
	char from[32], to[32];
	tasksrv_frame_t f;
	uint32_t expect = CHAN_SOUND;
	int replaced = reader_replaced(s, p->peer);

	endpoint_name(s, p->peer, from, sizeof(from));
	endpoint_name(s, s->self_endpoint, to, sizeof(to));
	if (t == NULL) {
		tasksrv_log(TASKSRV_LOG_ERROR, "channel from %s to %s is corrupt: %s", from, to, why);
		errno = EBADMSG;
		return -1;
	}
	if (!__atomic_compare_exchange_n(&t->broken, &expect, CHAN_BROKEN, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
		return 0;
	}
	if (p->in_handle) {
		s->hooks->payload_free(s, p->in_handle);
	}
	reset_input(p);
	p->in_skip = 0;
	p->in_discard = 0;
	tasksrv_log_limited(&corrupt_log, TASKSRV_LOG_ERROR, "channel from %s to %s is corrupt (%s): nothing more is read "
		"from it and sends on it fail until it is reset; %s", from, to, why,
		replaced ? "this process is replaced" : "its writer is told");
	/* A writer waiting for room in the ring would wait forever: it looks again. */
	if (p->shm_in) {
		tasksrv_ring_set_wake_writer(s->rings, &p->ring, p->peer);
	}
	tasksrv_frame_make(&f, TASKSRV_FRAME_CHANNEL_BROKEN, 0);
	if (tasksrv_channel_send_async(s, p->peer, &f, "") < 0) {
		tasksrv_log(TASKSRV_LOG_WARNING, "cannot tell %s that its channel to %s is corrupt: %s", from, to, strerror(errno));
	}
	if (replaced) {
		tasksrv_loop_stop(&s->loop);
	} else {
		broken_watch(s);
	}
	return 0;
}

/* Discards what the socket holds now. Returns 0, or -1 on error. */
static int discard_socket(tasksrv_peer_t *p)
{
	char buf[16384];
	ssize_t got;
	int r;

	while ((r = read_some(p->h.fd, buf, sizeof(buf), &got)) > 0) {
	}
	return r;
}

/* Reading a broken channel: what arrives is discarded; once its writer has given up
 * (and so stopped writing), the ring and the socket are emptied to the last byte and
 * the channel is sound again. Returns 1 when it is (read on), 0 while it is still
 * broken, -1 on error. */
static int broken_input(tasksrv_server_t *s, tasksrv_peer_t *p, tasksrv_chan_track_t *t)
{
	char from[32], to[32];

	if (discard_socket(p) < 0) {
		return -1;
	}
	if (chan_state(t) != CHAN_ACKED) {
		broken_watch(s);
		return 0;
	}
	/* The writer wrote its last byte before it said so: it is all in the socket now. */
	if (discard_socket(p) < 0) {
		return -1;
	}
	if (p->has_ring) {
		tasksrv_ring_consume(&p->ring, tasksrv_ring_used(&p->ring));
	}
	if (p->in_handle) {
		s->hooks->payload_free(s, p->in_handle);
	}
	reset_input(p);
	p->in_skip = 0;
	p->in_discard = 0;
	p->big_hint = 0;
	t->left = 0;
	t->hdr_got = 0;
	t->mark = 0;
	__atomic_store_n(&t->poison, 0, __ATOMIC_SEQ_CST);
	/* Every task its writer put on it is accounted for: taken before, or failed. */
	__atomic_store_n(&t->r_tasks, __atomic_load_n(&t->w_tasks, __ATOMIC_ACQUIRE), __ATOMIC_RELEASE);
	__atomic_store_n(&t->broken, CHAN_SOUND, __ATOMIC_SEQ_CST);
	if (p->shm_in) {
		tasksrv_ring_room_made(s->rings, &p->ring, p->peer);
	}
	endpoint_name(s, p->peer, from, sizeof(from));
	endpoint_name(s, s->self_endpoint, to, sizeof(to));
	tasksrv_log(TASKSRV_LOG_NOTICE, "channel from %s to %s: emptied, in use again", from, to);
	return 1;
}

/* The reader counts the tasks (and last answers) it takes off the channel (one it then
 * refuses or skips is its to fail). */
static inline void task_taken(tasksrv_chan_track_t *t, const tasksrv_frame_t *f)
{
	if (t != NULL && counted(f)) {
		__atomic_add_fetch(&t->r_tasks, 1, __ATOMIC_RELEASE);
	}
}

/* A task's (or a last answer's) first byte goes on the channel now: it is numbered,
 * and its header kept until the reader has taken it (what was taken is dropped here,
 * oldest first). */
static void task_on_wire(tasksrv_peer_t *p, const tasksrv_frame_t *f, const char *payload)
{
	tasksrv_chan_track_t *t = p->wt;
	wire_task_t w;
	uint64_t taken;

	if (t == NULL || !counted(f)) {
		return;
	}
	taken = __atomic_load_n(&t->r_tasks, __ATOMIC_ACQUIRE);
	while (tasksrv_buffer_size(&p->on_wire) >= sizeof(w)) {
		memcpy(&w, tasksrv_buffer_head(&p->on_wire), sizeof(w));
		if ((int64_t) (w.seq - taken) > 0) {
			break;
		}
		tasksrv_buffer_consume(&p->on_wire, sizeof(w) + w.plen);
	}
	memset(&w, 0, sizeof(w));
	w.hdr = *f;
	w.seq = __atomic_add_fetch(&t->w_tasks, 1, __ATOMIC_RELEASE);
	w.plen = (f->flags & TASKSRV_FLAG_FAILURE) ? f->len : 0;
	/* Out of memory: if the channel breaks, this frame is booked by count only. */
	if (tasksrv_buffer_append(&p->on_wire, &w, sizeof(w)) == 0 && w.plen > 0
			&& tasksrv_buffer_append(&p->on_wire, payload, w.plen) < 0) {
		tasksrv_buffer_free(&p->on_wire);
	}
}

/* The reader of the channel to p found it corrupt (its CHANNEL_BROKEN frame came): the
 * tasks it never took fail, what waits here for it is dropped, and the reader is told
 * it may reset the channel. */
static void writer_gives_up(tasksrv_server_t *s, tasksrv_peer_t *p)
{
	tasksrv_chan_track_t *t = p->wt;
	tasksrv_frame_t hdr;
	uint64_t taken, put, known = 0, queued = 0, unknown;
	size_t off, dropped;
	char from[32], to[32], b = 0;
	ssize_t n;

	if (t == NULL || p->giving_up || chan_state(t) != CHAN_BROKEN) {
		return;
	}
	p->giving_up = 1;
	taken = __atomic_load_n(&t->r_tasks, __ATOMIC_ACQUIRE);
	put = __atomic_load_n(&t->w_tasks, __ATOMIC_ACQUIRE);
	/* On the wire, past what the reader took. */
	while (tasksrv_buffer_size(&p->on_wire) >= sizeof(wire_task_t)) {
		wire_task_t w;
		memcpy(&w, tasksrv_buffer_head(&p->on_wire), sizeof(w));
		if ((int64_t) (w.seq - taken) > 0) {
			known++;
			s->frames_lost(s, p->peer, &w.hdr, w.plen ? tasksrv_buffer_head(&p->on_wire) + sizeof(w) : NULL, 0);
		}
		tasksrv_buffer_consume(&p->on_wire, sizeof(w) + w.plen);
	}
	tasksrv_buffer_free(&p->on_wire);
	/* Still queued here, behind the rest of the frame being written (on the wire). */
	for (off = p->out_left; off + sizeof(hdr) <= tasksrv_buffer_size(&p->out); off += sizeof(hdr) + hdr.len) {
		memcpy(&hdr, tasksrv_buffer_head(&p->out) + off, sizeof(hdr));
		if (counted(&hdr)) {
			s->frames_lost(s, p->peer, &hdr, tasksrv_buffer_head(&p->out) + off + sizeof(hdr), 0);
			queued++;
		}
	}
	/* An earlier writer's (this process is its successor): counted only. */
	unknown = put - taken > known ? put - taken - known : 0;
	s->frames_lost(s, p->peer, NULL, NULL, unknown);
	dropped = tasksrv_buffer_size(&p->out);
	tasksrv_buffer_free(&p->out);
	p->out_left = 0;
	p->out_tasks = 0;
	p->out_finals = 0;
	p->out_task_bytes = 0;
	t->w_pend_tasks = 0;
	t->w_pend_bytes = 0;
	t->w_total = 0;
	peer_want_out(s, p, 0);
	/* One byte behind all it wrote: it wakes the reader, who then empties the channel. */
	do {
		n = write(p->h.fd, &b, 1);
	} while (n < 0 && errno == EINTR);
	__atomic_store_n(&t->broken, CHAN_ACKED, __ATOMIC_SEQ_CST);
	p->giving_up = 0;
	endpoint_name(s, s->self_endpoint, from, sizeof(from));
	endpoint_name(s, p->peer, to, sizeof(to));
	tasksrv_log(TASKSRV_LOG_WARNING, "channel from %s to %s was found corrupt by its reader: %lu task(s) on it failed "
		"as channel_corrupt, %zu queued byte(s) dropped; nothing is sent on it until its reader has emptied it",
		from, to, (unsigned long) (known + queued + unknown), dropped);
}
/* }}} */

/* {{{ Fault injection, developer builds only (--enable-tasksrv-dev, which defines
 * TASKSRV_DEV): TASKSRV_DEV_CORRUPT_FRAME="from:to:n" in the environment makes endpoint
 * `from` write the n-th frame it sends to endpoint `to` with a header its reader cannot
 * trust (an unknown version). Once per server run: the channel's track remembers it, so
 * a successor of the writer does not do it again. Release builds ignore the variable. */
static void dev_corrupt_setup(tasksrv_server_t *s, int self)
{
#ifdef TASKSRV_DEV
	const char *v = getenv("TASKSRV_DEV_CORRUPT_FRAME");
	int from, to, n;

	if (v != NULL && sscanf(v, "%d:%d:%d", &from, &to, &n) == 3 && from == self && to >= 0
			&& to < s->nendpoints && to != self && n > 0) {
		s->peers[to].dev_corrupt = n;
	}
#else
	(void) s;
	(void) self;
#endif
}

static void dev_corrupt_frame(tasksrv_peer_t *p, tasksrv_frame_t *f)
{
#ifdef TASKSRV_DEV
	if (p->dev_corrupt > 0 && --p->dev_corrupt == 0 && p->wt != NULL && !p->wt->dev_corrupted) {
		p->wt->dev_corrupted = 1;
		f->version = 0xee;
		tasksrv_log(TASKSRV_LOG_NOTICE, "TASKSRV_DEV_CORRUPT_FRAME: a frame of type %d to endpoint %d goes out with a corrupt header",
			f->type, p->peer);
	}
#else
	(void) p;
	(void) f;
#endif
}
/* }}} */

/* Discards bytes the predecessor left of a frame. Returns 1 when done, 0 when more
 * must come, -1 on error. */
static int skip_input(tasksrv_server_t *s, tasksrv_peer_t *p, tasksrv_chan_track_t *t)
{
	char buf[16384];
	ssize_t got;
	int r;

	while (p->in_skip > 0) {
		r = read_some(p->h.fd, buf, p->in_skip < sizeof(buf) ? p->in_skip : sizeof(buf), &got);
		if (r <= 0) {
			return r;
		}
		p->in_skip -= (size_t) got;
		if (t) {
			t->left = (uint32_t) p->in_skip;
		}
	}
	(void) s;
	return 1;
}

/* Reads the rest of a payload straight into its storage. 1 when it is whole. */
static int read_payload(tasksrv_peer_t *p, tasksrv_chan_track_t *t)
{
	ssize_t got;
	int r;

	while (p->in_got < p->in.len) {
		r = read_some(p->h.fd, p->in_dst + p->in_got, p->in.len - p->in_got, &got);
		if (r <= 0) {
			return r;
		}
		p->in_got += (size_t) got;
		if (t) {
			t->left = (uint32_t) (p->in.len - p->in_got);
		}
	}
	return 1;
}

/* A whole frame was received: 1 when it is handed out, 0 when it was padding
 * (its writer died writing it and the successor completed it) and is dropped. */
static int hand_out(tasksrv_server_t *s, tasksrv_peer_t *p, tasksrv_chan_track_t *t, tasksrv_frame_t *f, void **handle)
{
	if (p->in.type == TASKSRV_FRAME_CHANNEL_BROKEN) {
		/* The channels' own business: our channel to p is broken. */
		if (p->in_handle) {
			s->hooks->payload_free(s, p->in_handle);
		}
		reset_input(p);
		writer_gives_up(s, p);
		return 0;
	}
	if (t && __atomic_load_n(&t->poison, __ATOMIC_SEQ_CST)
			&& memcmp(t->poison_hdr, &p->in, sizeof(p->in)) == 0) {
		__atomic_store_n(&t->poison, 0, __ATOMIC_SEQ_CST);
		tasksrv_log(TASKSRV_LOG_NOTICE, "channel to endpoint %d: dropped a frame its writer died writing", p->peer);
		s->hooks->payload_free(s, p->in_handle);
		reset_input(p);
		return 0;
	}
	*f = p->in;
	*handle = p->in_handle;
	p->big_hint = p->in.len >= TASKSRV_RING_BIG;
	reset_input(p);
	return 1;
}

#define IN_PROGRESS_NONE 2      /* no frame in progress: the ring is next */
#define IN_PROGRESS_DROPPED 3   /* a frame was completed and dropped as padding */

/* The frame in progress outside the ring: the rest of a predecessor's frame to
 * skip, or a payload being read from the socket. 1 when a frame is handed out, 0
 * when more must come, -1 on error, or IN_PROGRESS_NONE / IN_PROGRESS_DROPPED. */
static int frame_in_progress(tasksrv_server_t *s, tasksrv_peer_t *p, tasksrv_chan_track_t *t, tasksrv_frame_t *f, void **handle)
{
	int r;

	if (p->in_skip > 0 && (r = skip_input(s, p, t)) <= 0) {
		return r;
	}
	if (p->in_dst == NULL) {
		return IN_PROGRESS_NONE;
	}
	if ((r = read_payload(p, t)) <= 0) {
		return r;
	}
	return hand_out(s, p, t, f, handle) ? 1 : IN_PROGRESS_DROPPED;
}

/* The frame whose header is p->in cannot be taken: its payload is more than this
 * process can allocate (the glue's payload_alloc said no). Its payload is skipped
 * (`skip` bytes of it still to come on the socket: in_skip, which a successor
 * finds in the track too) and the frame is refused: a task fails as too_large, a
 * result becomes its caller's failure. Returns 1 with a frame to hand out in
 * f/handle, 0 when there is none. */
static int refuse_frame(tasksrv_server_t *s, tasksrv_peer_t *p, tasksrv_chan_track_t *t, uint32_t skip,
	tasksrv_frame_t *f, void **handle)
{
	tasksrv_frame_t hdr = p->in;

	reset_input(p);
	p->in_skip = skip;
	if (t) {
		memcpy(t->hdr, &hdr, sizeof(hdr));
		__atomic_store_n(&t->left, skip, __ATOMIC_RELEASE);
	}
	if (t && __atomic_load_n(&t->poison, __ATOMIC_SEQ_CST) && memcmp(t->poison_hdr, &hdr, sizeof(hdr)) == 0) {
		/* Padding its writer's successor completed: nothing to refuse. */
		__atomic_store_n(&t->poison, 0, __ATOMIC_SEQ_CST);
		return 0;
	}
	return s->refuse_frame(s, p->peer, &hdr, f, handle);
}

/* With a ring: every whole frame in it is handed out without a syscall; one
 * read() brings as many as fit. A big frame (TASKSRV_RING_BIG) that is not whole
 * in the ring leaves it: what the ring holds of it is copied, the rest read
 * straight into its storage. After a big frame, an empty ring reads only the
 * next header, so that a run of big frames is read without any copy. */
static int read_frame_ring(tasksrv_server_t *s, tasksrv_peer_t *p, tasksrv_chan_track_t *t, tasksrv_frame_t *f, void **handle)
{
	const uint32_t hsize = sizeof(tasksrv_frame_t);
	const char *bad;
	uint32_t used;
	int r;

	for (;;) {
		if ((r = frame_in_progress(s, p, t, f, handle)) == IN_PROGRESS_DROPPED) {
			continue;
		}
		if (r != IN_PROGRESS_NONE) {
			return r;
		}
		used = tasksrv_ring_used(&p->ring);
		if (used >= hsize) {
			tasksrv_ring_peek(&p->ring, 0, &p->in, hsize);
			if ((bad = tasksrv_frame_check(&p->in)) != NULL) {
				return channel_corrupt(s, p, t, bad);
			}
			if (used - hsize >= p->in.len) {
				if ((p->in_dst = s->hooks->payload_alloc(s, p->in.len, &p->in_handle)) == NULL) {
					tasksrv_ring_consume(&p->ring, hsize + p->in.len);
					task_taken(t, &p->in);
					if (refuse_frame(s, p, t, 0, f, handle)) {
						return 1;
					}
					continue;
				}
				tasksrv_ring_peek(&p->ring, hsize, p->in_dst, p->in.len);
				tasksrv_ring_consume(&p->ring, hsize + p->in.len);
				task_taken(t, &p->in);
				if (hand_out(s, p, t, f, handle)) {
					return 1;
				}
				continue;
			}
			if (p->in.len >= TASKSRV_RING_BIG) {
				/* The track first: a successor of a process that dies allocating
				 * drops the ring's bytes (all of this frame) and skips `left`. */
				if (t) {
					memcpy(t->hdr, &p->in, hsize);
					__atomic_store_n(&t->left, (uint32_t) (p->in.len - (used - hsize)), __ATOMIC_RELEASE);
				}
				task_taken(t, &p->in);
				if ((p->in_dst = s->hooks->payload_alloc(s, p->in.len, &p->in_handle)) == NULL) {
					tasksrv_ring_consume(&p->ring, used);
					if (refuse_frame(s, p, t, p->in.len - (used - hsize), f, handle)) {
						return 1;
					}
					continue;
				}
				p->in_got = used - hsize;
				tasksrv_ring_peek(&p->ring, hsize, p->in_dst, (uint32_t) p->in_got);
				tasksrv_ring_consume(&p->ring, used);
				continue;
			}
		}
		if ((r = tasksrv_ring_fill(&p->ring, p->h.fd, used == 0 && p->big_hint ? hsize : 0)) <= 0) {
			return r;
		}
	}
}

/* A shared-memory channel: the writer put whole frames in the ring. A big
 * frame's header is a marker: its payload is read from the socket, straight into
 * its storage. */
static int read_frame_shm(tasksrv_server_t *s, tasksrv_peer_t *p, tasksrv_chan_track_t *t, tasksrv_frame_t *f, void **handle)
{
	const uint32_t hsize = sizeof(tasksrv_frame_t);
	const char *bad;
	uint32_t used;
	int r, big;

	for (;;) {
		if ((r = frame_in_progress(s, p, t, f, handle)) == IN_PROGRESS_DROPPED) {
			continue;
		}
		if (r != IN_PROGRESS_NONE) {
			return r;
		}
		used = tasksrv_ring_used(&p->ring);
		if (used < hsize) {
			return 0;
		}
		tasksrv_ring_peek(&p->ring, 0, &p->in, hsize);
		if ((bad = tasksrv_frame_check(&p->in)) == NULL && p->in.len < TASKSRV_RING_BIG && used - hsize < p->in.len) {
			bad = "a frame is not whole in the ring";
		}
		if (bad != NULL) {
			return channel_corrupt(s, p, t, bad);
		}
		big = p->in.len >= TASKSRV_RING_BIG;
		if (big && t) {
			/* The track first (before the allocation, which may kill this process):
			 * a successor seeing the marker still in the ring at `mark` consumes
			 * it, then skips `left` bytes of the socket. */
			memcpy(t->hdr, &p->in, hsize);
			t->mark = p->ring.pos->start;
			__atomic_store_n(&t->left, p->in.len, __ATOMIC_RELEASE);
		}
		if (big) {
			task_taken(t, &p->in);
		}
		if ((p->in_dst = s->hooks->payload_alloc(s, p->in.len, &p->in_handle)) == NULL) {
			uint32_t len = p->in.len;
			tasksrv_ring_consume(&p->ring, big ? hsize : hsize + len);
			if (!big) {
				task_taken(t, &p->in);
			}
			tasksrv_ring_room_made(s->rings, &p->ring, p->peer);
			if (refuse_frame(s, p, t, big ? len : 0, f, handle)) {
				return 1;
			}
			continue;
		}
		if (big) {
			p->in_got = 0;
		} else {
			tasksrv_ring_peek(&p->ring, hsize, p->in_dst, p->in.len);
			p->in_got = p->in.len;
		}
		tasksrv_ring_consume(&p->ring, big ? hsize : hsize + p->in.len);
		if (!big) {
			task_taken(t, &p->in);
		}
		tasksrv_ring_room_made(s->rings, &p->ring, p->peer);
	}
}

int tasksrv_channel_read_frame(tasksrv_server_t *s, int peer, tasksrv_frame_t *f, void **handle)
{
	tasksrv_peer_t *p = &s->peers[peer];
	tasksrv_chan_track_t *t = track_of(s, peer);
	const size_t hsize = sizeof(tasksrv_frame_t);
	const char *bad;
	ssize_t got;
	int r;

	*handle = NULL;
	if (chan_state(t) != CHAN_SOUND && (r = broken_input(s, p, t)) <= 0) {
		return r;
	}
	if (p->shm_in) {
		return read_frame_shm(s, p, t, f, handle);
	}
	if (p->has_ring) {
		return read_frame_ring(s, p, t, f, handle);
	}
	for (;;) {
		if (p->in_skip > 0 && (r = skip_input(s, p, t)) <= 0) {
			return r;
		}
		if (p->in_hdr_got < hsize) {
			r = read_some(p->h.fd, (char *) &p->in + p->in_hdr_got, hsize - p->in_hdr_got, &got);
			if (r <= 0) {
				return r;
			}
			p->in_hdr_got += (size_t) got;
			if (t) {
				memcpy(t->hdr, &p->in, p->in_hdr_got);
				t->hdr_got = (uint32_t) p->in_hdr_got;
			}
			if (p->in_hdr_got < hsize) {
				continue;
			}
			if ((bad = tasksrv_frame_check(&p->in)) != NULL) {
				return channel_corrupt(s, p, t, bad);
			}
			if (t) {
				t->left = p->in.len;
				t->hdr_got = 0;
			}
			task_taken(t, &p->in);
			if (p->in_discard) {
				/* The predecessor's frame: it is skipped whole, payload included. */
				p->in_discard = 0;
				p->in_skip = p->in.len;
				frame_skipped(s, peer, &p->in);
				reset_input(p);
				continue;
			}
		}
		if (p->in_dst == NULL) {
			/* A whole header without storage: just read, or met again by a later call
			 * after a corrupt header (which stays corrupt: never handed out). */
			if (tasksrv_frame_check(&p->in) != NULL) {
				errno = EPROTO;
				return -1;
			}
			p->in_dst = s->hooks->payload_alloc(s, p->in.len, &p->in_handle);
			if (p->in_dst == NULL) {
				if (refuse_frame(s, p, t, p->in.len, f, handle)) {
					return 1;
				}
				continue;
			}
			p->in_got = 0;
		}
		if ((r = read_payload(p, t)) <= 0) {
			return r;
		}
		if (hand_out(s, p, t, f, handle)) {
			return 1;
		}
	}
}

/* Whether a read may find a frame without waiting on the socket. */
int tasksrv_channel_has_input(const tasksrv_server_t *s, int peer)
{
	const tasksrv_peer_t *p = &s->peers[peer];

	return p->has_ring && p->in_dst == NULL && p->in_skip == 0 && chan_state(p->rt) == CHAN_SOUND
		&& tasksrv_ring_used(&p->ring) >= sizeof(tasksrv_frame_t);
}

static void peer_want_out(tasksrv_server_t *s, tasksrv_peer_t *p, int on)
{
	uint32_t ev = (p->h.events & ~(uint32_t) EPOLLOUT) | (on ? EPOLLOUT : 0);

	if (s->loop.epfd < 0) {
		return;
	}
	if (!p->registered) {
		if (on && tasksrv_loop_add(&s->loop, &p->h, p->h.fd, ev) == 0) {
			p->registered = 1;
		}
		return;
	}
	tasksrv_loop_mod(&s->loop, &p->h, ev);
}

/* stats()' pipe_packet_msg_id: the frames put on the channel matrix, server-wide. */
static void msg_counted(tasksrv_server_t *s)
{
	if (s->shm) {
		TASKSRV_ATOMIC_ADD(&s->shm->pipe_packet_msg_id, 1);
	}
}

/* {{{ The writer's half of the track mirrors p->out, so that whoever outlives this
 * process knows what it left: the manager books the TASK frames no byte of which
 * reached the wire (tasksrv_ledger_book_unsent), the successor completes the frame
 * cut in the middle (finish_cut_frame) and its reader drops it. Plain stores, read
 * only once this process is dead. A write is published before the writev as if it
 * will take everything (the common case), and corrected after when it did not: a
 * kill lands on the way out of the syscall, with no chance to store its result. */
static void out_publish(tasksrv_peer_t *p)
{
	tasksrv_chan_track_t *t = p->wt;
	size_t total = sizeof(p->out_hdr) + p->out_hdr.len;

	if (t == NULL) {
		return;
	}
	t->w_pend_tasks = p->out_tasks;
	t->w_pend_bytes = p->out_task_bytes;
	if (p->out_left > 0 && p->out_left < total) {
		memcpy(t->w_hdr, &p->out_hdr, sizeof(t->w_hdr));
		t->w_sent = (uint32_t) (total - p->out_left);
		t->w_total = (uint32_t) total;
	} else {
		t->w_total = 0;
	}
}

/* Before a writev of all of out: what is true once it took everything. */
static void out_publish_all_sent(tasksrv_peer_t *p)
{
	if (p->wt != NULL && (p->out_tasks > 0 || p->wt->w_total > 0)) {
		p->wt->w_pend_tasks = 0;
		p->wt->w_pend_bytes = 0;
		p->wt->w_total = 0;
	}
}

/* A whole frame went into out behind what is there. */
static void out_queued(tasksrv_peer_t *p, const tasksrv_frame_t *f)
{
	if (f->type == TASKSRV_FRAME_TASK) {
		p->out_tasks++;
		p->out_task_bytes += f->len;
		if (p->wt != NULL) {
			p->wt->w_pend_tasks = p->out_tasks;
			p->wt->w_pend_bytes = p->out_task_bytes;
		}
	} else if (counted(f)) {
		p->out_finals++;
	}
}

/* w bytes from the head of out reached the socket: walks the frames they cover. */
static void out_written(tasksrv_peer_t *p, size_t w)
{
	const char *b = tasksrv_buffer_head(&p->out);
	size_t k;

	if (w == tasksrv_buffer_size(&p->out) && p->out_tasks == 0 && p->out_finals == 0) {
		p->out_left = 0;
		p->out_task_bytes = 0;
		return;
	}
	while (w > 0) {
		if (p->out_left == 0) {
			memcpy(&p->out_hdr, b, sizeof(p->out_hdr));
			p->out_left = sizeof(p->out_hdr) + p->out_hdr.len;
			if (p->out_hdr.type == TASKSRV_FRAME_TASK) {
				p->out_tasks--;
				p->out_task_bytes -= p->out_hdr.len;
			} else if (counted(&p->out_hdr)) {
				p->out_finals--;
			}
			task_on_wire(p, &p->out_hdr, b + sizeof(p->out_hdr));
		}
		k = w < p->out_left ? w : p->out_left;
		p->out_left -= k;
		w -= k;
		b += k;
	}
}
/* }}} */

/* A frame as written: its header, then its payload. */
static void frame_iov(struct iovec iov[2], tasksrv_frame_t *f, const char *payload)
{
	iov[0].iov_base = f;
	iov[0].iov_len = sizeof(*f);
	iov[1].iov_base = (void *) payload;
	iov[1].iov_len = f->len;
}

static int shm_send(tasksrv_server_t *s, tasksrv_peer_t *p, tasksrv_frame_t *f, const char *payload);
static int shm_send_async(tasksrv_server_t *s, tasksrv_peer_t *p, tasksrv_frame_t *f, const char *payload);
static int shm_flush(tasksrv_server_t *s, tasksrv_peer_t *p);

size_t tasksrv_channel_backlog(const tasksrv_server_t *s, int peer)
{
	return s->peers && s->peers[peer].h.fd >= 0 ? tasksrv_buffer_size(&s->peers[peer].out) : 0;
}

int tasksrv_channel_send_async(tasksrv_server_t *s, int peer, tasksrv_frame_t *f, const char *payload)
{
	tasksrv_peer_t *p = &s->peers[peer];
	struct iovec iov[2];
	ssize_t w = 0;
	size_t total = sizeof(*f) + f->len;
	int cut;

	if (p->h.fd < 0) {
		errno = EPIPE;
		return -1;
	}
	if (chan_state(p->wt) != CHAN_SOUND) {
		/* Found corrupt by its reader: what is sent now would be lost. Its word may
		 * not have come yet (or never will: the manager reads none): given up now. */
		writer_gives_up(s, p);
		errno = EBADMSG;
		return -1;
	}
	dev_corrupt_frame(p, f);
	if (p->shm_out) {
		/* A task worker has no loop turn while it runs PHP: it writes now. */
		return s->role == TASKSRV_ROLE_TASK_WORKER ? shm_send(s, p, f, payload) : shm_send_async(s, p, f, payload);
	}
	frame_iov(iov, f, payload);
	msg_counted(s);
	if ((s->corked || p->dirty) && s->dirty) {
		/* Corked (or behind corked frames): the frames of a batch leave together
		 * (tasksrv_channel_uncork, at the latest when the batch ends). */
		if (tasksrv_buffer_append(&p->out, (const char *) f, sizeof(*f)) < 0
				|| tasksrv_buffer_append(&p->out, payload, f->len) < 0) {
			return -1;
		}
		out_queued(p, f);
		if (!p->dirty) {
			p->dirty = 1;
			s->dirty[s->ndirty++] = peer;
		}
		return 0;
	}
	/* Write at once when nothing is queued before us; keep only what the socket refused. */
	if (tasksrv_buffer_size(&p->out) == 0) {
		w = tasksrv_io_writev_some(p->h.fd, iov, 2);
		if (w < 0) {
			return -1;
		}
		if (w > 0) {
			task_on_wire(p, f, payload);
		}
		if ((size_t) w == total) {
			return 0;
		}
	}
	cut = w > 0;
	if (cut) {
		/* Cut: the rest of this frame heads out. */
		p->out_hdr = *f;
		p->out_left = total - (size_t) w;
		out_publish(p);
	}
	if ((size_t) w < sizeof(*f)) {
		if (tasksrv_buffer_append(&p->out, (char *) f + w, sizeof(*f) - w) < 0) {
			return -1;
		}
		w = 0;
	} else {
		w -= sizeof(*f);
	}
	if (tasksrv_buffer_append(&p->out, payload + w, f->len - w) < 0) {
		return -1;
	}
	if (!cut) {
		out_queued(p, f);
	}
	peer_want_out(s, p, 1);
	return 0;
}

static int peer_flush(tasksrv_server_t *s, tasksrv_peer_t *p)
{
	struct iovec iov;
	ssize_t w;

	if (chan_state(p->wt) != CHAN_SOUND) {
		/* Dropped once its reader's word comes (writer_gives_up). */
		peer_want_out(s, p, 0);
		return 0;
	}
	if (p->shm_out) {
		return shm_flush(s, p);
	}
	while (tasksrv_buffer_size(&p->out) > 0) {
		iov.iov_base = tasksrv_buffer_head(&p->out);
		iov.iov_len = tasksrv_buffer_size(&p->out);
		out_publish_all_sent(p);
		w = tasksrv_io_writev_some(p->h.fd, &iov, 1);
		if (w <= 0) {
			out_publish(p);
			return w < 0 ? -1 : 0;
		}
		out_written(p, (size_t) w);
		if ((size_t) w < iov.iov_len) {
			out_publish(p);
		}
		tasksrv_buffer_consume(&p->out, (size_t) w);
	}
	tasksrv_buffer_shrink(&p->out);
	peer_want_out(s, p, 0);
	return 0;
}

/* tasksrv_io_wait on p's socket; with POLLIN on a shared-memory channel, also
 * until a frame is in p's ring (its writer rings this process's eventfd). */
static int peer_wait(tasksrv_server_t *s, tasksrv_peer_t *p, short events, int64_t deadline_ms)
{
	struct pollfd pfd[2];
	int rc;

	if (!p->shm_in || !(events & POLLIN)) {
		return tasksrv_io_wait(p->h.fd, events, deadline_ms);
	}
	for (;;) {
		/* The eventfd is emptied before the flag goes up and the ring is looked at:
		 * a writer that rings after that leaves it readable. */
		tasksrv_ring_set_wake_clear(s->rings, s->self_endpoint);
		tasksrv_ring_set_sleep_begin(s->rings, s->self_endpoint);
		if (tasksrv_channel_has_input(s, p->peer)) {
			tasksrv_ring_set_sleep_end(s->rings, s->self_endpoint);
			return 1;
		}
		pfd[0].fd = p->h.fd;
		pfd[0].events = events;
		pfd[1].fd = tasksrv_ring_set_wake_fd(s->rings, s->self_endpoint);
		pfd[1].events = POLLIN;
		pfd[0].revents = pfd[1].revents = 0;
		rc = poll(pfd, 2, tasksrv_io_timeout_ms(deadline_ms));
		if (rc < 0 && errno != EINTR) {
			return -1;
		}
		if (rc == 0) {
			return 0;
		}
		/* A wake-up maybe for another ring: the loop looks at all of them before it sleeps. */
		if (rc > 0 && pfd[0].revents) {
			return 1;
		}
	}
}

/* Waits until p can take more bytes; frames arriving on it meanwhile are read and
 * deferred, so two processes writing to each other never block each other. */
static int wait_writable_draining(tasksrv_server_t *s, tasksrv_peer_t *p)
{
	tasksrv_frame_t f;
	void *handle;
	int r;

	/* A task worker only writes results to workers, which always drain: it can wait. */
	if (s->role == TASKSRV_ROLE_TASK_WORKER) {
		return tasksrv_io_wait(p->h.fd, POLLOUT, -1) < 0 ? -1 : 0;
	}
	for (;;) {
		r = peer_wait(s, p, POLLOUT | POLLIN, -1);
		if (r < 0) {
			return -1;
		}
		r = tasksrv_channel_read_frame(s, p->peer, &f, &handle);
		if (r < 0) {
			return -1;
		}
		if (r == 1) {
			tasksrv_channel_defer(s, &f, p->peer, handle);
			continue;
		}
		if (chan_state(p->wt) != CHAN_SOUND) {
			errno = EBADMSG;
			return -1;
		}
		return 0;
	}
}

/* {{{ Writing on shared-memory channels. A frame goes into the peer's ring whole
 * (published with one store), or, with a big payload, as a marker whose payload
 * follows on the socket. What does not fit waits in out, in order, and is booked
 * as out's frames are (out_queued, out_written, out_publish): the booking of a
 * frame changes before the frame is published, so that a kill between the two
 * leaves it booked as never sent, and never sent. */

/* Writes the next piece of a marker's payload (sent: bytes of the frame on their
 * way already). A kill during a write leaves no chance to store what it took, so
 * the track says before the write what is true once it took everything; here that
 * is made true: a piece goes only when the socket is writable (for a Unix stream
 * socket: at most a quarter of its send buffer in use; `writable`: a wait for
 * POLLOUT alone just said so, else poll is asked) and is at most 5/8 of the buffer,
 * which the socket then takes whole (it refuses a new skb only once the buffer is
 * full, and an skb's overhead is far below the 1/8 left). Returns the bytes
 * written, 0 when the socket is not writable now, -1 on error. */
static ssize_t payload_piece(tasksrv_server_t *s, tasksrv_peer_t *p, const char *buf, size_t len, uint32_t sent, int writable)
{
	struct pollfd pfd;
	struct iovec iov;
	ssize_t w;
	int r = 1;

	pfd.fd = p->h.fd;
	pfd.events = POLLOUT;
	pfd.revents = POLLOUT;
	while (!writable && (r = poll(&pfd, 1, 0)) < 0 && errno == EINTR) {
	}
	if (r <= 0 || !(pfd.revents & POLLOUT)) {
		if (r < 0 || (pfd.revents & (POLLERR | POLLHUP | POLLNVAL))) {
			errno = r < 0 ? errno : EPIPE;
			return -1;
		}
		return 0;
	}
	iov.iov_base = (void *) buf;
	iov.iov_len = len < s->chan_piece ? len : s->chan_piece;
	if (p->wt) {
		p->wt->w_sent = sent + (uint32_t) iov.iov_len;
	}
	w = tasksrv_io_writev_some(p->h.fd, &iov, 1);
	if (p->wt) {
		p->wt->w_sent = sent + (uint32_t) (w > 0 ? w : 0);
	}
	return w;
}

/* The marker of f goes into the ring next: a successor completes its payload (with
 * padding) once the ring's end has passed w_mark, and only then. */
static void shm_track_marker(tasksrv_peer_t *p, const tasksrv_frame_t *f)
{
	tasksrv_chan_track_t *t = p->wt;

	if (t) {
		t->w_mark = p->out_ring.pos->end + (uint32_t) sizeof(*f);
		memcpy(t->w_hdr, f, sizeof(*f));
		t->w_sent = sizeof(*f);
		__atomic_store_n(&t->w_total, (uint32_t) (sizeof(*f) + f->len), __ATOMIC_RELEASE);
	}
}

/* Sleeps until p's ring may have room for need bytes (its reader rings this
 * process's eventfd once it consumed), at most until deadline_ms (-1: none).
 * An event worker reads p's frames meanwhile and defers them: p may be waiting
 * for room in this worker's ring. Returns 1 when there is room, 0 at the deadline. */
static int wait_room(tasksrv_server_t *s, tasksrv_peer_t *p, uint32_t need, int64_t deadline_ms)
{
	int drain = s->role != TASKSRV_ROLE_TASK_WORKER && p->shm_in;
	struct pollfd pfd[2];
	tasksrv_frame_t f;
	void *handle;
	int r;

	while (tasksrv_ring_room(&p->out_ring) < need) {
		if (chan_state(p->wt) != CHAN_SOUND) {
			/* Its reader stopped reading: the room will not come. */
			errno = EBADMSG;
			return -1;
		}
		/* Empty the eventfd, raise the flag, then look: a reader that consumes after
		 * the flag is up rings an eventfd nobody empties before the poll. (Emptying it
		 * after raising the flag could eat the ring of a consume that took the flag
		 * down without making room enough, and the wait would never end.) */
		tasksrv_ring_set_wake_clear(s->rings, s->self_endpoint);
		tasksrv_ring_writer_waits(&p->out_ring, need);
		if (tasksrv_ring_room(&p->out_ring) >= need) {
			return 1;
		}
		if (drain) {
			while ((r = tasksrv_channel_read_frame(s, p->peer, &f, &handle)) == 1) {
				tasksrv_channel_defer(s, &f, p->peer, handle);
			}
			if (r < 0) {
				return -1;
			}
			tasksrv_ring_set_sleep_begin(s->rings, s->self_endpoint);
			if (tasksrv_channel_has_input(s, p->peer) || tasksrv_ring_room(&p->out_ring) >= need) {
				continue;
			}
		}
		pfd[0].fd = tasksrv_ring_set_wake_fd(s->rings, s->self_endpoint);
		pfd[0].events = POLLIN;
		pfd[1].fd = p->h.fd;
		pfd[1].events = POLLIN;
		pfd[0].revents = pfd[1].revents = 0;
		r = poll(pfd, drain ? 2 : 1, tasksrv_io_timeout_ms(deadline_ms));
		if (r < 0 && errno != EINTR) {
			return -1;
		}
		if (r == 0) {
			return 0;
		}
	}
	return 1;
}

/* The frame at the head of out (whole, not a payload): the ring space it needs,
 * and whether it is big (only its marker goes into the ring). */
static uint32_t shm_head_need(tasksrv_peer_t *p, int *big)
{
	tasksrv_frame_t hdr;

	memcpy(&hdr, tasksrv_buffer_head(&p->out), sizeof(hdr));
	*big = hdr.len >= TASKSRV_RING_BIG;
	return (uint32_t) sizeof(hdr) + (*big ? 0 : hdr.len);
}

/* Moves out's frames into p's ring while there is room; a marker's payload goes to
 * the socket, and nothing after it until it is all there. */
static int shm_flush(tasksrv_server_t *s, tasksrv_peer_t *p)
{
	const uint32_t hsize = sizeof(tasksrv_frame_t);
	uint32_t need;
	int put = 0, big;
	ssize_t w;

	while (tasksrv_buffer_size(&p->out) > 0) {
		if (p->out_left > 0) {
			w = payload_piece(s, p, tasksrv_buffer_head(&p->out), p->out_left,
				(uint32_t) (sizeof(p->out_hdr) + p->out_hdr.len - p->out_left), 0);
			if (w < 0) {
				return -1;
			}
			out_written(p, (size_t) w);
			tasksrv_buffer_consume(&p->out, (size_t) w);
			out_publish(p);
			if (p->out_left > 0) {
				peer_want_out(s, p, 1);
				break;
			}
			continue;
		}
		need = shm_head_need(p, &big);
		if (tasksrv_ring_room(&p->out_ring) < need) {
			/* The reader rings this process's eventfd once it consumed. */
			tasksrv_ring_writer_waits(&p->out_ring, need);
			if (tasksrv_ring_room(&p->out_ring) < need) {
				peer_want_out(s, p, 0);
				break;
			}
		}
		if (big && p->wt) {
			p->wt->w_mark = p->out_ring.pos->end + hsize;
		}
		out_written(p, need);
		out_publish(p);
		tasksrv_ring_put(&p->out_ring, tasksrv_buffer_head(&p->out), need, NULL, 0);
		tasksrv_buffer_consume(&p->out, need);
		put |= !big;
	}
	if (tasksrv_buffer_size(&p->out) == 0) {
		tasksrv_buffer_shrink(&p->out);
		peer_want_out(s, p, 0);
	}
	if (put) {
		tasksrv_ring_set_wake_reader(s->rings, p->peer);
	}
	return 0;
}

/* An event worker's send: into the ring now when nothing waits before it and it
 * fits, else behind what waits in out. */
static int shm_send_async(tasksrv_server_t *s, tasksrv_peer_t *p, tasksrv_frame_t *f, const char *payload)
{
	const uint32_t hsize = sizeof(*f);
	ssize_t w;

	msg_counted(s);
	if (tasksrv_buffer_size(&p->out) == 0) {
		if (f->len < TASKSRV_RING_BIG && tasksrv_ring_room(&p->out_ring) >= hsize + f->len) {
			task_on_wire(p, f, payload);
			tasksrv_ring_put(&p->out_ring, f, hsize, payload, f->len);
			if (s->corked && s->dirty) {
				/* A reader that sleeps is rung once, when the batch is uncorked (an
				 * awake one takes the frame now). */
				if (!p->dirty) {
					p->dirty = 1;
					s->dirty[s->ndirty++] = p->peer;
				}
			} else {
				tasksrv_ring_set_wake_reader(s->rings, p->peer);
			}
			return 0;
		}
		if (f->len >= TASKSRV_RING_BIG && tasksrv_ring_room(&p->out_ring) >= hsize) {
			shm_track_marker(p, f);
			task_on_wire(p, f, payload);
			tasksrv_ring_put(&p->out_ring, f, hsize, NULL, 0);
			w = payload_piece(s, p, payload, f->len, hsize, 0);
			if (w >= 0 && (size_t) w == f->len) {
				if (p->wt) {
					p->wt->w_total = 0;
				}
				return 0;
			}
			if (w < 0) {
				w = 0;
			}
			/* The rest of the payload heads out; the frame is on its way, no longer queued. */
			p->out_hdr = *f;
			p->out_left = f->len - (size_t) w;
			out_publish(p);
			if (tasksrv_buffer_append(&p->out, payload + w, f->len - (size_t) w) < 0) {
				return -1;
			}
			peer_want_out(s, p, 1);
			return 0;
		}
	}
	if (tasksrv_buffer_append(&p->out, (const char *) f, hsize) < 0
			|| tasksrv_buffer_append(&p->out, payload, f->len) < 0) {
		return -1;
	}
	out_queued(p, f);
	return shm_flush(s, p);
}

/* A blocking send: returns once the frame is all in the ring (and a big payload all
 * on the socket). Frames waiting in out go first. */
static int shm_send(tasksrv_server_t *s, tasksrv_peer_t *p, tasksrv_frame_t *f, const char *payload)
{
	const uint32_t hsize = sizeof(*f), total = hsize + f->len;
	tasksrv_chan_track_t *t = p->wt;
	uint32_t sent = hsize;
	ssize_t w;
	int big, writable = 0;

	while (tasksrv_buffer_size(&p->out) > 0) {
		if (shm_flush(s, p) < 0) {
			return -1;
		}
		if (tasksrv_buffer_size(&p->out) == 0) {
			break;
		}
		if ((p->out_left > 0 ? wait_writable_draining(s, p) : wait_room(s, p, shm_head_need(p, &big), -1)) < 0) {
			return -1;
		}
	}
	msg_counted(s);
	if (wait_room(s, p, f->len < TASKSRV_RING_BIG ? total : hsize, -1) < 0) {
		return -1;
	}
	task_on_wire(p, f, payload);
	if (f->len < TASKSRV_RING_BIG) {
		tasksrv_ring_put(&p->out_ring, f, hsize, payload, f->len);
		tasksrv_ring_set_wake_reader(s->rings, p->peer);
		return 0;
	}
	/* No ring for a marker: its payload on the socket wakes the reader, who watches
	 * the socket whenever it sleeps. */
	shm_track_marker(p, f);
	tasksrv_ring_put(&p->out_ring, f, hsize, NULL, 0);
	while (sent < total) {
		w = payload_piece(s, p, payload + (sent - hsize), total - sent, sent, writable);
		if (w > 0) {
			sent += (uint32_t) w;
		}
		/* After a piece the buffer is over a quarter full: wait at once. A task
		 * worker's wait is for POLLOUT alone, so the next piece needs no poll. */
		if (w < 0 || (sent < total && wait_writable_draining(s, p) < 0)) {
			if (t) {
				t->w_total = 0;
			}
			return -1;
		}
		writable = s->role == TASKSRV_ROLE_TASK_WORKER;
	}
	if (t) {
		__atomic_store_n(&t->w_total, 0, __ATOMIC_RELEASE);
	}
	return 0;
}
/* }}} */

int tasksrv_channel_send_blocking(tasksrv_server_t *s, int peer, tasksrv_frame_t *f, const char *payload)
{
	tasksrv_peer_t *p = &s->peers[peer];
	tasksrv_chan_track_t *t;
	struct iovec iov[2];
	int i = 0;
	ssize_t w;
	uint32_t sent = 0, total = (uint32_t) (sizeof(*f) + f->len);

	if (p->h.fd < 0) {
		errno = EPIPE;
		return -1;
	}
	if (chan_state(p->wt) != CHAN_SOUND) {
		writer_gives_up(s, p);
		errno = EBADMSG;
		return -1;
	}
	dev_corrupt_frame(p, f);
	if (p->shm_out) {
		return shm_send(s, p, f, payload);
	}
	/* Bytes queued earlier go first: frames on a channel never overtake each other. */
	while (tasksrv_buffer_size(&p->out) > 0) {
		if (peer_flush(s, p) < 0 || (tasksrv_buffer_size(&p->out) > 0 && wait_writable_draining(s, p) < 0)) {
			return -1;
		}
	}
	frame_iov(iov, f, payload);
	msg_counted(s);
	task_on_wire(p, f, payload);
	/* Progress is kept in shared memory: if this process dies mid-frame, its
	 * successor completes the frame (tasksrv_channel_resume) and the stream survives,
	 * and the manager books a task that did not get through. Each writev is
	 * published as taking everything before it runs (see out_publish). */
	t = p->wt;
	if (t) {
		memcpy(t->w_hdr, f, sizeof(*f));
		t->w_sent = 0;
		__atomic_store_n(&t->w_total, total, __ATOMIC_RELEASE);
	}
	while (i < 2) {
		if (t) {
			t->w_sent = total;
		}
		w = tasksrv_io_writev_some(p->h.fd, &iov[i], 2 - i);
		if (w < 0) {
			if (t) {
				t->w_total = 0;
			}
			return -1;
		}
		sent += (uint32_t) w;
		if (t) {
			t->w_sent = sent;
		}
		if (w == 0) {
			if (wait_writable_draining(s, p) < 0) {
				if (t) {
					t->w_total = 0;
				}
				return -1;
			}
			continue;
		}
		while (w > 0 && i < 2) {
			if ((size_t) w >= iov[i].iov_len) {
				w -= (ssize_t) iov[i].iov_len;
				iov[i].iov_len = 0;
				i++;
			} else {
				iov[i].iov_base = (char *) iov[i].iov_base + w;
				iov[i].iov_len -= (size_t) w;
				w = 0;
			}
		}
		while (i < 2 && iov[i].iov_len == 0) {
			i++;
		}
	}
	if (t) {
		__atomic_store_n(&t->w_total, 0, __ATOMIC_RELEASE);
	}
	return 0;
}

void tasksrv_channel_defer(tasksrv_server_t *s, const tasksrv_frame_t *f, int peer, void *handle)
{
	if (s->ndeferred == s->deferred_cap) {
		int cap = s->deferred_cap ? s->deferred_cap * 2 : 16;
		tasksrv_deferred_t *d = realloc(s->deferred, sizeof(*d) * cap);
		if (d == NULL) {
			tasksrv_log(TASKSRV_LOG_ERROR, "out of memory: a frame from endpoint %d was dropped", peer);
			s->hooks->payload_free(s, handle);
			return;
		}
		s->deferred = d;
		s->deferred_cap = cap;
	}
	s->deferred[s->ndeferred].f = *f;
	s->deferred[s->ndeferred].peer = peer;
	s->deferred[s->ndeferred].handle = handle;
	s->ndeferred++;
}

/* A ring can hold many frames: they are handed out in one go, up to a bound that
 * keeps the other channels served, and never past a signal or a stop (a task
 * worker stops between tasks; what is left stays in the ring for its successor).
 * Frames left behind are picked up by the idle hook before the loop sleeps. */
#define FRAMES_PER_WAKEUP 64

static int stop_requested(tasksrv_server_t *s)
{
	return s->exiting || (s->loop.epfd >= 0 && !s->loop.running) || tasksrv_signals_pending();
}

/* Sends what was corked: one write per peer for the whole batch. */
void tasksrv_channel_uncork(tasksrv_server_t *s)
{
	int i;

	for (i = 0; i < s->ndirty; i++) {
		tasksrv_peer_t *p = &s->peers[s->dirty[i]];
		p->dirty = 0;
		if (p->shm_out) {
			tasksrv_ring_set_wake_reader(s->rings, p->peer);
		}
		if (peer_flush(s, p) < 0) {
			tasksrv_log(TASKSRV_LOG_WARNING, "send to endpoint %d failed: %s", p->peer, strerror(errno));
		} else if (tasksrv_buffer_size(&p->out) > 0) {
			peer_want_out(s, p, 1);
		}
	}
	s->ndirty = 0;
}

/* An event worker handing out a batch corks its async sends while more frames of
 * the batch wait: the tasks that onFinish callbacks dispatch leave together after
 * the batch, or once it has run CORK_MAX_US. The frames are never held past the
 * callbacks already waiting; a task worker never corks (a result is written
 * before the next task starts, so a kill cannot take it along). */
#define CORK_MAX_US 200

/* Hands a whole frame out: a task's to the glue (on_frame), a connection's to the
 * core's own router (s->route_conn: the forwarded operations, the master's frames),
 * so the glue never sees those. Inline: every frame passes here. */
static inline void deliver(tasksrv_server_t *s, const tasksrv_frame_t *f, int peer, void *handle)
{
	if (f->type >= TASKSRV_FRAME_CONNECT) {
		s->route_conn(s, f, peer, handle);
	} else {
		s->hooks->on_frame(s, f, peer, handle);
	}
}

static void peer_input(tasksrv_server_t *s, tasksrv_peer_t *p)
{
	tasksrv_frame_t f;
	void *handle;
	int r, n = 0, more;

	for (;;) {
		r = tasksrv_channel_read_frame(s, p->peer, &f, &handle);
		if (r < 0) {
			/* Expected, and told elsewhere: the master's channels end only with the
			 * manager, which holds their other ends (the master's SIGCHLD says why); a
			 * channel to the manager or the master ends only with that process (a
			 * worker dies with the manager; the master's death stops the manager). */
			if (s->role != TASKSRV_ROLE_MASTER && p->peer != tasksrv_state_endpoint_master(s)
					&& p->peer != tasksrv_state_endpoint_manager(s)) {
				tasksrv_log(TASKSRV_LOG_ERROR, "channel to endpoint %d closed", p->peer);
			}
			if (p->registered) {
				tasksrv_loop_del(&s->loop, &p->h);
			}
			p->h.events = 0;
			p->registered = 0;
			break;
		}
		if (r == 0) {
			break;
		}
		more = p->has_ring && tasksrv_channel_has_input(s, p->peer);
		if (more && s->role == TASKSRV_ROLE_WORKER) {
			if (s->ndirty == 0) {
				s->cork_since_us = tasksrv_io_now_us();
			}
			s->corked = 1;
		}
		deliver(s, &f, p->peer, handle);
		s->corked = 0;
		if (!more) {
			break;
		}
		if (s->ndirty > 0 && tasksrv_io_now_us() - s->cork_since_us > CORK_MAX_US) {
			tasksrv_channel_uncork(s);
		}
		if (++n >= FRAMES_PER_WAKEUP || stop_requested(s)) {
			s->ring_leftover = 1;
			break;
		}
	}
	if (s->ndirty > 0) {
		tasksrv_channel_uncork(s);
	}
}

/* Loop idle hook: hands deferred frames to the glue in arrival order, then any
 * frames left in rings. Returns 1 when frames are still waiting. */
int tasksrv_channel_run_deferred(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_server_t *s = ctx;
	int i;

	(void) loop;
	while (s->deferred_pos < s->ndeferred && !s->exiting) {
		tasksrv_deferred_t d = s->deferred[s->deferred_pos++];
		deliver(s, &d.f, d.peer, d.handle);
	}
	if (s->deferred_pos >= s->ndeferred) {
		s->deferred_pos = s->ndeferred = 0;
	}
	if (s->ring_leftover && s->peers && !stop_requested(s)) {
		s->ring_leftover = 0;
		for (i = 0; i < s->nendpoints && !stop_requested(s); i++) {
			if (s->peers[i].h.fd >= 0 && s->peers[i].registered && tasksrv_channel_has_input(s, i)) {
				peer_input(s, &s->peers[i]);
			}
		}
	}
	/* Reading may have deferred frames of its own (a broken channel's failures). */
	return s->ring_leftover || s->deferred_pos < s->ndeferred;
}

/* The loop of a process that reads shared-memory channels is about to sleep:
 * writers are asked to ring its eventfd, and the rings are looked at once more.
 * Returns 1 when frames wait (the loop must not sleep). Last thing before the wait. */
int tasksrv_channel_prepare_sleep(tasksrv_server_t *s)
{
	int i;

	if (!s->shm_reader || s->peers == NULL) {
		return 0;
	}
	tasksrv_ring_set_sleep_begin(s->rings, s->self_endpoint);
	for (i = 0; i < s->nendpoints; i++) {
		if (s->peers[i].shm_in && tasksrv_channel_has_input(s, i)) {
			tasksrv_ring_set_sleep_end(s->rings, s->self_endpoint);
			s->ring_leftover = 1;
			return 1;
		}
	}
	return 0;
}

/* This process's eventfd rang: a writer published into a ring while it slept. */
static void on_wake(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, uint32_t events)
{
	tasksrv_server_t *s = h->ctx;
	int i;

	(void) loop;
	(void) events;
	/* Edge-triggered: the eventfd is never read here, each ring is an edge. */
	tasksrv_ring_set_sleep_end(s->rings, s->self_endpoint);
	s->ring_leftover = 1;
	/* Or room was made in a ring that frames in out wait for. */
	for (i = 0; i < s->nendpoints; i++) {
		tasksrv_peer_t *p = &s->peers[i];
		if (p->shm_out && tasksrv_buffer_size(&p->out) > 0 && p->out_left == 0 && shm_flush(s, p) < 0) {
			tasksrv_log(TASKSRV_LOG_WARNING, "send to endpoint %d failed: %s", i, strerror(errno));
		}
	}
}

int tasksrv_channel_watch_rings(tasksrv_server_t *s)
{
	int i;

	/* A predecessor left a broken channel: this process empties it once its writer gave up. */
	for (i = 0; s->peers && i < s->nendpoints; i++) {
		if (s->peers[i].h.fd >= 0 && chan_state(s->peers[i].rt) != CHAN_SOUND) {
			broken_watch(s);
		}
	}
	if (!s->shm_reader) {
		return 0;
	}
	s->wake_h.fn = on_wake;
	s->wake_h.ctx = s;
	return tasksrv_loop_add(&s->loop, &s->wake_h, tasksrv_ring_set_wake_fd(s->rings, s->self_endpoint), EPOLLIN | EPOLLET);
}

#define WAKE_EVENT UINT32_MAX

int tasksrv_channel_wait_input(tasksrv_server_t *s, int from, int to, int timeout_ms, int *ready, int max, int *nready)
{
	struct epoll_event ev[64];
	int i, n;

	*nready = 0;
	if (s->peers == NULL) {
		errno = EINVAL;
		return -1;
	}
	if (s->wait_epfd < 0) {
		if ((s->wait_epfd = epoll_create1(EPOLL_CLOEXEC)) < 0) {
			return -1;
		}
		for (i = from; i < to; i++) {
			if (s->peers[i].h.fd >= 0) {
				ev[0].events = EPOLLIN;
				ev[0].data.u32 = (uint32_t) i;
				epoll_ctl(s->wait_epfd, EPOLL_CTL_ADD, s->peers[i].h.fd, &ev[0]);
			}
		}
		if (s->shm_reader) {
			ev[0].events = EPOLLIN | EPOLLET;
			ev[0].data.u32 = WAKE_EVENT;
			epoll_ctl(s->wait_epfd, EPOLL_CTL_ADD, tasksrv_ring_set_wake_fd(s->rings, s->self_endpoint), &ev[0]);
		}
	}
	n = epoll_wait(s->wait_epfd, ev, max < 64 ? max : 64, timeout_ms);
	for (i = 0; i < n; i++) {
		if (ev[i].data.u32 != WAKE_EVENT) {
			ready[(*nready)++] = (int) ev[i].data.u32;
		}
	}
	return n;
}

void tasksrv_channel_on_event(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, uint32_t events)
{
	tasksrv_peer_t *p = h->ctx;
	tasksrv_server_t *s = p->srv;

	if (events & EPOLLOUT) {
		if (peer_flush(s, p) < 0) {
			tasksrv_log(TASKSRV_LOG_WARNING, "send to endpoint %d failed: %s", p->peer, strerror(errno));
		}
	}
	if (events & (EPOLLIN | EPOLLHUP | EPOLLERR)) {
		/* Deferred frames arrived earlier than this one: keep the order. */
		tasksrv_channel_run_deferred(loop, s);
		peer_input(s, p);
	}
}

/* Reads every frame already waiting on the given peers and keeps them for the loop. */
void tasksrv_channel_sweep(tasksrv_server_t *s, int from, int to)
{
	tasksrv_frame_t f;
	void *handle;
	int i, r;

	for (i = from; i < to; i++) {
		if (s->peers[i].h.fd < 0) {
			continue;
		}
		while ((r = tasksrv_channel_read_frame(s, i, &f, &handle)) > 0) {
			tasksrv_channel_defer(s, &f, i, handle);
		}
	}
}

/* Before a worker exits: hands every queued byte to the sockets, so no task worker
 * is left with half a frame. Gives up at deadline_ms (a task worker stuck in a task). */
void tasksrv_channel_flush(tasksrv_server_t *s, int64_t deadline_ms)
{
	int i;

	for (i = 0; s->peers && i < s->nendpoints; i++) {
		tasksrv_peer_t *p = &s->peers[i];
		while (p->h.fd >= 0 && tasksrv_buffer_size(&p->out) > 0 && chan_state(p->wt) == CHAN_SOUND) {
			tasksrv_frame_t f;
			void *handle;
			int big, r;
			if (peer_flush(s, p) < 0 || tasksrv_buffer_size(&p->out) == 0) {
				break;
			}
			/* A shared-memory channel waits for room in the ring, or for the socket to
			 * take the rest of a marker's payload. */
			r = p->shm_out && p->out_left == 0 ? wait_room(s, p, shm_head_need(p, &big), deadline_ms)
				: peer_wait(s, p, POLLOUT | POLLIN, deadline_ms);
			if (r <= 0) {
				tasksrv_log(TASKSRV_LOG_WARNING, "%zu bytes for endpoint %d not sent before exit",
					tasksrv_buffer_size(&p->out), i);
				break;
			}
			if (tasksrv_channel_read_frame(s, i, &f, &handle) == 1) {
				tasksrv_channel_defer(s, &f, i, handle);
			}
		}
	}
}
