# Helpers for tests/cli/t_*.sh (sourced by run.sh, inside a fresh $TMP).

# run NAME RC CMD...: run CMD, expect exit status RC and the golden output.
run() {
	name=$1 want=$2; shift 2
	"$@" > "$TMP/$name.stdout" 2> "$TMP/$name.stderr" < "${STDIN:-/dev/null}"
	got=$?
	cat "$TMP/$name.stdout" "$TMP/$name.stderr" | sed "s|$TMP|\$TMP|g" > "$TMP/$name.out"
	golden="$top/tests/cli/golden/$name.out"
	if [ -n "$FD_UPDATE_GOLDEN" ]; then
		cp "$TMP/$name.out" "$golden"
	fi
	if [ "$got" != "$want" ]; then
		echo "not ok $name: exit status $got, expected $want"
		sed 's/^/    /' "$TMP/$name.out"
	elif ! diff -u "$golden" "$TMP/$name.out" > "$TMP/$name.diff" 2>&1; then
		echo "not ok $name: output differs from golden/$name.out"
		sed 's/^/    /' "$TMP/$name.diff"
	else
		echo "ok $name"
	fi
	STDIN=
}

# with_input TEXT: the next run() reads TEXT on standard input.
with_input() {
	printf '%s\n' "$@" > "$TMP/stdin"
	STDIN="$TMP/stdin"
}

# expect NAME CONDITION...: a check that is not about output.
expect() {
	name=$1; shift
	if "$@"; then echo "ok $name"; else echo "not ok $name: '$*' is false"; fi
}

finish() { :; }
