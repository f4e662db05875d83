#!/bin/sh
# fuzz.sh: build the libFuzzer targets in tests/fuzz/ and run each for a
# bounded time.  Usage: scripts/fuzz.sh [SECONDS]   (default 60 per target)
#
# Each target tests/fuzz/fuzz_NAME.c is compiled with clang's
# -fsanitize=fuzzer,address,undefined together with the src/util and
# src/core files it needs (found by following its #include "util/..." and
# "core/..." lines), never with SQLite or curses, into build/fuzz/fuzz_NAME.
# It then runs on a scratch copy of tests/fuzz/corpus/fuzz_NAME/, so the
# checked-in seeds stay small.  A crash leaves build/fuzz/crash-fuzz_NAME-*
# and the log build/fuzz/fuzz_NAME.log; the exit status is then 1.
# Exit 2: clang or its fuzzer runtime is missing.
set -u
secs=${1:-60}
case $secs in
'' | *[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.." || exit 2

CC=${FUZZ_CC:-clang}
out=build/fuzz
targets=$(cd tests/fuzz && ls fuzz_*.c | sed 's/\.c$//')

if ! command -v "$CC" >/dev/null 2>&1; then
	echo "fuzz: $CC is missing; install it with:" \
	    "apt-get install clang libclang-rt-14-dev" >&2
	exit 2
fi
mkdir -p "$out"

# closure FILE: FILE and every src/util, src/core .c file it needs, following
# '#include "util/x.h"' and '#include "core/x.h"' (in sources and headers) to
# include/LAYER/x.h and src/LAYER/x.c.
closure() {
	todo=$1
	seen=""
	while [ -n "$todo" ]; do
		# shellcheck disable=SC2086 # split the work list into words
		set -- $todo
		f=$1
		shift
		todo="$*"
		case " $seen " in *" $f "*) continue ;; esac
		seen="$seen $f"
		for h in $(sed -n 's,^#include "\(util\|core\)/\([a-z0-9_]*\)\.h".*,\1/\2,p' "$f"); do
			[ -f "include/$h.h" ] && todo="$todo include/$h.h"
			[ -f "src/$h.c" ] && todo="$todo src/$h.c"
		done
	done
	for f in $seen; do
		case $f in *.c) printf '%s ' "$f" ;; esac
	done
}

# libs FILES: the libraries those sources need beyond libc.
libs() {
	case " $* " in *" src/util/config.c "*) printf '%s ' -liniparser ;; esac
	case " $* " in *" src/util/secure.c "*) printf '%s ' -lsodium ;; esac
}

failed=""
for t in $targets; do
	srcs=$(closure "tests/fuzz/$t.c")
	echo "fuzz: building $t ($srcs)"
	# shellcheck disable=SC2086,SC2046 # split the source and library lists
	if ! $CC -g -O1 -fsanitize=fuzzer,address,undefined \
	    -fno-sanitize-recover=all -std=c11 -Iinclude \
	    -I/usr/include/iniparser -D_DEFAULT_SOURCE \
	    -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=700 \
	    -DFD_LOCALEDIR='"/usr/share/locale"' -DFD_VERSION='"fuzz"' \
	    -DFD_SYSCONFDIR='"/etc"' \
	    -o "$out/$t" $srcs $(libs $srcs) -lm; then
		echo "fuzz: $t does not build" >&2
		failed="$failed $t"
		continue
	fi
	work="$out/corpus-$t"
	rm -rf "$work"
	mkdir -p "$work"
	[ -d "tests/fuzz/corpus/$t" ] && cp -R "tests/fuzz/corpus/$t/." "$work/"
	echo "fuzz: running $t for ${secs}s"
	if "$out/$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
	    -max_len=4096 -print_final_stats=1 \
	    -artifact_prefix="$out/crash-$t-" "$work" >"$out/$t.log" 2>&1; then
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' \
		    "$out/$t.log")
		echo "fuzz: $t ok (${runs:-?} runs," \
		    "$(find "$work" -type f | wc -l) corpus files)"
	else
		echo "fuzz: $t FAILED; see $out/$t.log" >&2
		tail -n 30 "$out/$t.log" >&2
		failed="$failed $t"
	fi
done
if [ -n "$failed" ]; then
	echo "fuzz: failed:$failed" >&2
	exit 1
fi
echo "fuzz: all targets ran ${secs}s without a crash"
