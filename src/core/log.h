/* tasksrv: the server's own log lines, in Swoole's shape:
 *   [2026-11-23 20:12:42 $21109.0]\tINFO\tmessage
 * Zend-free: the glue only sets the level, the file and the process symbol. */
#ifndef TASKSRV_LOG_H
#define TASKSRV_LOG_H

enum tasksrv_log_level {
	TASKSRV_LOG_DEBUG = 0,
	TASKSRV_LOG_TRACE,
	TASKSRV_LOG_INFO,
	TASKSRV_LOG_NOTICE,
	TASKSRV_LOG_WARNING,
	TASKSRV_LOG_ERROR,
	TASKSRV_LOG_NONE
};

/* Which process writes: '#' master, '$' manager, '*' event worker, '^' task worker, '%' not yet typed. */
void tasksrv_log_set_process(char symbol, int worker_id);
void tasksrv_log_set_level(int level);
/* Opens (or reopens) the log file; NULL means stdout. Returns 0, or -1 with errno. */
int tasksrv_log_open(const char *path);
void tasksrv_log_close(void);
/* strftime() format of the date in every line (log_date_format); NULL: Swoole's default. */
void tasksrv_log_set_date_format(const char *fmt);
/* Opens the log file again under its name (logrotate moved it away): SIGRTMIN. */
int tasksrv_log_reopen(void);
int tasksrv_log_has_file(void);
/* Daemonized: stdout and stderr go to the log file, also after a reopen. */
void tasksrv_log_redirect_std(int on);
void tasksrv_log(int level, const char *fmt, ...)
#ifdef __GNUC__
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* A rate limit for one kind of line that clients can cause at will (a connection
 * refused, a packet too large, output overflowing): at most TASKSRV_LOG_BURST lines
 * a second; the lines held back are counted, and the next line that goes out says
 * how many. One zero-initialised static per call site. */
#define TASKSRV_LOG_BURST 5
typedef struct {
	long window;        /* the second the lines counted in `sent` went out in */
	int sent;           /* lines out in that second */
	long held;          /* lines held back since the last one out */
} tasksrv_log_limit_t;

void tasksrv_log_limited(tasksrv_log_limit_t *lim, int level, const char *fmt, ...)
#ifdef __GNUC__
	__attribute__((format(printf, 3, 4)))
#endif
	;

#endif
