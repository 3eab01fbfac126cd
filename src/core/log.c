#include "log.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int log_fd = STDOUT_FILENO;
static int log_level = TASKSRV_LOG_INFO;
static char log_symbol = '%';
static int log_worker_id = 0;
static char log_path[4096];
static char date_format[64] = "%Y-%m-%d %H:%M:%S";
static int redirect_std;   /* daemonized: stdout and stderr follow the log file */

static const char *const level_names[] = {
	[TASKSRV_LOG_DEBUG] = "DEBUG", [TASKSRV_LOG_TRACE] = "TRACE", [TASKSRV_LOG_INFO] = "INFO",
	[TASKSRV_LOG_NOTICE] = "NOTICE", [TASKSRV_LOG_WARNING] = "WARNING", [TASKSRV_LOG_ERROR] = "ERROR",
	[TASKSRV_LOG_NONE] = "NONE"
};

void tasksrv_log_set_process(char symbol, int worker_id)
{
	log_symbol = symbol;
	log_worker_id = worker_id;
}

void tasksrv_log_set_level(int level)
{
	log_level = level;
}

int tasksrv_log_open(const char *path)
{
	int fd;

	if (path == NULL || path[0] == '\0') {
		tasksrv_log_close();
		log_path[0] = '\0';
		return 0;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
	if (fd < 0) {
		return -1;
	}
	tasksrv_log_close();
	log_fd = fd;
	if (path != log_path) {
		snprintf(log_path, sizeof(log_path), "%s", path);
	}
	return 0;
}

void tasksrv_log_set_date_format(const char *fmt)
{
	snprintf(date_format, sizeof(date_format), "%s", fmt && fmt[0] ? fmt : "%Y-%m-%d %H:%M:%S");
}

int tasksrv_log_has_file(void)
{
	return log_path[0] != '\0';
}

void tasksrv_log_redirect_std(int on)
{
	redirect_std = on;
}

int tasksrv_log_reopen(void)
{
	int fd;

	if (log_path[0] == '\0') {
		return 0;
	}
	fd = open(log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
	if (fd < 0) {
		return -1;
	}
	/* Same descriptor number: nothing that holds log_fd needs to know. */
	if (log_fd != STDOUT_FILENO) {
		dup3(fd, log_fd, O_CLOEXEC);
		close(fd);
		fd = log_fd;
	}
	log_fd = fd;
	if (redirect_std) {
		dup2(fd, STDOUT_FILENO);
		dup2(fd, STDERR_FILENO);
	}
	return 0;
}

void tasksrv_log_close(void)
{
	if (log_fd != STDOUT_FILENO) {
		close(log_fd);
		log_fd = STDOUT_FILENO;
	}
}

void tasksrv_log_limited(tasksrv_log_limit_t *lim, int level, const char *fmt, ...)
{
	char msg[1800];
	long now = (long) time(NULL);
	va_list ap;

	if (level < log_level || level >= TASKSRV_LOG_NONE) {
		return;
	}
	if (lim->window != now) {
		lim->window = now;
		lim->sent = 0;
	}
	if (lim->sent >= TASKSRV_LOG_BURST) {
		lim->held++;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (lim->held > 0) {
		tasksrv_log(level, "%s (and %ld more like it before, not logged: at most %d a second)", msg, lim->held,
			TASKSRV_LOG_BURST);
	} else {
		tasksrv_log(level, "%s", msg);
	}
	lim->sent++;
	lim->held = 0;
}

void tasksrv_log(int level, const char *fmt, ...)
{
	char line[2048];
	char date[128];
	struct tm tm;
	time_t now = time(NULL);
	va_list ap;
	int n, m;

	if (level < log_level || level >= TASKSRV_LOG_NONE) {
		return;
	}
	localtime_r(&now, &tm);
	if (strftime(date, sizeof(date), date_format, &tm) == 0) {
		date[0] = '\0';
	}
	n = snprintf(line, sizeof(line), "[%s %c%d.%d]\t%s\t", date, log_symbol, (int) getpid(),
		log_worker_id, level_names[level]);
	va_start(ap, fmt);
	m = vsnprintf(line + n, sizeof(line) - n - 1, fmt, ap);
	va_end(ap);
	if (m < 0) {
		return;
	}
	n += m;
	if (n > (int) sizeof(line) - 2) {
		n = (int) sizeof(line) - 2;
	}
	line[n++] = '\n';
	/* One write per line so lines of concurrent processes never interleave. */
	while (write(log_fd, line, n) < 0 && errno == EINTR) {
	}
}
