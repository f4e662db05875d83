#!/bin/sh
# run.sh: run every end-to-end scenario (tests/e2e/*.sh but lib.sh and
# run.sh) against a frontdesk binary, each in its own private tmux server.
# Usage: sh tests/e2e/run.sh build/frontdesk
# The last line is "N passed, N failed"; the exit status is 1 on a failure.
# FD_E2E_UPDATE=1 rewrites the .result files from the screens seen.
set -u
if [ $# -ne 1 ] || [ ! -x "$1" ]; then
	echo "usage: sh tests/e2e/run.sh path/to/frontdesk" >&2
	exit 2
fi
if ! command -v tmux >/dev/null 2>&1; then
	echo "e2e: tmux is missing (make deps installs it)" >&2
	echo "0 passed, 1 failed"
	exit 1
fi
FD_BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
export FD_BIN
dir=$(cd "$(dirname "$0")" && pwd)
pass=0
fail=0
for s in "$dir"/*.sh; do
	name=$(basename "$s" .sh)
	case $name in lib | run) continue ;; esac
	log="${TMPDIR:-/tmp}/fde2e-$name.$$.log"
	if sh "$s" >"$log" 2>&1; then
		pass=$((pass + 1))
		echo "ok   $name"
	else
		fail=$((fail + 1))
		echo "FAIL $name"
		tail -n 60 "$log"
	fi
	rm -f "$log"
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
