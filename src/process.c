#include "process.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
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
