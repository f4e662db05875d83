#!/bin/sh
# make check-cli: golden tests of the command line.  Each tests/cli/t_*.sh runs
# commands through `run NAME RC CMD...`; the output (stdout then stderr) must
# equal tests/cli/golden/NAME.out with the temporary folder shown as $TMP.
# FD_UPDATE_GOLDEN=1 rewrites the golden files instead of comparing.
# Usage: run.sh BINARY
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
export BIN top
pass=0; fail=0
for t in "$top"/tests/cli/t_*.sh; do
	tmp=$(mktemp -d) || exit 1
	out=$(cd "$tmp" && env -i PATH="$PATH" HOME="$tmp" LC_ALL=C.UTF-8 \
		XDG_STATE_HOME="$tmp/state" XDG_CONFIG_HOME="$tmp/config" \
		XDG_DATA_HOME="$tmp/data" TMP="$tmp" BIN="$BIN" top="$top" \
		FD_UPDATE_GOLDEN="${FD_UPDATE_GOLDEN:-}" \
		FRONTDESK_CONFIG="$top/tests/fixtures/cli.ini" \
		sh -c '. "$top/tests/cli/lib.sh"; . "$1"; finish' sh "$t" 2>&1)
	rc=$?
	p=$(printf '%s\n' "$out" | grep -c '^ok ')
	f=$(printf '%s\n' "$out" | grep -c '^not ok ')
	pass=$((pass + p)); fail=$((fail + f))
	if [ $rc -ne 0 ] || [ "$f" -ne 0 ]; then
		printf '%s\n' "$out" | grep -v '^ok '
		[ "$f" -eq 0 ] && fail=$((fail + 1)) && echo "not ok $(basename "$t") exited $rc"
	fi
	rm -rf "$tmp"
done
echo "cli: $pass passed, $fail failed"
[ $fail -eq 0 ]
