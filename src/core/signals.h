/* tasksrv: signals reach the event loop through a self-pipe. The handler only
 * records the signal number; everything else (PHP callbacks included) runs from the loop. */
#ifndef TASKSRV_SIGNALS_H
#define TASKSRV_SIGNALS_H

#include <signal.h>

#include "state.h"
#include <sys/types.h>

/* Installs recording handlers for the given signals, saving the previous ones.
 * Call again in a forked child: it gets a pipe of its own. Returns 0 or -1. */
int tasksrv_signals_install(const int *signos, int n);
/* Ignores a signal (the previous handler is saved for restore). */
void tasksrv_signals_ignore(int signo);
/* Puts back the handlers saved by install/ignore and closes the pipe. */
void tasksrv_signals_restore(void);
/* A forked worker whose work is done and which leaves now (its PHP shutdown still
 * runs: register_shutdown_function, destructors): SIGTERM and SIGINT are ignored from
 * here on, so a stop signal sent to the whole process group (systemd's
 * KillMode=control-group) and the manager's own SIGTERM cannot cut that shutdown
 * short. The manager still ends a process that overstays with SIGKILL. Call it
 * before tasksrv_signals_restore(), which then leaves those two ignored. */
void tasksrv_signals_leaving(void);
/* Whether signo has ever come (since install) from the kernel, this process or its
 * parent, rather than only from other processes. */
int tasksrv_signals_from_tree(int signo);
/* The read end to watch for readability. */
int tasksrv_signals_fd(void);
/* Returns the next pending signal number, or 0 when none is pending. */
int tasksrv_signals_next(void);
/* The next pending signal, or 0, with logrotate's signals (SIGRTMIN; SIGWINCH where
 * it is installed) handled on the way, the same in every process: the log file is
 * opened again under its name, and SIGRTMIN goes on down the tree to the n
 * processes in children (the master's manager, the manager's workers; pids <= 0
 * are skipped). */
int tasksrv_signals_next_for(const pid_t *children, int n);
/* A worker or task worker got SIGTERM or SIGINT: 1 when it stops now (sent by the
 * manager, itself or the kernel, or the process is alone); 0 when it came
 * from outside the tree: the whole server may be stopping (a signal to the process
 * group), which the manager runs in order, so the process stops on its own only if no
 * shutdown has begun a moment later. */
int tasksrv_signals_stop_signal(tasksrv_server_t *s, int signo);
/* A new child: the wait for a group stop was its parent's. */
void tasksrv_signals_stop_forget(void);
/* Whether a signal arrived that tasksrv_signals_next() has not returned yet. */
int tasksrv_signals_pending(void);

#endif
