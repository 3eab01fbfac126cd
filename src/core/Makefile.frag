# The extension links the core as a static library, built by src/core/Makefile (the one
# place that says how) with configure's compiler and flags, into src/core/ of the build
# directory. It is remade when a core source, header or that Makefile is newer than it;
# the sub-make then recompiles only what changed. (config.m4 adds this fragment.)
TASKSRV_CORE_LIB = $(builddir)/src/core/libtasksrv_core.a
TASKSRV_SHARED_DEPENDENCIES = $(TASKSRV_CORE_LIB)
# The libraries the core uses (hiredis when the Redis backend is built) come after it.
TASKSRV_SHARED_LIBADD += -Wl,$(TASKSRV_CORE_LIB) $(TASKSRV_CORE_LIBS)

# The directory too: its time changes when a module is removed or renamed.
$(TASKSRV_CORE_LIB): $(wildcard $(srcdir)/src/core/*.c $(srcdir)/src/core/*.h $(srcdir)/src/core/*.re) $(srcdir)/src/core/Makefile $(srcdir)/src/core
	$(MAKE) -C $(srcdir)/src/core O="$(abspath $(builddir)/src/core)" CC="$(CC)" CFLAGS="$(CFLAGS_CLEAN)" TASKSRV_CFLAGS="$(TASKSRV_CFLAGS)"
	@touch $@
