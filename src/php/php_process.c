/* tasksrv: TaskSrv\Process (Swoole\Process) and Server::addProcess(). The pipes and
 * the manager's side of user processes are in src/core/userproc.c; this file runs
 * the callback, and the signal callbacks of Process::signal(). */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php_process.h"
#include "php_exceptions.h"
#include "php_server.h"
#include "php_server_int.h"
#include "userproc.h"
#include "zend_exceptions.h"
#include "php_process_arginfo.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

zend_class_entry *tasksrv_process_ce;
static zend_object_handlers process_handlers;

typedef struct {
	zval callable;
	int pipe_type;           /* TASKSRV_USERPROC_PIPE_* */
	int fds[2];              /* fds[0]: the parent's end, fds[1]: the process's own; -1: none */
	bool redirect;           /* the process's stdin and stdout are its end of the pipe */
	bool own;                /* this is the Process's own process: its end is fds[1] */
	pid_t pid;               /* the process start() forked (or this one, when own) */
	zend_object std;
} process_obj;

static inline process_obj *process_from_obj(zend_object *obj)
{
	return (process_obj *) ((char *) obj - XtOffsetOf(process_obj, std));
}

#define THIS_PROCESS() process_from_obj(Z_OBJ_P(ZEND_THIS))

/* Swoole numbers the Process objects of a PHP process from 1. */
static zend_long next_id = 1;

static void prop_long(process_obj *p, const char *name, zend_long v)
{
	zend_update_property_long(tasksrv_process_ce, &p->std, name, strlen(name), v);
}

/* The end of the pipe this process reads and writes, or -1 (with a warning naming what). */
static int pipe_end(process_obj *p, const char *what)
{
	int fd = p->own ? p->fds[1] : p->fds[0];

	if (p->pipe_type == TASKSRV_USERPROC_PIPE_NONE || fd < 0) {
		php_error_docref(NULL, E_WARNING, "no pipe, cannot %s", what);
		return -1;
	}
	return fd;
}

/* {{{ signals: the handler records; the callbacks run at the VM's next interrupt
 * check (as with pcntl_async_signals) or when read()/wait() are interrupted. */
static zval signal_cb[NSIG];
static volatile sig_atomic_t signal_pending[NSIG];
static volatile sig_atomic_t signal_any;
static bool dispatching;
static void (*prev_interrupt)(zend_execute_data *ex);

static void on_signal(int signo)
{
	signal_pending[signo] = 1;
	signal_any = 1;
#if PHP_VERSION_ID >= 80200
	zend_atomic_bool_store_ex(&EG(vm_interrupt), true);
#else
	EG(vm_interrupt) = 1;
#endif
}

static void call_signal_callback(int signo)
{
	zval cb, arg, rv;

	if (Z_ISUNDEF(signal_cb[signo])) {
		return;
	}
	/* The callback may replace itself: hold it while it runs. */
	ZVAL_COPY(&cb, &signal_cb[signo]);
	ZVAL_LONG(&arg, signo);
	ZVAL_UNDEF(&rv);
	call_user_function(NULL, NULL, &cb, &rv, 1, &arg);
	zval_ptr_dtor(&rv);
	zval_ptr_dtor(&cb);
}

static void dispatch_signals(void)
{
	int i;

	if (!signal_any || dispatching) {
		return;
	}
	dispatching = true;
	signal_any = 0;
	for (i = 1; i < NSIG && !EG(exception); i++) {
		if (signal_pending[i]) {
			signal_pending[i] = 0;
			call_signal_callback(i);
		}
	}
	dispatching = false;
}

static void process_interrupt(zend_execute_data *ex)
{
	dispatch_signals();
	if (prev_interrupt) {
		prev_interrupt(ex);
	}
}

void tasksrv_process_rshutdown(void)
{
	int i;

	for (i = 1; i < NSIG; i++) {
		if (!Z_ISUNDEF(signal_cb[i])) {
			signal(i, SIG_DFL);
			zval_ptr_dtor(&signal_cb[i]);
			ZVAL_UNDEF(&signal_cb[i]);
		}
	}
	signal_any = 0;
}
/* }}} */

/* {{{ running the callback */
/* Calls the callback with the Process; returns the exit status the process should
 * end with. An exit() inside stays pending (its status is returned); any other
 * uncaught exception is reported as PHP reports one, and the status is 255. */
static int run_callback(process_obj *p)
{
	zval arg, rv;

	ZVAL_OBJ(&arg, &p->std);
	ZVAL_UNDEF(&rv);
	call_user_function(NULL, NULL, &p->callable, &rv, 1, &arg);
	zval_ptr_dtor(&rv);
	if (EG(exception) == NULL) {
		return 0;
	}
	if (zend_is_unwind_exit(EG(exception))) {
		return EG(exit_status);
	}
	zend_exception_error(EG(exception), E_ERROR);
	return 255;
}

/* In the new process: the Process is its own now. */
static void become_own(process_obj *p)
{
	p->own = true;
	p->pid = getpid();
	prop_long(p, "pid", p->pid);
	if (p->fds[1] >= 0) {
		prop_long(p, "pipe", p->fds[1]);
	}
	if (p->redirect && p->fds[1] >= 0) {
		dup2(p->fds[1], STDIN_FILENO);
		dup2(p->fds[1], STDOUT_FILENO);
	}
}

/* Server::addProcess(): the body of user process `index`, in the process the manager forked. */
static int user_process_main(tasksrv_server_t *s, int index, void *ctx)
{
	process_obj *p = process_from_obj((zend_object *) ctx);
	int id = tasksrv_userproc_worker_id(s, index);
	char what[64];

	become_own(p);
	prop_long(p, "id", id);
	snprintf(what, sizeof(what), "user process #%d", id);
	tasksrv_php_process_title(CORE_SERVER(s), what);
	return run_callback(p);
}
/* }}} */

/* {{{ object handlers */
static zend_object *process_create(zend_class_entry *ce)
{
	process_obj *p = zend_object_alloc(sizeof(process_obj), ce);

	ZVAL_UNDEF(&p->callable);
	p->pipe_type = TASKSRV_USERPROC_PIPE_NONE;
	p->fds[0] = p->fds[1] = -1;
	p->redirect = false;
	p->own = false;
	p->pid = 0;
	zend_object_std_init(&p->std, ce);
	object_properties_init(&p->std, ce);
	p->std.handlers = &process_handlers;
	return &p->std;
}

static void close_end(process_obj *p, int i)
{
	if (p->fds[i] >= 0) {
		close(p->fds[i]);
		p->fds[i] = -1;
	}
}

static void process_free(zend_object *obj)
{
	process_obj *p = process_from_obj(obj);

	close_end(p, 0);
	close_end(p, 1);
	zval_ptr_dtor(&p->callable);
	zend_object_std_dtor(obj);
}

static HashTable *process_get_gc(zend_object *obj, zval **table, int *n)
{
	process_obj *p = process_from_obj(obj);

	*table = &p->callable;
	*n = Z_ISUNDEF(p->callable) ? 0 : 1;
	return zend_std_get_properties(obj);
}

void tasksrv_process_minit(void)
{
	zend_class_entry *ce = register_class_TaskSrv_Process();
	int i;

	tasksrv_process_ce = ce;
	ce->create_object = process_create;
	memcpy(&process_handlers, zend_get_std_object_handlers(), sizeof(process_handlers));
	process_handlers.offset = XtOffsetOf(process_obj, std);
	process_handlers.free_obj = process_free;
	process_handlers.get_gc = process_get_gc;
	process_handlers.clone_obj = NULL;
	for (i = 0; i < NSIG; i++) {
		ZVAL_UNDEF(&signal_cb[i]);
	}
	prev_interrupt = zend_interrupt_function;
	zend_interrupt_function = process_interrupt;
}
/* }}} */

PHP_METHOD(TaskSrv_Process, __construct)
{
	process_obj *p = THIS_PROCESS();
	zend_fcall_info fci;
	zend_fcall_info_cache fcc;
	bool redirect = false, coroutine = false;
	zend_long type = TASKSRV_USERPROC_PIPE_DGRAM;

	ZEND_PARSE_PARAMETERS_START(1, 4)
		Z_PARAM_FUNC(fci, fcc)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(redirect)
		Z_PARAM_LONG(type)
		Z_PARAM_BOOL(coroutine)
	ZEND_PARSE_PARAMETERS_END();

	(void) coroutine; /* no coroutines in tasksrv: the callback runs as plain PHP */
	if (!Z_ISUNDEF(p->callable)) {
		zend_throw_error(NULL, "Constructor of %s can only be called once", ZSTR_VAL(Z_OBJCE_P(ZEND_THIS)->name));
		RETURN_THROWS();
	}
	if (type < TASKSRV_USERPROC_PIPE_NONE || type > TASKSRV_USERPROC_PIPE_DGRAM) {
		zend_argument_value_error(3, "must be 0 (no pipe), 1 (SOCK_STREAM) or 2 (SOCK_DGRAM)");
		RETURN_THROWS();
	}
	/* Redirected output is a byte stream, whatever was asked (as in Swoole). */
	if (redirect) {
		type = TASKSRV_USERPROC_PIPE_STREAM;
	}
	if (type != TASKSRV_USERPROC_PIPE_NONE && tasksrv_userproc_pipe_open((int) type, p->fds) < 0) {
		TASKSRV_THROW(errno, "failed to create the pipe of the process: %s", strerror(errno));
		RETURN_THROWS();
	}
	p->pipe_type = (int) type;
	p->redirect = redirect;
	ZVAL_COPY(&p->callable, &fci.function_name);
	(void) fcc;
	if (p->fds[0] >= 0) {
		prop_long(p, "pipe", p->fds[0]);
	}
	prop_long(p, "id", next_id++);
}

PHP_METHOD(TaskSrv_Process, start)
{
	process_obj *p = THIS_PROCESS();
	pid_t pid;
	int status;

	ZEND_PARSE_PARAMETERS_NONE();

	if (Z_ISUNDEF(p->callable)) {
		zend_throw_error(NULL, "%s is not constructed", ZSTR_VAL(Z_OBJCE_P(ZEND_THIS)->name));
		RETURN_THROWS();
	}
	if (!p->own && p->pid > 0 && kill(p->pid, 0) == 0) {
		php_error_docref(NULL, E_WARNING, "process has already been started");
		RETURN_FALSE;
	}
	/* What PHP has not written yet would be written twice. */
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		php_error_docref(NULL, E_WARNING, "fork() failed, Error: %s[%d]", strerror(errno), errno);
		RETURN_FALSE;
	}
	if (pid > 0) {
		p->pid = pid;
		prop_long(p, "pid", pid);
		RETURN_LONG(pid);
	}
	become_own(p);
	status = run_callback(p);
	/* The child leaves the script as exit() would: the parent's code after start() is not its. */
	if (!EG(exception)) {
		EG(exit_status) = status;
		zend_throw_unwind_exit();
	}
	RETURN_THROWS();
}

PHP_METHOD(TaskSrv_Process, write)
{
	process_obj *p = THIS_PROCESS();
	zend_string *data;
	ssize_t n;
	int fd;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(data)
	ZEND_PARSE_PARAMETERS_END();

	if ((fd = pipe_end(p, "write into pipe")) < 0) {
		RETURN_FALSE;
	}
	if (ZSTR_LEN(data) == 0) {
		php_error_docref(NULL, E_WARNING, "the data to send is empty");
		RETURN_FALSE;
	}
	n = tasksrv_userproc_pipe_write(fd, ZSTR_VAL(data), ZSTR_LEN(data));
	if (n < 0) {
		/* A timeout (setTimeout) or a full non-blocking pipe is no surprise: false only. */
		if (errno != EAGAIN && errno != EWOULDBLOCK) {
			php_error_docref(NULL, E_WARNING, "write() failed, Error: %s[%d]", strerror(errno), errno);
		}
		RETURN_FALSE;
	}
	RETURN_LONG(n);
}

PHP_METHOD(TaskSrv_Process, read)
{
	process_obj *p = THIS_PROCESS();
	zend_long size = 8192;
	zend_string *buf;
	ssize_t n;
	int fd;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(size)
	ZEND_PARSE_PARAMETERS_END();

	if (size <= 0) {
		php_error_docref(NULL, E_WARNING, "size must be greater than 0");
		RETURN_FALSE;
	}
	if ((fd = pipe_end(p, "read from pipe")) < 0) {
		RETURN_FALSE;
	}
	buf = zend_string_alloc(size, 0);
	/* A signal with a callback interrupts the wait: the callback runs, then the read goes on. */
	while ((n = tasksrv_userproc_pipe_read(fd, ZSTR_VAL(buf), size)) < 0 && errno == EINTR) {
		dispatch_signals();
		if (EG(exception)) {
			zend_string_efree(buf);
			RETURN_THROWS();
		}
	}
	/* An error, a timeout, or the end of a stream nobody writes to any more. */
	if (n < 0 || (n == 0 && p->pipe_type == TASKSRV_USERPROC_PIPE_STREAM)) {
		zend_string_efree(buf);
		RETURN_FALSE;
	}
	if ((zend_long) n < size / 2) {
		buf = zend_string_truncate(buf, n, 0);
	}
	ZSTR_LEN(buf) = n;
	ZSTR_VAL(buf)[n] = '\0';
	RETURN_NEW_STR(buf);
}

PHP_METHOD(TaskSrv_Process, close)
{
	process_obj *p = THIS_PROCESS();
	zend_long which = 0;
	int fd;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(which)
	ZEND_PARSE_PARAMETERS_END();

	if (which < 0 || which > 4) {
		zend_argument_value_error(1, "must be 0, Process::PIPE_MASTER, PIPE_WORKER, PIPE_READ or PIPE_WRITE");
		RETURN_THROWS();
	}
	if ((fd = pipe_end(p, "close the pipe")) < 0) {
		RETURN_FALSE;
	}
	switch (which) {
		case 3: /* PIPE_READ */
			RETURN_BOOL(shutdown(fd, SHUT_RD) == 0);
		case 4: /* PIPE_WRITE */
			RETURN_BOOL(shutdown(fd, SHUT_WR) == 0);
		case 1: /* PIPE_MASTER */
			close_end(p, 0);
			break;
		case 2: /* PIPE_WORKER */
			close_end(p, 1);
			break;
		default:
			close_end(p, 0);
			close_end(p, 1);
			break;
	}
	RETURN_TRUE;
}

PHP_METHOD(TaskSrv_Process, setTimeout)
{
	process_obj *p = THIS_PROCESS();
	double seconds;
	int fd;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_DOUBLE(seconds)
	ZEND_PARSE_PARAMETERS_END();

	if ((fd = pipe_end(p, "setTimeout the pipe")) < 0) {
		RETURN_FALSE;
	}
	RETURN_BOOL(tasksrv_userproc_pipe_timeout(fd, seconds) == 0);
}

PHP_METHOD(TaskSrv_Process, setBlocking)
{
	process_obj *p = THIS_PROCESS();
	bool blocking;
	int fd;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_BOOL(blocking)
	ZEND_PARSE_PARAMETERS_END();

	if ((fd = pipe_end(p, "setBlocking the pipe")) < 0) {
		RETURN_FALSE;
	}
	RETURN_BOOL(tasksrv_userproc_pipe_blocking(fd, blocking) == 0);
}

PHP_METHOD(TaskSrv_Process, name)
{
	zend_string *name;
	zend_function *fn;
	zval arg, rv;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(name)
	ZEND_PARSE_PARAMETERS_END();

	fn = zend_hash_str_find_ptr(CG(function_table), "cli_set_process_title", sizeof("cli_set_process_title") - 1);
	if (fn == NULL) {
		php_error_docref(NULL, E_WARNING, "process titles are only available in the CLI");
		RETURN_FALSE;
	}
	ZVAL_STR(&arg, name);
	zend_call_known_function(fn, NULL, NULL, &rv, 1, &arg, NULL);
	RETVAL_BOOL(Z_TYPE(rv) == IS_TRUE);
	zval_ptr_dtor(&rv);
}

PHP_METHOD(TaskSrv_Process, exit)
{
	process_obj *p = THIS_PROCESS();
	zend_long code = 0;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(code)
	ZEND_PARSE_PARAMETERS_END();

	if (!p->own || p->pid != getpid()) {
		php_error_docref(NULL, E_WARNING, "not current process");
		return;
	}
	if (code < 0 || code > 255) {
		php_error_docref(NULL, E_WARNING, "exit ret_code range is [>0 and <255]");
		code = 1;
	}
	EG(exit_status) = (int) code;
	zend_throw_unwind_exit();
}

PHP_METHOD(TaskSrv_Process, exec)
{
	zend_string *file;
	HashTable *args;
	char **argv;
	zval *zv;
	int i = 1, err;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_PATH_STR(file)
		Z_PARAM_ARRAY_HT(args)
	ZEND_PARSE_PARAMETERS_END();

	argv = ecalloc(zend_hash_num_elements(args) + 2, sizeof(char *));
	argv[0] = ZSTR_VAL(file);
	ZEND_HASH_FOREACH_VAL(args, zv) {
		zend_string *s = zval_try_get_string(zv);
		if (s == NULL) {
			goto fail;
		}
		argv[i++] = estrndup(ZSTR_VAL(s), ZSTR_LEN(s));
		zend_string_release(s);
	} ZEND_HASH_FOREACH_END();
	fflush(stdout);
	execv(ZSTR_VAL(file), argv);
	err = errno;
	php_error_docref(NULL, E_WARNING, "execv(%s) failed, Error: %s[%d]", ZSTR_VAL(file), strerror(err), err);
fail:
	while (--i > 0) {
		efree(argv[i]);
	}
	efree(argv);
	if (EG(exception)) {
		RETURN_THROWS();
	}
	RETURN_FALSE;
}

PHP_METHOD(TaskSrv_Process, wait)
{
	bool blocking = true;
	int status;
	pid_t pid;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(blocking)
	ZEND_PARSE_PARAMETERS_END();

	while ((pid = waitpid(-1, &status, blocking ? 0 : WNOHANG)) < 0 && errno == EINTR) {
		dispatch_signals();
		if (EG(exception)) {
			RETURN_THROWS();
		}
	}
	/* The child's SIGCHLD callback, if any, runs before wait() returns. */
	dispatch_signals();
	if (EG(exception)) {
		RETURN_THROWS();
	}
	if (pid <= 0) {
		RETURN_FALSE;
	}
	array_init(return_value);
	add_assoc_long(return_value, "pid", pid);
	add_assoc_long(return_value, "code", WIFEXITED(status) ? WEXITSTATUS(status) : 0);
	add_assoc_long(return_value, "signal", WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

PHP_METHOD(TaskSrv_Process, signal)
{
	zend_long signo;
	zend_fcall_info fci = empty_fcall_info;
	zend_fcall_info_cache fcc = empty_fcall_info_cache;
	struct sigaction sa;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_LONG(signo)
		Z_PARAM_OPTIONAL
		Z_PARAM_FUNC_OR_NULL(fci, fcc)
	ZEND_PARSE_PARAMETERS_END();

	if (signo <= 0 || signo >= NSIG) {
		php_error_docref(NULL, E_WARNING, "invalid signal number [" ZEND_LONG_FMT "]", signo);
		RETURN_FALSE;
	}
	if (!ZEND_FCI_INITIALIZED(fci)) {
		/* Only a handler of ours is taken away: another (the server's) stays. */
		if (!Z_ISUNDEF(signal_cb[signo])) {
			signal((int) signo, SIG_DFL);
			zval_ptr_dtor(&signal_cb[signo]);
			ZVAL_UNDEF(&signal_cb[signo]);
		}
		RETURN_TRUE;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a blocking read() or wait() returns, so the callback runs at once. */
	if (sigaction((int) signo, &sa, NULL) < 0) {
		php_error_docref(NULL, E_WARNING, "sigaction(" ZEND_LONG_FMT ") failed, Error: %s[%d]", signo, strerror(errno), errno);
		RETURN_FALSE;
	}
	zval_ptr_dtor(&signal_cb[signo]);
	ZVAL_COPY(&signal_cb[signo], &fci.function_name);
	RETURN_TRUE;
}

PHP_METHOD(TaskSrv_Process, alarm)
{
	zend_long usec, type = ITIMER_REAL;
	struct itimerval t;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_LONG(usec)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(type)
	ZEND_PARSE_PARAMETERS_END();

	memset(&t, 0, sizeof(t));
	/* Zero or less clears the timer. */
	if (usec > 0) {
		t.it_value.tv_sec = usec / 1000000;
		t.it_value.tv_usec = usec % 1000000;
		t.it_interval = t.it_value;
	}
	if (setitimer((int) type, &t, NULL) < 0) {
		php_error_docref(NULL, E_WARNING, "setitimer() failed, Error: %s[%d]", strerror(errno), errno);
		RETURN_FALSE;
	}
	RETURN_TRUE;
}

PHP_METHOD(TaskSrv_Process, kill)
{
	zend_long pid, signo = SIGTERM;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_LONG(pid)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(signo)
	ZEND_PARSE_PARAMETERS_END();

	if (kill((pid_t) pid, (int) signo) < 0) {
		/* Signal 0 asks whether the process is there: "no" is an answer, not an error. */
		if (signo != 0) {
			php_error_docref(NULL, E_WARNING, "kill(" ZEND_LONG_FMT ", " ZEND_LONG_FMT ") failed, Error: %s[%d]",
				pid, signo, strerror(errno), errno);
		}
		RETURN_FALSE;
	}
	RETURN_TRUE;
}

void tasksrv_process_register_swoole_names(int module_number)
{
	zend_register_class_alias("Swoole\\Process", tasksrv_process_ce);
	if (!zend_get_constant_str("SOCK_STREAM", sizeof("SOCK_STREAM") - 1)) {
		REGISTER_LONG_CONSTANT("SOCK_STREAM", SOCK_STREAM, CONST_CS | CONST_PERSISTENT);
	}
	if (!zend_get_constant_str("SOCK_DGRAM", sizeof("SOCK_DGRAM") - 1)) {
		REGISTER_LONG_CONSTANT("SOCK_DGRAM", SOCK_DGRAM, CONST_CS | CONST_PERSISTENT);
	}
}

/* {{{ Server::addProcess */
PHP_METHOD(TaskSrv_Server, addProcess)
{
	server_obj *o = THIS_SERVER();
	process_obj *p;
	zval *zp;
	int index;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJECT_OF_CLASS(zp, tasksrv_process_ce)
	ZEND_PARSE_PARAMETERS_END();

	if (o->state == STATE_RUNNING) {
		php_error_docref(NULL, E_WARNING, "server is running, cannot add process");
		RETURN_FALSE;
	}
	p = process_from_obj(Z_OBJ_P(zp));
	if (Z_ISUNDEF(p->callable)) {
		zend_argument_value_error(1, "must be a constructed %s", ZSTR_VAL(tasksrv_process_ce->name));
		RETURN_THROWS();
	}
	index = tasksrv_userproc_add(&o->core, p->fds, user_process_main, Z_OBJ_P(zp));
	if (index < 0) {
		php_error_docref(NULL, E_WARNING, "cannot add process: %s", strerror(errno));
		RETURN_FALSE;
	}
	/* The server holds the Process: the manager runs it in every incarnation. */
	if (Z_TYPE(o->user_procs) != IS_ARRAY) {
		array_init(&o->user_procs);
	}
	Z_ADDREF_P(zp);
	add_next_index_zval(&o->user_procs, zp);
	prop_long(p, "id", index);
	RETURN_LONG(index);
}
/* }}} */
