# lib.sh: helpers for the end-to-end tests, sourced by each scenario.
# The real binary runs in a private tmux server (its own socket, no user
# configuration) under C.UTF-8 with a clean environment; keys go in with
# send-keys (Chinese with -l), screens come back with capture-pane and are
# compared with tests/e2e/NAME.result after the clock is masked.
# Waiting is always polling with a timeout, never a fixed sleep alone.
#
# Environment: FD_BIN (the binary, absolute), FD_E2E_UPDATE=1 rewrites the
# .result files from what is on screen (review the diff before committing).

set -u
E2E_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$E2E_DIR/../.." && pwd)
: "${FD_BIN:?FD_BIN must name the frontdesk binary}"
SOCK="fdtest$$"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/fde2e.XXXXXX")
DB="$TMP/demo.db"
INI="$ROOT/tests/fixtures/test.ini"
PANE=fd
FAILS=0

t() {
	tmux -L "$SOCK" -f /dev/null "$@"
}

# keep_server: a idle session that keeps the private server alive, so that
# killing the scenario's session never races with the server shutting down.
keep_server() {
	t has-session -t keep 2>/dev/null ||
	    t new-session -d -s keep -x 20 -y 5 'sleep 3600'
}

e2e_cleanup() {
	t kill-server 2>/dev/null
	rm -rf "$TMP"
}
trap e2e_cleanup EXIT
trap 'exit 1' INT TERM HUP

# fail MESSAGE: note a failure (the scenario goes on, exits 1 at the end).
fail() {
	echo "  FAIL: $*" >&2
	FAILS=$((FAILS + 1))
}

# demo_db: a fresh demo database for this scenario.
demo_db() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	"$FD_BIN" --db "$DB" demo --households 0 >/dev/null || { echo "cannot make $DB" >&2; exit 1; }
}

# start COLS LINES [VAR=value ...]: run frontdesk in a new pane.
start() {
	cols=$1; lines=$2; shift 2
	keep_server
	t kill-session -t "$PANE" 2>/dev/null
	t new-session -d -s "$PANE" -x "$cols" -y "$lines" \
	    "env -i LC_ALL=C.UTF-8 TERM=screen-256color HOME=$TMP PATH=/usr/bin:/bin \
	    ${FRONTDESK_LOCALEDIR:+FRONTDESK_LOCALEDIR=$FRONTDESK_LOCALEDIR} $* \
	    $FD_BIN --db $DB --config $INI; echo FRONTDESK-EXIT=\$?; sleep 600"
	t set-option -t "$PANE" remain-on-exit on >/dev/null
}

# run_in_pane COLS LINES COMMAND: a shell command in a new pane.
run_in_pane() {
	keep_server
	t kill-session -t "$PANE" 2>/dev/null
	t new-session -d -s "$PANE" -x "$1" -y "$2" \
	    "env -i LC_ALL=C.UTF-8 TERM=screen-256color HOME=$TMP PATH=/usr/bin:/bin \
	    ${FRONTDESK_LOCALEDIR:+FRONTDESK_LOCALEDIR=$FRONTDESK_LOCALEDIR} sh -c '$3'"
}

# keys KEY...: tmux key names (Enter, Escape, F1, C-s, Left ...).
keys() {
	t send-keys -t "$PANE" "$@"
}

# type TEXT: literal text, Chinese included.
type_text() {
	t send-keys -t "$PANE" -l "$1"
}

# screen: the pane as text, clock masked.
screen() {
	t capture-pane -p -t "$PANE" |
	    sed '1s/[0-2][0-9]:[0-5][0-9]\( *\)$/HH:MM\1/'
}

# wait_for TEXT [SECONDS]: poll until TEXT is on screen, then until the
# screen stops changing.  Returns 1 (and shows the screen) on timeout.
wait_for() {
	want=$1; limit=$(( ${2:-10} * 10 )); n=0
	while ! screen | grep -qF -- "$want"; do
		n=$((n + 1))
		if [ "$n" -ge "$limit" ]; then
			fail "timed out waiting for '$want'; the screen was:"
			screen >&2
			return 1
		fi
		sleep 0.1
	done
	settle
}

# wait_gone TEXT [SECONDS]: poll until TEXT has left the screen.
wait_gone() {
	want=$1; limit=$(( ${2:-10} * 10 )); n=0
	while screen | grep -qF -- "$want"; do
		n=$((n + 1))
		if [ "$n" -ge "$limit" ]; then
			fail "timed out waiting for '$want' to go"
			return 1
		fi
		sleep 0.1
	done
	settle
}

# settle: poll until two captures in a row are the same.
settle() {
	prev=""; n=0
	while [ "$n" -lt 30 ]; do
		cur=$(screen)
		[ "$cur" = "$prev" ] && return 0
		prev=$cur; n=$((n + 1))
		sleep 0.05
	done
}


# pick TITLE: press the digit shown beside the menu line TITLE (home, the
# fees menu ...), so a scenario holds when entries are added to a menu.
pick() {
	n=$(screen | sed -n "s/^ *\([0-9]\) $1 .*/\1/p" | head -n 1)
	[ -n "$n" ] || { fail "no menu entry '$1'"; screen >&2; return 1; }
	keys "$n"
}
# expect_screen NAME: the pane must equal tests/e2e/NAME.result.
expect_screen() {
	screen > "$TMP/$1.out"
	if [ "${FD_E2E_UPDATE:-0}" = 1 ]; then
		cp "$TMP/$1.out" "$E2E_DIR/$1.result"
		return 0
	fi
	if ! diff -u "$E2E_DIR/$1.result" "$TMP/$1.out" >&2; then
		fail "screen '$1' differs from $1.result"
	fi
}

# expect_text TEXT / expect_no_text TEXT: on screen now, or not.
expect_text() {
	screen | grep -qF -- "$1" || { fail "'$1' is not on screen"; screen >&2; }
}
expect_no_text() {
	if screen | grep -qF -- "$1"; then
		fail "'$1' should not be on screen"
		screen >&2
	fi
}

# cursor: "x,y" of the cursor in the pane.
cursor() {
	t display -p -t "$PANE" '#{cursor_x},#{cursor_y}'
}

# login USER [PASSWORD]: from the login screen to home.
login() {
	wait_for "frontdesk" || return 1
	type_text "$1"
	keys Enter
	type_text "${2:-demo1234}"
	keys Enter
}

# finish: the scenario's verdict.
finish() {
	[ "$FAILS" -eq 0 ]
	exit $?
}
