# bench/release_ext.sh, sourced by bench/run and bench/http (from the work tree's root):
# build_ext makes the release build of tasksrv.so they measure and sets EXT (its path) and
# ext_desc (what it was built from). The caller defines say().
#
# The extension is built here, as a release build (no --enable-tasksrv-dev; the dev switch only
# adds warnings, the machine code is the same), from a snapshot of the work tree in
# bench/results/ext-<hash of the sources>/: a rebuild of modules/tasksrv.so by someone else
# during a run cannot change what is measured, and the table names the commit.
build_ext() {
	local files hash dir
	# The sources of src/ (the core's Makefile and fragment, re2c's .re files too), not what a
	# build left beside them.
	files="config.m4 config.w32 tasksrv.c php_tasksrv.h tasksrv_arginfo.h tasksrv.stub.php $(ls src/*/* | grep -E '\.(c|h|re|frag)$|/Makefile$')"
	hash=$(cat $files | sha1sum | cut -c1-12)
	dir=bench/results/ext-$hash
	if [ ! -f "$dir/modules/tasksrv.so" ]; then
		say "building a release tasksrv.so in $dir"
		rm -rf "$dir" && mkdir -p "$dir/src" || return 1
		# shellcheck disable=SC2086 # one path per word; the sources have no spaces
		cp --parents -t "$dir" $files || return 1
		(cd "$dir" && phpize >/dev/null 2>&1 && ./configure --enable-tasksrv >/dev/null 2>&1 && make -j2 >/dev/null 2>&1) \
			|| { say "build failed in $dir (see $dir/config.log)"; return 1; }
	fi
	# Keep the three most recently used builds.
	touch "$dir"
	ls -dt bench/results/ext-* 2>/dev/null | tail -n +4 | xargs -r rm -rf
	EXT=$PWD/$dir/modules/tasksrv.so
	ext_desc="release build of $(git rev-parse --short HEAD)$( [ -n "$(git status --porcelain -- $files 2>/dev/null)" ] && echo ' + uncommitted changes'), sources $hash"
	return 0
}
