/* tasksrv: TaskSrv\Event (also Swoole\Event when ext/swoole is absent): user streams
 * and sockets in this process's loop, deferred and per-turn callbacks, and the
 * script's own loop outside a server (run by Event::wait(), or at the end of the
 * script as Swoole does). In a server process the fds go into the server's loop (the
 * core's tasksrv_loop_current()), so they are watched between the server's own
 * events and never inside another callback. Also swoole_set_process_name(). */
#include "php_event.h"
#include "php_server.h"
#include "php_errors.h"
#include "loop.h"
#include "timer.h"

#include "ext/standard/basic_functions.h"
#include "zend_exceptions.h"

#include <errno.h>
#include <pthread.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

/* ext/sockets' Socket object as php_sockets.h lays it out (PHP 8.0 to 8.5); its
 * header is usable only inside PHP's own build (HAVE_SOCKETS), and only the fd is read. */
typedef struct {
	int bsd_socket;
	int type;
	int error;
	int blocking;
	zval zstream;
	zend_object std;
} sockets_socket_t;

#include "php_event_arginfo.h"

zend_class_entry *tasksrv_event_ce;

typedef struct {
	tasksrv_loop_handler_t h;    /* first: the loop hands it back */
	tasksrv_loop_t *loop;
	zval sock;                   /* what add() was given, passed to the callbacks */
	zval rcb, wcb;               /* UNDEF when none */
	uint32_t events;             /* TASKSRV_EVENT_READ | TASKSRV_EVENT_WRITE */
	char *out;                   /* write()'s bytes the socket has not taken yet */
	size_t out_len, out_off;
	bool dead;                   /* del()ed: freed at the next turn */
} ev_fd_t;

static struct {
	tasksrv_loop_t loop;         /* the script's own, outside a server */
	bool made;
	bool shutdown_hooked;        /* the implicit wait() is registered for this request */
	bool running;                /* Event::wait() or dispatch() runs it now */
	bool first_turn;             /* no round of events yet in this run: cycle() waits for one */
	bool fatal;                  /* a callback threw: the script ends after the loop */
	bool stop;                   /* Event::exit(), or a callback exit()ed */
	int dispatch_turns;          /* dispatch(): turns left before it returns */
	volatile bool forked;        /* set in a forked child (atfork): what is here is the parent's */
	HashTable fds;               /* fd => ev_fd_t */
	bool fds_made;
	ev_fd_t **dead;              /* del()ed during a turn: the loop may still hold them */
	int ndead, dead_cap;
	zval defers;                 /* array of callables, or UNDEF */
	zval cycle;                  /* UNDEF when none */
	bool cycle_before;
} ev;

static bool standalone(void)
{
	return ev.made && tasksrv_loop_current() == &ev.loop;
}

/* {{{ calling PHP */
bool tasksrv_php_loop_stopping(void)
{
	return EG(exception) != NULL || (standalone() && (ev.fatal || ev.stop));
}

void tasksrv_php_loop_call(zval *callable, uint32_t argc, zval *argv)
{
	zend_fcall_info fci = {0};
	zval rv;
	zend_object *ex;

	if (tasksrv_php_loop_stopping()) {
		return;
	}
	fci.size = sizeof(fci);
	ZVAL_COPY_VALUE(&fci.function_name, callable);
	fci.retval = &rv;
	fci.param_count = argc;
	fci.params = argv;
	ZVAL_UNDEF(&rv);
	zend_call_function(&fci, NULL);
	zval_ptr_dtor(&rv);
	ex = EG(exception);
	if (ex == NULL) {
		return;
	}
	if (zend_is_unwind_exit(ex)) {
		/* exit(): the loop is left and the unwinding goes on from there. */
		if (standalone()) {
			ev.stop = true;
			tasksrv_loop_stop(&ev.loop);
		} else {
			tasksrv_php_server_exit();
		}
		return;
	}
	if (standalone()) {
		/* As Swoole outside a server: "Fatal error: Uncaught ...", and the script ends. */
		zend_exception_error(ex, E_ERROR);
		ev.fatal = true;
		tasksrv_loop_stop(&ev.loop);
	} else {
		int status = EG(exit_status);

		zend_exception_error(ex, E_ERROR);
		EG(exit_status) = status;
	}
}
/* }}} */

/* {{{ fds */
static void fd_release(ev_fd_t *e)
{
	zval_ptr_dtor(&e->sock);
	zval_ptr_dtor(&e->rcb);
	zval_ptr_dtor(&e->wcb);
	ZVAL_UNDEF(&e->sock);
	ZVAL_UNDEF(&e->rcb);
	ZVAL_UNDEF(&e->wcb);
	efree(e->out);
	e->out = NULL;
	e->out_len = e->out_off = 0;
}

/* Out of the loop and the table now; its memory waits for the end of the turn, since
 * the loop may hold an event for it in the batch it is handing out. */
static void fd_drop(ev_fd_t *e)
{
	if (e->loop == tasksrv_loop_current()) {
		tasksrv_loop_del(e->loop, &e->h);
	}
	zend_hash_index_del(&ev.fds, (zend_ulong) e->h.fd);
	fd_release(e);
	e->dead = true;
	if (ev.ndead == ev.dead_cap) {
		ev.dead_cap = ev.dead_cap ? ev.dead_cap * 2 : 8;
		ev.dead = erealloc(ev.dead, sizeof(*ev.dead) * ev.dead_cap);
	}
	ev.dead[ev.ndead++] = e;
}

static void free_dead(void)
{
	int i;

	for (i = 0; i < ev.ndead; i++) {
		efree(ev.dead[i]);
	}
	ev.ndead = 0;
}

static uint32_t epoll_mask(const ev_fd_t *e)
{
	uint32_t m = 0;

	if (e->events & TASKSRV_EVENT_READ) {
		m |= EPOLLIN | EPOLLRDHUP;
	}
	if ((e->events & TASKSRV_EVENT_WRITE) || e->out_len > e->out_off) {
		m |= EPOLLOUT;
	}
	return m;
}

/* Writes what write() queued, as far as the socket takes it. */
static void fd_flush(ev_fd_t *e)
{
	while (e->out_off < e->out_len) {
		ssize_t n = send(e->h.fd, e->out + e->out_off, e->out_len - e->out_off, MSG_DONTWAIT | MSG_NOSIGNAL);

		if (n < 0 && errno == ENOTSOCK) {
			n = write(e->h.fd, e->out + e->out_off, e->out_len - e->out_off);
		}
		if (n < 0) {
			if (errno == EINTR) {
				continue;
			}
			if (errno != EAGAIN && errno != EWOULDBLOCK) {
				php_error_docref(NULL, E_WARNING, "write(%d) failed: %s", e->h.fd, strerror(errno));
				e->out_off = e->out_len; /* a broken fd: the rest is dropped */
			}
			break;
		}
		e->out_off += (size_t) n;
	}
	if (e->out_off == e->out_len) {
		efree(e->out);
		e->out = NULL;
		e->out_len = e->out_off = 0;
	}
}

static void fd_on_event(tasksrv_loop_t *loop, tasksrv_loop_handler_t *h, uint32_t events)
{
	ev_fd_t *e = (ev_fd_t *) h;
	zval arg;

	(void) loop;
	if (e->dead) {
		return;
	}
	if ((events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) && (e->events & TASKSRV_EVENT_READ)
			&& !Z_ISUNDEF(e->rcb)) {
		ZVAL_COPY(&arg, &e->sock);
		tasksrv_php_loop_call(&e->rcb, 1, &arg);
		zval_ptr_dtor(&arg);
		if (e->dead) {
			return;
		}
	}
	if (events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) {
		if (e->out_len > e->out_off) {
			fd_flush(e);
		} else if ((e->events & TASKSRV_EVENT_WRITE) && !Z_ISUNDEF(e->wcb)) {
			ZVAL_COPY(&arg, &e->sock);
			tasksrv_php_loop_call(&e->wcb, 1, &arg);
			zval_ptr_dtor(&arg);
			if (e->dead) {
				return;
			}
		}
	}
	tasksrv_loop_mod(e->loop, &e->h, epoll_mask(e));
}

/* The fd of what add() and friends are given: an fd number, a stream, or a Socket
 * of ext/sockets. -1 with Swoole's warnings when it is none of those. */
static int fd_of(zval *zfd)
{
	int fd = -1;

	if (Z_TYPE_P(zfd) == IS_LONG) {
		if (Z_LVAL_P(zfd) < 0 || Z_LVAL_P(zfd) > INT_MAX) {
			php_error_docref(NULL, E_WARNING, "invalid file descriptor#" ZEND_LONG_FMT " passed", Z_LVAL_P(zfd));
			php_error_docref(NULL, E_WARNING, "unknown fd type");
			return -1;
		}
		return (int) Z_LVAL_P(zfd);
	}
	if (Z_TYPE_P(zfd) == IS_RESOURCE) {
		php_stream *stream = (php_stream *) zend_fetch_resource2_ex(zfd, NULL, php_file_le_stream(), php_file_le_pstream());

		if (stream && php_stream_cast(stream, PHP_STREAM_AS_FD_FOR_SELECT | PHP_STREAM_CAST_INTERNAL, (void **) &fd, 0) == SUCCESS
				&& fd >= 0) {
			return fd;
		}
	}
	if (Z_TYPE_P(zfd) == IS_OBJECT && zend_string_equals_literal(Z_OBJCE_P(zfd)->name, "Socket")
			&& Z_OBJCE_P(zfd)->type == ZEND_INTERNAL_CLASS) {
		sockets_socket_t *s = (sockets_socket_t *) ((char *) Z_OBJ_P(zfd) - XtOffsetOf(sockets_socket_t, std));

		if (s->bsd_socket >= 0) {
			return s->bsd_socket;
		}
	}
	php_error_docref(NULL, E_WARNING, "invalid file descriptor passed");
	php_error_docref(NULL, E_WARNING, "unknown fd type");
	return -1;
}

static void on_fork_child(void)
{
	ev.forked = true;
}

/* A fork leaves the child the parent's fds and callbacks: they are not its own. */
static void forget_parent(void)
{
	if (!ev.forked) {
		return;
	}
	ev.forked = false;
	if (ev.fds_made) {
		ev_fd_t *e;

		ZEND_HASH_FOREACH_PTR(&ev.fds, e) {
			fd_release(e);
			efree(e);
		} ZEND_HASH_FOREACH_END();
		zend_hash_clean(&ev.fds);
	}
	zval_ptr_dtor(&ev.defers);
	ZVAL_UNDEF(&ev.defers);
	zval_ptr_dtor(&ev.cycle);
	ZVAL_UNDEF(&ev.cycle);
	if (ev.made && tasksrv_loop_current() != &ev.loop) {
		ev.made = false;
	}
}

static ev_fd_t *fd_find(int fd)
{
	ev_fd_t *e;

	forget_parent();
	e = ev.fds_made ? zend_hash_index_find_ptr(&ev.fds, (zend_ulong) fd) : NULL;
	/* fclose() of a watched stream closed the fd (epoll forgot it): the entry is stale,
	 * and the number may already be another socket's. */
	if (e && Z_TYPE(e->sock) == IS_RESOURCE && Z_RES(e->sock)->type < 0) {
		fd_drop(e);
		e = NULL;
	}
	return e;
}

static bool callbacks_fit(ev_fd_t *e, int fd)
{
	if ((e->events & TASKSRV_EVENT_READ) && Z_ISUNDEF(e->rcb)) {
		php_error_docref(NULL, E_WARNING, "%s: unable to find readable callback of fd [%d]",
			ZSTR_VAL(tasksrv_event_ce->name), fd);
		return false;
	}
	if ((e->events & TASKSRV_EVENT_WRITE) && Z_ISUNDEF(e->wcb)) {
		php_error_docref(NULL, E_WARNING, "%s: unable to find writable callback of fd [%d]",
			ZSTR_VAL(tasksrv_event_ce->name), fd);
		return false;
	}
	return true;
}
/* }}} */

/* {{{ the script's loop */
static void loop_cleanup(void)
{
	ev_fd_t *e;

	if (ev.fds_made) {
		ZEND_HASH_FOREACH_PTR(&ev.fds, e) {
			fd_release(e);
			efree(e);
		} ZEND_HASH_FOREACH_END();
		zend_hash_clean(&ev.fds);
	}
	free_dead();
	zval_ptr_dtor(&ev.defers);
	ZVAL_UNDEF(&ev.defers);
	zval_ptr_dtor(&ev.cycle);
	ZVAL_UNDEF(&ev.cycle);
	tasksrv_timer_reset();
	if (ev.made) {
		tasksrv_loop_free(&ev.loop);
		ev.made = false;
	}
	ev.stop = false;
}

static bool has_defers(void)
{
	return Z_TYPE(ev.defers) == IS_ARRAY && zend_hash_num_elements(Z_ARRVAL(ev.defers)) > 0;
}

static void run_cycle(void)
{
	zval cb;

	if (Z_ISUNDEF(ev.cycle)) {
		return;
	}
	/* The callback may replace itself (cycle(null) or another). */
	ZVAL_COPY(&cb, &ev.cycle);
	tasksrv_php_loop_call(&cb, 0, NULL);
	zval_ptr_dtor(&cb);
}

static void run_defers(void)
{
	zval list, *cb;

	if (!has_defers()) {
		return;
	}
	/* Those a deferred callback adds wait for the next turn. */
	ZVAL_COPY_VALUE(&list, &ev.defers);
	ZVAL_UNDEF(&ev.defers);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(list), cb) {
		tasksrv_php_loop_call(cb, 0, NULL);
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&list);
}

/* Every loop of the process calls it once per turn, before it waits. */
static int on_turn(tasksrv_loop_t *loop, void *ctx)
{
	(void) ctx;
	free_dead();
	forget_parent();
	/* The hook runs before each wait: after the previous round of events, but on the
	 * script's loop the first time before any. Swoole runs deferred calls and cycle()
	 * at the end of a turn: they wait for the first round (not blocking, if any). */
	if (ev.first_turn && loop == &ev.loop) {
		ev.first_turn = false;
	} else {
		if (ev.cycle_before) {
			run_cycle();
		}
		run_defers();
		if (!ev.cycle_before) {
			run_cycle();
		}
	}
	if (loop == &ev.loop && ev.made) {
		if (ev.dispatch_turns > 0 && --ev.dispatch_turns == 0) {
			tasksrv_loop_stop(loop);
		}
		if (ev.stop || ev.fatal || EG(exception)
				|| (tasksrv_timer_count() == 0 && zend_hash_num_elements(&ev.fds) == 0 && !has_defers())) {
			tasksrv_loop_stop(loop);
		}
	}
	return has_defers();
}

bool tasksrv_php_loop_ready(void)
{
	forget_parent();
	if (tasksrv_loop_current() != NULL) {
		return true;
	}
	if (tasksrv_loop_init(&ev.loop) < 0) {
		php_error_docref(NULL, E_WARNING, "cannot create the event loop: %s", strerror(errno));
		return false;
	}
	ev.made = true;
	if (!ev.shutdown_hooked) {
		/* As Swoole: a script that leaves timers or fds behind runs them at its end. */
		php_shutdown_function_entry entry;
		zval callable;

		ZVAL_STRING(&callable, zend_hash_str_exists(CG(function_table), "swoole_event_rshutdown",
			sizeof("swoole_event_rshutdown") - 1) ? "swoole_event_rshutdown" : "TaskSrv\\Event::rshutdown");
		if (zend_fcall_info_init(&callable, 0, &entry.fci, &entry.fci_cache, NULL, NULL) == SUCCESS
				&& append_user_shutdown_function(&entry)) {
			ev.shutdown_hooked = true;
		} else {
			zval_ptr_dtor(&callable);
		}
	}
	return true;
}

/* Runs the script's loop until it is empty, Event::exit() or a fatal callback: then
 * the script ends (bail), as in Swoole; in the implicit wait at shutdown the other
 * shutdown functions still run. */
static void loop_wait(int turns, bool bail)
{
	bool fatal;

	forget_parent();
	if (!ev.made || tasksrv_loop_current() != &ev.loop || ev.running) {
		return;
	}
	ev.running = true;
	ev.first_turn = true;
	ev.dispatch_turns = turns;
	tasksrv_loop_run(&ev.loop);
	ev.running = false;
	ev.dispatch_turns = 0;
	if (turns > 0 && !ev.stop && !ev.fatal && !EG(exception)) {
		return; /* dispatch(): the loop stays */
	}
	fatal = ev.fatal;
	ev.fatal = false;
	loop_cleanup();
	if (fatal && bail) {
		zend_bailout();
	}
}
/* }}} */

/* {{{ TaskSrv\Event */
static void event_add(INTERNAL_FUNCTION_PARAMETERS)
{
	zval *zfd, *rcb, *wcb;
	zend_fcall_info rfci = empty_fcall_info, wfci = empty_fcall_info;
	zend_fcall_info_cache rfcc = empty_fcall_info_cache, wfcc = empty_fcall_info_cache;
	zend_long events = TASKSRV_EVENT_READ;
	ev_fd_t *e;
	int fd;

	ZEND_PARSE_PARAMETERS_START(1, 4)
		Z_PARAM_ZVAL(zfd)
		Z_PARAM_OPTIONAL
		Z_PARAM_FUNC_OR_NULL(rfci, rfcc)
		Z_PARAM_FUNC_OR_NULL(wfci, wfcc)
		Z_PARAM_LONG(events)
	ZEND_PARSE_PARAMETERS_END();

	rcb = rfci.size ? &rfci.function_name : NULL;
	wcb = wfci.size ? &wfci.function_name : NULL;

	fd = fd_of(zfd);
	if (fd < 0) {
		RETURN_FALSE;
	}
	if (fd_find(fd)) {
		php_error_docref(NULL, E_WARNING, "already exist");
		RETURN_FALSE;
	}
	if (!tasksrv_php_loop_ready()) {
		RETURN_FALSE;
	}
	e = ecalloc(1, sizeof(*e));
	e->events = (uint32_t) events & (TASKSRV_EVENT_READ | TASKSRV_EVENT_WRITE);
	if (rcb) {
		ZVAL_COPY(&e->rcb, rcb);
	}
	if (wcb) {
		ZVAL_COPY(&e->wcb, wcb);
	}
	if (!callbacks_fit(e, fd)) {
		fd_release(e);
		efree(e);
		RETURN_FALSE;
	}
	ZVAL_COPY(&e->sock, zfd);
	e->loop = tasksrv_loop_current();
	e->h.fn = fd_on_event;
	if (tasksrv_loop_add(e->loop, &e->h, fd, epoll_mask(e)) < 0) {
		php_error_docref(NULL, E_WARNING, "swoole_event_add failed: %s", strerror(errno));
		fd_release(e);
		efree(e);
		RETURN_FALSE;
	}
	if (!ev.fds_made) {
		zend_hash_init(&ev.fds, 8, NULL, NULL, 0);
		ev.fds_made = true;
	}
	zend_hash_index_update_ptr(&ev.fds, (zend_ulong) fd, e);
	RETURN_LONG(fd);
}

static ev_fd_t *registered(zval *zfd, bool warn, int *fdp)
{
	int fd = fd_of(zfd);
	ev_fd_t *e = fd >= 0 ? fd_find(fd) : NULL;

	if (fd >= 0 && e == NULL && warn) {
		php_error_docref(NULL, E_WARNING, "socket[%d] is not found in the reactor", fd);
	}
	if (fdp) {
		*fdp = fd;
	}
	return e;
}

static void event_del(INTERNAL_FUNCTION_PARAMETERS)
{
	zval *zfd;
	ev_fd_t *e;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(zfd)
	ZEND_PARSE_PARAMETERS_END();

	e = registered(zfd, false, NULL);
	if (e == NULL) {
		RETURN_FALSE;
	}
	fd_drop(e);
	RETURN_TRUE;
}

static void event_set(INTERNAL_FUNCTION_PARAMETERS)
{
	zval *zfd, *rcb, *wcb;
	zend_fcall_info rfci = empty_fcall_info, wfci = empty_fcall_info;
	zend_fcall_info_cache rfcc = empty_fcall_info_cache, wfcc = empty_fcall_info_cache;
	zend_long events = 0;
	ev_fd_t *e;
	uint32_t old_events;
	zval old_r, old_w;
	int fd;

	ZEND_PARSE_PARAMETERS_START(1, 4)
		Z_PARAM_ZVAL(zfd)
		Z_PARAM_OPTIONAL
		Z_PARAM_FUNC_OR_NULL(rfci, rfcc)
		Z_PARAM_FUNC_OR_NULL(wfci, wfcc)
		Z_PARAM_LONG(events)
	ZEND_PARSE_PARAMETERS_END();

	rcb = rfci.size ? &rfci.function_name : NULL;
	wcb = wfci.size ? &wfci.function_name : NULL;

	e = registered(zfd, true, &fd);
	if (e == NULL) {
		RETURN_FALSE;
	}
	old_events = e->events;
	ZVAL_COPY_VALUE(&old_r, &e->rcb);
	ZVAL_COPY_VALUE(&old_w, &e->wcb);
	/* null keeps a callback; 0 keeps the events. */
	if (rcb) {
		ZVAL_COPY(&e->rcb, rcb);
	}
	if (wcb) {
		ZVAL_COPY(&e->wcb, wcb);
	}
	if (events != 0) {
		e->events = (uint32_t) events & (TASKSRV_EVENT_READ | TASKSRV_EVENT_WRITE);
	}
	if (!callbacks_fit(e, fd)) {
		if (rcb) {
			zval_ptr_dtor(&e->rcb);
			ZVAL_COPY_VALUE(&e->rcb, &old_r);
		}
		if (wcb) {
			zval_ptr_dtor(&e->wcb);
			ZVAL_COPY_VALUE(&e->wcb, &old_w);
		}
		e->events = old_events;
		RETURN_FALSE;
	}
	if (rcb) {
		zval_ptr_dtor(&old_r);
	}
	if (wcb) {
		zval_ptr_dtor(&old_w);
	}
	tasksrv_loop_mod(e->loop, &e->h, epoll_mask(e));
	RETURN_TRUE;
}

static void event_isset(INTERNAL_FUNCTION_PARAMETERS)
{
	zval *zfd;
	zend_long events = TASKSRV_EVENT_READ | TASKSRV_EVENT_WRITE;
	ev_fd_t *e;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_ZVAL(zfd)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(events)
	ZEND_PARSE_PARAMETERS_END();

	e = registered(zfd, false, NULL);
	RETURN_BOOL(e != NULL && (e->events & (uint32_t) events) != 0);
}

static void event_write(INTERNAL_FUNCTION_PARAMETERS)
{
	zval *zfd;
	zend_string *data;
	ev_fd_t *e;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_ZVAL(zfd)
		Z_PARAM_STR(data)
	ZEND_PARSE_PARAMETERS_END();

	if (ZSTR_LEN(data) == 0) {
		php_error_docref(NULL, E_WARNING, "data empty");
		RETURN_FALSE;
	}
	e = registered(zfd, true, NULL);
	if (e == NULL) {
		RETURN_FALSE;
	}
	/* Queued whole; the loop writes it as the socket takes it. */
	e->out = erealloc(e->out, e->out_len + ZSTR_LEN(data));
	memcpy(e->out + e->out_len, ZSTR_VAL(data), ZSTR_LEN(data));
	e->out_len += ZSTR_LEN(data);
	tasksrv_loop_mod(e->loop, &e->h, epoll_mask(e));
	RETURN_TRUE;
}

static void event_defer(INTERNAL_FUNCTION_PARAMETERS)
{
	zend_fcall_info fci = empty_fcall_info;
	zend_fcall_info_cache fcc = empty_fcall_info_cache;
	zval *cb;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_FUNC(fci, fcc)
	ZEND_PARSE_PARAMETERS_END();

	cb = &fci.function_name;

	if (!tasksrv_php_loop_ready()) {
		RETURN_FALSE;
	}
	if (Z_TYPE(ev.defers) != IS_ARRAY) {
		array_init(&ev.defers);
	}
	Z_TRY_ADDREF_P(cb);
	add_next_index_zval(&ev.defers, cb);
	RETURN_TRUE;
}

static void event_cycle(INTERNAL_FUNCTION_PARAMETERS)
{
	zend_fcall_info fci = empty_fcall_info;
	zend_fcall_info_cache fcc = empty_fcall_info_cache;
	zval *cb;
	bool before = false;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_FUNC_OR_NULL(fci, fcc)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(before)
	ZEND_PARSE_PARAMETERS_END();

	cb = fci.size ? &fci.function_name : NULL;

	forget_parent();
	if (cb && !tasksrv_php_loop_ready()) {
		RETURN_FALSE;
	}
	zval_ptr_dtor(&ev.cycle);
	ZVAL_UNDEF(&ev.cycle);
	if (cb) {
		ZVAL_COPY(&ev.cycle, cb);
		ev.cycle_before = before;
	}
	RETURN_TRUE;
}

static void event_wait(INTERNAL_FUNCTION_PARAMETERS)
{
	ZEND_PARSE_PARAMETERS_NONE();
	loop_wait(0, true);
}

static void event_rshutdown(INTERNAL_FUNCTION_PARAMETERS)
{
	ZEND_PARSE_PARAMETERS_NONE();
	ev.shutdown_hooked = false;
	if (!standalone() || ev.running) {
		return;
	}
	php_error_docref(NULL, E_DEPRECATED, "Event::wait() in shutdown function is deprecated");
	loop_wait(0, false);
}

static void event_dispatch(INTERNAL_FUNCTION_PARAMETERS)
{
	ZEND_PARSE_PARAMETERS_NONE();
	forget_parent();
	if (!standalone() || ev.running) {
		RETURN_FALSE;
	}
	/* One turn: the loop stops at the start of the second. */
	loop_wait(2, true);
	RETURN_TRUE;
}

static void event_exit(INTERNAL_FUNCTION_PARAMETERS)
{
	ZEND_PARSE_PARAMETERS_NONE();
	forget_parent();
	if (standalone()) {
		ev.stop = true;
		tasksrv_loop_stop(&ev.loop);
	} else if (tasksrv_loop_current() != NULL) {
		php_error_docref(NULL, E_WARNING, "the server's event loop is left by stop() or shutdown(), not by Event::exit()");
	}
}

#define EVENT_FN(name) \
	ZEND_METHOD(TaskSrv_Event, name) { event_##name(INTERNAL_FUNCTION_PARAM_PASSTHRU); } \
	ZEND_FUNCTION(swoole_event_##name) { event_##name(INTERNAL_FUNCTION_PARAM_PASSTHRU); }
EVENT_FN(add)
EVENT_FN(del)
EVENT_FN(set)
EVENT_FN(isset)
EVENT_FN(write)
EVENT_FN(defer)
EVENT_FN(cycle)
EVENT_FN(wait)
EVENT_FN(rshutdown)
EVENT_FN(dispatch)
EVENT_FN(exit)
/* }}} */

/* {{{ process name */
ZEND_FUNCTION(swoole_set_process_name)
{
	zend_string *name;
	zend_function *fn;
	zval arg, rv;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(name)
	ZEND_PARSE_PARAMETERS_END();

	/* What Swoole does too: the CLI SAPI's title, in the argv/environ area ps reads. */
	fn = zend_hash_str_find_ptr(CG(function_table), "cli_set_process_title", sizeof("cli_set_process_title") - 1);
	if (fn == NULL) {
		php_error_docref(NULL, E_WARNING, "setting the process name needs the CLI SAPI's cli_set_process_title()");
		RETURN_FALSE;
	}
	ZVAL_STR(&arg, name);
	zend_call_known_function(fn, NULL, NULL, &rv, 1, &arg, NULL);
	if (EG(exception)) {
		RETURN_THROWS();
	}
	RETURN_BOOL(zend_is_true(&rv));
}
/* }}} */

void tasksrv_event_minit(bool swoole_names, int module_number)
{
	tasksrv_event_ce = register_class_TaskSrv_Event();
	REGISTER_NS_LONG_CONSTANT("TaskSrv", "EVENT_READ", TASKSRV_EVENT_READ, CONST_CS | CONST_PERSISTENT);
	REGISTER_NS_LONG_CONSTANT("TaskSrv", "EVENT_WRITE", TASKSRV_EVENT_WRITE, CONST_CS | CONST_PERSISTENT);
	if (swoole_names) {
		REGISTER_LONG_CONSTANT("SWOOLE_EVENT_READ", TASKSRV_EVENT_READ, CONST_CS | CONST_PERSISTENT);
		REGISTER_LONG_CONSTANT("SWOOLE_EVENT_WRITE", TASKSRV_EVENT_WRITE, CONST_CS | CONST_PERSISTENT);
		zend_register_class_alias("Swoole\\Event", tasksrv_event_ce);
	}
	tasksrv_php_register_functions(ext_functions, swoole_names);
	ZVAL_UNDEF(&ev.defers);
	ZVAL_UNDEF(&ev.cycle);
	pthread_atfork(NULL, NULL, on_fork_child);
	tasksrv_loop_set_turn(on_turn, NULL);
}
