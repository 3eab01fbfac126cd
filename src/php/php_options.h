/* tasksrv: the options of Server::set(), as one table: name, type, range and
 * where the value goes. Known options are checked strictly; unknown ones are kept
 * in $server->setting with Swoole's "unsupported option" warning.
 * Each option has a row in docs/server.md's Options table, with the type and default
 * `php --ri tasksrv` prints (tests/server/docs_server_tables.phpt compares them). */
#ifndef TASKSRV_PHP_OPTIONS_H
#define TASKSRV_PHP_OPTIONS_H

#include "php.h"

typedef struct {
	zend_long worker_num;        /* 0: the mode's default */
	zend_long task_worker_num;
	zend_long log_level;
	zend_string *log_file;
	double max_wait_time;
	bool open_eof_check;
	bool open_eof_split;
	bool open_tcp_nodelay;
	bool enable_coroutine;       /* accepted; tasksrv has no coroutines */
	zend_long reactor_num;       /* accepted; BASE mode has no reactor threads */
	zend_string *package_eof;
	zend_long package_max_length;
	bool task_use_object;        /* also set by task_object and task_enable_coroutine */
	bool task_object;
	bool task_enable_coroutine;
	zend_long task_max_request;
	zend_long task_max_request_grace; /* -1: not given (N/2 when N > 10, as Swoole) */
	zend_long task_ipc_mode;
	zend_string *task_tmpdir;    /* validated; tasksrv never writes temp files */
	double task_timeout;         /* seconds; 0: no deadline */
	double task_timeout_grace;   /* SIGTERM to SIGKILL, seconds */
	zend_long task_queue_max;    /* 0: unlimited */
	zend_string *task_queue_full;/* "block" (default) or "reject" */
	zend_long max_request;       /* event worker recycling; 0: never */
	zend_long max_request_grace; /* -1: not given */
	bool open_length_check;
	zend_string *package_length_type;  /* NULL: 'N' */
	zend_long package_length_offset;
	zend_long package_body_offset;     /* also package_body_start */
	zval package_length_func;          /* UNDEF: not given */
	zend_fcall_info_cache package_length_fcc; /* filled at start */
	zend_long dispatch_mode;     /* SWOOLE_PROCESS: 1 round robin, 2 fd (default), 3 idle, 4 ip hash */
	zend_long max_conn;          /* also max_connection; 0: min(100000, RLIMIT_NOFILE) */
	zend_long backlog;
	zend_long heartbeat_check_interval; /* seconds; 0: off (or idle_time / 2 when that is given) */
	zend_long heartbeat_idle_time;      /* seconds; 0: 2 x interval */
	zend_long output_buffer_size;       /* also buffer_output_size: largest single send() */
	zend_long socket_buffer_size;       /* cap of a connection's queued output */
	zend_long buffer_high_watermark;    /* -1: 80% of socket_buffer_size */
	zend_long buffer_low_watermark;
	bool reload_async;           /* reload all at once (true) or one process at a time */
	bool daemonize;
	zend_string *pid_file;
	zend_string *log_date_format;/* strftime() format; NULL: "%Y-%m-%d %H:%M:%S" */
	bool process_title;          /* "tasksrv: worker #0" and so on (default true) */
	zend_string *task_backend;       /* redis://HOST:PORT[/DB]; NULL: tasks stay on this machine */
	zend_string *task_backend_queue; /* NULL: "tasksrv" */
	zend_long task_backend_lease;    /* seconds */
	zend_long task_backend_retries;  /* runs more of a task whose node died */
	zend_long task_backend_max_payload; /* bytes */
	zend_string *metrics_listen;     /* "HOST:PORT": GET /metrics (src/core/metrics_listen.c); NULL: none */
	zend_string *process_title_prefix; /* NULL: "tasksrv" */
	/* HTTP (src/php/php_http*.c) */
	bool open_http_protocol;     /* the port speaks HTTP/1.1 (Http\Server turns it on) */
	bool http_parse_post;
	bool http_parse_cookie;
	bool http_parse_files;
	zend_string *upload_tmp_dir; /* NULL: /tmp */
	zend_long upload_max_filesize; /* 0: package_max_length */
	bool http_compression;
	zend_long http_compression_level;
	zend_long compression_min_length;
	zend_string *document_root;  /* NULL: no static files */
	bool enable_static_handler;
	bool http_autoindex;         /* list a directory without an index file */
	zend_string *static_handler_locations; /* '\n'-joined URL prefixes; NULL: every path */
	zend_string *http_index_files;         /* '\n'-joined names; NULL: none */
	double http_header_timeout;  /* seconds a request's head may take to arrive; 0: no limit */
} tasksrv_options_t;

void tasksrv_options_init(tasksrv_options_t *o);
void tasksrv_options_free(tasksrv_options_t *o);
/* Checks every entry, then applies them all, or none: throws TypeError/ValueError
 * naming the key (argument arg_num of the calling method). */
zend_result tasksrv_options_apply(tasksrv_options_t *o, HashTable *settings, uint32_t arg_num);

/* One option as users read it (php --ri tasksrv, docs/server.md's Options table,
 * which tests/server/docs_server_tables.phpt keeps equal to this). Plain text only. */
typedef struct {
	const char *name;
	char type[96];     /* "int", "bool", "float", "string" or "string (a, b)" for a choice */
	char def[96];      /* the default as text: "auto" for a mode-dependent int, "none" for unset */
} tasksrv_option_info_t;

/* Fills info for the i-th option of the table; false past the last one. */
bool tasksrv_options_describe(size_t i, tasksrv_option_info_t *info);

#endif
