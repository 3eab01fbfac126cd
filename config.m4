dnl tasksrv: a task-worker TCP server for PHP, compatible with Swoole\Server.

PHP_ARG_ENABLE([tasksrv],
  [whether to enable tasksrv],
  [AS_HELP_STRING([--enable-tasksrv], [Enable tasksrv])])

PHP_ARG_ENABLE([tasksrv-dev],
  [whether to build tasksrv with developer warnings],
  [AS_HELP_STRING([--enable-tasksrv-dev], [tasksrv: build with -Wall -Wextra -Werror])],
  [no], [no])

PHP_ARG_ENABLE([tasksrv-asan],
  [whether to build tasksrv with AddressSanitizer],
  [AS_HELP_STRING([--enable-tasksrv-asan], [tasksrv: build with -fsanitize=address])],
  [no], [no])

PHP_ARG_WITH([tasksrv-redis],
  [whether to build the tasksrv Redis task backend],
  [AS_HELP_STRING([--with-tasksrv-redis], [tasksrv: the Redis Streams task backend (task_backend, TaskNode), with hiredis; on when hiredis is found])],
  [auto], [no])

if test "$PHP_TASKSRV" != "no"; then
  case $host_alias in
    *linux*|"") ;;
    *) AC_MSG_WARN([tasksrv is developed on Linux: it needs epoll and prctl(PR_SET_PDEATHSIG)]) ;;
  esac
  AC_CHECK_HEADERS([sys/epoll.h sys/prctl.h], [], [AC_MSG_ERROR([tasksrv needs Linux (sys/epoll.h, sys/prctl.h)])])

  TASKSRV_CFLAGS="-std=gnu99 -D_GNU_SOURCE"
  TASKSRV_CORE_LIBS=""
  if test "$PHP_TASKSRV_DEV" != "no"; then
    dnl -Wno-unused-parameter as php-src itself: Zend's PHP_FUNCTION/PHP_MINIT macros give every
    dnl function parameters (type, module_number, execute_data) that most of them never read.
    TASKSRV_CFLAGS="$TASKSRV_CFLAGS -Wall -Wextra -Werror -Wno-unused-parameter -DTASKSRV_DEV"
  fi
  if test "$PHP_TASKSRV_ASAN" != "no"; then
    TASKSRV_CFLAGS="$TASKSRV_CFLAGS -fsanitize=address -fno-omit-frame-pointer"
    LDFLAGS="$LDFLAGS -fsanitize=address"
  fi

  dnl The Redis task backend (docs/distributed.md): src/core/transport_redis.c compiles to
  dnl nothing without TASKSRV_HAVE_REDIS, so a build without hiredis has no backend and says so.
  if test "$PHP_TASKSRV_REDIS" != "no"; then
    tasksrv_have_hiredis=no
    AC_CHECK_HEADER([hiredis/hiredis.h], [AC_CHECK_LIB([hiredis], [redisConnectWithTimeout], [tasksrv_have_hiredis=yes])])
    if test "$tasksrv_have_hiredis" = "yes"; then
      TASKSRV_CFLAGS="$TASKSRV_CFLAGS -DTASKSRV_HAVE_REDIS"
      dnl After the core library on the link line (Makefile.frag), which is what uses it
      dnl (-Wl, so that libtool keeps it there).
      TASKSRV_CORE_LIBS="-Wl,-lhiredis"
      dnl rediss:// (TLS) needs hiredis_ssl (hiredis >= 1.0 built with SSL; bookworm's 0.14.1 has none).
      dnl hiredis_ssl.h uses redisContext without including hiredis.h, hence the includes argument.
      AC_CHECK_HEADER([hiredis/hiredis_ssl.h], [AC_CHECK_LIB([hiredis_ssl], [redisInitiateSSLWithContext], [
        TASKSRV_CFLAGS="$TASKSRV_CFLAGS -DTASKSRV_HAVE_REDIS_TLS"
        TASKSRV_CORE_LIBS="-Wl,-lhiredis_ssl -Wl,-lhiredis"
      ], [AC_MSG_NOTICE([tasksrv: hiredis without hiredis_ssl: no rediss:// (TLS)])], [-lhiredis])],
        [AC_MSG_NOTICE([tasksrv: hiredis without hiredis_ssl: no rediss:// (TLS)])],
        [#include <hiredis/hiredis.h>])
    elif test "$PHP_TASKSRV_REDIS" = "yes"; then
      AC_MSG_ERROR([--with-tasksrv-redis: hiredis not found (Debian: libhiredis-dev)])
    else
      AC_MSG_NOTICE([tasksrv: hiredis not found, building without the Redis task backend])
    fi
  fi

  dnl The Zend-free core (every src/core/*.c) is a static library the extension links:
  dnl src/core/Makefile builds it, src/core/Makefile.frag makes it a dependency of the module
  dnl and adds it to TASKSRV_SHARED_LIBADD. A new core module needs no edit here.
  TASKSRV_GLUE="src/php/php_failure.c src/php/php_exceptions.c src/php/php_codec.c src/php/php_options.c src/php/php_protocol.c src/php/php_call.c src/php/php_server.c src/php/php_spare.c src/php/php_task.c src/php/php_port.c src/php/php_connections.c src/php/php_errors.c src/php/php_sysinfo.c src/php/php_process.c src/php/php_timer.c src/php/php_event.c"
  dnl Server's companions besides send() (sendfile/sendwait, Task::pack, getSocket, commands)
  TASKSRV_GLUE="$TASKSRV_GLUE src/php/php_send.c src/php/php_task_pack.c src/php/php_socket.c src/php/php_command.c"
  dnl The HTTP server (docs/http.md)
  TASKSRV_GLUE="$TASKSRV_GLUE src/php/php_http_server.c src/php/php_http_request.c src/php/php_http_response.c"

  dnl zlib for http_compression (gzip); without it responses are never compressed.
  PHP_ARG_WITH([tasksrv-zlib], [whether tasksrv uses zlib for HTTP compression],
    [AS_HELP_STRING([--without-tasksrv-zlib], [tasksrv: no gzip for http_compression])], [yes], [no])
  if test "$PHP_TASKSRV_ZLIB" != "no"; then
    AC_CHECK_HEADER([zlib.h], [
      PHP_CHECK_LIBRARY([z], [deflateInit2_], [
        AC_DEFINE([TASKSRV_HAVE_ZLIB], [1], [tasksrv: gzip through zlib])
        PHP_ADD_LIBRARY([z], [1], [TASKSRV_SHARED_LIBADD])
      ], [AC_MSG_WARN([tasksrv: zlib not found, http_compression is off])])
    ], [AC_MSG_WARN([tasksrv: zlib.h not found, http_compression is off])])
  fi

  dnl Shared state: Swoole\Atomic, Swoole\Lock, Swoole\Table (docs/shared.md)
  TASKSRV_GLUE="$TASKSRV_GLUE src/php/php_shared.c src/php/php_table.c"

  dnl The Redis task backend's PHP side (TaskNode, BackendException): always built
  TASKSRV_GLUE="$TASKSRV_GLUE src/php/php_backend.c"

  PHP_NEW_EXTENSION(tasksrv, tasksrv.c $TASKSRV_GLUE, $ext_shared,, $TASKSRV_CFLAGS)
  PHP_ADD_BUILD_DIR($ext_builddir/src/core)
  PHP_ADD_BUILD_DIR($ext_builddir/src/php)
  PHP_ADD_INCLUDE($ext_srcdir/src/core)
  PHP_ADD_INCLUDE($ext_srcdir/src/php)
  PHP_SUBST(TASKSRV_CFLAGS)
  PHP_SUBST(TASKSRV_SHARED_LIBADD)
  PHP_SUBST(TASKSRV_CORE_LIBS)
  PHP_ADD_MAKEFILE_FRAGMENT($ext_srcdir/src/core/Makefile.frag)
fi
