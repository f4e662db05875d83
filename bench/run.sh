#!/bin/sh
# make bench: print each performance figure beside its target (DESIGN.md).
# A benchmark, not a test: shared machines are noisy, so nothing fails on time.
# Usage: run.sh BUILD_DIR
set -u
b=${1:-build}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
echo "frontdesk bench on $(nproc) cores, $(date '+%Y-%m-%d %H:%M')"
for x in "$b"/bench/bench_*; do
	[ -x "$x" ] || continue
	echo "== $(basename "$x")"
	LC_ALL=C.UTF-8 "$x" "$tmp" "$b/frontdesk" || echo "$(basename "$x") failed (exit $?)"
done
