#include "signals.h"
#include "io.h"
#include "log.h"
#include "state.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#define MAX_SIG 65

static int sig_pipe[2] = {-1, -1};
static struct sigaction saved[MAX_SIG];
static char saved_set[MAX_SIG];
static volatile sig_atomic_t arrived[MAX_SIG];
static volatile sig_atomic_t any_arrived;
/* Whether a signal ever came from inside: the kernel, this process or its parent
 * (the manager, for a worker). Sticky: signals of one number coalesce while pending,
 * so one from the parent must not be hidden by one from outside. */
static volatile sig_atomic_t from_tree[MAX_SIG];
static int leaving;

static void record(int signo, siginfo_t *si, void *uc)
{
	int saved_errno = errno;
	unsigned char b = (unsigned char) signo;

	(void) uc;
	/* si_code <= 0: kill(), sigqueue(), tgkill() (SI_USER, SI_QUEUE, SI_TKILL) */
	if (si == NULL || si->si_code > 0 || si->si_pid == getppid() || si->si_pid == getpid()) {
		from_tree[signo] = 1;
	}
	arrived[signo] = 1;
	any_arrived = 1;
	/* The pipe is non-blocking: when it is full, a wake-up is already pending. */
	if (write(sig_pipe[1], &b, 1) < 0) {
		(void) 0;
	}
	errno = saved_errno;
}

static void close_pipe(void)
{
	if (sig_pipe[0] >= 0) {
		close(sig_pipe[0]);
		close(sig_pipe[1]);
		sig_pipe[0] = sig_pipe[1] = -1;
	}
}

static void save(int signo)
{
	if (!saved_set[signo]) {
		sigaction(signo, NULL, &saved[signo]);
		saved_set[signo] = 1;
	}
}

int tasksrv_signals_install(const int *signos, int n)
{
	struct sigaction sa;
	sigset_t set;
	int i;

	close_pipe();
	any_arrived = 0;
	if (pipe2(sig_pipe, O_CLOEXEC | O_NONBLOCK) < 0) {
		return -1;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = record;
	sigfillset(&sa.sa_mask);
	/* SA_RESTART restarts what the kernel can restart (reads, writes); epoll_wait,
	 * poll and nanosleep return early anyway, so a SIGTERM (reload, task_timeout)
	 * cuts a sleep() in onTask short, as it does under Swoole. */
	sa.sa_flags = SA_RESTART | SA_SIGINFO;
	sigemptyset(&set);
	for (i = 0; i < n; i++) {
		/* arrived[] is kept: a signal that reached a fresh child before this
		 * call was recorded by the inherited handler and must not be lost. */
		save(signos[i]);
		sigaction(signos[i], &sa, NULL);
		sigaddset(&set, signos[i]);
		/* Flags a fork inherited for signals this process does not handle do
		 * not count as pending work (tasksrv_signals_pending). */
		if (arrived[signos[i]]) {
			any_arrived = 1;
		}
	}
	/* A fork inside a PHP callback may have left them blocked. */
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	for (i = 1; i < MAX_SIG; i++) {
		if (arrived[i]) {
			record(i, NULL, NULL); /* wake the loop for what arrived before the pipe existed */
			break;
		}
	}
	return 0;
}

void tasksrv_signals_ignore(int signo)
{
	struct sigaction sa;

	save(signo);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	sigaction(signo, &sa, NULL);
}

void tasksrv_signals_restore(void)
{
	int i;

	for (i = 1; i < MAX_SIG; i++) {
		if (saved_set[i] && !(leaving && (i == SIGTERM || i == SIGINT))) {
			sigaction(i, &saved[i], NULL);
		}
		saved_set[i] = 0;
		arrived[i] = 0;
		from_tree[i] = 0;
	}
	any_arrived = 0;
	close_pipe();
}

void tasksrv_signals_leaving(void)
{
	struct sigaction sa;

	leaving = 1;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

int tasksrv_signals_from_tree(int signo)
{
	return signo > 0 && signo < MAX_SIG && from_tree[signo];
}

int tasksrv_signals_fd(void)
{
	return sig_pipe[0];
}

int tasksrv_signals_next(void)
{
	unsigned char buf[64];
	int i;

	/* Drain the wake-up bytes; the arrived[] flags are the truth. */
	while (sig_pipe[0] >= 0 && read(sig_pipe[0], buf, sizeof(buf)) > 0) {
	}
	any_arrived = 0;
	for (i = 1; i < MAX_SIG; i++) {
		if (arrived[i]) {
			int j;
			arrived[i] = 0;
			for (j = i + 1; j < MAX_SIG; j++) {
				if (arrived[j]) {
					any_arrived = 1;
				}
			}
			return i;
		}
	}
	return 0;
}

int tasksrv_signals_pending(void)
{
	return any_arrived;
}

int tasksrv_signals_next_for(const pid_t *children, int n)
{
	int signo, i;

	while ((signo = tasksrv_signals_next()) == SIGRTMIN || signo == SIGWINCH) {
		if (tasksrv_log_reopen() < 0 || !tasksrv_log_has_file()) {
			continue;
		}
		for (i = 0; i < n; i++) {
			if (children[i] > 0) {
				kill(children[i], SIGRTMIN);
			}
		}
	}
	return signo;
}

/* {{{ a stop signal in a worker: its own, or the whole group's */
/* How long a worker waits, after a stop signal from outside the process tree, to see
 * whether the whole server is stopping (the manager or master got the same signal). */
#define GROUP_STOP_GRACE_MS 300

static uint64_t group_stop_timer;

static void group_stop_check(tasksrv_loop_t *loop, void *ctx)
{
	tasksrv_server_t *s = ctx;

	group_stop_timer = 0;
	if (!TASKSRV_ATOMIC_LOAD(&s->shm->shutting_down)) {
		tasksrv_loop_stop(loop);
	}
}

/* The manager's stop has reached this process's role: workers in phase 1, task
 * workers in phase 2. */
static int stop_turn(const tasksrv_server_t *s)
{
	return TASKSRV_ATOMIC_LOAD(&s->shm->stop_phase) >= (s->role == TASKSRV_ROLE_TASK_WORKER ? 2 : 1);
}

int tasksrv_signals_stop_signal(tasksrv_server_t *s, int signo)
{
	/* (Signals of one number coalesce while pending: the manager's SIGTERM may arrive
	 * as the outside one, so its turn is read from shared memory too.) */
	if (s->single || tasksrv_signals_from_tree(signo) || stop_turn(s)) {
		if (group_stop_timer) {
			tasksrv_loop_timer_del(&s->loop, group_stop_timer);
			group_stop_timer = 0;
		}
		return 1;
	}
	/* From outside the tree: systemd, kill -- -PGID, Ctrl-C in a terminal send it to
	 * every process of the group at once. A stop of the whole server is the manager's
	 * to run, in order (workers drain first, task workers after them), so wait for it;
	 * a signal meant for this process alone stops it a moment later. */
	if (!TASKSRV_ATOMIC_LOAD(&s->shm->shutting_down) && group_stop_timer == 0) {
		group_stop_timer = tasksrv_loop_timer_add(&s->loop, GROUP_STOP_GRACE_MS, group_stop_check, s);
	}
	return 0;
}

void tasksrv_signals_stop_forget(void)
{
	group_stop_timer = 0;
}
/* }}} */
