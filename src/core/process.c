#include "process.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <stdlib.h>
#include <unistd.h>

pid_t tasksrv_process_fork(void)
{
	pid_t parent = getpid();
	pid_t pid = fork();

	if (pid != 0) {
		return pid;
	}
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	/* The parent may have died between fork() and prctl(): then nobody would signal us. */
	if (getppid() != parent) {
		_exit(1);
	}
	return 0;
}

void tasksrv_process_exit_info(int status, int *exit_code, int *signo)
{
	*exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 0;
	*signo = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

void tasksrv_process_raise_fd_limit(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
}

int tasksrv_process_daemonize(const char *out_path)
{
	pid_t pid;
	int null_fd, out_fd;

	/* Opened before the fork, so that an error still reaches the terminal. */
	null_fd = open("/dev/null", O_RDWR);
	if (null_fd < 0) {
		return -1;
	}
	out_fd = out_path && out_path[0] ? open(out_path, O_WRONLY | O_CREAT | O_APPEND, 0644) : null_fd;
	if (out_fd < 0) {
		close(null_fd);
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		return -1;
	}
	if (pid > 0) {
		/* The terminal's process: its part is over (Swoole exits it the same way). */
		_exit(0);
	}
	setsid();
	if (chdir("/") < 0) {
		(void) 0;
	}
	dup2(null_fd, STDIN_FILENO);
	dup2(out_fd, STDOUT_FILENO);
	dup2(out_fd, STDERR_FILENO);
	if (out_fd != null_fd) {
		close(out_fd);
	}
	close(null_fd);
	return 0;
}

int tasksrv_process_pid_file_open(const char *path)
{
	return open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
}

int tasksrv_process_pid_file_write(int fd)
{
	char buf[32];
	int n = snprintf(buf, sizeof(buf), "%d", (int) getpid());
	int rc = ftruncate(fd, 0) == 0 && pwrite(fd, buf, n, 0) == n ? 0 : -1;

	close(fd);
	return rc;
}

void tasksrv_process_pid_file_remove(const char *path)
{
	char buf[32];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0) {
		return;
	}
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	/* Only our own: a later server may have taken the file over. */
	if (n > 0) {
		buf[n] = '\0';
		if (atoi(buf) == (int) getpid()) {
			unlink(path);
		}
	}
}
